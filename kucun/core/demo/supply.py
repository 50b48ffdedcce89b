"""Demo catalogue and stock: categories, products with pictures, SKUs, opening stock."""

from __future__ import annotations

from django.core.files.base import ContentFile

from kucun.catalog.models import Brand, Category, Product
from kucun.catalog.services import ProductIn, SkuIn, product_create, product_image_add, sku_create
from kucun.core.demo.data import (
    BRANDS,
    CATEGORY_TREE,
    CLOUD_CODE,
    COLOURS,
    STOCK_REFERENCE_PREFIX,
)
from kucun.core.demo.images import product_image
from kucun.core.demo.loader import DemoContext
from kucun.core.demo.plan import ProductPlan, plan_brand_products
from kucun.inventory.models import StockMove, Warehouse
from kucun.inventory.services import stock_receive

DEMO_SLUGS = [spec.slug for spec in BRANDS]


def product_plans(ctx: DemoContext) -> dict[str, list[ProductPlan]]:
    """Every brand's planned products (the same on every run), by brand slug."""
    if "plans" not in ctx.cache:
        ctx.cache["plans"] = {
            spec.slug: plan_brand_products(
                brand=spec,
                brand_index=index,
                rng=ctx.rng(f"catalog:{spec.slug}"),
                scale=ctx.scale,
            )
            for index, spec in enumerate(BRANDS)
        }
    return ctx.cache["plans"]


def _category_tree() -> dict[tuple[str, ...], Category]:
    """The demo tree, added to whatever categories exist; leaves by their path."""
    nodes: dict[tuple[str, ...], Category] = {}

    def add(parent: Category | None, path: tuple[str, ...], entries) -> None:
        for position, entry in enumerate(entries):
            name, name_en, *rest = entry
            node, _created = Category.objects.get_or_create(
                parent=parent, name=name, defaults={"name_en": name_en, "position": position}
            )
            nodes[(*path, name)] = node
            if rest and rest[0]:
                add(node, (*path, name), rest[0])

    add(None, (), CATEGORY_TREE)
    return nodes


def _brand_user(brand: Brand):
    return brand.members.select_related("user").order_by("pk").first().user


def catalog_done() -> bool:
    return Product.objects.filter(brand__slug=BRANDS[0].slug).exists()


def catalog_run(ctx: DemoContext) -> str:
    categories = _category_tree()
    brands = {b.slug: b for b in Brand.objects.filter(slug__in=DEMO_SLUGS)}
    products = skus = images = 0
    for spec in BRANDS:
        brand = brands[spec.slug]
        actor = _brand_user(brand)
        for plan in product_plans(ctx)[spec.slug]:
            product = product_create(
                brand=brand,
                data=ProductIn(
                    code=plan.code,
                    title=plan.title,
                    category=categories[plan.category],
                    description=plan.description,
                    attributes=plan.attributes,
                ),
                actor=actor,
            )
            for sku in plan.skus:
                sku_create(
                    product=product,
                    data=SkuIn(
                        code=sku.code,
                        tag_price_fen=sku.tag_price_fen,
                        supply_price_fen=sku.supply_price_fen,
                        color=sku.color,
                        size=sku.size,
                        barcode=sku.barcode,
                    ),
                    actor=actor,
                )
            for position, colour in enumerate(plan.image_colours):
                sizes = list(dict.fromkeys(s.size for s in plan.skus if s.color == colour))
                caption = colour.split(" ")[-1] if colour else " / ".join(sizes)
                picture = product_image(
                    title=plan.title,
                    brand=spec.name,
                    caption=caption,
                    colour=COLOURS[colour][1] if colour else spec.rgb,
                    shape=plan.shape,
                    variant=position,
                )
                product_image_add(
                    product=product,
                    image=ContentFile(picture, name=f"{plan.code}-{position + 1}.jpg"),
                    actor=actor,
                )
                images += 1
            products += 1
            skus += len(plan.skus)
    return f"{len(categories)} categories, {products} products, {skus} SKUs, {images} images"


def stock_done() -> bool:
    return StockMove.objects.filter(reference__startswith=STOCK_REFERENCE_PREFIX).exists()


def stock_run(ctx: DemoContext) -> str:
    """Opening stock, received like any delivery so the journal explains every level."""
    cloud = Warehouse.objects.get(brand=None, code=CLOUD_CODE)
    receipts = units = 0
    for spec in BRANDS:
        brand = Brand.objects.get(slug=spec.slug)
        plans = product_plans(ctx)[spec.slug]
        if not plans:
            continue
        actor = _brand_user(brand)
        own = brand.warehouses.order_by("pk").first()
        skus = {s.code: s for s in brand.skus.all()}
        for plan in plans:
            for planned in plan.skus:
                sku = skus.get(planned.code)
                if sku is None:  # loaded with a smaller --scale
                    continue
                stock_receive(
                    sku=sku,
                    warehouse=own,
                    quantity=planned.stock,
                    reference=f"{STOCK_REFERENCE_PREFIX}RK-{spec.prefix}-001",
                    note="期初入库",
                    actor=actor,
                )
                receipts += 1
                units += planned.stock
                if planned.cloud_stock:
                    stock_receive(
                        sku=sku,
                        warehouse=cloud,
                        quantity=planned.cloud_stock,
                        reference=f"{STOCK_REFERENCE_PREFIX}RK-{spec.prefix}-YC01",
                        note="品牌备货入云仓",
                        actor=actor,
                    )
                    receipts += 1
                    units += planned.cloud_stock
    return f"{receipts} receipts, {units} units"
