"""Setting her price: the shop default with rounding, and per-campaign / per-product overrides."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kucun.core.errors import DomainError
from kucun.resellers import selectors, services
from kucun.resellers.forms import MarkupFieldsForm, ShopMarkupForm, initial_for
from kucun.resellers.markup import PriceBook, markup_of
from kucun.resellers.permissions import reseller_required
from kucun.resellers.pricing import Rounding
from kucun.resellers.views._common import form_error, safe_next

PREVIEW_PLATFORM_PRICES = (3900, 8800, 15900, 29900)


def _preview(book: PriceBook, views) -> list[dict]:
    """A few of her real prices (or sample ones) under the markup being edited."""
    rows = []
    for view in views:
        for product in view.products[:2]:
            sku = product.lead
            quote = book.quote_item(sku)
            rows.append(
                {
                    "title": product.title,
                    "platform": sku.platform_price_fen,
                    "tag": sku.tag_price_fen,
                    "price": quote.price_fen,
                    "adjusted": quote.adjusted,
                }
            )
        if len(rows) >= 4:
            break
    if not rows:
        for platform in PREVIEW_PLATFORM_PRICES:
            tag = platform * 3
            quote = book.quote(
                campaign_id=0,
                product_id=0,
                platform_price_fen=platform,
                tag_price_fen=tag,
                min_resale_price_fen=None,
            )
            rows.append(
                {
                    "title": _("Sample product"),
                    "platform": platform,
                    "tag": tag,
                    "price": quote.price_fen,
                    "adjusted": quote.adjusted,
                }
            )
    return rows[:4]


@reseller_required
@require_http_methods(["GET", "POST"])
def markup_settings(request: HttpRequest) -> HttpResponse:
    """Her shop default markup (presets or custom) and rounding, with a live preview."""
    reseller = request.reseller
    current = markup_of(reseller.markup_kind, reseller.markup_value)
    initial = {**initial_for(current), "rounding": reseller.rounding}
    form = ShopMarkupForm(request.POST or None, initial=initial)
    book = selectors.price_book_for(reseller)
    if request.method == "POST" and form.is_valid():
        markup = form.cleaned_data["markup"]
        try:
            services.reseller_markup_set(
                reseller=reseller,
                kind=markup.kind.value,
                value=markup.value,
                rounding=form.cleaned_data["rounding"],
            )
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Markup saved."))
            return redirect("resellers:markup")
    views = selectors.shelf_views(reseller=reseller, now=timezone.now())
    if form.is_bound and form.is_valid():
        book = PriceBook(
            shop_markup=form.cleaned_data["markup"],
            rounding=Rounding(form.cleaned_data["rounding"]),
            campaign_markups=book.campaign_markups,
            product_markups=book.product_markups,
        )
    context = {
        "form": form,
        "preview": _preview(book, views),
        "rules": selectors.markup_rules_for(reseller),
        "tab": "markup",
        "current": current,
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "resellers/markup.html", context, status=status)


@reseller_required
@require_POST
def markup_preview(request: HttpRequest) -> HttpResponse:
    """htmx: the preview table for the markup being typed (nothing is saved)."""
    reseller = request.reseller
    form = ShopMarkupForm(request.POST)
    book = selectors.price_book_for(reseller)
    if form.is_valid():
        book = PriceBook(
            shop_markup=form.cleaned_data["markup"],
            rounding=Rounding(form.cleaned_data["rounding"]),
            campaign_markups=book.campaign_markups,
            product_markups=book.product_markups,
        )
    views = selectors.shelf_views(reseller=reseller, now=timezone.now())
    return render(
        request,
        "resellers/_markup_preview.html",
        {"preview": _preview(book, views), "form": form},
    )


@reseller_required
@require_POST
def override_set(request: HttpRequest, target: str, target_id: int) -> HttpResponse:
    """Set or clear her markup for one campaign or one product (from its page)."""
    reseller = request.reseller
    if target not in ("campaign", "product"):
        raise Http404
    ids = {"campaign_id": target_id} if target == "campaign" else {"product_id": target_id}
    back = safe_next(request, request.POST.get("next"), reverse("resellers:markup"))
    if request.POST.get("clear"):
        services.markup_rule_clear(reseller=reseller, **ids)
        messages.success(request, _("Override removed: your shop markup applies."))
        return redirect(back)
    form = MarkupFieldsForm(request.POST)
    if form.is_valid():
        markup = form.cleaned_data["markup"]
        try:
            services.markup_rule_set(
                reseller=reseller, kind=markup.kind.value, value=markup.value, **ids
            )
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Markup override saved: %(m)s") % {"m": markup.label})
            return redirect(back)
    return render(
        request,
        "resellers/override_error.html",
        {"form": form, "back": back, "tab": "markup"},
        status=400,
    )


@reseller_required
@require_POST
def override_delete(request: HttpRequest, rule_id: int) -> HttpResponse:
    try:
        services.markup_rule_delete(reseller=request.reseller, rule_id=rule_id)
    except DomainError as exc:
        return render(
            request,
            "resellers/not_available.html",
            {"message": exc.message, "tab": "markup"},
            status=exc.status,
        )
    messages.success(request, _("Override removed: your shop markup applies."))
    return redirect("resellers:markup")
