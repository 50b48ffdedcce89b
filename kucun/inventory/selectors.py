"""Reads of stock: levels, the journal, and the check that the journal explains every level."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from kucun.catalog.models import SKU, Brand
from kucun.inventory.models import StockItem, StockMove, Warehouse


@dataclass(frozen=True)
class JournalMismatch:
    stock_item_id: int
    on_hand: int
    allocated: int
    journal_on_hand: int
    journal_allocated: int


def stock_items_for_brand(*, brand: Brand) -> QuerySet[StockItem]:
    return (
        StockItem.objects.filter(sku__brand=brand)
        .select_related("sku", "sku__product", "warehouse")
        .order_by("sku__product__code", "sku__code", "warehouse__code")
    )


def warehouses_for_brand(*, brand: Brand) -> QuerySet[Warehouse]:
    """A brand may keep stock in its own warehouses and in the platform's cloud warehouse."""
    return Warehouse.objects.filter(Q(brand=brand) | Q(brand__isnull=True)).order_by(
        "brand_id", "code"
    )


def stock_moves_for_item(*, stock_item: StockItem) -> QuerySet[StockMove]:
    return stock_item.moves.select_related("actor").order_by("-created_at", "-id")


def stock_journal_mismatches(
    *, stock_items: QuerySet[StockItem] | None = None
) -> list[JournalMismatch]:
    """Stock rows whose level is not the sum of their journal; an empty list proves the books."""
    items = stock_items if stock_items is not None else StockItem.objects.all()
    rows = items.annotate(
        j_on_hand=Coalesce(Sum("moves__on_hand_delta"), 0),
        j_allocated=Coalesce(Sum("moves__allocated_delta"), 0),
    ).values_list("pk", "on_hand", "allocated", "j_on_hand", "j_allocated")
    return [
        JournalMismatch(pk, on_hand, allocated, j_on_hand, j_allocated)
        for pk, on_hand, allocated, j_on_hand, j_allocated in rows
        if on_hand != j_on_hand or allocated != j_allocated
    ]


def stock_items_search(
    *, brand: Brand, q: str = "", warehouse_id: int | None = None
) -> QuerySet[StockItem]:
    """A brand's stock rows matching a SKU code, barcode or product title, in one warehouse."""
    items = stock_items_for_brand(brand=brand)
    q = q.strip()
    if q:
        items = items.filter(
            Q(sku__code__icontains=q)
            | Q(sku__barcode__icontains=q)
            | Q(sku__product__title__icontains=q)
            | Q(sku__product__code__icontains=q)
        )
    if warehouse_id:
        # An id no row can have matches nothing (SQLite would overflow on it).
        if not 0 < warehouse_id < 2**63:
            return items.none()
        items = items.filter(warehouse_id=warehouse_id)
    return items


def stock_item_for_brand(*, brand: Brand, stock_item_id: int) -> StockItem | None:
    """One of the brand's stock rows; another brand's row is as good as missing."""
    return stock_items_for_brand(brand=brand).filter(pk=stock_item_id).first()


def stock_totals(*, stock_items: QuerySet[StockItem]) -> dict[str, int]:
    totals = stock_items.aggregate(
        on_hand=Coalesce(Sum("on_hand"), 0), allocated=Coalesce(Sum("allocated"), 0)
    )
    totals["free"] = totals["on_hand"] - totals["allocated"]
    totals["rows"] = stock_items.count()
    return totals


def sku_for_brand(*, brand: Brand, code: str) -> SKU | None:
    return SKU.objects.filter(brand=brand, code=code.strip()).first()
