"""Resellers API: everything a reseller app needs, plus the public shop read.

Her endpoints use her session (``RoleSession(Role.RESELLER)``, CSRF-checked); signup and the
public shop are anonymous. Money is integer fen. Another reseller's ids are simply not found.
"""

from __future__ import annotations

from django.contrib.auth import authenticate, login
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Schema, Status, UploadedFile

from kucun.core.api_auth import RoleSession
from kucun.core.errors import Conflict, DomainError, NotFound
from kucun.core.ids import Id
from kucun.core.models import Role
from kucun.resellers import schemas as s
from kucun.resellers import selectors, services
from kucun.resellers.models import MarkupRule, Reseller, Share, ShelfItem
from kucun.resellers.pricing import PRESETS
from kucun.resellers.selectors import CampaignView, ProductView, ShelfState
from kucun.resellers.services._common import require_active
from kucun.resellers.services.signup import RESEND_AFTER
from kucun.resellers.share_content import share_content_get, tones
from kucun.resellers.sharing.copytext import DEFAULT_TONE, TONES
from kucun.resellers.sharing.poster import TEMPLATES

router = Router(tags=["resellers"])
her = RoleSession(Role.RESELLER)


class FeedFilterIn(Schema):
    q: str = ""
    category: Id | None = None
    brand: Id | None = None
    sort: str = "newest"
    when: str = ""
    limit: int = 30


def _reseller(request: HttpRequest) -> Reseller:
    reseller = selectors.reseller_for_user(request.auth)
    if reseller is None:
        raise Conflict(_("Open your shop first."), code="shop.missing")
    return reseller


def _abs(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


# --- shaping ----------------------------------------------------------------------------------


def _range(pair: tuple[int, int] | None) -> dict | None:
    return {"min_fen": pair[0], "max_fen": pair[1]} if pair else None


def _campaign_card(cv: CampaignView, shelf: ShelfState | None = None) -> dict:
    c = cv.campaign
    return {
        "id": c.pk,
        "title": c.title,
        "brand": c.brand.name,
        "phase": cv.phase,
        "starts_at": c.starts_at,
        "ends_at": c.ends_at,
        "countdown_to": cv.countdown_to,
        "cover_url": cv.cover_url,
        "platform_price": _range(cv.platform_range),
        "her_price": _range(cv.price_range),
        "discount": cv.discount,
        "units_left": cv.units_left,
        "units_sold": cv.units_sold,
        "product_count": len(cv.products),
        "on_shelf": bool(shelf and shelf.has_campaign(c.pk)),
    }


def _product_card(p: ProductView, shelf: ShelfState | None = None) -> dict:
    return {
        "product_id": p.product_id,
        "campaign_id": p.campaign_id,
        "title": p.title,
        "image_url": p.image_url,
        "price_fen": p.price_fen,
        "platform_price_fen": p.platform_price_fen,
        "tag_price_fen": p.tag_price_fen,
        "units_left": p.units_left,
        "sold_out": p.sold_out,
        "on_shelf": bool(shelf and shelf.has_product(p.campaign_id, p.product_id)),
    }


def _shop(request: HttpRequest, r: Reseller) -> dict:
    return {
        "shop_name": r.shop_name,
        "shop_code": r.shop_code,
        "shop_url": _abs(request, reverse("resellers:shop", args=[r.shop_code])),
        "avatar_url": r.avatar.url if r.avatar else None,
        "slogan": r.slogan,
        "status": r.status,
        "suspended_reason": r.suspended_reason,
        "created_at": r.created_at,
    }


def _markup(r: Reseller) -> dict:
    return {
        "kind": r.markup_kind,
        "value": r.markup_value,
        "label": r.markup_label,
        "rounding": r.rounding,
        "presets": [
            {"key": p.key, "kind": p.markup.kind.value, "value": p.markup.value, "label": p.label}
            for p in PRESETS
        ],
    }


def _override(rule: MarkupRule) -> dict:
    return {
        "id": rule.pk,
        "campaign_id": rule.campaign_id,
        "product_id": rule.product_id,
        "kind": rule.kind,
        "value": rule.value,
        "label": rule.markup_label,
    }


def _share(request: HttpRequest, share: Share, stats: selectors.OrderStats) -> dict:
    return {
        "code": share.code,
        "url": _abs(request, reverse("resellers:link", args=[share.code])),
        "campaign_id": share.campaign_id,
        "product_id": share.product_id,
        "channel": share.channel,
        "created_at": share.created_at,
        "visits": share.visits,
        "visitors": share.visitors,
        "orders": stats.orders,
        "gmv_fen": stats.gmv_fen,
        "poster_url": _abs(request, reverse("api:resellers_share_poster", args=[share.code])),
        "images_zip_url": _abs(request, reverse("api:resellers_share_zip", args=[share.code])),
    }


# --- signup (anonymous) -----------------------------------------------------------------------


@router.post(
    "/signup/code",
    response={200: s.SignupCodeOut, 400: s.ProblemOut, 409: s.ProblemOut, 503: s.ProblemOut},
    summary="Text a signup code to a phone",
    description="Sends a 6-digit code valid 5 minutes; at most one a minute and five an hour. "
    "409 `signup.phone_taken` when the number already has an account.",
)
def signup_code(request: HttpRequest, payload: s.SignupCodeIn):
    row = services.phone_code_request(phone=payload.phone)
    return {
        "phone": row.phone,
        "expires_at": row.expires_at,
        "resend_after_seconds": int(RESEND_AFTER.total_seconds()),
    }


@router.post(
    "/signup",
    response={201: s.AccountOut, 400: s.ProblemOut, 409: s.ProblemOut},
    summary="Create a reseller account with the SMS code",
    description="The phone becomes the login. Wrong codes count (5 tries), codes expire after "
    "5 minutes. On success the session is logged in; open the shop next with POST /shop.",
)
def signup(request: HttpRequest, payload: s.SignupIn):
    user = services.reseller_signup(
        phone=payload.phone, code=payload.code, password=payload.password
    )
    # Through the configured backends, so the session stays valid whichever they are.
    login(request, authenticate(request, username=user.username, password=payload.password) or user)
    return Status(
        201,
        {
            "user_id": user.pk,
            "phone": user.phone,
            "has_shop": False,
            "csrf_token": get_token(request),
        },
    )


# --- her shop ---------------------------------------------------------------------------------


@router.post(
    "/shop",
    auth=her,
    response={201: s.ShopOut, 400: s.ProblemOut, 409: s.ProblemOut},
    summary="Open her shop",
    description="Multipart form: shop_name, slogan, optional avatar image. Gets a unique shop "
    "code and a public shop URL.",
)
def shop_open(
    request: HttpRequest, data: Form[s.ShopOpenIn], avatar: File[UploadedFile] | None = None
):
    reseller = services.shop_open(
        user=request.auth, shop_name=data.shop_name, slogan=data.slogan, avatar=avatar
    )
    return Status(201, _shop(request, reseller))


@router.get("/shop", auth=her, response={200: s.ShopOut, 409: s.ProblemOut}, summary="Her shop")
def shop_get(request: HttpRequest):
    return _shop(request, _reseller(request))


@router.put(
    "/shop",
    auth=her,
    response={200: s.ShopOut, 400: s.ProblemOut, 409: s.ProblemOut},
    summary="Rename her shop or change its slogan",
)
def shop_update(request: HttpRequest, payload: s.ShopUpdateIn):
    reseller = _reseller(request)
    services.shop_update(reseller=reseller, shop_name=payload.shop_name, slogan=payload.slogan)
    return _shop(request, reseller)


@router.post(
    "/shop/avatar",
    auth=her,
    response={200: s.ShopOut, 400: s.ProblemOut, 409: s.ProblemOut},
    summary="Upload her avatar",
    description="JPEG, PNG or WebP under 5 MB; stored as a 400×400 JPEG.",
)
def shop_avatar(request: HttpRequest, avatar: File[UploadedFile]):
    reseller = _reseller(request)
    services.shop_update(
        reseller=reseller, shop_name=reseller.shop_name, slogan=reseller.slogan, avatar=avatar
    )
    return _shop(request, reseller)


# --- markup -----------------------------------------------------------------------------------


@router.get(
    "/markup", auth=her, response={200: s.MarkupOut, 409: s.ProblemOut}, summary="Her markup"
)
def markup_get(request: HttpRequest):
    return _markup(_reseller(request))


@router.put(
    "/markup",
    auth=her,
    response={200: s.MarkupOut, 400: s.ProblemOut, 409: s.ProblemOut},
    summary="Set her shop-wide markup and rounding",
    description="Her price = platform price + markup, rounded up to the rule, never below the "
    "platform or the brand's minimum price, never above the tag price.",
)
def markup_update(request: HttpRequest, payload: s.MarkupIn):
    reseller = services.reseller_markup_set(
        reseller=_reseller(request),
        kind=payload.kind,
        value=payload.value,
        rounding=payload.rounding,
    )
    return _markup(reseller)


@router.get(
    "/markup/overrides",
    auth=her,
    response={200: list[s.OverrideOut], 409: s.ProblemOut},
    summary="Her per-campaign and per-product markups",
)
def overrides_list(request: HttpRequest):
    return [_override(rule) for rule in selectors.markup_rules_for(_reseller(request))]


@router.put(
    "/markup/overrides",
    auth=her,
    response={200: s.OverrideOut, 400: s.ProblemOut, 404: s.ProblemOut, 409: s.ProblemOut},
    summary="Set her markup for one campaign or one product",
    description="A product markup beats a campaign markup, which beats the shop markup.",
)
def override_set(request: HttpRequest, payload: s.OverrideIn):
    rule = services.markup_rule_set(
        reseller=_reseller(request),
        campaign_id=payload.campaign_id,
        product_id=payload.product_id,
        kind=payload.kind,
        value=payload.value,
    )
    return _override(rule)


@router.delete(
    "/markup/overrides/{rule_id}",
    auth=her,
    response={204: None, 404: s.ProblemOut, 409: s.ProblemOut},
    summary="Remove one of her overrides",
)
def override_delete(request: HttpRequest, rule_id: int):
    services.markup_rule_delete(reseller=_reseller(request), rule_id=rule_id)
    return Status(204, None)


# --- choosing ---------------------------------------------------------------------------------


@router.get(
    "/feed",
    auth=her,
    response={200: s.FeedOut, 409: s.ProblemOut},
    summary="Live and upcoming campaigns at her prices",
    description="q: substring of campaign title, brand or product title; category / brand ids; "
    "sort: newest | starting_soon | ending_soon | best_selling (units sold); when: live | "
    "upcoming | (both).",
)
def feed(request: HttpRequest, filters: Query[FeedFilterIn]):
    reseller = _reseller(request)
    now = timezone.now()
    query = selectors.FeedQuery(
        q=filters.q[:60],
        category_id=filters.category,
        brand_id=filters.brand,
        sort=filters.sort if filters.sort in selectors.SORTS else "newest",
        when=filters.when if filters.when in ("live", "upcoming") else "",
        limit=max(1, min(filters.limit, 100)),
    )
    result = selectors.campaigns_feed(query=query, book=selectors.price_book_for(reseller), now=now)
    shelf = selectors.shelf_state(reseller)
    return {
        "live": [_campaign_card(cv, shelf) for cv in result.live],
        "upcoming": [_campaign_card(cv, shelf) for cv in result.upcoming],
        "has_more": result.has_more,
    }


@router.get(
    "/campaigns/{campaign_id}",
    auth=her,
    response={200: s.CampaignDetailOut, 404: s.ProblemOut, 409: s.ProblemOut},
    summary="A campaign and its products at her prices",
)
def campaign_detail(request: HttpRequest, campaign_id: Id):
    reseller = _reseller(request)
    cv = selectors.campaign_view_get(
        campaign_id=campaign_id, book=selectors.price_book_for(reseller), now=timezone.now()
    )
    shelf = selectors.shelf_state(reseller, campaign_ids=[campaign_id])
    return {
        "campaign": _campaign_card(cv, shelf),
        "description": cv.campaign.description,
        "products": [_product_card(p, shelf) for p in cv.products],
    }


@router.get(
    "/campaigns/{campaign_id}/products/{product_id}",
    auth=her,
    response={200: s.ProductDetailOut, 404: s.ProblemOut, 409: s.ProblemOut},
    summary="A product: SKUs with units left, platform, tag and her price",
)
def product_detail(request: HttpRequest, campaign_id: Id, product_id: Id):
    reseller = _reseller(request)
    d = selectors.product_detail_get(
        campaign_id=campaign_id,
        product_id=product_id,
        book=selectors.price_book_for(reseller),
        now=timezone.now(),
    )
    shelf = selectors.shelf_state(reseller, campaign_ids=[campaign_id])
    return {
        "product": _product_card(d.view, shelf),
        "campaign": _campaign_card(d.campaign, shelf),
        "brand": d.product.brand.name,
        "description": d.product.description,
        "images": d.image_urls,
        "skus": [
            {
                "sku_id": r.sku_id,
                "code": r.code,
                "color": r.color,
                "size": r.size,
                "units_left": r.available,
                "platform_price_fen": r.platform_price_fen,
                "tag_price_fen": r.tag_price_fen,
                "min_resale_price_fen": r.min_resale_price_fen,
                "price_fen": r.quote.price_fen,
                "markup_fen": r.quote.markup_fen,
                "adjusted": r.quote.adjusted,
            }
            for r in d.view.skus
        ],
    }


# --- shelf ------------------------------------------------------------------------------------


@router.get(
    "/shelf", auth=her, response={200: list[s.ShelfItemOut], 409: s.ProblemOut}, summary="Her shelf"
)
def shelf_list(request: HttpRequest):
    return list(
        ShelfItem.objects.filter(reseller=_reseller(request)).order_by("-created_at", "-pk")
    )


@router.post(
    "/shelf",
    auth=her,
    response={201: s.ShelfItemOut, 403: s.ProblemOut, 404: s.ProblemOut, 409: s.ProblemOut},
    summary="Put a product or a whole campaign in her shop",
    description="Idempotent. 409 `campaigns.ended` for an ended campaign; 403 "
    "`reseller.suspended` when her shop is suspended.",
)
def shelf_add(request: HttpRequest, payload: s.ShelfIn):
    item = services.shelf_add(
        reseller=_reseller(request), campaign_id=payload.campaign_id, product_id=payload.product_id
    )
    return Status(201, item)


@router.delete(
    "/shelf/{item_id}",
    auth=her,
    response={204: None, 404: s.ProblemOut, 409: s.ProblemOut},
    summary="Take an item off her shelf",
)
def shelf_remove(request: HttpRequest, item_id: int):
    services.shelf_item_delete(reseller=_reseller(request), item_id=item_id)
    return Status(204, None)


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
