"""What resellers and shoppers see of campaigns and products, priced in one Python pass.

The campaign tables are read here and only here (for the resellers app). A campaign is listed
when its brand is approved, it is approved or live, and it has not ended — the same rule as
``campaigns.selectors.campaigns_listed``; live/upcoming is decided by the clock, not the state,
so a campaign whose start has passed is live before the ticker flips it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from django.core.files.storage import storages
from django.db.models import F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from kucun.campaigns.models import Campaign, CampaignItem, CampaignState
from kucun.catalog.models import Brand, BrandStatus, Category, Product, ProductImage, ProductStatus
from kucun.catalog.selectors import category_with_descendants
from kucun.core.errors import Conflict, NotFound
from kucun.resellers.markup import PriceBook
from kucun.resellers.pricing import PriceQuote, discount_label

LISTED_STATES = (CampaignState.APPROVED, CampaignState.LIVE)
LIVE, UPCOMING, ENDED = "live", "upcoming", "ended"
SORTS = ("starting_soon", "ending_soon", "newest", "best_selling")


def media_url(name: str) -> str:
    return storages["default"].url(name) if name else ""


def media_path(name: str) -> str | None:
    """A local file path for Pillow, or None (no file, or storage without local paths)."""
    if not name:
        return None
    try:
        return storages["default"].path(name)
    except NotImplementedError:
        return None


def campaigns_listed(*, now: datetime) -> QuerySet[Campaign]:
    return Campaign.objects.filter(
        brand__status=BrandStatus.APPROVED, state__in=LISTED_STATES, ends_at__gt=now
    )


def phase_of(campaign: Campaign, now: datetime) -> str:
    if campaign.ends_at <= now or campaign.state not in LISTED_STATES:
        return ENDED
    return LIVE if campaign.starts_at <= now else UPCOMING


def campaign_exists_for_resellers(*, campaign_id: int) -> bool:
    return Campaign.objects.filter(
        pk=campaign_id, brand__status=BrandStatus.APPROVED, state__in=LISTED_STATES
    ).exists()


def product_exists_for_resellers(*, product_id: int) -> bool:
    return Product.objects.filter(
        pk=product_id, status=ProductStatus.ACTIVE, brand__status=BrandStatus.APPROVED
    ).exists()


def sellable_target_check(*, campaign_id: int, product_id: int | None, now: datetime) -> Campaign:
    """The campaign is listed and not over, and the product (if any) is in it; else an error."""
    campaign = (
        Campaign.objects.filter(
            pk=campaign_id, brand__status=BrandStatus.APPROVED, state__in=LISTED_STATES
        )
        .select_related("brand")
        .first()
    )
    if campaign is None:
        raise NotFound(_("No such campaign."), code="campaigns.not_found")
    if campaign.ends_at <= now:
        raise Conflict(_("This campaign has ended."), code="campaigns.ended")
    if (
        product_id is not None
        and not CampaignItem.objects.filter(
            campaign_id=campaign_id, sku__product_id=product_id
        ).exists()
    ):
        raise NotFound(_("This product is not in the campaign."), code="catalog.product_not_found")
    return campaign


@dataclass(slots=True)
class SkuRow:
    """One SKU in one campaign (its warehouses summed), with her quote once priced."""

    sku_id: int
    campaign_id: int
    product_id: int
    code: str
    color: str
    size: str
    platform_price_fen: int
    tag_price_fen: int
    min_resale_price_fen: int | None
    quantity: int
    available: int
    first_item_id: int
    quote: PriceQuote | None = None

    @property
    def price_fen(self) -> int:
        return self.quote.price_fen if self.quote else self.platform_price_fen

    @property
    def variant(self) -> str:
        return " ".join(part for part in (self.color, self.size) if part) or self.code

    @property
    def sold_out(self) -> bool:
        return self.available <= 0


@dataclass
class ProductView:
    """A product of a campaign with its SKUs; built once, then only read (figures cached)."""

    product_id: int
    campaign_id: int
    title: str
    skus: list[SkuRow] = field(default_factory=list)
    image_url: str = ""
    image_path: str | None = None

    @cached_property
    def units_left(self) -> int:
        return sum(s.available for s in self.skus)

    @property
    def units_sold(self) -> int:
        return sum(s.quantity - s.available for s in self.skus)

    @property
    def sold_out(self) -> bool:
        return self.units_left <= 0

    @cached_property
    def lead(self) -> SkuRow:
        """The SKU whose price the card shows: the cheapest still for sale (or cheapest)."""
        pool = [s for s in self.skus if s.available > 0] or self.skus
        return min(pool, key=lambda s: (s.price_fen, s.first_item_id))

    @property
    def price_fen(self) -> int:
        return self.lead.price_fen

    @property
    def price_max_fen(self) -> int:
        return max(s.price_fen for s in self.skus)

    @property
    def platform_price_fen(self) -> int:
        return self.lead.platform_price_fen

    @property
    def tag_price_fen(self) -> int:
        return self.lead.tag_price_fen

    @property
    def discount(self) -> str:
        return discount_label(self.price_fen, self.tag_price_fen) or ""

    @property
    def sizes_left(self) -> list[tuple[str, int]]:
        """(size, units left) per size still for sale, in listing order."""
        left: dict[str, int] = {}
        for s in self.skus:
            label = s.size or s.variant
            left[label] = left.get(label, 0) + s.available
        return [(size, n) for size, n in left.items() if n > 0]


@dataclass
class CampaignView:
    campaign: Campaign
    phase: str
    products: list[ProductView] = field(default_factory=list)
    cover_url: str = ""
    cover_path: str | None = None

    @property
    def countdown_to(self) -> datetime:
        return self.campaign.starts_at if self.phase == UPCOMING else self.campaign.ends_at

    @property
    def is_live(self) -> bool:
        return self.phase == LIVE

    @property
    def skus(self) -> Iterable[SkuRow]:
        for p in self.products:
            yield from p.skus

    @property
    def units_left(self) -> int:
        return sum(p.units_left for p in self.products)

    @property
    def units_sold(self) -> int:
        return sum(p.units_sold for p in self.products)

    def _range(self, attr: str) -> tuple[int, int] | None:
        values = [getattr(s, attr) for s in self.skus]
        return (min(values), max(values)) if values else None

    @property
    def platform_range(self) -> tuple[int, int] | None:
        return self._range("platform_price_fen")

    @property
    def price_range(self) -> tuple[int, int] | None:
        return self._range("price_fen")

    @property
    def discount(self) -> str:
        """The best discount off tag price at platform price ("2.5折起" territory)."""
        best = None
        for s in self.skus:
            if s.tag_price_fen > 0:
                ratio = s.platform_price_fen / s.tag_price_fen
                if best is None or ratio < best[0]:
                    best = (ratio, s)
        if best is None:
            return ""
        return discount_label(best[1].platform_price_fen, best[1].tag_price_fen) or ""


def sku_rows(
    *,
    campaign_ids: Iterable[int],
    only_products: dict[int, set[int]] | None = None,
) -> list[SkuRow]:
    """The SKUs of the campaigns (optionally only some products per campaign), in listing
    order, each SKU's warehouses summed. One query."""
    campaign_ids = list(campaign_ids)
    if not campaign_ids:
        return []
    items = CampaignItem.objects.filter(sku__product__status=ProductStatus.ACTIVE)
    if only_products is None:
        items = items.filter(campaign_id__in=campaign_ids)
    else:
        cond = Q()
        for cid in campaign_ids:
            pids = only_products.get(cid)
            cond |= (
                Q(campaign_id=cid) if pids is None else Q(campaign_id=cid, sku__product_id__in=pids)
            )
        items = items.filter(cond)
    rows: dict[tuple[int, int], SkuRow] = {}
    for (
        item_id,
        cid,
        sku_id,
        pid,
        code,
        color,
        size,
        platform,
        tag,
        min_resale,
        quantity,
        available,
    ) in items.order_by("campaign_id", "id").values_list(
        "id",
        "campaign_id",
        "sku_id",
        "sku__product_id",
        "sku__code",
        "sku__color",
        "sku__size",
        "platform_price_fen",
        "sku__tag_price_fen",
        "min_resale_price_fen",
        "quantity",
        "available",
    ):
        row = rows.get((cid, sku_id))
        if row is None:
            rows[(cid, sku_id)] = SkuRow(
                sku_id, cid, pid, code, color, size, platform, tag, min_resale, quantity,
                available, item_id,
            )  # fmt: skip
        else:
            # Same SKU from two warehouses: sum the units; the floor is the higher of both.
            row.quantity += quantity
            row.available += available
            row.platform_price_fen = max(row.platform_price_fen, platform)
            if min_resale is not None:
                row.min_resale_price_fen = max(row.min_resale_price_fen or 0, min_resale)
    return list(rows.values())


def first_images(product_ids: Iterable[int]) -> dict[int, str]:
    """Each product's first image (storage name). One query."""
    product_ids = set(product_ids)
    found: dict[int, str] = {}
    if not product_ids:
        return found
    for pid, name in (
        ProductImage.objects.filter(product_id__in=product_ids)
        .order_by("product_id", "position", "id")
        .values_list("product_id", "image")
    ):
        found.setdefault(pid, name)
    return found


def price_rows(rows: Iterable[SkuRow], book: PriceBook) -> None:
    for row in rows:
        row.quote = book.quote(
            campaign_id=row.campaign_id,
            product_id=row.product_id,
            platform_price_fen=row.platform_price_fen,
            tag_price_fen=row.tag_price_fen,
            min_resale_price_fen=row.min_resale_price_fen,
        )


def campaign_views(
    campaigns: list[Campaign],
    *,
    book: PriceBook,
    now: datetime,
    only_products: dict[int, set[int]] | None = None,
    with_paths: bool = False,
) -> list[CampaignView]:
    """Campaigns with their products and her prices: three queries whatever the size."""
    rows = sku_rows(campaign_ids=[c.pk for c in campaigns], only_products=only_products)
    price_rows(rows, book)
    titles = dict(
        Product.objects.filter(pk__in={r.product_id for r in rows}).values_list("pk", "title")
    )
    images = first_images(titles)
    by_campaign: dict[int, dict[int, ProductView]] = defaultdict(dict)
    for row in rows:
        products = by_campaign[row.campaign_id]
        view = products.get(row.product_id)
        if view is None:
            name = images.get(row.product_id, "")
            view = products[row.product_id] = ProductView(
                product_id=row.product_id,
                campaign_id=row.campaign_id,
                title=titles.get(row.product_id, ""),
                image_url=media_url(name),
                image_path=media_path(name) if with_paths else None,
            )
        view.skus.append(row)
    views = []
    for campaign in campaigns:
        products = list(by_campaign.get(campaign.pk, {}).values())
        cover = campaign.banner.name if campaign.banner else ""
        first_image = products[0].image_url if products else ""
        views.append(
            CampaignView(
                campaign=campaign,
                phase=phase_of(campaign, now),
                products=products,
                cover_url=media_url(cover) if cover else first_image,
                cover_path=(
                    (media_path(cover) if cover else (products[0].image_path if products else None))
                    if with_paths
                    else None
                ),
            )
        )
    return views


@dataclass(frozen=True)
class FeedQuery:
    q: str = ""
    category_id: int | None = None
    brand_id: int | None = None
    sort: str = "newest"
    when: str = ""  # "", "live", "upcoming"
    limit: int = 30


@dataclass(frozen=True)
class Feed:
    live: list[CampaignView]
    upcoming: list[CampaignView]
    has_more: bool


def campaigns_feed_qs(*, query: FeedQuery, now: datetime) -> QuerySet[Campaign]:
    qs = campaigns_listed(now=now).select_related("brand")
    text = query.q.strip()
    if text:
        by_product = CampaignItem.objects.filter(sku__product__title__icontains=text).values(
            "campaign_id"
        )
        qs = qs.filter(
            Q(title__icontains=text) | Q(brand__name__icontains=text) | Q(pk__in=by_product)
        )
    if query.category_id:
        cats = category_with_descendants(query.category_id)
        qs = qs.filter(
            pk__in=CampaignItem.objects.filter(sku__product__category_id__in=cats).values(
                "campaign_id"
            )
        )
    if query.brand_id:
        qs = qs.filter(brand_id=query.brand_id)
    if query.when == LIVE:
        qs = qs.filter(starts_at__lte=now)
    elif query.when == UPCOMING:
        qs = qs.filter(starts_at__gt=now)
    order = {
        "starting_soon": ["starts_at", "pk"],
        "ending_soon": ["ends_at", "pk"],
        "newest": ["-starts_at", "-pk"],
        "best_selling": ["-units_sold", "ends_at", "pk"],
    }.get(query.sort, ["-starts_at", "-pk"])
    if query.sort == "best_selling":
        qs = qs.annotate(units_sold=Coalesce(Sum(F("items__quantity") - F("items__available")), 0))
    return qs.order_by(*order)


def campaigns_feed(*, query: FeedQuery, book: PriceBook, now: datetime) -> Feed:
    """Live and upcoming campaigns for a reseller, filtered and sorted, priced at her markup."""
    base = campaigns_feed_qs(query=query, now=now)
    live = list(base.filter(starts_at__lte=now)[: query.limit + 1])
    upcoming = list(base.filter(starts_at__gt=now)[: query.limit + 1])
    has_more = len(live) > query.limit or len(upcoming) > query.limit
    views = campaign_views(live[: query.limit] + upcoming[: query.limit], book=book, now=now)
    return Feed(
        live=[v for v in views if v.phase == LIVE],
        upcoming=[v for v in views if v.phase == UPCOMING],
        has_more=has_more,
    )


@dataclass(frozen=True)
class FeedFilters:
    categories: list[Category]
    brands: list[Brand]


def feed_filters(*, now: datetime) -> FeedFilters:
    """The categories (top level) and brands that have something listed right now."""
    listed = campaigns_listed(now=now)
    brands = list(Brand.objects.filter(pk__in=listed.values("brand_id")).order_by("name"))
    cat_ids = set(
        CampaignItem.objects.filter(campaign__in=listed)
        .values_list("sku__product__category_id", flat=True)
        .distinct()
    )
    parents = dict(Category.objects.values_list("pk", "parent_id"))
    roots = set()
    for pk in cat_ids:
        seen = set()
        while pk is not None and parents.get(pk) is not None and pk not in seen:
            seen.add(pk)
            pk = parents[pk]
        if pk is not None:
            roots.add(pk)
    categories = list(Category.objects.filter(pk__in=roots).order_by("position", "name"))
    return FeedFilters(categories=categories, brands=brands)


def campaign_view_get(
    *, campaign_id: int, book: PriceBook, now: datetime, with_paths: bool = False
) -> CampaignView:
    """One listed, not-ended campaign with all its products; NotFound otherwise."""
    campaign = campaigns_listed(now=now).select_related("brand").filter(pk=campaign_id).first()
    if campaign is None:
        raise NotFound(_("This campaign is not available."), code="campaigns.not_found")
    return campaign_views([campaign], book=book, now=now, with_paths=with_paths)[0]


@dataclass(frozen=True)
class ProductDetail:
    campaign: CampaignView
    product: Product
    view: ProductView
    image_urls: list[str]
    image_paths: list[str]


def product_detail_get(
    *, campaign_id: int, product_id: int, book: PriceBook, now: datetime
) -> ProductDetail:
    """A product of a listed campaign: every image, every SKU with units left and her price."""
    campaign = campaigns_listed(now=now).select_related("brand").filter(pk=campaign_id).first()
    if campaign is None:
        raise NotFound(_("This campaign is not available."), code="campaigns.not_found")
    cview = campaign_views(
        [campaign], book=book, now=now, only_products={campaign_id: {product_id}}, with_paths=True
    )[0]
    if not cview.products:
        raise NotFound(_("This product is not in the campaign."), code="catalog.product_not_found")
    product = Product.objects.select_related("brand", "category").get(pk=product_id)
    names = list(
        ProductImage.objects.filter(product_id=product_id)
        .order_by("position", "id")
        .values_list("image", flat=True)
    )
    return ProductDetail(
        campaign=cview,
        product=product,
        view=cview.products[0],
        image_urls=[media_url(n) for n in names],
        image_paths=[p for p in (media_path(n) for n in names) if p],
    )
