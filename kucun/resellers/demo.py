"""The reseller's demo: 陈小美 (13800000000) has an open shop, a markup, a shelf and shares.

Found by ``kucun.core.demo.loader`` (``steps()``); runs after the campaigns (order 60), through
the same services a reseller uses, and only once (her shop is the "already there?" check).
"""

from __future__ import annotations

from kucun.core.demo.data import RESELLER_SHOP_CODE as SHOP_CODE
from kucun.core.demo.loader import DemoContext, Step


def steps() -> list[Step]:
    return [Step("resellers", 60, resellers_done, resellers_run)]


def resellers_done() -> bool:
    from kucun.resellers.models import Reseller

    return Reseller.objects.filter(shop_code=SHOP_CODE).exists()


def resellers_run(ctx: DemoContext) -> str:
    from kucun.core.demo.data import RESELLER_PHONE
    from kucun.core.models import User
    from kucun.resellers import selectors, services
    from kucun.resellers.models import Channel, Reseller

    user = User.objects.filter(username=RESELLER_PHONE).first()
    if user is None:
        return "no reseller account to open a shop for"
    reseller = Reseller.objects.create(
        user=user, shop_name="小美的衣橱", shop_code=SHOP_CODE, slogan="只推荐自己穿过的好货"
    )
    services.reseller_markup_set(reseller=reseller, kind="percent", value=1500, rounding="x9.9")

    feed = selectors.campaigns_feed(
        query=selectors.FeedQuery(sort="ending_soon", limit=10),
        book=selectors.price_book_for(reseller),
        now=ctx.now,
    )
    live = [cv for cv in feed.live if cv.products]
    upcoming = [cv for cv in feed.upcoming if cv.products]
    shelved = shared = 0
    for index, cv in enumerate(live[:3]):
        campaign_id = cv.campaign.pk
        if index == 0:  # her favourite brand: the whole campaign, at a fixed +¥10
            services.shelf_add(reseller=reseller, campaign_id=campaign_id, now=ctx.now)
            services.markup_rule_set(
                reseller=reseller, campaign_id=campaign_id, kind="amount", value=1000
            )
            shelved += len(cv.products)
        else:  # a few picks from the others
            for product in cv.products[:3]:
                services.shelf_add(
                    reseller=reseller,
                    campaign_id=campaign_id,
                    product_id=product.product_id,
                    now=ctx.now,
                )
                shelved += 1
    if upcoming:
        services.shelf_add(reseller=reseller, campaign_id=upcoming[0].campaign.pk, now=ctx.now)
        shelved += len(upcoming[0].products)

    rng = ctx.rng("resellers")
    for cv, channel in zip(live[:2], (Channel.WECHAT_MOMENTS, Channel.WECHAT_CHAT), strict=False):
        for product_id, share_channel in (
            (cv.products[0].product_id, channel),
            (None, Channel.WECHAT_CHAT),
        ):
            share = services.share_get_or_create(
                reseller=reseller,
                campaign_id=cv.campaign.pk,
                product_id=product_id,
                channel=share_channel,
                now=ctx.now,
            )
            people = [f"demo{rng.randrange(10**12):012d}" for _i in range(rng.randint(4, 12))]
            for visit in range(rng.randint(len(people), 3 * len(people))):
                services.share_visit_record(
                    share_id=share.pk, visitor_id=people[visit % len(people)], now=ctx.now
                )
            shared += 1
    return f"shop {SHOP_CODE} of {RESELLER_PHONE}: {shelved} products on the shelf, {shared} shares"
