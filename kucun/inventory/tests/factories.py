import factory

from kucun.catalog.models import SKU
from kucun.catalog.tests.factories import BrandFactory
from kucun.inventory.models import StockItem, Warehouse
from kucun.inventory.services import stock_receive


class WarehouseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Warehouse

    brand = factory.SubFactory(BrandFactory)
    code = factory.Sequence(lambda n: f"WH{n:03d}")
    name = factory.Sequence(lambda n: f"仓库{n}")


def stocked(sku: SKU, warehouse: Warehouse, quantity: int) -> StockItem:
    """Put ``quantity`` units of ``sku`` in ``warehouse`` the way real stock arrives."""
    move = stock_receive(sku=sku, warehouse=warehouse, quantity=quantity, reference="test")
    return StockItem.objects.get(pk=move.stock_item_id)
