"""What a share shows: poster, 9-image set, copy text — built from her prices and stock.

Reads only (selectors + the pure renderers in ``sharing``); the poster is cached by
``sharing.cache`` until its price, stock band, template or images change, and the 9-image set the
same way here.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kucun.catalog.models import Product
from kucun.resellers import selectors
from kucun.resellers.campaign_text import CampaignCopy, CampaignLine, campaign_share_text
from kucun.resellers.models import Reseller, Share
from kucun.resellers.selectors import CampaignView, ProductView
from kucun.resellers.sharing.archive import zip_images
from kucun.resellers.sharing.cache import poster_png
from kucun.resellers.sharing.copytext import DEFAULT_TONE, TONES, CopyData, share_text
from kucun.resellers.sharing.nineset import render_nine_set
from kucun.resellers.sharing.poster import TEMPLATES, PosterData

NINE_TTL_SECONDS = 24 * 3600
MAX_POINTS = 3


def poster_lang() -> str:
    return "zh-hans" if (get_language() or "zh-hans").startswith("zh") else "en"


def stock_band(units_left: int, quantity: int) -> str:
    """How much is left, in words (the poster shows a band, not a number that dates fast)."""
    if units_left <= 0:
        return _("Sold out")
    if units_left <= 5 or units_left * 10 <= quantity:
        return _("Almost gone")
    if units_left <= 30 or units_left * 10 <= quantity * 3:
        return _("Only a few left")
    return _("In stock")


def when_text(cv: CampaignView, *, chinese: bool) -> str:
    """ "12月5日 20:00 结束" / "Ends 5 Dec 20:00" (upcoming: 开抢 / Starts)."""
    at = timezone.localtime(cv.countdown_to)
    live = cv.is_live
    if chinese:
        return f"{at.month}月{at.day}日 {at:%H:%M} {'结束' if live else '开抢'}"
    stamp = f"{at.day} {at:%b %H:%M}"
    return f"Ends {stamp}" if live else f"Starts {stamp}"


def _selling_points(product: Product) -> list[str]:
    points = []
    for chunk in (product.description or "").replace("。", "\n").splitlines():
        chunk = chunk.strip(" ·-•\t")
        if chunk:
            points.append(chunk)
    if not points and isinstance(product.attributes, dict):
        points = [f"{k}：{v}" for k, v in product.attributes.items() if str(v).strip()]
    return points[:MAX_POINTS]


def _sizes_all(view: ProductView) -> list[tuple[str, int]]:
    sizes: dict[str, int] = {}
    for sku in view.skus:
        label = sku.size or sku.variant
        sizes[label] = sizes.get(label, 0) + sku.available
    return list(sizes.items())


@dataclass
class ShareContent:
    share: Share
    reseller: Reseller
    campaign: CampaignView
    product: ProductView | None
    product_obj: Product | None
    link_url: str
    image_paths: list[str]
    image_urls: list[str]

    @property
    def is_product(self) -> bool:
        return self.product is not None

    @property
    def title(self) -> str:
        return self.product.title if self.product else self.campaign.campaign.title

    @property
    def lead(self) -> ProductView | None:
        """The product whose price stands for the share (the cheapest of a campaign)."""
        if self.product is not None:
            return self.product
        pool = [p for p in self.campaign.products if not p.sold_out] or self.campaign.products
        return min(pool, key=lambda p: p.price_fen) if pool else None

    @property
    def price_fen(self) -> int:
        return self.lead.price_fen if self.lead else 0

    @property
    def tag_price_fen(self) -> int:
        return self.lead.tag_price_fen if self.lead else 0

    @property
    def units_left(self) -> int:
        return self.product.units_left if self.product else self.campaign.units_left

    @property
    def quantity(self) -> int:
        skus = self.product.skus if self.product else list(self.campaign.skus)
        return sum(s.quantity for s in skus)

    def poster_data(self, *, template: str = "classic", lang: str | None = None) -> PosterData:
        lang = lang or poster_lang()
        title = self.title
        if not self.product:
            title = f"{self.campaign.campaign.brand.name} · {title}"
        avatar = selectors.media_path(self.reseller.avatar.name) if self.reseller.avatar else None
        return PosterData(
            title=title,
            price_fen=self.price_fen,
            tag_price_fen=self.tag_price_fen,
            shop_name=self.reseller.shop_name,
            shop_avatar_path=avatar,
            product_image_path=(
                self.product.image_path if self.product else self.campaign.cover_path
            )
            or (self.image_paths[0] if self.image_paths else None),
            link_url=self.link_url,
            ends_at_text=when_text(self.campaign, chinese=lang == "zh-hans"),
            stock_band=stock_band(self.units_left, self.quantity),
            template=template if template in TEMPLATES else "classic",
            lang=lang,
        )

    def poster_png(self, *, template: str = "classic") -> bytes:
        return poster_png(self.poster_data(template=template))

    def nine_images(self) -> list[bytes]:
        """The 9-image set, from the cache while nothing on it changed."""
        lang = poster_lang()
        args = {
            "image_paths": self.image_paths[:9],
            "title": self.title,
            "price_fen": self.price_fen,
            "tag_price_fen": self.tag_price_fen,
            "shop_name": self.reseller.shop_name,
            "lang": lang,
        }
        key = _nine_key(args)
        images = cache.get(key)
        if images is None:
            images = render_nine_set(**args)
            cache.set(key, images, NINE_TTL_SECONDS)
        return images

    def copy_text(self, tone: str = DEFAULT_TONE) -> str:
        tone = tone if tone in TONES else DEFAULT_TONE
        when = when_text(self.campaign, chinese=True)
        if self.product is not None:
            data = CopyData(
                title=self.title,
                selling_points=_selling_points(self.product_obj),
                sizes=_sizes_all(self.product),
                price_fen=self.price_fen,
                tag_price_fen=self.tag_price_fen,
                link_url=self.link_url,
                ends_at_text=when,
                shop_name=self.reseller.shop_name,
            )
            return share_text(data, tone)
        return campaign_share_text(
            CampaignCopy(
                title=self.campaign.campaign.title,
                brand=self.campaign.campaign.brand.name,
                lines=[
                    CampaignLine(title=p.title, price_fen=p.price_fen, sizes=_sizes_all(p))
                    for p in self.campaign.products
                ],
                link_url=self.link_url,
                ends_at_text=when,
                shop_name=self.reseller.shop_name,
            ),
            tone,
        )

    def zip_all(self, *, template: str = "classic") -> bytes:
        files = [("poster.png", self.poster_png(template=template))]
        files += [(f"{i}.jpg", data) for i, data in enumerate(self.nine_images(), 1)]
        return zip_images(files)


def _nine_key(args: dict) -> str:
    ids = []
    for path in args["image_paths"]:
        try:
            st = os.stat(path)
            ids.append([path, st.st_mtime_ns, st.st_size])
        except OSError:
            ids.append([path, None, None])
    payload = json.dumps({**args, "image_paths": ids}, sort_keys=True, ensure_ascii=False)
    return "kucun:nine:v1:" + hashlib.sha256(payload.encode()).hexdigest()[:40]


def tones() -> list[tuple[str, str]]:
    return [(key, tone.name) for key, tone in TONES.items()]


def share_content_get(*, share: Share, link_url: str, now: datetime) -> ShareContent:
    """Everything a share shows, at her prices now; NotFound when its campaign is over."""
    book = selectors.price_book_for(share.reseller)
    if share.product_id:
        detail = selectors.product_detail_get(
            campaign_id=share.campaign_id, product_id=share.product_id, book=book, now=now
        )
        return ShareContent(
            share=share,
            reseller=share.reseller,
            campaign=detail.campaign,
            product=detail.view,
            product_obj=detail.product,
            link_url=link_url,
            image_paths=detail.image_paths,
            image_urls=detail.image_urls,
        )
    cv = selectors.campaign_view_get(
        campaign_id=share.campaign_id, book=book, now=now, with_paths=True
    )
    return ShareContent(
        share=share,
        reseller=share.reseller,
        campaign=cv,
        product=None,
        product_obj=None,
        link_url=link_url,
        image_paths=[p.image_path for p in cv.products if p.image_path][:9],
        image_urls=[p.image_url for p in cv.products if p.image_url][:9],
    )
