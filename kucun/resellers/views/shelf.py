"""Her shelf: add a product or a whole campaign, take it off, see what her shop shows."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kucun.core.errors import DomainError
from kucun.resellers import selectors, services
from kucun.resellers.forms import ShelfForm
from kucun.resellers.permissions import reseller_required
from kucun.resellers.views._common import safe_next


@reseller_required
def shelf(request: HttpRequest) -> HttpResponse:
    """What her shop shows now, by campaign, at her prices."""
    views = selectors.shelf_views(reseller=request.reseller, now=timezone.now())
    shop_url = request.build_absolute_uri(
        reverse("resellers:shop", args=[request.reseller.shop_code])
    )
    return render(
        request,
        "resellers/shelf.html",
        {"views": views, "shop_url": shop_url, "tab": "shelf"},
    )


def _shelf_button(
    request: HttpRequest, *, campaign_id: int, product_id: int | None
) -> HttpResponse:
    shelf = selectors.shelf_state(request.reseller, campaign_ids=[campaign_id])
    return render(
        request,
        "resellers/_shelf_button.html",
        {"campaign_id": campaign_id, "product_id": product_id, "shelf": shelf},
    )


@reseller_required
@require_POST
def shelf_add(request: HttpRequest) -> HttpResponse:
    form = ShelfForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a campaign or a product to add."))
        return redirect("resellers:feed")
    campaign_id, product_id = form.cleaned_data["campaign"], form.cleaned_data["product"]
    try:
        services.shelf_add(
            reseller=request.reseller, campaign_id=campaign_id, product_id=product_id
        )
    except DomainError as exc:
        if request.htmx:
            return HttpResponse(exc.message, status=exc.status)
        messages.error(request, exc.message)
    else:
        if request.htmx:
            return _shelf_button(request, campaign_id=campaign_id, product_id=product_id)
        messages.success(
            request,
            _("Added to your shop.") if product_id else _("The whole campaign is in your shop."),
        )
    return redirect(safe_next(request, form.cleaned_data["next"], reverse("resellers:shelf")))


@reseller_required
@require_POST
def shelf_remove(request: HttpRequest) -> HttpResponse:
    form = ShelfForm(request.POST)
    if not form.is_valid():
        return redirect("resellers:shelf")
    campaign_id, product_id = form.cleaned_data["campaign"], form.cleaned_data["product"]
    services.shelf_remove(reseller=request.reseller, campaign_id=campaign_id, product_id=product_id)
    if request.htmx:
        return _shelf_button(request, campaign_id=campaign_id, product_id=product_id)
    messages.success(request, _("Taken off your shop."))
    return redirect(safe_next(request, form.cleaned_data["next"], reverse("resellers:shelf")))
