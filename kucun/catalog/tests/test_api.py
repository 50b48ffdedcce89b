"""The catalogue API: token and session auth, isolation between brands, bulk calls all-or-nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kucun.catalog.models import SKU, BrandStatus, ImportJob, ImportStatus, Product
from kucun.catalog.services import brand_api_token_create, brand_api_token_revoke
from kucun.catalog.tests.factories import BrandFactory, ProductFactory, SKUFactory
from kucun.catalog.tests.helpers import csv_bytes, row
from kucun.core.tests.factories import OperatorFactory, UserFactory
from kucun.inventory.models import StockItem, StockMove
from kucun.inventory.selectors import stock_journal_mismatches
from kucun.inventory.services import stock_allocate
from kucun.inventory.tests.factories import WarehouseFactory, stocked

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(brand, brand_user):
    _token, plain = brand_api_token_create(brand=brand, name="ERP", actor=brand_user)
    return plain


@pytest.fixture
def erp(client, token):
    """A client that authenticates like an ERP: a bearer token, no session."""

    class Erp:
        def __getattr__(self, method):
            def call(path, data=None, **kwargs):
                kwargs.setdefault("content_type", "application/json")
                return getattr(client, method)(
                    "/api/catalog" + path, data, HTTP_AUTHORIZATION=f"Bearer {token}", **kwargs
                )

            return call

    return Erp()


def payload(*products):
    return {"products": list(products)}


def product(code="P1", title="纯棉T恤", skus=None, **extra):
    skus = skus or [
        {"code": f"{code}-M", "size": "M", "tag_price_fen": 19900, "supply_price_fen": 8000}
    ]
    return {"code": code, "title": title, "category": "服装/男装/T恤", "skus": skus, **extra}


def test_bulk_upsert_creates_products_and_skus_and_is_idempotent(erp, brand):
    body = payload(
        product("P1", skus=[
            {"code": "P1-M", "color": "白", "size": "M", "tag_price_fen": 19900, "supply_price_fen": 8000},
            {"code": "P1-L", "color": "白", "size": "L", "tag_price_fen": 19900, "supply_price_fen": 8000},
        ]),
        product("P2", title="卫衣", attributes={"材质": "棉"}),
    )  # fmt: skip

    first = erp.post("/products/bulk-upsert", body)
    again = erp.post("/products/bulk-upsert", body)

    assert first.status_code == 200, first.json()
    assert first.json()["skus_created"] == 3
    assert first.json()["products_created"] == 2
    assert again.json() == {
        "products_created": 0, "products_updated": 0, "products_unchanged": 2,
        "skus_created": 0, "skus_updated": 0, "skus_unchanged": 3,
    }  # fmt: skip
    assert Product.objects.get(code="P2").attributes == {"材质": "棉"}
    assert SKU.objects.filter(brand=brand).count() == 3


def test_bulk_upsert_reports_each_bad_item_by_index_and_writes_nothing(erp):
    body = payload(
        product("OK"),
        product("BAD", skus=[
            {"code": "BAD-1", "tag_price_fen": 10000, "supply_price_fen": 12000},
            {"code": "", "tag_price_fen": 10000, "supply_price_fen": 5000},
        ]),
        product("NOTITLE", title=""),
    )  # fmt: skip

    response = erp.post("/products/bulk-upsert", body)

    assert response.status_code == 400
    problem = response.json()
    assert problem["code"] == "catalog.import_invalid"
    where = {(error["index"], error["field"]) for error in problem["data"]["errors"]}
    assert where == {(1, "skus[0].supply_price_fen"), (1, "skus[1].code"), (2, "title")}
    assert not Product.objects.exists()


def test_a_malformed_body_is_a_422_not_a_500(erp):
    response = erp.post("/products/bulk-upsert", {"products": [{"code": "P1"}]})

    assert response.status_code == 422
    assert not Product.objects.exists()


def test_stock_levels_are_set_in_bulk_and_explained_by_the_journal(erp, brand, warehouse):
    sku = SKUFactory(product=ProductFactory(brand=brand), code="S1")
    levels = [{"sku_code": "S1", "warehouse": "BJ01", "on_hand": 30}]

    first = erp.put("/stock", levels)
    again = erp.put("/stock", levels)
    lower = erp.put("/stock", [{"sku_code": "S1", "warehouse": "BJ01", "on_hand": 12}])

    assert first.json() == {"stock_changed": 1, "stock_unchanged": 0}
    assert again.json() == {"stock_changed": 0, "stock_unchanged": 1}
    assert lower.json()["stock_changed"] == 1
    assert StockItem.objects.get(sku=sku).on_hand == 12
    assert list(StockMove.objects.order_by("id").values_list("on_hand_delta", flat=True)) == [
        30,
        -18,
    ]
    assert stock_journal_mismatches() == []


def test_bad_stock_levels_are_all_reported_and_nothing_changes(erp, brand, warehouse):
    sku = SKUFactory(product=ProductFactory(brand=brand), code="S1")
    item = stocked(sku, warehouse, 10)
    stock_allocate(stock_item_id=item.pk, quantity=4, reference="campaign:1")
    theirs = SKUFactory(code="THEIRS")  # another brand's SKU

    response = erp.put("/stock", [
        {"sku_code": "S1", "warehouse": "BJ01", "on_hand": 3},
        {"sku_code": "NOPE", "warehouse": "BJ01", "on_hand": 1},
        {"sku_code": "S1", "warehouse": "ELSEWHERE", "on_hand": 1},
        {"sku_code": "S1", "warehouse": "BJ01", "on_hand": -1},
        {"sku_code": theirs.code, "warehouse": "BJ01", "on_hand": 1},
    ])  # fmt: skip

    assert response.status_code == 400
    assert sorted({error["index"] for error in response.json()["data"]["errors"]}) == [
        0,
        1,
        2,
        3,
        4,
    ]
    item.refresh_from_db()
    assert (item.on_hand, item.allocated) == (10, 4)


def test_products_are_listed_and_read_with_their_skus(erp, brand):
    sku = SKUFactory(
        product=ProductFactory(brand=brand, code="P1"), code="P1-M", tag_price_fen=29900
    )
    ProductFactory(code="THEIRS")

    listed = erp.get("/products").json()
    one = erp.get(f"/products/{sku.product.pk}").json()

    assert listed["count"] == 1
    assert listed["items"][0]["code"] == "P1"
    assert one["skus"][0] == {
        "id": sku.pk, "code": "P1-M", "color": "白色", "size": "M", "barcode": "",
        "tag_price_fen": 29900, "supply_price_fen": 6000, "is_active": True,
    }  # fmt: skip
    assert one["category"] == sku.product.category.path


def test_a_token_of_one_brand_cannot_read_or_change_another_brands_data(erp, brand):
    other = BrandFactory()
    theirs = SKUFactory(
        product=ProductFactory(brand=other, code="THEIRS"), code="THEIR-SKU", supply_price_fen=5000
    )
    stocked(theirs, WarehouseFactory(brand=other, code="W-THEIRS"), 7)
    their_job = ImportJob.objects.create(
        brand=other, file=SimpleUploadedFile("a.csv", b"x"), original_name="a.csv"
    )

    read = erp.get(f"/products/{theirs.product.pk}")
    job = erp.get(f"/imports/{their_job.pk}")
    stock = erp.put("/stock", [{"sku_code": "THEIR-SKU", "warehouse": "W-THEIRS", "on_hand": 0}])
    upsert = erp.post("/products/bulk-upsert", payload(product("THEIRS", skus=[
        {"code": "THEIR-SKU", "tag_price_fen": 100, "supply_price_fen": 1}])))  # fmt: skip

    assert read.status_code == job.status_code == 404
    assert stock.status_code == 400
    assert upsert.status_code == 200  # a product of the same code, in its own catalogue
    theirs.refresh_from_db()
    assert theirs.supply_price_fen == 5000
    assert theirs.product.brand == other
    assert StockItem.objects.get(sku=theirs).on_hand == 7
    assert Product.objects.filter(code="THEIRS", brand=brand).exists()


def test_a_revoked_or_wrong_token_is_refused(client, brand, brand_user, token):
    from kucun.catalog.models import BrandApiToken

    brand_api_token_revoke(token=BrandApiToken.objects.get(), actor=brand_user)

    revoked = client.get("/api/catalog/products", HTTP_AUTHORIZATION=f"Bearer {token}")
    wrong = client.get("/api/catalog/products", HTTP_AUTHORIZATION="Bearer kc_made-up")
    none = client.get("/api/catalog/products")

    assert revoked.status_code == wrong.status_code == none.status_code == 401


def test_a_brand_user_session_works_and_a_reseller_session_is_forbidden(client, brand, brand_user):
    ProductFactory(brand=brand, code="MINE")

    client.force_login(brand_user)
    mine = client.get("/api/catalog/products")
    client.force_login(UserFactory())
    reseller = client.get("/api/catalog/products")

    assert mine.status_code == 200
    assert mine.json()["items"][0]["code"] == "MINE"
    assert reseller.status_code == 403


def test_a_file_uploaded_through_the_api_is_imported_and_its_job_readable(
    erp, client, token, brand, warehouse, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile(
        "erp.csv", csv_bytes([row(warehouse="BJ01", stock="4"), row(sku="S2", supply="999")])
    )

    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            "/api/catalog/imports", {"file": upload}, HTTP_AUTHORIZATION=f"Bearer {token}"
        )
    job = erp.get(f"/imports/{created.json()['id']}").json()

    assert created.status_code == 202
    assert job["status"] == ImportStatus.FAILED
    assert job["errors"][0]["line"] == 3
    assert job["errors"][0]["column"] == "供货价"
    assert erp.get("/imports").json()["count"] == 1
    assert not SKU.objects.exists()


def test_an_operator_approves_and_rejects_brands_through_the_api(client):
    brand = BrandFactory(status=BrandStatus.PENDING)
    client.force_login(OperatorFactory())

    no_note = client.post(
        f"/api/catalog/brands/{brand.pk}/review",
        {"approve": False},
        content_type="application/json",
    )
    approved = client.post(
        f"/api/catalog/brands/{brand.pk}/review", {"approve": True}, content_type="application/json"
    )
    missing = client.post(
        "/api/catalog/brands/999999/review", {"approve": True}, content_type="application/json"
    )

    assert no_note.status_code == 400
    assert no_note.json()["code"] == "catalog.note_required"
    assert approved.status_code == 200
    assert approved.json()["status"] == BrandStatus.APPROVED
    assert missing.status_code == 404


def test_a_brand_user_cannot_review_brands(client, brand_user):
    brand = BrandFactory(status=BrandStatus.PENDING)
    client.force_login(brand_user)

    response = client.post(
        f"/api/catalog/brands/{brand.pk}/review", {"approve": True}, content_type="application/json"
    )

    assert response.status_code == 403
    brand.refresh_from_db()
    assert brand.status == BrandStatus.PENDING


def test_a_suspended_brand_cannot_write_through_the_api(erp, brand):
    from kucun.catalog.services import brand_review

    brand_review(brand=brand, approve=False, note="资质过期", actor=OperatorFactory())

    response = erp.post("/products/bulk-upsert", payload(product()))

    assert response.status_code == 403
    assert not Product.objects.exists()


@pytest.mark.parametrize("path", ["/products", "/imports"])
def test_an_absurd_page_number_is_a_422_and_the_last_page_is_empty(erp, brand, path):
    ProductFactory(brand=brand)

    absurd = erp.get(path, {"page": 10**30}, content_type=None)
    last = erp.get(path, {"page": 2_147_483_647, "page_size": 10**30}, content_type=None)

    assert absurd.status_code == 422
    assert absurd.json()["data"][0]["loc"] == ["query", "page"]
    assert last.status_code == 200
    assert last.json()["items"] == []
