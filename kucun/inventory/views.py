"""Brand stock pages: levels, one row's journal, receiving goods and adjusting counts."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kucun.catalog.permissions import brand_required
from kucun.core.errors import DomainError
from kucun.inventory import selectors, services
from kucun.inventory.forms import AdjustForm, ItemReceiveForm, ReceiveForm
from kucun.inventory.models import StockItem

PAGE_SIZE = 50
MOVES_PAGE_SIZE = 50


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@brand_required
def stock_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    warehouse_id = _int_or_none(request.GET.get("warehouse"))
    items = selectors.stock_items_search(brand=request.brand, q=q, warehouse_id=warehouse_id)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "q": q,
        "warehouse_id": warehouse_id,
        "warehouses": selectors.warehouses_for_brand(brand=request.brand),
        "totals": selectors.stock_totals(stock_items=items),
    }
    return render(request, "inventory/stock_list.html", context)


@brand_required
def stock_receive(request: HttpRequest) -> HttpResponse:
    """Receive goods for any SKU code of the brand (a row is created on first receipt)."""
    warehouses = selectors.warehouses_for_brand(brand=request.brand)
    form = ReceiveForm(request.POST or None, warehouses=warehouses)
    if request.method == "POST" and form.is_valid():
        sku = selectors.sku_for_brand(brand=request.brand, code=form.cleaned_data["sku_code"])
        if sku is None:
            form.add_error("sku_code", _("There is no SKU with this code in your catalogue."))
        else:
            try:
                move = services.stock_receive(
                    sku=sku,
                    warehouse=form.cleaned_data["warehouse"],
                    quantity=form.cleaned_data["quantity"],
                    reference=form.cleaned_data["reference"],
                    note=form.cleaned_data["note"],
                    actor=request.user,
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Received %(n)s × %(sku)s.") % {"n": move.on_hand_delta, "sku": sku.code},
                )
                return redirect("inventory:stock_detail", stock_item_id=move.stock_item_id)
    status = 400 if request.method == "POST" else 200
    return render(request, "inventory/stock_receive.html", {"form": form}, status=status)


def _own_item(request: HttpRequest, stock_item_id: int) -> StockItem:
    item = selectors.stock_item_for_brand(brand=request.brand, stock_item_id=stock_item_id)
    if item is None:
        raise Http404
    return item


def _detail(request: HttpRequest, item: StockItem, **forms) -> HttpResponse:
    moves = selectors.stock_moves_for_item(stock_item=item)
    page = Paginator(moves, MOVES_PAGE_SIZE).get_page(request.GET.get("page"))
    mismatches = selectors.stock_journal_mismatches(
        stock_items=StockItem.objects.filter(pk=item.pk)
    )
    context = {
        "item": item,
        "page": page,
        "mismatch": mismatches[0] if mismatches else None,
        "move_count": moves.count(),
        "receive_form": forms.get("receive_form") or ItemReceiveForm(),
        "adjust_form": forms.get("adjust_form") or AdjustForm(),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "inventory/stock_detail.html", context, status=status)


@brand_required
def stock_detail(request: HttpRequest, stock_item_id: int) -> HttpResponse:
    return _detail(request, _own_item(request, stock_item_id))


@brand_required
@require_POST
def stock_item_receive(request: HttpRequest, stock_item_id: int) -> HttpResponse:
    item = _own_item(request, stock_item_id)
    form = ItemReceiveForm(request.POST)
    if form.is_valid():
        try:
            services.stock_receive(
                sku=item.sku,
                warehouse=item.warehouse,
                quantity=form.cleaned_data["quantity"],
                reference=form.cleaned_data["reference"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Goods received."))
            return redirect("inventory:stock_detail", stock_item_id=item.pk)
    return _detail(request, item, receive_form=form)


@brand_required
@require_POST
def stock_item_adjust(request: HttpRequest, stock_item_id: int) -> HttpResponse:
    item = _own_item(request, stock_item_id)
    form = AdjustForm(request.POST)
    if form.is_valid():
        try:
            services.stock_adjust(
                stock_item=item,
                delta=form.cleaned_data["delta"],
                note=form.cleaned_data["note"],
                reference=form.cleaned_data["reference"],
                actor=request.user,
            )
        except DomainError as error:
            form.add_error(
                "note" if error.code == "inventory.note_required" else "delta", error.message
            )
        else:
            messages.success(request, _("Stock adjusted."))
            return redirect("inventory:stock_detail", stock_item_id=item.pk)
    return _detail(request, item, adjust_form=form)
