"""Reseller test data: accounts with shops, and listed campaigns with stock behind them.

Campaigns are built the way approval leaves them (stock received, then allocated through
``inventory.services``), without going through the campaign workflow, so these tests do not
depend on how campaigns get approved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import factory
from django.utils import timezone

from kucun.campaigns.models import Campaign, CampaignItem, CampaignState
from kucun.catalog.models import SKU, Brand, Product
from kucun.catalog.tests.factories import BrandFactory, ProductFactory, SKUFactory
from kucun.core.models import Role
from kucun.core.tests.factories import UserFactory
from kucun.inventory.services import stock_allocate
from kucun.inventory.tests.factories import WarehouseFactory, stocked
from kucun.resellers.models import Reseller


class ResellerUserFactory(UserFactory):
    role = Role.RESELLER
    username = factory.Sequence(lambda n: f"139{n:08d}")
    phone = factory.SelfAttribute("username")


class ResellerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reseller

    user = factory.SubFactory(ResellerUserFactory)
    shop_name = factory.Sequence(lambda n: f"小美的店{n}")
    shop_code = factory.Sequence(lambda n: f"shop{n:04d}")
    slogan = "只卖自己穿过的好货"
    markup_kind = "percent"
    markup_value = 1000


@dataclass
class Listed:
    campaign: Campaign
    products: list[Product]
    skus: list[SKU]
    items: list[CampaignItem]


def listed_campaign(
    *,
    brand: Brand | None = None,
    products: int = 2,
    sizes: tuple[str, ...] = ("S", "M", "L"),
    quantity: int = 10,
    platform_price_fen: int = 5900,
    tag_price_fen: int = 19900,
    min_resale_price_fen: int | None = None,
    now: datetime | None = None,
    starts_in: timedelta = timedelta(hours=-1),
    length: timedelta = timedelta(hours=48),
    state: str | None = None,
    title: str = "夏日清仓 48 小时",
) -> Listed:
    """A campaign resellers can see: ``products`` products × ``sizes``, each ``quantity`` units.

    Live by default (started an hour ago); pass a positive ``starts_in`` for an upcoming one.
    """
    now = now or timezone.now()
    brand = brand or BrandFactory()
    warehouse = WarehouseFactory(brand=brand)
    starts_at = now + starts_in
    campaign = Campaign.objects.create(
        brand=brand,
        title=title,
        description="品牌直供，限时特价",
        starts_at=starts_at,
        ends_at=starts_at + length,
        state=state or (CampaignState.LIVE if starts_at <= now else CampaignState.APPROVED),
    )
    made_products, skus, items = [], [], []
    for _i in range(products):
        product = ProductFactory(brand=brand, description="100%新疆长绒棉\n宽松版型，显瘦")
        made_products.append(product)
        for size in sizes:
            sku = SKUFactory(
                product=product, size=size, tag_price_fen=tag_price_fen, supply_price_fen=3000
            )
            skus.append(sku)
            stock = stocked(sku, warehouse, quantity)
            stock_allocate(stock_item_id=stock.pk, quantity=quantity, reference=f"c{campaign.pk}")
            items.append(
                CampaignItem.objects.create(
                    campaign=campaign,
                    sku=sku,
                    warehouse=warehouse,
                    quantity=quantity,
                    available=quantity,
                    platform_price_fen=platform_price_fen,
                    min_resale_price_fen=min_resale_price_fen,
                )
            )
    return Listed(campaign=campaign, products=made_products, skus=skus, items=items)


def sell(item: CampaignItem, units: int) -> None:
    """Units leave the campaign as orders will take them: one conditional update."""
    from django.db.models import F

    updated = CampaignItem.objects.filter(pk=item.pk, available__gte=units).update(
        available=F("available") - units
    )
    assert updated == 1
