"""The public shop shoppers open (no account): her shelf at her prices, and her short links."""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kucun.core.errors import NotFound
from kucun.resellers import selectors, services
from kucun.resellers.attribution import remember_visit, visitor_id
from kucun.resellers.models import Reseller

SHOP_CACHE_SECONDS = 30
CSRF_MARK = "__kucun_csrf_token__"


def dead_end(
    request: HttpRequest, *, title: str, message: str, status: int, reseller: Reseller | None = None
) -> HttpResponse:
    """A calm page for a link that cannot sell (unknown, suspended shop, ended campaign)."""
    context = {"title": title, "message": message, "reseller": reseller}
    return render(request, "resellers/dead_end.html", context, status=status)


def _unknown_shop(request: HttpRequest) -> HttpResponse:
    return dead_end(
        request,
        title=_("Shop not found"),
        message=_("There is no shop at this address. Check the link with the person who sent it."),
        status=404,
    )


def _closed(request: HttpRequest, reseller: Reseller) -> HttpResponse:
    return dead_end(
        request,
        title=_("This shop is closed for now"),
        message=_(
            "%(shop)s is not selling at the moment. Nothing can be ordered here; please ask "
            "the shop owner."
        )
        % {"shop": reseller.shop_name},
        status=410,
        reseller=reseller,
    )


def _ended(request: HttpRequest, reseller: Reseller) -> HttpResponse:
    return dead_end(
        request,
        title=_("This sale has ended"),
        message=_("The campaign behind this link is over. See what %(shop)s has on sale now.")
        % {"shop": reseller.shop_name},
        status=410,
        reseller=reseller,
    )


def _open_shop(request: HttpRequest, shop_code: str) -> Reseller | HttpResponse:
    reseller = selectors.reseller_by_code_cached(shop_code)
    if reseller is None:
        return _unknown_shop(request)
    if not reseller.is_active:
        return _closed(request, reseller)
    return reseller


def _shop_key(reseller: Reseller, *parts: str) -> str:
    stamp = f"{reseller.updated_at.timestamp():.6f}"
    return ":".join(["kucun:shop:v2", str(reseller.pk), stamp, get_language() or "", *parts])


def _shop_body(request: HttpRequest, reseller: Reseller, seconds: int) -> tuple[str, float]:
    """Her shelf rendered, and until when (epoch seconds) that rendering stays true."""
    key = _shop_key(reseller, "body")
    cached = cache.get(key) if seconds > 0 else None
    if cached is not None:
        return cached
    now = timezone.now()
    views = selectors.shop_campaigns(reseller=reseller, now=now)
    body = render_to_string(
        "resellers/_shop_body.html", {"reseller": reseller, "views": views}, request=request
    )
    ttl = selectors.seconds_until_change(views, now=now, cap=seconds) if seconds > 0 else 0
    cached = (body, time.time() + ttl)
    if seconds > 0:
        cache.set(key, cached, ttl)
    return cached


@require_safe
def shop(request: HttpRequest, shop_code: str) -> HttpResponse:
    """Her shop: shelved products at her prices, grouped by campaign, with countdowns.

    Cached (it is what every shared link leads to): the shelf until her shop changes
    (``updated_at`` is in the key), a shown campaign starts or ends, or
    ``RESELLER_SHOP_CACHE_SECONDS`` (default 30) pass — so stock counts and brand edits show
    within that time and an ended campaign never lingers. Anonymous shoppers get the whole
    page from the cache with their own CSRF token put in. The shop row is read every time, so
    a suspension shows at once.
    """
    reseller = _open_shop(request, shop_code)
    if isinstance(reseller, HttpResponse):
        return reseller
    seconds = int(getattr(settings, "RESELLER_SHOP_CACHE_SECONDS", SHOP_CACHE_SECONDS))
    whole_page = (
        seconds > 0 and not request.user.is_authenticated and not len(get_messages(request))
    )
    if whole_page:
        path = hashlib.sha1(request.get_full_path().encode()).hexdigest()
        page_key = _shop_key(reseller, "page", path)
        page = cache.get(page_key)
        if page is not None:
            return HttpResponse(page.replace(CSRF_MARK, get_token(request)))
    body, until = _shop_body(request, reseller, seconds)
    context = {"reseller": reseller, "body": mark_safe(body)}  # our own escaped rendering
    if not whole_page:
        return render(request, "resellers/shop.html", context)
    page = render_to_string(
        "resellers/shop.html", {**context, "csrf_token": CSRF_MARK}, request=request
    )
    left = int(until - time.time())
    if left > 0:
        cache.set(page_key, page, left)
    return HttpResponse(page.replace(CSRF_MARK, get_token(request)))


@require_safe
def shop_campaign(request: HttpRequest, shop_code: str, campaign_id: int) -> HttpResponse:
    """One campaign of her shop (where a 快速转发 link lands)."""
    reseller = _open_shop(request, shop_code)
    if isinstance(reseller, HttpResponse):
        return reseller
    now = timezone.now()
    view = selectors.shop_campaign_view(reseller=reseller, campaign_id=campaign_id, now=now)
    if view is None:
        if selectors.campaign_phase(campaign_id, now) == selectors.ENDED:
            return _ended(request, reseller)
        return _unknown_product(request, reseller)
    return render(request, "resellers/shop_campaign.html", {"reseller": reseller, "cv": view})


def _unknown_product(request: HttpRequest, reseller: Reseller) -> HttpResponse:
    return dead_end(
        request,
        title=_("Not in this shop"),
        message=_("%(shop)s does not sell this. See what the shop has now.")
        % {"shop": reseller.shop_name},
        status=404,
        reseller=reseller,
    )


@require_safe
def shop_product(
    request: HttpRequest, shop_code: str, campaign_id: int, product_id: int
) -> HttpResponse:
    """A product of her shop: photos, sizes left, her price."""
    reseller = _open_shop(request, shop_code)
    if isinstance(reseller, HttpResponse):
        return reseller
    now = timezone.now()
    if not selectors.shop_product_visible(
        reseller=reseller, campaign_id=campaign_id, product_id=product_id, now=now
    ):
        if selectors.campaign_phase(campaign_id, now) == selectors.ENDED:
            return _ended(request, reseller)
        return _unknown_product(request, reseller)
    book = selectors.price_book_for(reseller)
    try:
        detail = selectors.product_detail_get(
            campaign_id=campaign_id, product_id=product_id, book=book, now=now
        )
    except NotFound:
        return _ended(request, reseller)
    return render(
        request,
        "resellers/shop_product.html",
        {"reseller": reseller, "d": detail, "cv": detail.campaign, "p": detail.view},
    )


@require_safe
def link(request: HttpRequest, code: str) -> HttpResponse:
    """A tracked short link: count the visit, remember the share, go to her shop's page."""
    share = selectors.share_for_link(code)
    if share is None:
        return dead_end(
            request,
            title=_("Link not found"),
            message=_("This link does not exist. Check it with the person who sent it."),
            status=404,
        )
    reseller = share.reseller
    if not reseller.is_active:
        return _closed(request, reseller)
    now = timezone.now()
    if selectors.phase_of(share.campaign, now) == selectors.ENDED:
        return _ended(request, reseller)
    visitor, new_visitor = visitor_id(request)
    if request.method == "GET":  # link previews (HEAD) are not visits
        services.share_visit_record(share_id=share.pk, visitor_id=visitor, now=now)
    if share.product_id:
        target = reverse(
            "resellers:shop_product", args=[reseller.shop_code, share.campaign_id, share.product_id]
        )
    else:
        target = reverse("resellers:shop_campaign", args=[reseller.shop_code, share.campaign_id])
    response = redirect(target)
    remember_visit(response, share=share, visitor=visitor, new_visitor=new_visitor)
    return response
