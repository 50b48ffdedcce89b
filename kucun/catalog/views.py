"""The brand console: dashboard, products and SKUs, imports, API tokens. Brand users only, and
every object is looked up within ``request.brand``, so another brand's id is a 404."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kucun.catalog import selectors, services
from kucun.catalog.forms import (
    ImportUploadForm,
    ProductForm,
    SkuForm,
    TokenCreateForm,
    add_domain_error,
    attributes_text,
)
from kucun.catalog.importing.template import template_csv, template_xlsx
from kucun.catalog.models import SKU, BrandApiToken, ImportJob, Product, ProductImage
from kucun.catalog.permissions import brand_required
from kucun.core.errors import DomainError
from kucun.core.ids import id_or_none
from kucun.inventory.selectors import warehouses_for_brand

PAGE_SIZE = 20
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@brand_required
def brand_home(request: HttpRequest) -> HttpResponse:
    brand = request.brand
    context = {
        "brand": brand,
        "counts": selectors.brand_counts(brand=brand),
        "stock": selectors.brand_stock_totals(brand=brand),
        "imports": selectors.import_jobs_for_brand(brand=brand)[:5],
    }
    return render(request, "catalog/brand_home.html", context)


# --- products ---------------------------------------------------------------------------------


@brand_required
def product_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:64]
    category_id = id_or_none(request.GET.get("category"))
    products = selectors.products_for_brand(
        brand=request.brand, query=query, category_id=category_id
    )
    page = Paginator(products, PAGE_SIZE).get_page(request.GET.get("page"))
    stock = selectors.stock_totals_by_product(
        brand=request.brand, product_ids=[product.pk for product in page]
    )
    for product in page:
        product.stock = stock.get(product.pk, selectors.StockTotals())
    context = {
        "page": page,
        "query": query,
        "category_id": category_id,
        "categories": selectors.categories_used_by_brand(brand=request.brand),
    }
    return render(request, "catalog/product_list.html", context)


def _product(request: HttpRequest, pk: int) -> Product:
    return get_object_or_404(Product.objects.filter(brand=request.brand), pk=pk)


@brand_required
def product_detail(request: HttpRequest, pk: int) -> HttpResponse:
    product = _product(request, pk)
    skus = list(selectors.skus_of_product(product=product))
    items = list(selectors.stock_of_product(brand=request.brand, product=product))
    warehouses = sorted({item.warehouse for item in items}, key=lambda w: w.code)
    by_cell = {(item.sku_id, item.warehouse_id): item for item in items}
    for sku in skus:
        sku.stock_cells = [by_cell.get((sku.pk, warehouse.pk)) for warehouse in warehouses]
    context = {
        "product": product,
        "category_path": selectors.category_paths().get(product.category_id, ""),
        "images": product.images.all(),
        "skus": skus,
        "warehouses": warehouses,
    }
    return render(request, "catalog/product_detail.html", context)


def _save_product(request: HttpRequest, form: ProductForm, product: Product | None) -> Product:
    data = form.product_in()
    if product is None:
        product = services.product_create(brand=request.brand, data=data, actor=request.user)
    else:
        product = services.product_update(product=product, data=data, actor=request.user)
    if image := form.cleaned_data.get("image"):
        services.product_image_add(product=product, image=image, actor=request.user)
    return product


@brand_required
def product_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    product = _product(request, pk) if pk is not None else None
    initial = {}
    if product is not None:
        initial = {
            "code": product.code,
            "title": product.title,
            "category": product.category_id,
            "description": product.description,
            "attributes": attributes_text(product.attributes),
        }
    form = ProductForm(
        request.POST or None, request.FILES or None, initial=initial, editing=product is not None
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save_product(request, form, product)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Product %(code)s saved.") % {"code": saved.code})
            return redirect("catalog:product_detail", pk=saved.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "product": product}
    return render(request, "catalog/product_form.html", context, status=status)


@brand_required
@require_POST
def product_image_delete(request: HttpRequest, pk: int, image_pk: int) -> HttpResponse:
    product = _product(request, pk)
    image = get_object_or_404(ProductImage.objects.filter(product=product), pk=image_pk)
    try:
        services.product_image_delete(image=image, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("catalog:product_detail", pk=product.pk)


@brand_required
def sku_form(request: HttpRequest, pk: int, sku_pk: int | None = None) -> HttpResponse:
    product = _product(request, pk)
    sku = get_object_or_404(SKU.objects.filter(product=product), pk=sku_pk) if sku_pk else None
    initial = {"is_active": True}
    if sku is not None:
        initial = {
            "code": sku.code,
            "color": sku.color,
            "size": sku.size,
            "barcode": sku.barcode,
            "tag_price": sku.tag_price_fen,
            "supply_price": sku.supply_price_fen,
            "is_active": sku.is_active,
        }
    form = SkuForm(request.POST or None, initial=initial, editing=sku is not None)
    if request.method == "POST" and form.is_valid():
        try:
            if sku is None:
                services.sku_create(product=product, data=form.sku_in(), actor=request.user)
            else:
                services.sku_update(sku=sku, data=form.sku_in(), actor=request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("SKU saved."))
            return redirect("catalog:product_detail", pk=product.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "product": product, "sku": sku}
    return render(request, "catalog/sku_form.html", context, status=status)


# --- imports ----------------------------------------------------------------------------------


@brand_required
def import_list(request: HttpRequest) -> HttpResponse:
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.import_create(
                brand=request.brand,
                upload=form.cleaned_data["file"],
                actor=request.user,
                language=request.LANGUAGE_CODE,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return redirect("catalog:import_detail", pk=job.pk)
    jobs = Paginator(selectors.import_jobs_for_brand(brand=request.brand), PAGE_SIZE)
    context = {
        "form": form,
        "page": jobs.get_page(request.GET.get("page")),
        "warehouses": warehouses_for_brand(brand=request.brand),
    }
    return render(request, "catalog/import_list.html", context, status=400 if form.errors else 200)


def _job(request: HttpRequest, pk: int) -> ImportJob:
    return get_object_or_404(ImportJob.objects.filter(brand=request.brand), pk=pk)


@brand_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "catalog/import_detail.html", {"job": _job(request, pk)})


@brand_required
def import_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The status fragment the detail page polls every second while the job runs."""
    return render(request, "catalog/_import_status.html", {"job": _job(request, pk)})


@brand_required
def import_errors_csv(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("Line"), _("Column"), _("Problem")])
    for error in job.errors:
        writer.writerow(
            [error.get("line") or "", error.get("column", ""), error.get("message", "")]
        )
    response = HttpResponse(buffer.getvalue().encode("utf-8-sig"), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-errors.csv"'
    return response


def _first_warehouse_code(request: HttpRequest) -> str:
    own = warehouses_for_brand(brand=request.brand).filter(brand=request.brand).first()
    return own.code if own else ""


@brand_required
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    code = _first_warehouse_code(request)
    if kind == "xlsx":
        response = HttpResponse(template_xlsx(code), content_type=XLSX)
    else:
        response = HttpResponse(template_csv(code), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="kucun-import-template.{kind}"'
    return response


# --- API tokens -------------------------------------------------------------------------------


@brand_required
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenCreateForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            token, plain = services.brand_api_token_create(
                brand=request.brand, name=form.cleaned_data["name"], actor=request.user
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            created = {"token": token, "plain": plain}
            form = TokenCreateForm()
    context = {
        "form": form,
        "created": created,
        "tokens": selectors.api_tokens_for_brand(brand=request.brand),
    }
    response = render(request, "catalog/tokens.html", context, status=400 if form.errors else 200)
    # The token is shown exactly once: never from a cache or the back button.
    response["Cache-Control"] = "no-store"
    return response


@brand_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(BrandApiToken.objects.filter(brand=request.brand), pk=pk)
    services.brand_api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("Token %(name)s revoked.") % {"name": token.name})
    return redirect("catalog:token_list")
