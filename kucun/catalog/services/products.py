"""Products and SKUs as the brand console edits them, one at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from kucun.catalog.importing.rows import (
    MAX_BARCODE,
    MAX_CODE,
    MAX_TITLE,
    MAX_VARIANT,
    length_error,
    price_errors,
)
from kucun.catalog.models import (
    SKU,
    Brand,
    Category,
    Product,
    ProductImage,
)
from kucun.catalog.services.brands import _check_brand_actor, _check_writable
from kucun.core.errors import InvalidInput

# --- products and SKUs (forms) ----------------------------------------------------------------


@dataclass(frozen=True)
class ProductIn:
    code: str
    title: str
    category: Category | None = None
    description: str = ""
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SkuIn:
    code: str
    tag_price_fen: int
    supply_price_fen: int
    color: str = ""
    size: str = ""
    barcode: str = ""
    is_active: bool = True


def _invalid(message: str, field_name: str, code: str = "catalog.invalid") -> InvalidInput:
    return InvalidInput(message, code=code, data={"field": field_name})


def _check_product(data: ProductIn) -> None:
    if not data.code.strip():
        raise _invalid(_("Product code must not be empty."), "code")
    if not data.title.strip():
        raise _invalid(_("Title must not be empty."), "title")
    for name, value, max_length, label in (
        ("code", data.code, MAX_CODE, _("Product code")),
        ("title", data.title, MAX_TITLE, _("Title")),
    ):
        if problem := length_error(value.strip(), max_length, label):
            raise _invalid(problem, name)


@transaction.atomic
def product_create(*, brand: Brand, data: ProductIn, actor: Any) -> Product:
    """A new product of the brand; its code is unique within the brand."""
    _check_brand_actor(brand, actor)
    _check_writable(brand)
    _check_product(data)
    code = data.code.strip()
    if Product.objects.filter(brand=brand, code=code).exists():
        raise _invalid(
            _("The product code %(code)s is already used.") % {"code": code},
            "code",
            "catalog.duplicate_product_code",
        )
    return Product.objects.create(
        brand=brand,
        code=code,
        title=data.title.strip(),
        category=data.category,
        description=data.description.strip(),
        attributes=data.attributes,
    )


@transaction.atomic
def product_update(*, product: Product, data: ProductIn, actor: Any) -> Product:
    """Change a product's title, category, description or attributes; its code stays."""
    _check_brand_actor(product.brand, actor)
    _check_writable(product.brand)
    _check_product(data)
    product.title = data.title.strip()
    product.category = data.category
    product.description = data.description.strip()
    product.attributes = data.attributes
    product.save(update_fields=["title", "category", "description", "attributes", "updated_at"])
    return product


@transaction.atomic
def product_image_add(*, product: Product, image: UploadedFile, actor: Any) -> ProductImage:
    """Add a picture at the end of the product's gallery."""
    _check_brand_actor(product.brand, actor)
    _check_writable(product.brand)
    last = product.images.order_by("-position").values_list("position", flat=True).first()
    return ProductImage.objects.create(
        product=product, image=image, position=0 if last is None else last + 1
    )


@transaction.atomic
def product_image_delete(*, image: ProductImage, actor: Any) -> None:
    """Remove a picture from the gallery (the file goes with it)."""
    _check_brand_actor(image.product.brand, actor)
    _check_writable(image.product.brand)
    storage, name = image.image.storage, image.image.name
    image.delete()
    transaction.on_commit(partial(storage.delete, name))


def _check_sku(data: SkuIn) -> None:
    if not data.code.strip():
        raise _invalid(_("SKU code must not be empty."), "code")
    for name, value, max_length, label in (
        ("code", data.code.strip(), MAX_CODE, _("SKU code")),
        ("color", data.color, MAX_VARIANT, _("Colour")),
        ("size", data.size, MAX_VARIANT, _("Size")),
        ("barcode", data.barcode, MAX_BARCODE, _("Barcode")),
    ):
        if problem := length_error(value, max_length, label):
            raise _invalid(problem, name)
    labels = {"tag_price": _("Tag price"), "supply_price": _("Supply price")}
    for label, problem in price_errors(
        tag_price_fen=data.tag_price_fen,
        supply_price_fen=data.supply_price_fen,
        tag_column=labels["tag_price"],
        supply_column=labels["supply_price"],
    ):
        raise _invalid(problem, "tag_price" if label == labels["tag_price"] else "supply_price")


def _sku_fields(sku: SKU, data: SkuIn) -> None:
    sku.color = data.color.strip()
    sku.size = data.size.strip()
    sku.barcode = data.barcode.strip()
    sku.tag_price_fen = data.tag_price_fen
    sku.supply_price_fen = data.supply_price_fen
    sku.is_active = data.is_active


@transaction.atomic
def sku_create(*, product: Product, data: SkuIn, actor: Any) -> SKU:
    """A new variant; its code is unique within the brand and supply ≤ tag price."""
    _check_brand_actor(product.brand, actor)
    _check_writable(product.brand)
    _check_sku(data)
    code = data.code.strip()
    if SKU.objects.filter(brand_id=product.brand_id, code=code).exists():
        raise _invalid(
            _("The SKU code %(code)s is already used.") % {"code": code},
            "code",
            "catalog.duplicate_sku_code",
        )
    sku = SKU(product=product, brand_id=product.brand_id, code=code)
    _sku_fields(sku, data)
    sku.save()
    return sku


@transaction.atomic
def sku_update(*, sku: SKU, data: SkuIn, actor: Any) -> SKU:
    """Change a variant's colour, size, barcode, prices or activity; its code stays."""
    _check_brand_actor(sku.product.brand, actor)
    _check_writable(sku.product.brand)
    _check_sku(data)
    _sku_fields(sku, data)
    sku.save()
    return sku
