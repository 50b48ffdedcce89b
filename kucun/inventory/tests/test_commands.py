import pytest
from django.core.management import CommandError, call_command

from kucun.catalog.tests.factories import SKUFactory
from kucun.inventory.models import StockItem
from kucun.inventory.tests.factories import WarehouseFactory, stocked

pytestmark = pytest.mark.django_db


def test_stock_check_passes_when_the_journal_explains_every_level(capsys):
    sku = SKUFactory()
    stocked(sku, WarehouseFactory(brand=sku.brand), 10)

    call_command("stock_check")

    assert "OK" in capsys.readouterr().out


def test_stock_check_prints_each_mismatch_and_exits_1(capsys):
    sku = SKUFactory()
    item = stocked(sku, WarehouseFactory(brand=sku.brand), 10)
    StockItem.objects.filter(pk=item.pk).update(allocated=3)

    with pytest.raises(CommandError) as caught:
        call_command("stock_check")

    assert caught.value.returncode == 1
    out = capsys.readouterr().out
    assert f"stock item {item.pk}" in out
    assert "allocated 3 (journal 0)" in out
