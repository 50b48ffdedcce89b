"""Write a checked plan: bulk inserts and updates for the catalogue, stock through inventory.

Called inside the caller's transaction, after ``build_plan`` found no error, so either every
line is applied or (on any exception) none is.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kucun.catalog.importing.plan import Plan, chunks
from kucun.catalog.importing.stock import set_levels
from kucun.catalog.models import SKU, Category, Product

BATCH = 500


def _create_categories(plan: Plan) -> dict[tuple[str, ...], int]:
    ids = dict(plan.category_ids)
    for path in plan.new_categories:  # parents come before their children
        parent_id = ids[path[:-1]] if len(path) > 1 else None
        category, _created = Category.objects.get_or_create(parent_id=parent_id, name=path[-1])
        ids[path] = category.pk
    return ids


def _product_ids(plan: Plan, codes: list[str]) -> dict[str, int]:
    ids = {code: product.pk for code, product in plan.products.items()}
    for chunk in chunks(codes):
        ids.update(
            Product.objects.filter(brand=plan.brand, code__in=chunk).values_list("code", "pk")
        )
    return ids


def _apply_products(plan: Plan, category_ids: dict, now: datetime) -> dict[str, int]:
    new = [
        Product(
            brand=plan.brand,
            code=draft.code,
            title=draft.values["title"],
            description=draft.values.get("description") or "",
            attributes=draft.values.get("attributes") or {},
            category_id=category_ids.get(draft.values.get("category")),
        )
        for draft in plan.products_create
    ]
    Product.objects.bulk_create(new, batch_size=BATCH)
    changed: list[Product] = []
    fields: set[str] = set()
    for product, changes in plan.products_update:
        for name, value in changes.items():
            if name == "category":
                product.category_id = category_ids[value]
                fields.add("category_id")
            else:
                setattr(product, name, value)
                fields.add(name)
        product.updated_at = now
        changed.append(product)
    if changed:
        Product.objects.bulk_update(changed, [*sorted(fields), "updated_at"], batch_size=BATCH)
    return _product_ids(plan, [draft.code for draft in plan.products_create])


def _apply_skus(plan: Plan, product_ids: dict[str, int], now: datetime) -> dict[str, SKU]:
    new = [
        SKU(
            product_id=product_ids[row.product_code],
            brand=plan.brand,
            code=row.sku_code,
            color=row.color,
            size=row.size,
            barcode=row.barcode,
            tag_price_fen=row.tag_price_fen,
            supply_price_fen=row.supply_price_fen,
        )
        for row in plan.skus_create
    ]
    SKU.objects.bulk_create(new, batch_size=BATCH)
    changed: list[SKU] = []
    fields: set[str] = set()
    for sku, changes in plan.skus_update:
        for name, value in changes.items():
            setattr(sku, name, value)
            fields.add(name)
        sku.updated_at = now
        changed.append(sku)
    if changed:
        SKU.objects.bulk_update(changed, [*sorted(fields), "updated_at"], batch_size=BATCH)
    skus = dict(plan.skus)
    wanted = [target.sku_code for target in plan.stock if target.sku_code not in skus]
    for chunk in chunks(sorted(set(wanted))):
        skus.update((sku.code, sku) for sku in SKU.objects.filter(brand=plan.brand, code__in=chunk))
    return skus


def apply_plan(*, plan: Plan, actor: Any, reference: str, now: datetime) -> dict[str, int]:
    """Write the plan; returns how many products, SKUs and stock levels changed or not."""
    category_ids = _create_categories(plan)
    product_ids = _apply_products(plan, category_ids, now)
    skus = _apply_skus(plan, product_ids, now)
    levels = [(skus[target.sku_code], target.warehouse, target.on_hand) for target in plan.stock]
    stock_changed = set_levels(levels, actor=actor, reference=reference)
    stock_unchanged = plan.stock_unchanged + len(levels) - stock_changed
    return {
        "products_created": len(plan.products_create),
        "products_updated": len(plan.products_update),
        "products_unchanged": plan.products_unchanged,
        "skus_created": len(plan.skus_create),
        "skus_updated": len(plan.skus_update),
        "skus_unchanged": plan.skus_unchanged,
        "stock_changed": stock_changed,
        "stock_unchanged": stock_unchanged,
    }
