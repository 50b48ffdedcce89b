import pytest
from django.urls import reverse

from kucun.catalog.tests.factories import BrandFactory, SKUFactory
from kucun.core.tests.factories import OperatorFactory
from kucun.inventory.models import StockItem, Warehouse
from kucun.inventory.tests.factories import WarehouseFactory, stocked

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator_client(client):
    client.force_login(OperatorFactory())
    return client


def test_an_operator_adds_a_warehouse_in_the_admin(operator_client):
    brand = BrandFactory()

    response = operator_client.post(
        reverse("admin:inventory_warehouse_add"),
        {"brand": brand.pk, "code": "SZ01", "name": "深圳仓", "address": "宝安区"},
    )

    assert response.status_code == 302
    assert Warehouse.objects.get(code="SZ01").brand == brand


def test_stock_levels_and_moves_are_read_only_in_the_admin(operator_client):
    sku = SKUFactory()
    item = stocked(sku, WarehouseFactory(brand=sku.brand), 10)
    move = item.moves.get()

    listing = operator_client.get(reverse("admin:inventory_stockitem_changelist"))
    journal = operator_client.get(
        reverse("admin:inventory_stockmove_changelist") + f"?stock_item__id__exact={item.pk}"
    )
    change = operator_client.post(
        reverse("admin:inventory_stockitem_change", args=[item.pk]), {"on_hand": 999}
    )
    add = operator_client.get(reverse("admin:inventory_stockmove_add"))
    delete = operator_client.post(
        reverse("admin:inventory_stockmove_delete", args=[move.pk]), {"post": "yes"}
    )

    assert listing.status_code == 200
    assert sku.code in listing.content.decode()
    assert journal.status_code == 200
    assert (change.status_code, add.status_code, delete.status_code) == (403, 403, 403)
    assert StockItem.objects.get(pk=item.pk).on_hand == 10
    assert item.moves.count() == 1
