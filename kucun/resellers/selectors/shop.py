"""Her shop: who she is, her markups as a PriceBook, her shelf, and the public shop page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q

from kucun.campaigns.models import Campaign
from kucun.resellers.markup import PriceBook, markup_of
from kucun.resellers.models import MarkupRule, Reseller, Share, ShelfItem
from kucun.resellers.pricing import Rounding
from kucun.resellers.selectors.catalog import (
    LIVE,
    CampaignView,
    ProductView,
    campaign_views,
    campaigns_listed,
    phase_of,
)


def reseller_for_user(user) -> Reseller | None:
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.reseller
    except Reseller.DoesNotExist:
        return None


SHOP_LOOKUP_SECONDS = 3


def shop_lookup_key(shop_code: str) -> str:
    return f"kucun:shopcode:v1:{shop_code}"


def reseller_by_code(shop_code: str) -> Reseller | None:
    # The shop code is unique: no ORDER BY (every shop page pays for this query).
    return next(iter(Reseller.objects.filter(shop_code=shop_code).order_by()[:1]), None)


def reseller_by_code_cached(shop_code: str) -> Reseller | None:
    """The shop behind a public page, from the cache for a few seconds.

    Services that change a shop (shelf, markup, name, suspension) delete the entry when they
    commit, so with a shared cache (Redis) a change shows at once; with the per-process local
    cache another web process may serve the old row for up to ``RESELLER_SHOP_LOOKUP_SECONDS``
    (default 3). Unknown codes are not cached.
    """
    seconds = int(getattr(settings, "RESELLER_SHOP_LOOKUP_SECONDS", SHOP_LOOKUP_SECONDS))
    if seconds <= 0 or len(shop_code) > 12:
        return reseller_by_code(shop_code)
    key = shop_lookup_key(shop_code)
    reseller = cache.get(key)
    if reseller is None:
        reseller = reseller_by_code(shop_code)
        if reseller is not None:
            cache.set(key, reseller, seconds)
    return reseller


def price_book_for(reseller: Reseller | None) -> PriceBook:
    """Her shop default, rounding and every override, in one query."""
    if reseller is None:
        return PriceBook.platform()
    campaign_markups, product_markups = {}, {}
    for rule in MarkupRule.objects.filter(reseller=reseller).only(
        "campaign_id", "product_id", "kind", "value"
    ):
        markup = markup_of(rule.kind, rule.value)
        if rule.campaign_id is not None:
            campaign_markups[rule.campaign_id] = markup
        else:
            product_markups[rule.product_id] = markup
    return PriceBook(
        shop_markup=markup_of(reseller.markup_kind, reseller.markup_value),
        rounding=Rounding(reseller.rounding),
        campaign_markups=campaign_markups,
        product_markups=product_markups,
    )


def markup_rules_for(reseller: Reseller) -> list[MarkupRule]:
    return list(
        MarkupRule.objects.filter(reseller=reseller)
        .select_related("campaign", "product")
        .order_by("campaign_id", "product_id", "pk")
    )


def markup_rule_for(
    reseller: Reseller, *, campaign_id: int | None = None, product_id: int | None = None
) -> MarkupRule | None:
    return MarkupRule.objects.filter(
        reseller=reseller, campaign_id=campaign_id, product_id=product_id
    ).first()


@dataclass(frozen=True)
class ShelfState:
    """What of a campaign is on her shelf: all of it, or some products."""

    whole_campaigns: set[int]
    products: dict[int, set[int]]  # campaign id -> product ids

    def has_campaign(self, campaign_id: int) -> bool:
        return campaign_id in self.whole_campaigns

    def has_product(self, campaign_id: int, product_id: int) -> bool:
        return campaign_id in self.whole_campaigns or product_id in self.products.get(
            campaign_id, set()
        )


def shelf_state(reseller: Reseller, *, campaign_ids: list[int] | None = None) -> ShelfState:
    items = ShelfItem.objects.filter(reseller=reseller)
    if campaign_ids is not None:
        items = items.filter(campaign_id__in=campaign_ids)
    whole, products = set(), defaultdict(set)
    for cid, pid in items.values_list("campaign_id", "product_id"):
        if pid is None:
            whole.add(cid)
        else:
            products[cid].add(pid)
    return ShelfState(whole_campaigns=whole, products=dict(products))


def _shelved_campaigns(reseller: Reseller, now: datetime) -> tuple[list[Campaign], dict]:
    """Listed, not-ended campaigns on her shelf and which products of each (None = all)."""
    listed = campaigns_listed(now=now)
    only: dict[int, set[int] | None] = {}
    for campaign_id, product_id in ShelfItem.objects.filter(
        reseller=reseller, campaign__in=listed
    ).values_list("campaign_id", "product_id"):
        if product_id is None:
            only[campaign_id] = None
        elif only.get(campaign_id, set()) is not None:
            only.setdefault(campaign_id, set()).add(product_id)
    campaigns = list(
        Campaign.objects.filter(pk__in=only).select_related("brand").order_by("ends_at", "pk")
    )
    return campaigns, only


def shop_campaigns(
    *, reseller: Reseller, now: datetime, book: PriceBook | None = None
) -> list[CampaignView]:
    """Her public shop: shelved items of campaigns still listed, at her prices, live ones first
    (ending soonest first), then upcoming ones. Ended campaigns drop off by the query alone."""
    campaigns, only = _shelved_campaigns(reseller, now)
    if not campaigns:
        return []
    book = book if book is not None else price_book_for(reseller)
    views = campaign_views(campaigns, book=book, now=now, only_products=only)
    views = [v for v in views if v.products]
    views.sort(key=lambda v: (v.phase != LIVE, v.countdown_to, v.campaign.pk))
    return views


def seconds_until_change(views: list[CampaignView], *, now: datetime, cap: int) -> int:
    """How long a rendering of ``views`` stays true: until the next start or end, at most
    ``cap`` seconds (stock and brand edits are not tracked; ``cap`` bounds their delay)."""
    boundaries = [cap]
    for view in views:
        for moment in (view.campaign.starts_at, view.campaign.ends_at):
            if moment > now:
                boundaries.append(int((moment - now).total_seconds()))
    return max(1, min(boundaries))


def shelf_views(*, reseller: Reseller, now: datetime) -> list[CampaignView]:
    """Her shelf as she manages it (same content as the shop)."""
    return shop_campaigns(reseller=reseller, now=now)


def shop_product_visible(
    *, reseller: Reseller, campaign_id: int, product_id: int | None, now: datetime
) -> bool:
    """A shopper may open a product (or campaign) of her shop when it is on her shelf or she
    shared it, and the campaign is still listed."""
    if not campaigns_listed(now=now).filter(pk=campaign_id).exists():
        return False
    if product_id is None:
        shelved = ShelfItem.objects.filter(reseller=reseller, campaign_id=campaign_id)
        shared = Share.objects.filter(reseller=reseller, campaign_id=campaign_id)
    else:
        shelved = ShelfItem.objects.filter(
            Q(product__isnull=True) | Q(product_id=product_id),
            reseller=reseller,
            campaign_id=campaign_id,
        )
        shared = Share.objects.filter(
            Q(product__isnull=True) | Q(product_id=product_id),
            reseller=reseller,
            campaign_id=campaign_id,
        )
    return shelved.exists() or shared.exists()


def shop_campaign_view(
    *, reseller: Reseller, campaign_id: int, now: datetime
) -> CampaignView | None:
    """A campaign as her shop shows it: every product when she shelved or shared the whole
    campaign, else only the products she shelved or shared; None when nothing of it is hers
    to show or it is no longer listed."""
    campaign = campaigns_listed(now=now).select_related("brand").filter(pk=campaign_id).first()
    if campaign is None:
        return None
    shelved = ShelfItem.objects.filter(reseller=reseller, campaign_id=campaign_id)
    shared = Share.objects.filter(reseller=reseller, campaign_id=campaign_id)
    products = set(shelved.values_list("product_id", flat=True)) | set(
        shared.values_list("product_id", flat=True)
    )
    if not products:
        return None
    only = None if None in products else products
    views = campaign_views(
        [campaign], book=price_book_for(reseller), now=now, only_products={campaign_id: only}
    )
    return views[0] if views[0].products else None


def campaign_phase(campaign_id: int, now: datetime) -> str | None:
    campaign = Campaign.objects.filter(pk=campaign_id).only("state", "starts_at", "ends_at").first()
    return phase_of(campaign, now) if campaign is not None else None


def product_view_in(views: list[CampaignView], product_id: int) -> ProductView | None:
    for view in views:
        for product in view.products:
            if product.product_id == product_id:
                return product
    return None
