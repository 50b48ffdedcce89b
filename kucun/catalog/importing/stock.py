"""Stock levels on their own (an ERP's ``[{sku_code, warehouse, on_hand}]``): check, then set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from kucun.catalog.importing.plan import (
    _warehouses,
    below_allocated,
    existing_skus,
    stock_levels,
    unknown_warehouse,
)
from kucun.catalog.importing.rows import MAX_STOCK, RowError
from kucun.catalog.models import SKU, Brand
from kucun.inventory import services as inventory_services
from kucun.inventory.models import Warehouse


@dataclass(frozen=True)
class StockLevelIn:
    line: int
    sku_code: str
    warehouse: str
    on_hand: int


@dataclass(frozen=True)
class StockChange:
    sku: SKU
    warehouse: Warehouse
    on_hand: int


def plan_stock_levels(
    *, brand: Brand, levels: Sequence[StockLevelIn]
) -> tuple[list[StockChange], int, list[RowError]]:
    """The levels that differ from today's, how many already match, and every reason not."""
    errors: list[RowError] = []
    warehouses = _warehouses(brand)
    skus = existing_skus(brand, [level.sku_code for level in levels])
    current = stock_levels(brand, [sku.pk for sku in skus.values()])
    seen: dict[tuple[str, str], StockLevelIn] = {}
    changes: list[StockChange] = []
    unchanged = 0
    for level in levels:
        sku = skus.get(level.sku_code)
        warehouse = warehouses.get(level.warehouse)
        if sku is None:
            errors.append(
                RowError(
                    level.line, "sku_code", _("Unknown SKU %(sku)s.") % {"sku": level.sku_code}
                )
            )
        if warehouse is None:
            errors.append(unknown_warehouse(level.line, "warehouse", level.warehouse))
        if level.on_hand < 0:
            errors.append(RowError(level.line, "on_hand", _("Stock cannot be negative.")))
        elif level.on_hand > MAX_STOCK:
            errors.append(
                RowError(
                    level.line,
                    "on_hand",
                    _("%(column)s is implausibly high.") % {"column": "on_hand"},
                )
            )
        if sku is None or warehouse is None or not 0 <= level.on_hand <= MAX_STOCK:
            continue
        earlier = seen.setdefault((level.sku_code, warehouse.code), level)
        if earlier is not level:
            if earlier.on_hand != level.on_hand:
                errors.append(
                    RowError(
                        level.line,
                        "on_hand",
                        _(
                            "Stock of SKU %(sku)s in warehouse %(warehouse)s is given again "
                            "with a different level than on line %(line)s."
                        )
                        % {"sku": sku.code, "warehouse": warehouse.code, "line": earlier.line},
                    )
                )
            continue
        on_hand, held = current.get((sku.pk, warehouse.pk), (None, 0))
        if on_hand == level.on_hand:
            unchanged += 1
        elif level.on_hand < held:
            errors.append(below_allocated(level.line, "on_hand", sku.code, warehouse, held))
        else:
            changes.append(StockChange(sku, warehouse, level.on_hand))
    return changes, unchanged, errors


def set_levels(levels: Sequence[tuple[SKU, Warehouse, int]], *, actor: Any, reference: str) -> int:
    """Set each level through inventory (each change with its StockMove); returns how many changed.

    Uses inventory's bulk ``stock_set_levels`` when it offers one (a few queries for thousands of
    levels), else ``stock_set_level`` level by level, which is correct but several queries each.
    """
    bulk = getattr(inventory_services, "stock_set_levels", None)
    if bulk is not None:
        return len(bulk(levels=list(levels), reference=reference, actor=actor))
    changed = 0
    for sku, warehouse, on_hand in levels:
        move = inventory_services.stock_set_level(
            sku=sku, warehouse=warehouse, on_hand=on_hand, reference=reference, actor=actor
        )
        changed += move is not None
    return changed
