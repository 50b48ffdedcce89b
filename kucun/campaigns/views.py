"""Campaign pages: the public listing, the brand's campaigns, and the operators' review queue."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kucun.campaigns import selectors, services
from kucun.campaigns.forms import (
    CampaignForm,
    CampaignItemFormSet,
    RejectForm,
    campaign_data,
    put_error_on_form,
)
from kucun.campaigns.models import Campaign, CampaignState
from kucun.catalog.models import Brand, BrandStatus
from kucun.catalog.permissions import brand_required
from kucun.catalog.services import brand_review
from kucun.core.errors import DomainError
from kucun.core.models import Role
from kucun.core.money import format_fen
from kucun.core.permissions import role_required
from kucun.inventory.selectors import stock_items_for_brand

ITEMS_PREFIX = "items"
ADD_ROWS = 3


@login_required
def public_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    listing = selectors.campaigns_live_and_upcoming(now=now)
    return render(request, "campaigns/public_list.html", {"listing": listing, "now": now})


@login_required
def public_detail(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = selectors.campaign_public_get(campaign_id=campaign_id)
    if campaign is None:
        raise Http404
    items = list(selectors.campaign_items_public(campaign=campaign))
    for item in items:
        item.discount = selectors.item_discount(item)
    context = {"campaign": campaign, "items": items, "now": timezone.now()}
    return render(request, "campaigns/public_detail.html", context)


@brand_required
def brand_list(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    if state not in CampaignState.values:
        state = ""
    campaigns = selectors.campaigns_for_brand(brand=request.brand, state=state)
    context = {"campaigns": campaigns, "state": state, "states": CampaignState.choices}
    return render(request, "campaigns/brand_list.html", context)


def _own_campaign(request: HttpRequest, campaign_id: int) -> Campaign:
    campaign = selectors.campaign_for_brand(brand=request.brand, campaign_id=campaign_id)
    if campaign is None:
        raise Http404
    return campaign


def _item_initial(campaign: Campaign, stock_items) -> list[dict]:
    rows = {(s.sku_id, s.warehouse_id): s for s in stock_items}
    return [
        {
            "stock_item": rows.get((item.sku_id, item.warehouse_id)),
            "quantity": item.quantity,
            "platform_price": format_fen(item.platform_price_fen),
            "min_resale_price": (
                format_fen(item.min_resale_price_fen) if item.min_resale_price_fen else ""
            ),
        }
        for item in campaign.items.order_by("pk")
    ]


def _campaign_form_page(request: HttpRequest, campaign: Campaign | None) -> HttpResponse:
    """New and edit share one page: parse the form, call one service, show its errors."""
    stock_items = stock_items_for_brand(brand=request.brand)
    form_kwargs = {"stock_items": stock_items}
    show_errors = True
    if request.method == "POST":
        data = request.POST.copy()
        adding_rows = "add_rows" in data
        if adding_rows:
            total_key = f"{ITEMS_PREFIX}-TOTAL_FORMS"
            try:
                data[total_key] = str(int(data.get(total_key, "0")) + ADD_ROWS)
            except ValueError:
                data[total_key] = str(ADD_ROWS)
        form = CampaignForm(data, request.FILES)
        formset = CampaignItemFormSet(data, prefix=ITEMS_PREFIX, form_kwargs=form_kwargs)
        if adding_rows:
            show_errors = False
        elif form.is_valid() and formset.is_valid():
            try:
                if campaign is None:
                    saved = services.campaign_create(
                        brand=request.brand,
                        data=campaign_data(form, formset),
                        actor=request.user,
                        banner=form.cleaned_data.get("banner"),
                    )
                else:
                    saved = services.campaign_update(
                        campaign=campaign,
                        data=campaign_data(form, formset),
                        actor=request.user,
                        banner=form.cleaned_data.get("banner"),
                    )
            except DomainError as error:
                put_error_on_form(error, form, formset)
            else:
                messages.success(request, _("Campaign saved. Submit it for review when ready."))
                return redirect("campaigns:brand_detail", campaign_id=saved.pk)
    elif campaign is None:
        form = CampaignForm()
        formset = CampaignItemFormSet(prefix=ITEMS_PREFIX, form_kwargs=form_kwargs)
    else:
        form = CampaignForm(
            initial={
                "title": campaign.title,
                "description": campaign.description,
                "starts_at": timezone.localtime(campaign.starts_at),
                "ends_at": timezone.localtime(campaign.ends_at),
            }
        )
        formset = CampaignItemFormSet(
            prefix=ITEMS_PREFIX,
            initial=_item_initial(campaign, stock_items),
            form_kwargs=form_kwargs,
        )
    context = {
        "form": form,
        "formset": formset,
        "campaign": campaign,
        "show_errors": show_errors,
    }
    status = 400 if request.method == "POST" and show_errors else 200
    return render(request, "campaigns/brand_form.html", context, status=status)


@brand_required
def brand_create(request: HttpRequest) -> HttpResponse:
    return _campaign_form_page(request, None)


@brand_required
def brand_edit(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _own_campaign(request, campaign_id)
    if campaign.state not in services.EDITABLE:
        messages.error(request, _("Only a draft or a rejected campaign can be edited."))
        return redirect("campaigns:brand_detail", campaign_id=campaign.pk)
    return _campaign_form_page(request, campaign)


@brand_required
def brand_detail(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _own_campaign(request, campaign_id)
    items = list(selectors.campaign_items_with_stock(campaign=campaign))
    for item in items:
        item.discount = selectors.item_discount(item)
    context = {
        "campaign": campaign,
        "items": items,
        "editable": campaign.state in services.EDITABLE,
        "cancellable": campaign.state in services.CANCELLABLE,
        "now": timezone.now(),
    }
    return render(request, "campaigns/brand_detail.html", context)


@brand_required
@require_POST
def brand_submit(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _own_campaign(request, campaign_id)
    try:
        services.campaign_submit(campaign=campaign, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Submitted. An operator will review it."))
    return redirect("campaigns:brand_detail", campaign_id=campaign.pk)


@brand_required
@require_POST
def brand_cancel(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = _own_campaign(request, campaign_id)
    try:
        services.campaign_cancel(campaign=campaign, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Campaign cancelled; its stock is free again."))
    return redirect("campaigns:brand_detail", campaign_id=campaign.pk)


@role_required(Role.OPERATOR)
def review_queue(request: HttpRequest) -> HttpResponse:
    queue = selectors.review_queue()
    context = {"queue": queue, "reject_form": RejectForm(), "now": timezone.now()}
    return render(request, "campaigns/review_queue.html", context)


@role_required(Role.OPERATOR)
@require_POST
def review_approve(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign, pk=campaign_id)
    try:
        services.campaign_approve(campaign=campaign, actor=request.user)
    except DomainError as error:
        messages.error(request, f"{campaign.title}: {error.message}")
    else:
        messages.success(
            request, _("Approved %(title)s; its stock is allocated.") % {"title": campaign.title}
        )
    return redirect("campaigns:review_queue")


@role_required(Role.OPERATOR)
@require_POST
def review_reject(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign, pk=campaign_id)
    try:
        services.campaign_reject(
            campaign=campaign, actor=request.user, reason=request.POST.get("reason", "")
        )
    except DomainError as error:
        messages.error(request, f"{campaign.title}: {error.message}")
    else:
        messages.success(request, _("Rejected %(title)s.") % {"title": campaign.title})
    return redirect("campaigns:review_queue")


@role_required(Role.OPERATOR)
@require_POST
def review_brand(request: HttpRequest, brand_id: int) -> HttpResponse:
    """Approve or reject a pending brand through the catalogue's service."""
    brand = get_object_or_404(Brand, pk=brand_id)
    approve = request.POST.get("decision") == "approve"
    note = request.POST.get("note", "").strip()
    try:
        brand_review(brand=brand, approve=approve, note=note, actor=request.user)
    except DomainError as error:
        messages.error(request, f"{brand.name}: {error.message}")
    else:
        brand.refresh_from_db()
        label = BrandStatus(brand.status).label
        messages.success(
            request, _("%(brand)s is now %(status)s.") % {"brand": brand.name, "status": label}
        )
    return redirect("campaigns:review_queue")
