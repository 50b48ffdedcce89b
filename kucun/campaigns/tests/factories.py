"""Campaign test data, built the way real campaigns are: through the services."""

from __future__ import annotations

from datetime import datetime, timedelta

import factory

from kucun.campaigns.models import Campaign, CampaignState
from kucun.campaigns.services import (
    CampaignIn,
    CampaignItemIn,
    campaign_approve,
    campaign_create,
    campaign_submit,
)
from kucun.catalog.models import SKU, Brand
from kucun.catalog.tests.factories import BrandFactory, ProductFactory, SKUFactory
from kucun.core.tests.factories import OperatorFactory
from kucun.inventory.models import StockItem, Warehouse
from kucun.inventory.tests.factories import WarehouseFactory, stocked


class CampaignFactory(factory.django.DjangoModelFactory):
    """A bare draft row (no items): for pages and permissions, not for stock rules."""

    class Meta:
        model = Campaign

    brand = factory.SubFactory(BrandFactory)
    title = factory.Sequence(lambda n: f"春季清仓 {n}")
    starts_at = factory.LazyFunction(lambda: _utcnow() + timedelta(hours=2))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=48))
    state = CampaignState.DRAFT


def _utcnow() -> datetime:
    from django.utils import timezone

    return timezone.now()


def stocked_sku(
    *,
    brand: Brand | None = None,
    warehouse: Warehouse | None = None,
    quantity: int = 100,
    **sku_fields,
) -> tuple[SKU, StockItem]:
    """A SKU of ``brand`` with ``quantity`` units received into ``warehouse`` (the brand's own)."""
    brand = brand or BrandFactory()
    warehouse = warehouse or WarehouseFactory(brand=brand)
    sku = SKUFactory(product=ProductFactory(brand=brand), **sku_fields)
    return sku, stocked(sku, warehouse, quantity)


def item_in(
    stock_item: StockItem, quantity: int = 10, price_fen: int = 9900, **extra
) -> CampaignItemIn:
    return CampaignItemIn(
        sku_id=stock_item.sku_id,
        warehouse_id=stock_item.warehouse_id,
        quantity=quantity,
        platform_price_fen=price_fen,
        **extra,
    )


def campaign_in(
    items: list[CampaignItemIn],
    *,
    now: datetime,
    starts_in: timedelta = timedelta(hours=2),
    length: timedelta = timedelta(hours=48),
    title: str = "夏日清仓 48 小时",
) -> CampaignIn:
    starts_at = now + starts_in
    return CampaignIn(
        title=title,
        description="品牌直供，限时特价",
        starts_at=starts_at,
        ends_at=starts_at + length,
        items=items,
    )


def proposed(
    brand: Brand, items: list[CampaignItemIn], *, now: datetime, submit: bool = True, **window
) -> Campaign:
    """A campaign created (and by default submitted) by a user of ``brand``."""
    campaign = campaign_create(
        brand=brand, data=campaign_in(items, now=now, **window), actor=None, now=now
    )
    if submit:
        campaign = campaign_submit(campaign=campaign, actor=None, now=now)
    return campaign


def approved(brand: Brand, items: list[CampaignItemIn], *, now: datetime, **window) -> Campaign:
    campaign = proposed(brand, items, now=now, **window)
    return campaign_approve(campaign=campaign, actor=OperatorFactory(), now=now)
