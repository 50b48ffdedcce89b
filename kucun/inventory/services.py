"""Every change of stock, each with its StockMove in the same transaction.

Taking stock is always one conditional UPDATE whose row count says whether it worked; a
level is never read, computed and written back.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import BigIntegerField, Case, F, Value, When
from django.utils.translation import gettext as _

from kucun.catalog.models import SKU
from kucun.core.errors import Conflict, InvalidInput
from kucun.inventory.models import MoveKind, StockItem, StockMove, Warehouse

# Far beyond any real warehouse, and far inside a BIGINT: a typo is refused, not overflowed.
MAX_QUANTITY = 1_000_000_000
REFERENCE_MAX = 64
NOTE_MAX = 200
# Rows per conditional UPDATE when many levels are set at once.
BULK_BATCH = 500


def _check_quantity(quantity: int) -> None:
    if (
        isinstance(quantity, bool)
        or not isinstance(quantity, int)
        or not 0 < quantity <= MAX_QUANTITY
    ):
        raise InvalidInput(
            _("Quantity must be a whole number from 1 to %(max)s.") % {"max": MAX_QUANTITY},
            code="inventory.bad_quantity",
        )


def _check_text(reference: str, note: str) -> None:
    if len(reference or "") > REFERENCE_MAX:
        raise InvalidInput(
            _("The reference may be at most %(n)s characters.") % {"n": REFERENCE_MAX},
            code="inventory.reference_too_long",
        )
    if len(note or "") > NOTE_MAX:
        raise InvalidInput(
            _("The note may be at most %(n)s characters.") % {"n": NOTE_MAX},
            code="inventory.note_too_long",
        )


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
    _check_quantity(quantity)
    _check_text(reference, note)
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
    if isinstance(on_hand, bool) or not isinstance(on_hand, int) or on_hand < 0:
        raise InvalidInput(_("Stock cannot be negative."), code="inventory.bad_quantity")
    if on_hand > MAX_QUANTITY:
        _check_quantity(on_hand)
    _check_text(reference, note)
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
    # The row is locked on PostgreSQL; the condition also keeps SQLite (no row locks) honest.
    if not StockItem.objects.filter(
        pk=item.pk, on_hand=item.on_hand, allocated__lte=on_hand
    ).update(on_hand=on_hand):
        raise _stock_changed()
    return StockMove.objects.create(
        stock_item=item,
        kind=MoveKind.ADJUST,
        on_hand_delta=delta,
        reference=reference,
        note=note,
        actor=actor,
    )


def _stock_changed() -> Conflict:
    return Conflict(
        _("The stock changed while it was being set; try again."), code="inventory.stock_changed"
    )


@transaction.atomic
def stock_set_levels(
    *,
    levels: Sequence[tuple[SKU, Warehouse, int]],
    reference: str = "",
    note: str = "",
    actor=None,
) -> list[StockMove]:
    """Set many counted levels at once (an import, an ERP sync), all or nothing, each never
    below what campaigns hold; levels already right write nothing.

    A few queries for thousands of levels: missing rows are created in bulk, the rows are
    locked in primary-key order, and each batch is one conditional UPDATE that only applies
    if every row still has the level that was read (else nothing is written).
    """
    _check_text(reference, note)
    wanted: dict[tuple[int, int], int] = {}
    codes: dict[int, str] = {}
    for sku, warehouse, on_hand in levels:
        if isinstance(on_hand, bool) or not isinstance(on_hand, int) or on_hand < 0:
            raise InvalidInput(_("Stock cannot be negative."), code="inventory.bad_quantity")
        if on_hand > MAX_QUANTITY:
            _check_quantity(on_hand)
        _check_same_brand(sku, warehouse)
        key = (sku.pk, warehouse.pk)
        if key in wanted:
            raise InvalidInput(
                _("%(sku)s appears twice for the same warehouse.") % {"sku": sku.code},
                code="inventory.duplicate_level",
                data={"sku": sku.code},
            )
        wanted[key] = on_hand
        codes[sku.pk] = sku.code
    if not wanted:
        return []
    sku_ids = {sku_id for sku_id, _w in wanted}
    warehouse_ids = {warehouse_id for _s, warehouse_id in wanted}
    candidates = StockItem.objects.filter(sku_id__in=sku_ids, warehouse_id__in=warehouse_ids)
    have = set(candidates.values_list("sku_id", "warehouse_id"))
    StockItem.objects.bulk_create(
        [StockItem(sku_id=s, warehouse_id=w) for s, w in wanted if (s, w) not in have],
        ignore_conflicts=True,
    )
    changes: list[tuple[StockItem, int]] = []
    for item in candidates.select_for_update().order_by("pk"):
        new = wanted.get((item.sku_id, item.warehouse_id))
        if new is None or new == item.on_hand:
            continue
        if new < item.allocated:
            code = codes[item.sku_id]
            raise Conflict(
                _("%(sku)s: %(allocated)s units are held by campaigns; stock cannot go below that.")
                % {"sku": code, "allocated": item.allocated},
                code="inventory.below_allocated",
                data={"sku": code, "allocated": item.allocated},
            )
        changes.append((item, new))
    for start in range(0, len(changes), BULK_BATCH):
        batch = changes[start : start + BULK_BATCH]
        new_level = Case(
            *(When(pk=item.pk, then=Value(new)) for item, new in batch),
            output_field=BigIntegerField(),
        )
        old_level = Case(
            *(When(pk=item.pk, then=Value(item.on_hand)) for item, _new in batch),
            output_field=BigIntegerField(),
        )
        updated = StockItem.objects.filter(
            pk__in=[item.pk for item, _new in batch],
            on_hand=old_level,
            allocated__lte=new_level,
        ).update(on_hand=new_level)
        if updated != len(batch):
            raise _stock_changed()
    return StockMove.objects.bulk_create(
        StockMove(
            stock_item=item,
            kind=MoveKind.ADJUST,
            on_hand_delta=new - item.on_hand,
            reference=reference,
            note=note,
            actor=actor,
        )
        for item, new in changes
    )


@transaction.atomic
def stock_adjust(
    *, stock_item: StockItem, delta: int, note: str, reference: str = "", actor=None
) -> StockMove:
    """Correct on-hand by ``delta`` (damage, found goods); free stock may not go negative."""
    if delta == 0:
        raise InvalidInput(_("An adjustment must change the stock."), code="inventory.bad_quantity")
    _check_quantity(abs(delta))
    if not (note or "").strip():
        raise InvalidInput(_("Say why the stock is adjusted."), code="inventory.note_required")
    _check_text(reference, note)
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
    _check_quantity(quantity)
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
    _check_quantity(quantity)
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
