"""Choosing: the campaign feed, campaigns and products at her prices, her shelf."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Status

from kucun.core.ids import Id
from kucun.resellers import schemas as s
from kucun.resellers import selectors, services
from kucun.resellers.api._common import (
    FeedFilterIn,
    _campaign_card,
    _product_card,
    _reseller,
    her,
    router,
)
from kucun.resellers.models import ShelfItem

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
