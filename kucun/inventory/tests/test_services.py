import pytest

from kucun.catalog.tests.factories import BrandFactory, ProductFactory, SKUFactory
from kucun.core.errors import Conflict, InvalidInput
from kucun.inventory.models import MoveKind, StockItem, StockMove
from kucun.inventory.selectors import stock_journal_mismatches
from kucun.inventory.services import (
    stock_adjust,
    stock_allocate,
    stock_receive,
    stock_release,
    stock_set_level,
    stock_set_levels,
)
from kucun.inventory.tests.factories import WarehouseFactory, stocked

pytestmark = pytest.mark.django_db


@pytest.fixture
def brand():
    return BrandFactory()


@pytest.fixture
def warehouse(brand):
    return WarehouseFactory(brand=brand)


@pytest.fixture
def sku(brand):
    return SKUFactory(product=ProductFactory(brand=brand))


def level(item: StockItem) -> tuple[int, int]:
    item.refresh_from_db()
    return item.on_hand, item.allocated


def test_receiving_goods_raises_on_hand_with_a_receipt_line(sku, warehouse):
    move = stock_receive(sku=sku, warehouse=warehouse, quantity=40, reference="PO-1", note="首批")

    item = StockItem.objects.get(sku=sku, warehouse=warehouse)
    assert level(item) == (40, 0)
    assert (move.kind, move.on_hand_delta, move.reference) == (MoveKind.RECEIPT, 40, "PO-1")


@pytest.mark.parametrize("quantity", [0, -3, 2_000_000_000, True])
def test_a_receipt_of_a_silly_quantity_is_refused_and_writes_nothing(sku, warehouse, quantity):
    with pytest.raises(InvalidInput) as caught:
        stock_receive(sku=sku, warehouse=warehouse, quantity=quantity)

    assert caught.value.code == "inventory.bad_quantity"
    assert not StockMove.objects.exists()


def test_stock_cannot_be_received_into_another_brands_warehouse(sku):
    with pytest.raises(InvalidInput) as caught:
        stock_receive(sku=sku, warehouse=WarehouseFactory(), quantity=5)

    assert caught.value.code == "inventory.foreign_warehouse"
    assert not StockItem.objects.exists()


def test_the_cloud_warehouse_takes_any_brands_stock(sku):
    cloud = WarehouseFactory(brand=None, code="CLOUD")

    stock_receive(sku=sku, warehouse=cloud, quantity=5)

    assert StockItem.objects.get(warehouse=cloud).on_hand == 5


def test_a_long_reference_is_refused_rather_than_cut(sku, warehouse):
    with pytest.raises(InvalidInput) as caught:
        stock_receive(sku=sku, warehouse=warehouse, quantity=5, reference="R" * 65)

    assert caught.value.code == "inventory.reference_too_long"


def test_an_adjustment_needs_a_reason_and_cannot_touch_allocated_units(sku, warehouse):
    item = stocked(sku, warehouse, 50)
    stock_allocate(stock_item_id=item.pk, quantity=30, reference="campaign:1")

    with pytest.raises(InvalidInput) as no_reason:
        stock_adjust(stock_item=item, delta=-5, note="  ")
    with pytest.raises(Conflict) as too_much:
        stock_adjust(stock_item=item, delta=-21, note="盘亏")
    stock_adjust(stock_item=item, delta=-20, note="水渍损坏 20 件")

    assert no_reason.value.code == "inventory.note_required"
    assert too_much.value.code == "inventory.insufficient_stock"
    assert level(item) == (30, 30)
    assert stock_journal_mismatches() == []


def test_allocation_takes_only_free_units_and_release_gives_them_back(sku, warehouse):
    item = stocked(sku, warehouse, 10)

    stock_allocate(stock_item_id=item.pk, quantity=8, reference="campaign:1")
    with pytest.raises(Conflict) as caught:
        stock_allocate(stock_item_id=item.pk, quantity=3, reference="campaign:2")
    stock_release(stock_item_id=item.pk, quantity=8, reference="campaign:1")
    with pytest.raises(Conflict):
        stock_release(stock_item_id=item.pk, quantity=1, reference="campaign:1")

    assert caught.value.code == "inventory.insufficient_stock"
    assert caught.value.data == {"sku": sku.code, "free": 2, "wanted": 3}
    assert level(item) == (10, 0)
    assert stock_journal_mismatches() == []


def test_setting_a_level_writes_the_difference_and_resending_it_writes_nothing(sku, warehouse):
    item = stocked(sku, warehouse, 10)

    move = stock_set_level(sku=sku, warehouse=warehouse, on_hand=25, reference="stocktake")
    again = stock_set_level(sku=sku, warehouse=warehouse, on_hand=25, reference="stocktake")

    assert move.on_hand_delta == 15
    assert again is None
    assert level(item) == (25, 0)


def test_a_level_below_what_campaigns_hold_is_refused(sku, warehouse):
    item = stocked(sku, warehouse, 10)
    stock_allocate(stock_item_id=item.pk, quantity=6, reference="campaign:1")

    with pytest.raises(Conflict) as caught:
        stock_set_level(sku=sku, warehouse=warehouse, on_hand=5)

    assert caught.value.code == "inventory.below_allocated"
    assert level(item) == (10, 6)


def test_many_levels_are_set_at_once_all_or_nothing(brand, warehouse):
    skus = [SKUFactory(product=ProductFactory(brand=brand)) for _ in range(4)]
    stocked(skus[0], warehouse, 10)
    held = stocked(skus[1], warehouse, 10)
    stock_allocate(stock_item_id=held.pk, quantity=8, reference="campaign:1")

    with pytest.raises(Conflict) as caught:
        stock_set_levels(
            levels=[(skus[0], warehouse, 20), (skus[1], warehouse, 5), (skus[2], warehouse, 7)],
            reference="import:1",
        )
    assert caught.value.code == "inventory.below_allocated"
    assert StockItem.objects.get(sku=skus[0]).on_hand == 10, "nothing was written"

    moves = stock_set_levels(
        levels=[
            (skus[0], warehouse, 20),
            (skus[1], warehouse, 10),
            (skus[2], warehouse, 7),
            (skus[3], warehouse, 0),
        ],
        reference="import:2",
    )

    assert sorted(m.on_hand_delta for m in moves) == [7, 10]
    assert StockItem.objects.get(sku=skus[2]).on_hand == 7
    assert StockItem.objects.get(sku=skus[3]).on_hand == 0
    assert stock_set_levels(levels=[(skus[2], warehouse, 7)], reference="import:3") == []
    assert stock_journal_mismatches() == []


def test_a_level_given_twice_in_one_batch_is_refused(sku, warehouse):
    with pytest.raises(InvalidInput) as caught:
        stock_set_levels(levels=[(sku, warehouse, 1), (sku, warehouse, 2)])

    assert caught.value.code == "inventory.duplicate_level"
    assert not StockItem.objects.exists()


def test_setting_a_thousand_levels_takes_a_few_dozen_queries_not_thousands(
    brand, warehouse, django_assert_max_num_queries
):
    product = ProductFactory(brand=brand)
    skus = [SKUFactory(product=product) for _ in range(1000)]

    with django_assert_max_num_queries(30):
        moves = stock_set_levels(
            levels=[(sku, warehouse, i + 1) for i, sku in enumerate(skus)], reference="erp"
        )

    assert len(moves) == 1000
    assert stock_journal_mismatches() == []


def test_the_journal_check_finds_a_level_changed_behind_its_back(sku, warehouse):
    item = stocked(sku, warehouse, 10)
    StockItem.objects.filter(pk=item.pk).update(on_hand=11)

    mismatches = stock_journal_mismatches()

    assert [(m.stock_item_id, m.on_hand, m.journal_on_hand) for m in mismatches] == [
        (item.pk, 11, 10)
    ]
