import json

import pytest

from kucun.catalog.auth import token_hash
from kucun.catalog.models import BrandApiToken
from kucun.catalog.tests.factories import ProductFactory, SKUFactory
from kucun.core.tests.factories import UserFactory
from kucun.inventory.models import StockItem, StockMove
from kucun.inventory.tests.factories import WarehouseFactory, stocked

pytestmark = pytest.mark.django_db

API = "/api/inventory"


@pytest.fixture
def warehouse(brand):
    return WarehouseFactory(brand=brand, code="HZ")


@pytest.fixture
def item(brand, warehouse):
    return stocked(SKUFactory(product=ProductFactory(brand=brand), code="API-001"), warehouse, 20)


@pytest.fixture
def foreign_item():
    sku = SKUFactory(code="THEIRS-1")
    return stocked(sku, WarehouseFactory(brand=sku.brand), 9)


def post(client, url, data, **headers):
    return client.post(url, json.dumps(data), content_type="application/json", headers=headers)


def test_a_brand_lists_its_stock_and_warehouses(client, brand_user, item, foreign_item):
    cloud = WarehouseFactory(brand=None, code="CLOUD")
    client.force_login(brand_user)

    stock = client.get(f"{API}/stock").json()
    warehouses = client.get(f"{API}/warehouses").json()

    assert stock["count"] == 1
    assert stock["items"][0] | {"id": None} == {
        "id": None,
        "sku_id": item.sku_id,
        "sku_code": "API-001",
        "product_title": item.sku.product.title,
        "warehouse_id": item.warehouse_id,
        "warehouse_code": "HZ",
        "on_hand": 20,
        "allocated": 0,
        "free": 20,
    }
    assert {w["code"] for w in warehouses} == {"HZ", "CLOUD"}
    assert [w["is_cloud"] for w in warehouses if w["id"] == cloud.pk] == [True]


def test_an_erp_receives_and_adjusts_stock_with_its_token(client, brand, warehouse, item):
    BrandApiToken.objects.create(
        brand=brand, name="ERP", prefix="kc_x", token_hash=token_hash("t0k")
    )
    auth = {"Authorization": "Bearer t0k"}

    received = post(
        client,
        f"{API}/receive",
        {"sku_code": "API-001", "warehouse_id": warehouse.pk, "quantity": 5, "reference": "ASN-1"},
        **auth,
    )
    adjusted = post(client, f"{API}/stock/{item.pk}/adjust", {"delta": -3, "note": "破损"}, **auth)
    moves = client.get(f"{API}/stock/{item.pk}/moves", headers=auth).json()

    assert received.status_code == 201
    assert received.json()["on_hand"] == 25
    assert adjusted.json()["on_hand"] == 22
    assert [m["kind"] for m in moves["items"]] == ["adjust", "receipt", "receipt"]
    assert moves["items"][0]["actor"] is None


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"sku_code": "NOPE", "quantity": 5}, "inventory.unknown_sku"),
        ({"sku_code": "THEIRS-1", "quantity": 5}, "inventory.unknown_sku"),
        ({"sku_code": "API-001", "quantity": -5}, "inventory.bad_quantity"),
        (
            {"sku_code": "API-001", "quantity": 5, "warehouse_id": 10**12},
            "inventory.unknown_warehouse",
        ),
    ],
)
def test_bad_receipts_are_refused_with_a_code(
    client, brand_user, warehouse, item, foreign_item, data, code
):
    client.force_login(brand_user)

    response = post(client, f"{API}/receive", {"warehouse_id": warehouse.pk, **data})

    assert response.status_code == 400
    assert response.json()["code"] == code
    assert StockMove.objects.count() == 2


def test_an_adjustment_below_allocated_stock_is_a_409(client, brand_user, item):
    from kucun.inventory.services import stock_allocate

    stock_allocate(stock_item_id=item.pk, quantity=15, reference="campaign:1")
    client.force_login(brand_user)

    response = post(client, f"{API}/stock/{item.pk}/adjust", {"delta": -6, "note": "盘亏"})

    assert response.status_code == 409
    assert response.json()["code"] == "inventory.insufficient_stock"
    item.refresh_from_db()
    assert item.on_hand == 20


def test_brand_a_cannot_read_or_change_brand_bs_stock(client, brand_user, foreign_item):
    client.force_login(brand_user)

    assert client.get(f"{API}/stock/{foreign_item.pk}").status_code == 404
    assert client.get(f"{API}/stock/{foreign_item.pk}/moves").status_code == 404
    adjust = post(client, f"{API}/stock/{foreign_item.pk}/adjust", {"delta": 5, "note": "x"})
    assert adjust.status_code == 404
    assert StockItem.objects.get(pk=foreign_item.pk).on_hand == 9


def test_the_stock_api_refuses_anonymous_callers_and_other_roles(client, item):
    assert client.get(f"{API}/stock").status_code == 401
    assert client.get(f"{API}/stock", headers={"Authorization": "Bearer wrong"}).status_code == 401
    client.force_login(UserFactory())
    assert client.get(f"{API}/stock").status_code == 403


def test_absurd_ids_are_simply_not_found(client, brand_user, item):
    client.force_login(brand_user)
    huge = 10**20

    listing = client.get(f"{API}/stock", {"warehouse_id": huge})
    one = client.get(f"{API}/stock/{huge}")

    assert (listing.status_code, listing.json()["count"]) == (200, 0)
    assert one.status_code == 404


@pytest.mark.parametrize("query", [{"limit": 10**22}, {"offset": 10**22}, {"offset": 2**63}])
def test_absurd_paging_numbers_are_a_422_naming_the_parameter(client, brand_user, item, query):
    client.force_login(brand_user)

    for url in (f"{API}/stock", f"{API}/stock/{item.pk}/moves"):
        response = client.get(url, query)

        assert response.status_code == 422
        assert response.json()["data"][0]["loc"] == ["query", next(iter(query))]


def test_the_last_possible_offset_is_simply_an_empty_page(client, brand_user, item):
    client.force_login(brand_user)

    response = client.get(f"{API}/stock", {"offset": 2_147_483_647, "limit": 1000})

    assert response.status_code == 200
    assert response.json() == {"items": [], "count": 1}
