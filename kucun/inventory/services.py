"""Every change of stock, each with its StockMove in the same transaction.

Taking stock is always one conditional UPDATE whose row count says whether it worked; a
level is never read, computed and written back.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from kucun.catalog.models import SKU
from kucun.core.errors import Conflict, InvalidInput
from kucun.inventory.models import MoveKind, StockItem, StockMove, Warehouse


def _check_same_brand(sku: SKU, warehouse: Warehouse) -> None:
    if warehouse.brand_id is not None and warehouse.brand_id != sku.brand_id:
        raise InvalidInput(
            _("Warehouse %(warehouse)s does not belong to this brand.") % {"warehouse": warehouse},
            code="inventory.foreign_warehouse",
        )


def stock_item_get_or_create(*, sku: SKU, warehouse: Warehouse) -> StockItem:
    """The stock row of a SKU in a warehouse, created empty on first use."""
    _check_same_brand(sku, warehouse)
    item, _created = StockItem.objects.get_or_create(sku=sku, warehouse=warehouse)
    return item


@transaction.atomic
def stock_receive(
    *,
    sku: SKU,
    warehouse: Warehouse,
    quantity: int,
    reference: str = "",
    note: str = "",
    actor=None,
) -> StockMove:
    """Goods arrive: on hand grows by ``quantity`` (> 0)."""
    if quantity <= 0:
        raise InvalidInput(_("Quantity must be greater than zero."), code="inventory.bad_quantity")
    item = stock_item_get_or_create(sku=sku, warehouse=warehouse)
    StockItem.objects.filter(pk=item.pk).update(on_hand=F("on_hand") + quantity)
    return StockMove.objects.create(
        stock_item=item,
        kind=MoveKind.RECEIPT,
        on_hand_delta=quantity,
        reference=reference,
        note=note,
        actor=actor,
    )


@transaction.atomic
def stock_set_level(
    *,
    sku: SKU,
    warehouse: Warehouse,
    on_hand: int,
    reference: str = "",
    note: str = "",
    actor=None,
) -> StockMove | None:
    """Set on-hand to a counted level (stocktake, ERP sync); never below what campaigns hold.

    Setting an absolute level needs the current one, so the row is locked for the change;
    returns None when the level is already right (re-sending the same level changes nothing).
    """
    if on_hand < 0:
        raise InvalidInput(_("Stock cannot be negative."), code="inventory.bad_quantity")
    item = stock_item_get_or_create(sku=sku, warehouse=warehouse)
    item = StockItem.objects.select_for_update().get(pk=item.pk)
    if on_hand < item.allocated:
        raise Conflict(
            _("%(sku)s: %(allocated)s units are held by campaigns; stock cannot go below that.")
            % {"sku": sku.code, "allocated": item.allocated},
            code="inventory.below_allocated",
            data={"sku": sku.code, "allocated": item.allocated},
        )
    delta = on_hand - item.on_hand
    if delta == 0:
        return None
    StockItem.objects.filter(pk=item.pk).update(on_hand=on_hand)
    return StockMove.objects.create(
        stock_item=item,
        kind=MoveKind.ADJUST,
        on_hand_delta=delta,
        reference=reference,
        note=note,
        actor=actor,
    )


@transaction.atomic
def stock_adjust(
    *, stock_item: StockItem, delta: int, note: str, reference: str = "", actor=None
) -> StockMove:
    """Correct on-hand by ``delta`` (damage, found goods); free stock may not go negative."""
    if delta == 0:
        raise InvalidInput(_("An adjustment must change the stock."), code="inventory.bad_quantity")
    if not note.strip():
        raise InvalidInput(_("Say why the stock is adjusted."), code="inventory.note_required")
    updated = StockItem.objects.filter(
        pk=stock_item.pk, on_hand__gte=F("allocated") - delta
    ).update(on_hand=F("on_hand") + delta)
    if not updated:
        raise Conflict(
            _("Not enough free stock to remove %(n)s units.") % {"n": -delta},
            code="inventory.insufficient_stock",
        )
    return StockMove.objects.create(
        stock_item=stock_item,
        kind=MoveKind.ADJUST,
        on_hand_delta=delta,
        reference=reference,
        note=note,
        actor=actor,
    )


@transaction.atomic
def stock_allocate(*, stock_item_id: int, quantity: int, reference: str, actor=None) -> StockMove:
    """Hold ``quantity`` free units for a campaign; fails if they are not free right now."""
    if quantity <= 0:
        raise InvalidInput(_("Quantity must be greater than zero."), code="inventory.bad_quantity")
    updated = StockItem.objects.filter(
        pk=stock_item_id, on_hand__gte=F("allocated") + quantity
    ).update(allocated=F("allocated") + quantity)
    if not updated:
        item = StockItem.objects.select_related("sku").get(pk=stock_item_id)
        raise Conflict(
            _("%(sku)s: only %(free)s units are free, %(wanted)s wanted.")
            % {"sku": item.sku.code, "free": item.free, "wanted": quantity},
            code="inventory.insufficient_stock",
            data={"sku": item.sku.code, "free": item.free, "wanted": quantity},
        )
    return StockMove.objects.create(
        stock_item_id=stock_item_id,
        kind=MoveKind.ALLOCATE,
        allocated_delta=quantity,
        reference=reference,
        actor=actor,
    )


@transaction.atomic
def stock_release(*, stock_item_id: int, quantity: int, reference: str, actor=None) -> StockMove:
    """Give units held by a campaign back to free stock."""
    if quantity <= 0:
        raise InvalidInput(_("Quantity must be greater than zero."), code="inventory.bad_quantity")
    updated = StockItem.objects.filter(pk=stock_item_id, allocated__gte=quantity).update(
        allocated=F("allocated") - quantity
    )
    if not updated:
        raise Conflict(_("Cannot release more than is allocated."), code="inventory.over_release")
    return StockMove.objects.create(
        stock_item_id=stock_item_id,
        kind=MoveKind.RELEASE,
        allocated_delta=-quantity,
        reference=reference,
        actor=actor,
    )
