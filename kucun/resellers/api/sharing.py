"""Shares, their material, and the public shop."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Status

from kucun.core.errors import DomainError, NotFound
from kucun.resellers import schemas as s
from kucun.resellers import selectors, services
from kucun.resellers.api._common import (
    _abs,
    _reseller,
    _share,
    her,
    router,
)
from kucun.resellers.models import Reseller, Share
from kucun.resellers.services._common import require_active
from kucun.resellers.share_content import share_content_get, tones
from kucun.resellers.sharing.copytext import DEFAULT_TONE, TONES
from kucun.resellers.sharing.poster import TEMPLATES

# --- shares -----------------------------------------------------------------------------------


@router.get(
    "/shares",
    auth=her,
    response={200: list[s.ShareOut], 409: s.ProblemOut},
    summary="Her shares with visits, visitors, orders and GMV",
)
def shares_list(request: HttpRequest):
    rows = selectors.share_rows(reseller=_reseller(request), now=timezone.now())
    return [_share(request, row.share, row.stats) for row in rows]


@router.post(
    "/shares",
    auth=her,
    response={
        201: s.ShareOut,
        400: s.ProblemOut,
        403: s.ProblemOut,
        404: s.ProblemOut,
        409: s.ProblemOut,
    },
    summary="Make (or reuse) her tracked link for a product or a whole campaign",
    description="One link per product/campaign × channel; asking again returns the same code.",
)
def share_create(request: HttpRequest, payload: s.ShareIn):
    share = services.share_get_or_create(
        reseller=_reseller(request),
        campaign_id=payload.campaign_id,
        product_id=payload.product_id,
        channel=payload.channel,
    )
    stats = selectors.share_order_stats([share.pk])[share.pk]
    return Status(201, _share(request, share, stats))


def _own_share(request: HttpRequest, code: str) -> tuple[Reseller, Share]:
    reseller = _reseller(request)
    share = selectors.share_of(reseller=reseller, code=code)
    if share is None:
        raise NotFound(_("No such share."), code="share.not_found")
    share.reseller = reseller
    return reseller, share


@router.get(
    "/shares/{code}",
    auth=her,
    response={200: s.ShareOut, 404: s.ProblemOut, 409: s.ProblemOut},
    summary="One of her shares",
)
def share_get(request: HttpRequest, code: str):
    _reseller_, share = _own_share(request, code)
    return _share(request, share, selectors.share_order_stats([share.pk])[share.pk])


def _content(request: HttpRequest, code: str):
    reseller, share = _own_share(request, code)
    require_active(reseller)
    link = _abs(request, reverse("resellers:link", args=[share.code]))
    return share_content_get(share=share, link_url=link, now=timezone.now())


@router.get(
    "/shares/{code}/text",
    auth=her,
    response={200: s.ShareTextOut, 403: s.ProblemOut, 404: s.ProblemOut, 409: s.ProblemOut},
    summary="Copy text for the share in a tone",
    description="Sizes that are sold out are left out; the price is hers; the link is the share.",
)
def share_text(request: HttpRequest, code: str, tone: str = DEFAULT_TONE):
    content = _content(request, code)
    tone = tone if tone in TONES else DEFAULT_TONE
    return {
        "tone": tone,
        "text": content.copy_text(tone),
        "tones": [{"key": k, "name": n} for k, n in tones()],
    }


def _binary(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=300"
    return response


@router.get(
    "/shares/{code}/poster.png",
    auth=her,
    url_name="resellers_share_poster",
    response={200: None, 403: s.ProblemOut, 404: s.ProblemOut, 409: s.ProblemOut},
    summary="The share poster (PNG, 750×1334)",
    description="template: " + " | ".join(TEMPLATES) + ". Cached until price, stock band, "
    "template or images change.",
    openapi_extra={"responses": {200: {"content": {"image/png": {}}, "description": "PNG"}}},
)
def share_poster(request: HttpRequest, code: str, template: str = "classic"):
    content = _content(request, code)
    return _binary(content.poster_png(template=template), "image/png", f"poster-{code}.png")


@router.get(
    "/shares/{code}/images.zip",
    auth=her,
    url_name="resellers_share_zip",
    response={200: None, 403: s.ProblemOut, 404: s.ProblemOut, 409: s.ProblemOut},
    summary="Poster and 9-image set in one zip",
    openapi_extra={"responses": {200: {"content": {"application/zip": {}}, "description": "zip"}}},
)
def share_zip(request: HttpRequest, code: str, template: str = "classic"):
    content = _content(request, code)
    return _binary(content.zip_all(template=template), "application/zip", f"share-{code}.zip")


# --- public shop (anonymous) ------------------------------------------------------------------


class ShopClosed(DomainError):
    code = "shop.suspended"
    status = 410


@router.get(
    "/public/shops/{shop_code}",
    response={200: s.PublicShopOut, 404: s.ProblemOut, 410: s.ProblemOut},
    summary="A shop as shoppers see it",
    description="Her shelved products of campaigns still on, at her prices, by campaign. 410 "
    "`shop.suspended` when the shop is suspended.",
)
def public_shop(request: HttpRequest, shop_code: str):
    reseller = selectors.reseller_by_code(shop_code)
    if reseller is None:
        raise NotFound(_("No such shop."), code="shop.not_found")
    if not reseller.is_active:
        raise ShopClosed(_("This shop is closed for now."))
    views = selectors.shop_campaigns(reseller=reseller, now=timezone.now())
    return {
        "shop_name": reseller.shop_name,
        "slogan": reseller.slogan,
        "avatar_url": reseller.avatar.url if reseller.avatar else None,
        "campaigns": [
            {
                "id": cv.campaign.pk,
                "title": cv.campaign.title,
                "brand": cv.campaign.brand.name,
                "phase": cv.phase,
                "countdown_to": cv.countdown_to,
                "products": [
                    {
                        "product_id": p.product_id,
                        "title": p.title,
                        "image_url": p.image_url,
                        "price_fen": p.price_fen,
                        "tag_price_fen": p.tag_price_fen,
                        "sold_out": p.sold_out,
                        "url": _abs(
                            request,
                            reverse(
                                "resellers:shop_product",
                                args=[reseller.shop_code, cv.campaign.pk, p.product_id],
                            ),
                        ),
                    }
                    for p in cv.products
                ],
            }
            for cv in views
        ],
    }
