import pytest
from django.urls import reverse

from kucun.catalog.tests.factories import ProductFactory, SKUFactory
from kucun.core.tests.factories import OperatorFactory, UserFactory
from kucun.inventory.models import StockItem, StockMove
from kucun.inventory.services import stock_allocate
from kucun.inventory.tests.factories import WarehouseFactory, stocked

pytestmark = pytest.mark.django_db


@pytest.fixture
def warehouse(brand):
    return WarehouseFactory(brand=brand, name="杭州主仓")


@pytest.fixture
def item(brand, warehouse):
    sku = SKUFactory(product=ProductFactory(brand=brand, title="真丝衬衫"), code="SILK-001")
    return stocked(sku, warehouse, 40)


@pytest.fixture
def brand_client(client, brand_user):
    client.force_login(brand_user)
    return client


@pytest.fixture
def foreign_item():
    sku = SKUFactory(code="NOT-MINE-1")
    return stocked(sku, WarehouseFactory(brand=sku.brand), 9)


def test_the_stock_list_shows_on_hand_allocated_and_free(brand_client, item, foreign_item):
    stock_allocate(stock_item_id=item.pk, quantity=15, reference="campaign:1")

    page = brand_client.get(reverse("inventory:stock_list")).content.decode()

    assert "SILK-001" in page
    assert "真丝衬衫" in page
    assert ">40<" in page
    assert ">15<" in page
    assert "<b>25</b>" in page
    assert "NOT-MINE-1" not in page


def test_the_stock_list_searches_and_pages(brand_client, brand, warehouse, item):
    product = ProductFactory(brand=brand, title="羊毛大衣")
    for n in range(55):
        stocked(SKUFactory(product=product, code=f"COAT-{n:03d}"), warehouse, 1)

    found = brand_client.get(reverse("inventory:stock_list"), {"q": "silk"}).content.decode()
    first = brand_client.get(reverse("inventory:stock_list"), {"q": "大衣"}).content.decode()
    second = brand_client.get(reverse("inventory:stock_list"), {"q": "大衣", "page": 2})

    assert "SILK-001" in found
    assert "COAT-000" not in found
    assert "COAT-049" in first
    assert "COAT-050" not in first
    assert "COAT-054" in second.content.decode()
    assert "page=2" in first


def test_the_journal_page_lists_moves_and_proves_the_level(brand_client, item):
    stock_allocate(stock_item_id=item.pk, quantity=5, reference="campaign:7")

    page = brand_client.get(reverse("inventory:stock_detail", args=[item.pk])).content.decode()

    assert "campaign:7" in page
    assert "+5" in page
    assert "+40" in page
    assert 'id="journal-check"' in page
    assert "msg-success" in page


def test_the_journal_page_flags_a_level_its_journal_does_not_explain(brand_client, item):
    StockItem.objects.filter(pk=item.pk).update(on_hand=41)

    page = brand_client.get(reverse("inventory:stock_detail", args=[item.pk])).content.decode()

    assert 'class="msg msg-error" id="journal-check"' in page


def test_goods_are_received_by_sku_code(brand_client, brand, warehouse, item):
    response = brand_client.post(
        reverse("inventory:stock_receive"),
        {"sku_code": "SILK-001", "warehouse": warehouse.pk, "quantity": 12, "reference": "DN-88"},
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.on_hand == 52
    assert StockMove.objects.filter(reference="DN-88", actor__isnull=False).count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"sku_code": "NO-SUCH", "quantity": 3}, "sku_code"),
        ({"sku_code": "NOT-MINE-1", "quantity": 3}, "sku_code"),
        ({"sku_code": "SILK-001", "quantity": -3}, "quantity"),
        ({"sku_code": "SILK-001", "quantity": "lots"}, "quantity"),
    ],
)
def test_bad_receipts_are_form_errors(brand_client, warehouse, item, foreign_item, data, field):
    response = brand_client.post(
        reverse("inventory:stock_receive"), {"warehouse": warehouse.pk, **data}
    )

    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert StockMove.objects.count() == 2


def test_another_brands_warehouse_is_not_offered_or_accepted(brand_client, item):
    theirs = WarehouseFactory(name="别家仓库")

    page = brand_client.get(reverse("inventory:stock_receive")).content.decode()
    response = brand_client.post(
        reverse("inventory:stock_receive"),
        {"sku_code": "SILK-001", "warehouse": theirs.pk, "quantity": 3},
    )

    assert "别家仓库" not in page
    assert response.status_code == 400
    assert not StockItem.objects.filter(warehouse=theirs).exists()


def test_receiving_and_adjusting_from_the_journal_page(brand_client, item):
    receive = reverse("inventory:stock_item_receive", args=[item.pk])
    adjust = reverse("inventory:stock_item_adjust", args=[item.pk])
    stock_allocate(stock_item_id=item.pk, quantity=30, reference="campaign:1")

    brand_client.post(receive, {"quantity": 5})
    no_reason = brand_client.post(adjust, {"delta": -2, "note": ""})
    too_many = brand_client.post(adjust, {"delta": -16, "note": "盘亏"})
    brand_client.post(adjust, {"delta": -15, "note": "盘亏 15 件"})

    assert no_reason.status_code == 400
    assert too_many.status_code == 400
    assert 'class="errorlist' in too_many.content.decode()
    item.refresh_from_db()
    assert (item.on_hand, item.allocated) == (30, 30)


def test_brand_a_cannot_see_or_change_brand_bs_stock(brand_client, foreign_item):
    urls = [
        ("get", reverse("inventory:stock_detail", args=[foreign_item.pk]), {}),
        ("post", reverse("inventory:stock_item_receive", args=[foreign_item.pk]), {"quantity": 5}),
        (
            "post",
            reverse("inventory:stock_item_adjust", args=[foreign_item.pk]),
            {"delta": -5, "note": "x"},
        ),
    ]
    for method, url, data in urls:
        assert getattr(brand_client, method)(url, data).status_code == 404
    foreign_item.refresh_from_db()
    assert foreign_item.on_hand == 9


@pytest.mark.parametrize("make_user", [UserFactory, OperatorFactory])
def test_stock_pages_are_for_brand_users_only(client, item, make_user):
    url = reverse("inventory:stock_list")
    assert client.get(url).status_code == 302
    client.force_login(make_user())
    assert client.get(url).status_code == 403
    assert client.get(reverse("inventory:stock_detail", args=[item.pk])).status_code == 403
