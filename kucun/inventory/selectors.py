"""Reads of stock: levels, the journal, and the check that the journal explains every level."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from kucun.catalog.models import Brand
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
