"""Reads of campaigns: the public listing, a brand's own, and the operators' review queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import (
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from kucun.campaigns.models import Campaign, CampaignItem, CampaignState
from kucun.campaigns.rules import discount_permille, percent_off, zhe_label
from kucun.catalog.models import Brand, BrandStatus, ProductImage
from kucun.inventory.models import StockItem

LISTED_STATES = (CampaignState.APPROVED, CampaignState.LIVE)
# States whose detail page any signed-in user may open (an ended campaign stays readable).
PUBLIC_STATES = (
    CampaignState.APPROVED,
    CampaignState.LIVE,
    CampaignState.ENDED,
    CampaignState.SETTLED,
)


def discount_text(permille: int | None) -> str:
    """ "3.5折" in Chinese, "65% off" in English; empty when there is no discount."""
    if permille is None or permille >= 1000:
        return ""
    if (get_language() or "").startswith("zh"):
        return f"{zhe_label(permille)}折"
    return f"{percent_off(permille)}% off"


def _with_figures(qs: QuerySet[Campaign]) -> QuerySet[Campaign]:
    # One multi-valued join (items), so the aggregates do not multiply each other.
    return qs.annotate(
        item_count=Count("items"),
        product_count=Count("items__sku__product", distinct=True),
        units_total=Coalesce(Sum("items__quantity"), 0),
        units_left=Coalesce(Sum("items__available"), 0),
        price_min_fen=Min("items__platform_price_fen"),
        price_max_fen=Max("items__platform_price_fen"),
        best_permille=Min(
            ExpressionWrapper(
                # Rounded up, as in rules.discount_permille: never show a bigger discount.
                (F("items__platform_price_fen") * 1000 + F("items__sku__tag_price_fen") - 1)
                / F("items__sku__tag_price_fen"),
                output_field=IntegerField(),
            )
        ),
    )


@dataclass(frozen=True)
class Listing:
    live: list[Campaign]
    upcoming: list[Campaign]


def campaigns_listed(*, now: datetime) -> QuerySet[Campaign]:
    """Campaigns any signed-in user sees: approved brand, approved or live, not yet over."""
    return _with_figures(
        Campaign.objects.filter(
            brand__status=BrandStatus.APPROVED, state__in=LISTED_STATES, ends_at__gt=now
        ).select_related("brand")
    ).order_by("starts_at", "pk")


def campaigns_live_and_upcoming(*, now: datetime) -> Listing:
    """Split by time, not by state: a campaign whose start has passed is live even if the
    ticker has not flipped it yet."""
    live, upcoming = [], []
    for campaign in campaigns_listed(now=now):
        (live if campaign.starts_at <= now else upcoming).append(campaign)
    live.sort(key=lambda c: (c.ends_at, c.pk))
    return Listing(live=live, upcoming=upcoming)


def campaign_public_get(*, campaign_id: int) -> Campaign | None:
    return (
        _with_figures(
            Campaign.objects.filter(
                pk=campaign_id, brand__status=BrandStatus.APPROVED, state__in=PUBLIC_STATES
            ).select_related("brand")
        )
        .order_by()
        .first()
    )


def campaign_items_public(*, campaign: Campaign) -> QuerySet[CampaignItem]:
    return (
        campaign.items.select_related("sku", "sku__product")
        .prefetch_related(
            Prefetch(
                "sku__product__images",
                queryset=ProductImage.objects.order_by("position", "id"),
                to_attr="image_list",
            )
        )
        .order_by("sku__product__code", "sku__code", "pk")
    )


def campaigns_for_brand(*, brand: Brand, state: str = "") -> QuerySet[Campaign]:
    qs = _with_figures(Campaign.objects.filter(brand=brand))
    if state:
        qs = qs.filter(state=state)
    return qs.order_by("-starts_at", "-pk")


def campaign_for_brand(*, brand: Brand, campaign_id: int) -> Campaign | None:
    return _with_figures(Campaign.objects.filter(brand=brand, pk=campaign_id)).order_by().first()


def campaign_items_with_stock(*, campaign: Campaign) -> QuerySet[CampaignItem]:
    """Items with the free stock of the row they come from (for the brand and the reviewer)."""
    stock = StockItem.objects.filter(
        sku_id=OuterRef("sku_id"), warehouse_id=OuterRef("warehouse_id")
    )
    return (
        campaign.items.select_related("sku", "sku__product", "warehouse")
        .annotate(
            stock_free=Subquery(
                stock.annotate(free=F("on_hand") - F("allocated")).values("free")[:1],
                output_field=IntegerField(),
            ),
            stock_item_id=Subquery(stock.values("pk")[:1]),
        )
        .order_by("pk")
    )


def item_discount(item: CampaignItem) -> str:
    return discount_text(
        discount_permille(price_fen=item.platform_price_fen, tag_price_fen=item.sku.tag_price_fen)
    )


@dataclass(frozen=True)
class ReviewQueue:
    campaigns: list[Campaign]
    brands: list[Brand]
    recent: list[Campaign]


def review_queue() -> ReviewQueue:
    """What waits for an operator: submitted campaigns (oldest first, each item with the free
    stock it would take) and brands pending approval; plus the last decisions."""
    campaigns = list(
        _with_figures(
            Campaign.objects.filter(state=CampaignState.SUBMITTED).select_related("brand")
        ).order_by("submitted_at", "pk")
    )
    demand: dict[tuple[int, int], int] = {}
    for campaign in campaigns:
        campaign.review_items = list(campaign_items_with_stock(campaign=campaign))
        campaign.stock_short = any(
            (item.stock_free or 0) < item.quantity for item in campaign.review_items
        )
        for item in campaign.review_items:
            key = (item.sku_id, item.warehouse_id)
            demand[key] = demand.get(key, 0) + item.quantity
    # Units the other waiting campaigns want from the same row: approving one may starve another.
    for campaign in campaigns:
        for item in campaign.review_items:
            item.other_demand = demand[(item.sku_id, item.warehouse_id)] - item.quantity
    brands = list(Brand.objects.filter(status=BrandStatus.PENDING).order_by("created_at", "pk"))
    recent = list(
        Campaign.objects.filter(reviewed_at__isnull=False)
        .filter(~Q(state=CampaignState.SUBMITTED))
        .select_related("brand", "reviewed_by")
        .order_by("-reviewed_at", "-pk")[:10]
    )
    return ReviewQueue(campaigns=campaigns, brands=brands, recent=recent)
