"""Choosing what to sell: the campaign feed, a campaign, a product — all at her prices."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kucun.core.errors import NotFound
from kucun.resellers import selectors
from kucun.resellers.forms import CUSTOM, FeedForm, MarkupFieldsForm, initial_for
from kucun.resellers.markup import markup_of
from kucun.resellers.permissions import reseller_required

PAGE = 30


def _not_available(request: HttpRequest, exc: NotFound) -> HttpResponse:
    return render(
        request, "resellers/not_available.html", {"message": exc.message, "tab": "feed"}, status=404
    )


@reseller_required
def feed(request: HttpRequest) -> HttpResponse:
    """Live campaigns and upcoming ones (预告), searchable, filterable, sortable."""
    now = timezone.now()
    form = FeedForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    page = data.get("page") or 1
    query = selectors.FeedQuery(
        q=data.get("q") or "",
        category_id=data.get("category"),
        brand_id=data.get("brand"),
        sort=data.get("sort") or "newest",
        when=data.get("when") or "",
        limit=PAGE * page,
    )
    book = selectors.price_book_for(request.reseller)
    result = selectors.campaigns_feed(query=query, book=book, now=now)
    shelf = selectors.shelf_state(
        request.reseller, campaign_ids=[v.campaign.pk for v in result.live + result.upcoming]
    )
    context = {
        "form": form,
        "feed": result,
        "filters": selectors.feed_filters(now=now),
        "query": query,
        "next_page": page + 1 if result.has_more else None,
        "shelf": shelf,
        "tab": "feed",
    }
    template = "resellers/_feed_results.html" if request.htmx else "resellers/feed.html"
    return render(request, template, context)


def _override_form(rule) -> MarkupFieldsForm:
    if rule is None:
        return MarkupFieldsForm(initial={"preset": CUSTOM})
    return MarkupFieldsForm(initial=initial_for(markup_of(rule.kind, rule.value)))


@reseller_required
def campaign(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """One campaign: its products in order at her price; shelve or share all of it."""
    now = timezone.now()
    book = selectors.price_book_for(request.reseller)
    try:
        view = selectors.campaign_view_get(campaign_id=campaign_id, book=book, now=now)
    except NotFound as exc:
        return _not_available(request, exc)
    rule = selectors.markup_rule_for(request.reseller, campaign_id=campaign_id)
    context = {
        "cv": view,
        "shelf": selectors.shelf_state(request.reseller, campaign_ids=[campaign_id]),
        "rule": rule,
        "override_form": _override_form(rule),
        "tab": "feed",
    }
    return render(request, "resellers/campaign.html", context)


@reseller_required
def product(request: HttpRequest, campaign_id: int, product_id: int) -> HttpResponse:
    """One product: images, sizes with units left, platform, tag and her price per SKU."""
    now = timezone.now()
    book = selectors.price_book_for(request.reseller)
    try:
        detail = selectors.product_detail_get(
            campaign_id=campaign_id, product_id=product_id, book=book, now=now
        )
    except NotFound as exc:
        return _not_available(request, exc)
    rule = selectors.markup_rule_for(request.reseller, product_id=product_id)
    context = {
        "d": detail,
        "cv": detail.campaign,
        "p": detail.view,
        "shelf": selectors.shelf_state(request.reseller, campaign_ids=[campaign_id]),
        "rule": rule,
        "override_form": _override_form(rule),
        "tab": "feed",
    }
    return render(request, "resellers/product.html", context)
