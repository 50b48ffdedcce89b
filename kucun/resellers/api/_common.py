"""The resellers router, its auth and the shaping of outputs shared by its endpoints."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema

from kucun.core.api_auth import RoleSession
from kucun.core.errors import Conflict
from kucun.core.ids import Id
from kucun.core.models import Role
from kucun.resellers import selectors
from kucun.resellers.models import MarkupRule, Reseller, Share
from kucun.resellers.pricing import PRESETS
from kucun.resellers.selectors import CampaignView, ProductView, ShelfState

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
