"""Her prices, in one pass: the reseller's markups loaded once, ``resale_price`` per SKU.

Pages, shares and the API all price through ``PriceBook.quote`` so every place shows the same
number; the rule itself is the pure function in ``pricing.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from kucun.resellers.pricing import (
    Markup,
    MarkupKind,
    PriceInput,
    PriceQuote,
    PricingError,
    Rounding,
    resale_price,
)

log = logging.getLogger(__name__)


def markup_of(kind: str, value: int) -> Markup:
    return Markup(MarkupKind(kind), int(value))


@dataclass(frozen=True)
class PriceBook:
    """A reseller's markups: shop default, per-campaign and per-product overrides, rounding."""

    shop_markup: Markup | None = None
    rounding: Rounding = Rounding.NONE
    campaign_markups: dict[int, Markup] = field(default_factory=dict)
    product_markups: dict[int, Markup] = field(default_factory=dict)
    # SKUs of a product mostly share their prices: one quote serves them all.
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def platform(cls) -> PriceBook:
        """No markup at all: what a price is before a reseller touches it."""
        return cls()

    def quote(
        self,
        *,
        campaign_id: int,
        product_id: int,
        platform_price_fen: int,
        tag_price_fen: int,
        min_resale_price_fen: int | None,
    ) -> PriceQuote:
        memo_key = (
            campaign_id,
            product_id,
            platform_price_fen,
            tag_price_fen,
            min_resale_price_fen,
        )
        quote = self._memo.get(memo_key)
        if quote is None:
            quote = self._memo[memo_key] = self._quote(*memo_key)
        return quote

    def _quote(
        self,
        campaign_id: int,
        product_id: int,
        platform_price_fen: int,
        tag_price_fen: int,
        min_resale_price_fen: int | None,
    ) -> PriceQuote:
        data = PriceInput(
            platform_price_fen=platform_price_fen,
            tag_price_fen=tag_price_fen,
            min_resale_price_fen=min_resale_price_fen,
            shop_markup=self.shop_markup,
            campaign_markup=self.campaign_markups.get(campaign_id),
            product_markup=self.product_markups.get(product_id),
            rounding=self.rounding,
        )
        try:
            return resale_price(data)
        except PricingError as exc:
            # Inconsistent catalogue data (a floor above the tag price): never sell below the
            # floor, never crash the page.
            log.warning("pricing campaign %s product %s: %s", campaign_id, product_id, exc)
            floor = max(platform_price_fen, min_resale_price_fen or 0)
            return PriceQuote(
                price_fen=floor,
                markup_fen=floor - platform_price_fen,
                source="none",
                adjusted="min_price",
            )

    def quote_item(self, item: object) -> PriceQuote:
        """Price an object with ``campaign_id``, ``product_id``, prices (see ``ItemRow``)."""
        return self.quote(
            campaign_id=item.campaign_id,
            product_id=item.product_id,
            platform_price_fen=item.platform_price_fen,
            tag_price_fen=item.tag_price_fen,
            min_resale_price_fen=item.min_resale_price_fen,
        )


def price_range(quotes: Iterable[int]) -> tuple[int, int] | None:
    values = list(quotes)
    if not values:
        return None
    return min(values), max(values)
