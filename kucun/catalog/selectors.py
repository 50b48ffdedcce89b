"""Reads of the catalogue, each scoped to the brand that asks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from kucun.catalog.models import SKU, Brand, BrandApiToken, Category, ImportJob, Product
from kucun.inventory.models import StockItem
from kucun.inventory.selectors import stock_items_for_brand


@dataclass(frozen=True)
class StockTotals:
    on_hand: int = 0
    allocated: int = 0

    @property
    def free(self) -> int:
        return self.on_hand - self.allocated


def category_paths() -> dict[int, str]:
    """Every category's full path ("服装 / 女装 / 连衣裙"), from one query."""
    nodes = {
        pk: (parent, name)
        for pk, parent, name in Category.objects.values_list("pk", "parent_id", "name")
    }
    paths: dict[int, str] = {}

    def path(pk: int) -> str:
        if pk not in paths:
            parent, name = nodes[pk]
            paths[pk] = f"{path(parent)} / {name}" if parent else name
        return paths[pk]

    for pk in nodes:
        path(pk)
    return paths


def category_choices() -> list[tuple[int, str]]:
    return sorted(category_paths().items(), key=lambda item: item[1])


def products_for_brand(
    *, brand: Brand, query: str = "", category_id: int | None = None
) -> QuerySet[Product]:
    """The brand's products, searchable by product code, title or SKU code."""
    products = Product.objects.filter(brand=brand)
    if query:
        products = products.filter(
            Q(code__icontains=query) | Q(title__icontains=query) | Q(skus__code__iexact=query)
        ).distinct()
    if category_id:
        descendants = category_with_descendants(category_id)
        products = products.filter(category_id__in=descendants)
    return (
        products.annotate(
            sku_count=Count("skus", distinct=True),
            min_tag_fen=Min("skus__tag_price_fen"),
            max_tag_fen=Max("skus__tag_price_fen"),
            min_supply_fen=Min("skus__supply_price_fen"),
        )
        .select_related("category")
        .prefetch_related("images")
        .order_by("code")
    )


def category_with_descendants(category_id: int) -> set[int]:
    """The ids of a category and every category below it (one query), for filters."""
    children: dict[int | None, list[int]] = {}
    for pk, parent in Category.objects.values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    found, todo = set(), [category_id]
    while todo:
        pk = todo.pop()
        if pk not in found:
            found.add(pk)
            todo.extend(children.get(pk, []))
    return found


def categories_used_by_brand(*, brand: Brand) -> list[tuple[int, str]]:
    """Categories of the brand's products, with their ancestors, for the list's filter."""
    used = set(
        Product.objects.filter(brand=brand, category__isnull=False).values_list(
            "category_id", flat=True
        )
    )
    paths = category_paths()
    return sorted(((pk, paths[pk]) for pk in used), key=lambda item: item[1])


def skus_of_product(*, product: Product) -> QuerySet[SKU]:
    return product.skus.order_by("code")


def stock_of_product(*, brand: Brand, product: Product) -> QuerySet[StockItem]:
    return stock_items_for_brand(brand=brand).filter(sku__product=product)


def stock_totals_by_product(*, brand: Brand, product_ids: Iterable[int]) -> dict[int, StockTotals]:
    rows = (
        stock_items_for_brand(brand=brand)
        .filter(sku__product_id__in=list(product_ids))
        .order_by()
        .values("sku__product_id")
        .annotate(on_hand=Sum("on_hand"), allocated=Sum("allocated"))
    )
    return {row["sku__product_id"]: StockTotals(row["on_hand"], row["allocated"]) for row in rows}


def brand_stock_totals(*, brand: Brand) -> StockTotals:
    totals = (
        stock_items_for_brand(brand=brand)
        .order_by()
        .aggregate(on_hand=Coalesce(Sum("on_hand"), 0), allocated=Coalesce(Sum("allocated"), 0))
    )
    return StockTotals(totals["on_hand"], totals["allocated"])


def brand_counts(*, brand: Brand) -> dict[str, int]:
    return {
        "products": Product.objects.filter(brand=brand).count(),
        "skus": SKU.objects.filter(brand=brand).count(),
    }


def import_jobs_for_brand(*, brand: Brand) -> QuerySet[ImportJob]:
    return ImportJob.objects.filter(brand=brand).select_related("created_by")


def api_tokens_for_brand(*, brand: Brand) -> QuerySet[BrandApiToken]:
    return BrandApiToken.objects.filter(brand=brand).order_by("revoked_at", "-created_at")
