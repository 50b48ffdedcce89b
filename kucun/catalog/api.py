"""Catalogue API for a brand's ERP (token or brand session) and the operator's brand review.

Prices are integer fen (``*_fen``). Bulk calls are all-or-nothing: any bad item → 400 with
``data.errors = [{index, field, message}]`` and nothing written; repeating a call changes nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate
from pydantic import Field

from kucun.catalog import services
from kucun.catalog.auth import brand_auth
from kucun.catalog.importing.rows import SkuRow, split_category
from kucun.catalog.importing.stock import StockLevelIn as StockLevel
from kucun.catalog.models import Brand, BrandApiToken, ImportJob, Product
from kucun.catalog.permissions import api_brand
from kucun.core.api_auth import RoleSession
from kucun.core.errors import InvalidInput, NotFound
from kucun.core.models import Role
from kucun.core.pagination import PageNumberPagination

router = Router(tags=["catalog"])

MAX_ITEMS = 20_000


# --- schemas ----------------------------------------------------------------------------------


class SkuUpsertIn(Schema):
    code: str = Field(max_length=200)
    color: str = ""
    size: str = ""
    barcode: str = ""
    tag_price_fen: int = Field(description="Tag price 吊牌价 in fen (19900 = ¥199.00)")
    supply_price_fen: int = Field(description="Supply price 供货价 in fen, ≤ tag price")


class ProductUpsertIn(Schema):
    code: str = Field(max_length=200)
    title: str = Field(max_length=500)
    category: str | None = Field(None, description="Path like 服装/女装/连衣裙; null keeps it")
    description: str | None = Field(None, description="null keeps the current description")
    attributes: dict[str, str] | None = Field(None, description="null keeps the current ones")
    skus: list[SkuUpsertIn] = Field(min_length=1)


class UpsertIn(Schema):
    products: list[ProductUpsertIn] = Field(min_length=1, max_length=5000)


class UpsertOut(Schema):
    products_created: int
    products_updated: int
    products_unchanged: int
    skus_created: int
    skus_updated: int
    skus_unchanged: int


class StockLevelIn(Schema):
    sku_code: str = Field(max_length=200)
    warehouse: str = Field(max_length=200, description="Code of your warehouse or the cloud's")
    on_hand: int


class StockLevelsOut(Schema):
    stock_changed: int
    stock_unchanged: int


class SkuOut(Schema):
    id: int
    code: str
    color: str
    size: str
    barcode: str
    tag_price_fen: int
    supply_price_fen: int
    is_active: bool


class ProductOut(Schema):
    id: int
    code: str
    title: str
    category: str | None
    description: str
    attributes: dict[str, Any]
    status: str
    images: list[str]
    skus: list[SkuOut]
    updated_at: datetime

    @staticmethod
    def resolve_category(product: Product) -> str | None:
        return product.category.path if product.category_id else None

    @staticmethod
    def resolve_images(product: Product) -> list[str]:
        return [image.image.url for image in product.images.all()]


class ImportErrorOut(Schema):
    line: int | None
    column: str
    message: str


class ImportJobOut(Schema):
    id: int
    original_name: str
    status: str
    total_rows: int
    processed_rows: int
    counts: dict[str, int]
    errors: list[ImportErrorOut]
    created_at: datetime
    finished_at: datetime | None


class BrandReviewIn(Schema):
    approve: bool
    note: str = ""


class BrandOut(Schema):
    id: int
    name: str
    slug: str
    status: str
    review_note: str
    reviewed_at: datetime | None


# --- helpers: request → service input ---------------------------------------------------------


def _actor(request: HttpRequest) -> Any:
    return None if isinstance(request.auth, BrandApiToken) else request.auth


def _reference(request: HttpRequest) -> str:
    if isinstance(request.auth, BrandApiToken):
        return f"api:token:{request.auth.prefix}"
    return f"api:user:{request.auth.pk}"


def _rows(payload: UpsertIn) -> list[SkuRow]:
    """One row per SKU; ``line`` is the product's index so errors point at the item sent."""
    rows = []
    for index, product in enumerate(payload.products):
        for position, sku in enumerate(product.skus):
            prefix = f"skus[{position}]"
            columns = {
                "product_code": "code",
                "sku_code": f"{prefix}.code",
                "color": f"{prefix}.color",
                "size": f"{prefix}.size",
                "barcode": f"{prefix}.barcode",
                "tag_price": f"{prefix}.tag_price_fen",
                "supply_price": f"{prefix}.supply_price_fen",
            }
            rows.append(
                SkuRow(
                    line=index,
                    product_code=product.code.strip(),
                    sku_code=sku.code.strip(),
                    tag_price_fen=sku.tag_price_fen,
                    supply_price_fen=sku.supply_price_fen,
                    title=product.title.strip(),
                    category=split_category(product.category) or None if product.category else None,
                    description=product.description,
                    attributes=product.attributes,
                    color=sku.color.strip(),
                    size=sku.size.strip(),
                    barcode=sku.barcode.strip(),
                    columns=columns,
                )
            )
    return rows


def _products(request: HttpRequest) -> QuerySet[Product]:
    # Categories are at most a few levels deep: their paths come with the same query.
    return (
        Product.objects.filter(brand=api_brand(request))
        .select_related("category__parent__parent__parent__parent")
        .prefetch_related("skus", "images")
    )


# --- brand endpoints --------------------------------------------------------------------------


@router.get("/products", response=list[ProductOut], auth=brand_auth)
@paginate(PageNumberPagination, page_size=50)
def product_list(request: HttpRequest, code: str = "", q: str = "") -> Any:
    """The brand's products with their SKUs; filter by exact ``code`` or by ``q`` in the title."""
    products = _products(request).order_by("code")
    if code:
        products = products.filter(code=code)
    if q:
        products = products.filter(title__icontains=q)
    return products


@router.get("/products/{int:product_id}", response=ProductOut, auth=brand_auth)
def product_get(request: HttpRequest, product_id: int) -> Product:
    product = _products(request).filter(pk=product_id).first()
    if product is None:
        raise NotFound(_("Product not found."), code="catalog.product_not_found")
    return product


@router.post("/products/bulk-upsert", response=UpsertOut, auth=brand_auth)
def products_bulk_upsert(request: HttpRequest, payload: UpsertIn) -> dict[str, int]:
    """Create or update products and their SKUs by code, all or none; repeating changes nothing."""
    return services.catalog_upsert(
        brand=api_brand(request),
        rows=_rows(payload),
        actor=_actor(request),
        reference=_reference(request),
    )


@router.put("/stock", response=StockLevelsOut, auth=brand_auth)
def stock_levels_set(request: HttpRequest, payload: list[StockLevelIn]) -> dict[str, int]:
    """Set on-hand levels (a stocktake or ERP sync), all or none; errors use the list index."""
    if len(payload) > MAX_ITEMS:
        raise InvalidInput(
            _("At most %(n)s levels per call.") % {"n": MAX_ITEMS}, code="catalog.too_many"
        )
    levels = [
        StockLevel(index, item.sku_code.strip(), item.warehouse.strip(), item.on_hand)
        for index, item in enumerate(payload)
    ]
    return services.stock_levels_set(
        brand=api_brand(request),
        levels=levels,
        actor=_actor(request),
        reference=_reference(request),
    )


@router.post("/imports", response={202: ImportJobOut}, auth=brand_auth)
def import_upload(request: HttpRequest, file: File[UploadedFile]) -> Status:
    """Upload a .csv/.xlsx file like the import page does; poll its job for the result."""
    job = services.import_create(
        brand=api_brand(request),
        upload=file,
        actor=_actor(request),
        language=getattr(request, "LANGUAGE_CODE", ""),
    )
    job.refresh_from_db()
    return Status(202, job)


@router.get("/imports", response=list[ImportJobOut], auth=brand_auth)
@paginate(PageNumberPagination, page_size=20)
def import_list(request: HttpRequest) -> QuerySet[ImportJob]:
    return ImportJob.objects.filter(brand=api_brand(request))


@router.get("/imports/{int:job_id}", response=ImportJobOut, auth=brand_auth)
def import_get(request: HttpRequest, job_id: int) -> ImportJob:
    job = ImportJob.objects.filter(brand=api_brand(request), pk=job_id).first()
    if job is None:
        raise NotFound(_("Import not found."), code="catalog.import_not_found")
    return job


# --- operator ---------------------------------------------------------------------------------


@router.post("/brands/{int:brand_id}/review", response=BrandOut, auth=RoleSession(Role.OPERATOR))
def brand_review(request: HttpRequest, brand_id: int, payload: BrandReviewIn) -> Brand:
    """Approve a brand, or reject (suspend, if approved) it with a note."""
    brand = Brand.objects.filter(pk=brand_id).first()
    if brand is None:
        raise NotFound(_("Brand not found."), code="catalog.brand_not_found")
    return services.brand_review(
        brand=brand, approve=payload.approve, note=payload.note, actor=request.auth
    )
