"""Compare the lines with each other and with the brand's catalogue: what would change, or why not.

Everything is read with a few bulk queries (chunks of codes), never one query per line, so a
file of several thousand lines is checked in well under a second.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F
from django.utils.translation import gettext as _

from kucun.catalog.importing.rows import RowError, SkuRow
from kucun.catalog.models import SKU, Brand, Category, Product
from kucun.inventory.models import Warehouse
from kucun.inventory.selectors import stock_items_for_brand, warehouses_for_brand

CHUNK = 500  # codes per IN (...) query: well inside every database's parameter limit

PRODUCT_FIELDS = ("title", "category", "description", "attributes")
SKU_FIELDS = ("color", "size", "barcode", "tag_price_fen", "supply_price_fen")


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


@dataclass
class ProductDraft:
    """A product as the lines describe it; ``None`` fields were not given (keep what is there)."""

    code: str
    first_line: int
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


@dataclass
class StockTarget:
    line: int
    sku_code: str
    warehouse: Warehouse
    on_hand: int


@dataclass
class Plan:
    brand: Brand
    new_categories: list[tuple[str, ...]] = field(default_factory=list)
    category_ids: dict[tuple[str, ...], int] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)  # existing, by code
    products_create: list[ProductDraft] = field(default_factory=list)
    products_update: list[tuple[Product, dict[str, Any]]] = field(default_factory=list)
    products_unchanged: int = 0
    skus: dict[str, SKU] = field(default_factory=dict)  # existing, by code
    skus_create: list[SkuRow] = field(default_factory=list)
    skus_update: list[tuple[SKU, dict[str, Any]]] = field(default_factory=list)
    skus_unchanged: int = 0
    stock: list[StockTarget] = field(default_factory=list)
    stock_unchanged: int = 0


def _warehouses(brand: Brand) -> dict[str, Warehouse]:
    """Codes the brand may use: its own warehouses win over a cloud warehouse of the same code."""
    found: dict[str, Warehouse] = {}
    for warehouse in warehouses_for_brand(brand=brand):
        if warehouse.code not in found or warehouse.brand_id is not None:
            found[warehouse.code] = warehouse
    return found


def unknown_warehouse(line: int, column: str, code: str) -> RowError:
    return RowError(
        line,
        column,
        _(
            "Unknown warehouse %(code)s: use the code of one of your warehouses "
            "or of the cloud warehouse."
        )
        % {"code": code},
    )


def existing_products(brand: Brand, codes: Iterable[str]) -> dict[str, Product]:
    found: dict[str, Product] = {}
    for chunk in chunks(sorted(set(codes))):
        for product in Product.objects.filter(brand=brand, code__in=chunk):
            found[product.code] = product
    return found


def existing_skus(brand: Brand, codes: Iterable[str]) -> dict[str, SKU]:
    """SKUs by code, each with ``product_code`` annotated."""
    found: dict[str, SKU] = {}
    for chunk in chunks(sorted(set(codes))):
        rows = SKU.objects.filter(brand=brand, code__in=chunk).annotate(
            product_code=F("product__code")
        )
        for sku in rows:
            found[sku.code] = sku
    return found


def stock_levels(brand: Brand, sku_ids: Sequence[int]) -> dict[tuple[int, int], tuple[int, int]]:
    """(sku id, warehouse id) → (on hand, allocated), read through the inventory selectors."""
    levels: dict[tuple[int, int], tuple[int, int]] = {}
    for chunk in chunks(sorted(sku_ids)):
        rows = (
            stock_items_for_brand(brand=brand)
            .filter(sku_id__in=chunk)
            .values_list("sku_id", "warehouse_id", "on_hand", "allocated")
        )
        for sku_id, warehouse_id, on_hand, allocated in rows:
            levels[(sku_id, warehouse_id)] = (on_hand, allocated)
    return levels


def below_allocated(line: int, column: str, sku: str, warehouse: Warehouse, held: int) -> RowError:
    return RowError(
        line,
        column,
        _(
            "SKU %(sku)s: campaigns hold %(allocated)s units in %(warehouse)s; "
            "stock cannot be set below that."
        )
        % {"sku": sku, "allocated": held, "warehouse": warehouse.code},
    )


class _CategoryTree:
    """The category tree in memory (one query), to resolve paths like 服装/女装/连衣裙."""

    def __init__(self) -> None:
        self.by_name: dict[tuple[int | None, str], int] = {}
        self.by_english: dict[tuple[int | None, str], int] = {}
        for pk, parent_id, name, name_en in Category.objects.values_list(
            "pk", "parent_id", "name", "name_en"
        ):
            self.by_name[(parent_id, name)] = pk
            if name_en:
                self.by_english.setdefault((parent_id, name_en.lower()), pk)

    def resolve(self, path: tuple[str, ...], plan: Plan) -> int | None:
        """The id of an existing path; else plan its missing levels for creation and say None."""
        if path in plan.category_ids:
            return plan.category_ids[path]
        parent: int | None = None
        for depth, name in enumerate(path, start=1):
            pk = self.by_name.get((parent, name)) or self.by_english.get((parent, name.lower()))
            if pk is None:
                for missing in range(depth, len(path) + 1):
                    if path[:missing] not in plan.new_categories:
                        plan.new_categories.append(path[:missing])
                return None
            plan.category_ids[path[:depth]] = pk
            parent = pk
        return parent


def _merge_products(
    rows: Sequence[SkuRow], errors: list[RowError], incomplete: Set[str]
) -> dict[str, ProductDraft]:
    drafts: dict[str, ProductDraft] = {}
    for row in rows:
        draft = drafts.setdefault(row.product_code, ProductDraft(row.product_code, row.line))
        for name in PRODUCT_FIELDS:
            value = getattr(row, name)
            if value is None:
                continue
            if name not in draft.values:
                draft.values[name] = value
                draft.lines[name] = row.line
            elif draft.values[name] != value:
                errors.append(
                    RowError(
                        row.line,
                        row.column(name),
                        _("Product %(product)s has a different %(column)s on line %(line)s.")
                        % {
                            "product": row.product_code,
                            "column": row.column(name),
                            "line": draft.lines[name],
                        },
                    )
                )
    for draft in drafts.values():
        if not draft.values.get("title") and draft.code not in incomplete:
            column = rows[0].column("title")
            errors.append(
                RowError(
                    draft.first_line,
                    column,
                    _("Product %(product)s has no %(column)s.")
                    % {"product": draft.code, "column": column},
                )
            )
    return drafts


def _merge_skus(rows: Sequence[SkuRow], errors: list[RowError]) -> dict[str, SkuRow]:
    first: dict[str, SkuRow] = {}
    for row in rows:
        seen = first.setdefault(row.sku_code, row)
        if seen is row:
            continue
        if seen.product_code != row.product_code:
            errors.append(
                RowError(
                    row.line,
                    row.column("sku_code"),
                    _(
                        "SKU %(sku)s is under product %(product)s on line %(line)s; "
                        "a SKU belongs to one product."
                    )
                    % {"sku": row.sku_code, "product": seen.product_code, "line": seen.line},
                )
            )
        elif seen.sku_values() != row.sku_values():
            errors.append(
                RowError(
                    row.line,
                    row.column("sku_code"),
                    _("SKU %(sku)s appears again with different data than on line %(line)s.")
                    % {"sku": row.sku_code, "line": seen.line},
                )
            )
    return first


def _merge_stock(
    rows: Sequence[SkuRow], warehouses: dict[str, Warehouse], errors: list[RowError]
) -> list[StockTarget]:
    targets: dict[tuple[str, str], StockTarget] = {}
    for row in rows:
        if row.stock is None or not row.warehouse:
            continue
        warehouse = warehouses.get(row.warehouse)
        if warehouse is None:
            errors.append(unknown_warehouse(row.line, row.column("warehouse"), row.warehouse))
            continue
        key = (row.sku_code, warehouse.code)
        seen = targets.setdefault(key, StockTarget(row.line, row.sku_code, warehouse, row.stock))
        if seen.on_hand != row.stock:
            errors.append(
                RowError(
                    row.line,
                    row.column("stock"),
                    _(
                        "Stock of SKU %(sku)s in warehouse %(warehouse)s is given again "
                        "with a different level than on line %(line)s."
                    )
                    % {"sku": row.sku_code, "warehouse": warehouse.code, "line": seen.line},
                )
            )
    return list(targets.values())


def _product_changes(product: Product, draft: ProductDraft, category_id: int | None) -> dict:
    changes: dict[str, Any] = {}
    values = draft.values
    if values.get("title") and values["title"] != product.title:
        changes["title"] = values["title"]
    if values.get("description") is not None and values["description"] != product.description:
        changes["description"] = values["description"]
    if values.get("attributes") is not None and values["attributes"] != product.attributes:
        changes["attributes"] = values["attributes"]
    if values.get("category") is not None and (
        category_id is None or category_id != product.category_id
    ):
        changes["category"] = values["category"]
    return changes


def build_plan(
    *, brand: Brand, rows: Sequence[SkuRow], incomplete: Set[str] = frozenset()
) -> tuple[Plan, list[RowError]]:
    """What importing ``rows`` would do to the brand's catalogue and stock, or every reason not.

    ``incomplete``: codes of products some of whose lines were already rejected (and are not in
    ``rows``), so a title given only on such a line is not reported missing.
    """
    plan = Plan(brand=brand)
    errors: list[RowError] = []
    if not rows:
        return plan, errors
    drafts = _merge_products(rows, errors, incomplete)
    sku_rows = _merge_skus(rows, errors)
    targets = _merge_stock(rows, _warehouses(brand), errors)

    plan.products = existing_products(brand, drafts)
    plan.skus = existing_skus(brand, sku_rows)
    tree = _CategoryTree()
    for draft in drafts.values():
        path = draft.values.get("category")
        category_id = tree.resolve(path, plan) if path else None
        product = plan.products.get(draft.code)
        if product is None:
            plan.products_create.append(draft)
        elif changes := _product_changes(product, draft, category_id):
            plan.products_update.append((product, changes))
        else:
            plan.products_unchanged += 1

    for code, row in sku_rows.items():
        sku = plan.skus.get(code)
        if sku is None:
            plan.skus_create.append(row)
            continue
        if sku.product_code != row.product_code:
            errors.append(
                RowError(
                    row.line,
                    row.column("sku_code"),
                    _("SKU %(sku)s already belongs to product %(product)s.")
                    % {"sku": code, "product": sku.product_code},
                )
            )
            continue
        wanted = dict(zip(SKU_FIELDS, row.sku_values()[1:], strict=True))
        changes = {name: value for name, value in wanted.items() if getattr(sku, name) != value}
        if changes:
            plan.skus_update.append((sku, changes))
        else:
            plan.skus_unchanged += 1

    levels = stock_levels(brand, [sku.pk for sku in plan.skus.values()])
    for target in targets:
        sku = plan.skus.get(target.sku_code)
        on_hand, held = levels.get((sku.pk, target.warehouse.pk), (None, 0)) if sku else (None, 0)
        if on_hand == target.on_hand:
            plan.stock_unchanged += 1
        elif target.on_hand < held:
            column = rows[0].column("stock")
            errors.append(
                below_allocated(target.line, column, target.sku_code, target.warehouse, held)
            )
        else:
            plan.stock.append(target)
    errors.sort(key=lambda error: error.line or 0)
    return plan, errors
