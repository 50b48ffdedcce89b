"""Demo campaigns (档期), made the way real ones are: drafted, submitted, reviewed, moved by time.

Campaigns that are live or over now were proposed and approved in the past: their actions run
on a timeline with the ``now`` each happened at, and ``campaigns_advance`` is called at every
start and end that has passed, so the journal shows each allocation and release.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random

from django.core.files.base import ContentFile
from django.utils import timezone

from kucun.campaigns.models import Campaign, CampaignState
from kucun.campaigns.services import (
    CampaignIn,
    CampaignItemIn,
    campaign_approve,
    campaign_create,
    campaign_reject,
    campaign_submit,
    campaigns_advance,
)
from kucun.catalog.models import Brand, Product
from kucun.core.demo.data import BRANDS, CAMPAIGNS, KINDS, OPERATOR_USERNAME, CampaignSpec
from kucun.core.demo.images import campaign_banner
from kucun.core.demo.loader import DemoContext
from kucun.core.demo.plan import min_resale_price_fen, platform_price_fen
from kucun.core.models import User
from kucun.inventory.models import StockItem

DEMO_SLUGS = [spec.slug for spec in BRANDS]
BRAND_COLOURS = {spec.slug: spec.rgb for spec in BRANDS}
BRAND_NAMES = {spec.slug: spec.name for spec in BRANDS}


@dataclass(frozen=True)
class _Event:
    at: datetime
    seq: int
    action: Callable[[], None]


def _start(now: datetime, spec: CampaignSpec, seq: int) -> datetime:
    """Live campaigns started some hours ago, on the hour; the others open like real ones, at
    10:00 or 20:00 local time on the day ``starts_in_hours`` falls on."""
    moment = now + timedelta(hours=spec.starts_in_hours)
    if spec.state == "live":
        return moment.replace(minute=0, second=0, microsecond=0)
    hour = 10 if seq % 2 == 0 else 20
    return timezone.localtime(moment).replace(hour=hour, minute=0, second=0, microsecond=0)


def _banner_subtitle(starts_at: datetime, ends_at: datetime, hours: int) -> str:
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    return f"{start.month}月{start.day}日 {start:%H:%M} – {end.month}月{end.day}日 {end:%H:%M} · 限时 {hours} 小时"


def _pick_products(
    brand: Brand, spec: CampaignSpec, used: set[int], rng: Random, scale: int
) -> list[Product]:
    """Products of the campaign's kinds that no other demo campaign has taken."""
    wanted = max(1, spec.products * scale // 100)
    categories = {KINDS[kind].category[-1] for kind in spec.kinds}
    candidates = [
        p
        for p in brand.products.filter(category__name__in=categories).order_by("code")
        if p.pk not in used
    ]
    chosen = sorted(rng.sample(candidates, k=min(wanted, len(candidates))), key=lambda p: p.code)
    used.update(p.pk for p in chosen)
    return chosen


def _items(products: list[Product], spec: CampaignSpec, rng: Random) -> list[CampaignItemIn]:
    """Half or so of each SKU's free units, from the cloud warehouse where the brand keeps some."""
    items = []
    for index, product in enumerate(products):
        percent = rng.randint(130, 160)
        rows = list(
            StockItem.objects.filter(sku__product=product)
            .select_related("sku", "warehouse")
            .order_by("sku__code", "warehouse__brand_id")
        )
        from_cloud = any(row.warehouse.is_cloud for row in rows) and rng.random() < 0.7
        # The brand sets a floor for some of a campaign's products, always for the first.
        with_floor = spec.min_resale and (index == 0 or rng.random() < 0.6)
        for row in rows:
            if row.warehouse.is_cloud != from_cloud or row.free <= 0:
                continue
            sku = row.sku
            price = platform_price_fen(
                supply_fen=sku.supply_price_fen, tag_fen=sku.tag_price_fen, percent=percent
            )
            items.append(
                CampaignItemIn(
                    sku_id=sku.pk,
                    warehouse_id=row.warehouse_id,
                    quantity=max(1, row.free * rng.randint(40, 70) // 100),
                    platform_price_fen=price,
                    min_resale_price_fen=(
                        min_resale_price_fen(platform_fen=price, tag_fen=sku.tag_price_fen)
                        if with_floor
                        else None
                    ),
                )
            )
    return items


def campaigns_done() -> bool:
    return Campaign.objects.filter(brand__slug__in=DEMO_SLUGS).exists()


def campaigns_run(ctx: DemoContext) -> str:
    now = ctx.now
    operator = User.objects.get(username=OPERATOR_USERNAME)
    brands = {b.slug: b for b in Brand.objects.filter(slug__in=DEMO_SLUGS)}
    rng = ctx.rng("campaigns")
    used: dict[str, set[int]] = defaultdict(set)
    made: dict[int, Campaign] = {}
    events: list[_Event] = []

    for seq, spec in enumerate(CAMPAIGNS):
        brand = brands[spec.brand]
        actor = brand.members.select_related("user").order_by("pk").first().user
        items = _items(_pick_products(brand, spec, used[spec.brand], rng, ctx.scale), spec, rng)
        if not items:
            continue
        starts_at = _start(now, spec, seq)
        ends_at = starts_at + timedelta(hours=spec.hours)
        data = CampaignIn(spec.title, spec.description, starts_at, ends_at, items)
        banner = campaign_banner(
            title=spec.title,
            brand=BRAND_NAMES[spec.brand],
            subtitle=_banner_subtitle(starts_at, ends_at, spec.hours),
            colour=BRAND_COLOURS[spec.brand],
        )

        def create(seq=seq, brand=brand, data=data, actor=actor, banner=banner, at=None):
            made[seq] = campaign_create(
                brand=brand,
                data=data,
                actor=actor,
                banner=ContentFile(banner, name=f"demo-{brand.slug}-{seq + 1}.jpg"),
                now=at,
            )

        def submit(seq=seq, actor=actor, at=None):
            campaign_submit(campaign=made[seq], actor=actor, now=at)

        def approve(seq=seq, at=None):
            campaign_approve(campaign=made[seq], actor=operator, now=at)

        def reject(seq=seq, reason=spec.reject_reason, at=None):
            campaign_reject(campaign=made[seq], actor=operator, reason=reason, now=at)

        if spec.state in ("ended", "live", "upcoming"):
            created_at = min(starts_at, now) - timedelta(days=3, hours=rng.randint(0, 20))
            plan = [(created_at, create), (created_at + timedelta(hours=3), submit)]
            plan.append((created_at + timedelta(days=1), approve))
        elif spec.state == "rejected":
            created_at = now - timedelta(hours=50)
            plan = [(created_at, create), (created_at + timedelta(hours=2), submit)]
            plan.append((created_at + timedelta(hours=20), reject))
        elif spec.state == "submitted":
            created_at = now - timedelta(hours=26)
            plan = [(created_at, create), (created_at + timedelta(hours=6), submit)]
        else:
            plan = [(now - timedelta(hours=3), create)]
        for at, action in plan:
            events.append(_Event(at, len(events), _bind(action, at)))
        # Time moves past every start and end that is already behind us.
        for moment in (starts_at, ends_at):
            if moment <= now:
                events.append(_Event(moment, len(events), _advance_at(moment)))

    for event in sorted(events, key=lambda e: (e.at, e.seq)):
        event.action()
    campaigns_advance(now=now)

    states = defaultdict(int)
    for campaign in made.values():
        campaign.refresh_from_db()
        states[campaign.state] += 1
    order = [s.value for s in CampaignState]
    return (
        f"{len(made)} campaigns (" + ", ".join(f"{states[s]} {s}" for s in order if states[s]) + ")"
    )


def _bind(action: Callable[..., None], at: datetime) -> Callable[[], None]:
    def run() -> None:
        action(at=at)

    return run


def _advance_at(moment: datetime) -> Callable[[], None]:
    def run() -> None:
        campaigns_advance(now=moment)

    return run
