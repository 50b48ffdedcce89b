"""A reseller's price (自由加价): platform price + her markup, rounded and bounded.

Pure code: no Django import. Every rule is written down in docs/pricing-and-sharing.md; the one
function that applies them is ``resale_price``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from kucun.core.money import FEN_PER_YUAN, parse_yuan

BASIS_POINTS = 10_000  # 100% in basis points: a PERCENT markup of 1000 is +10%
MAX_PERCENT_BP = 100_000  # +1000%: anything above is a typo, not a price
MAX_AMOUNT_FEN = 10_000_000  # +¥100,000


class PricingError(ValueError):
    """Bad pricing input. ``code`` is stable so callers can show a translated message."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


class MarkupKind(StrEnum):
    PERCENT = "percent"
    AMOUNT = "amount"


@dataclass(frozen=True, slots=True)
class Markup:
    """PERCENT: ``value`` in basis points (1000 = +10%); AMOUNT: ``value`` in fen (500 = +¥5)."""

    kind: MarkupKind
    value: int

    @classmethod
    def percent(cls, pct: str | int | Decimal) -> Markup:
        """``Markup.percent("12.5")`` is +12.5%; more than two decimals or out of bounds is an error."""
        text = str(pct).strip().removesuffix("%").strip()
        try:
            bp = Decimal(text) * 100
        except InvalidOperation:
            raise PricingError(f"'{pct}' is not a percentage", code="markup.invalid") from None
        if not bp.is_finite() or bp != bp.to_integral_value():
            raise PricingError(
                f"'{pct}' is not a percentage with at most two decimals", code="markup.invalid"
            )
        markup = cls(MarkupKind.PERCENT, int(bp))
        validate_markup(markup)
        return markup

    @classmethod
    def amount(cls, yuan: str | int | Decimal) -> Markup:
        """``Markup.amount("5")`` is +¥5.00."""
        try:
            fen = parse_yuan(yuan)
        except ValueError as exc:
            raise PricingError(str(exc), code="markup.invalid") from None
        markup = cls(MarkupKind.AMOUNT, fen)
        validate_markup(markup)
        return markup

    @property
    def label(self) -> str:
        """ "+¥5", "+¥5.50", "+10%", "+12.5%" — the same in every language."""
        if self.kind == MarkupKind.AMOUNT:
            return "+" + price_label(self.value)
        whole, part = divmod(self.value, 100)
        return f"+{whole}%" if part == 0 else f"+{whole}.{part:02d}".rstrip("0") + "%"


@dataclass(frozen=True, slots=True)
class MarkupPreset:
    key: str
    markup: Markup

    @property
    def label(self) -> str:
        return self.markup.label


PRESETS: tuple[MarkupPreset, ...] = (
    MarkupPreset("plus_5_yuan", Markup(MarkupKind.AMOUNT, 500)),
    MarkupPreset("plus_10_yuan", Markup(MarkupKind.AMOUNT, 1000)),
    MarkupPreset("plus_10_percent", Markup(MarkupKind.PERCENT, 1000)),
    MarkupPreset("plus_20_percent", Markup(MarkupKind.PERCENT, 2000)),
)


class Rounding(StrEnum):
    NONE = "none"
    YUAN_9 = "x9"  # whole yuan ending in 9: ¥9, ¥19, … ¥129
    YUAN_9_9 = "x9.9"  # ¥9.90, ¥19.90, … ¥129.90


# Every rounding target is ``k * _STEP + offset`` fen (k ≥ 0).
_STEP = 10 * FEN_PER_YUAN
_OFFSET = {Rounding.YUAN_9: 900, Rounding.YUAN_9_9: 990}


@dataclass(frozen=True, slots=True)
class PriceInput:
    platform_price_fen: int
    tag_price_fen: int
    min_resale_price_fen: int | None = None
    shop_markup: Markup | None = None
    campaign_markup: Markup | None = None
    product_markup: Markup | None = None
    rounding: Rounding = Rounding.NONE
    allow_above_tag: bool = False


class Source(StrEnum):
    PRODUCT = "product"
    CAMPAIGN = "campaign"
    SHOP = "shop"
    NONE = "none"


class Adjusted(StrEnum):
    MIN_PRICE = "min_price"  # raised to the brand's minimum resale price
    TAG_CAP = "tag_cap"  # lowered to stay within the tag price (rounded down where possible)
    TAG_CAP_UNROUNDED = "tag_cap_unrounded"  # no rounding target fits: the tag price itself


@dataclass(frozen=True, slots=True)
class PriceQuote:
    price_fen: int
    markup_fen: int  # price - platform price, never negative
    source: str  # which markup applied: Source value
    adjusted: str | None  # None, or why the price was moved: Adjusted value


def validate_markup(m: Markup) -> None:
    """A markup is a known kind and a whole, non-negative, sane amount; else PricingError."""
    try:
        kind = MarkupKind(m.kind)
    except ValueError:
        raise PricingError(f"unknown markup kind {m.kind!r}", code="markup.kind") from None
    if isinstance(m.value, bool) or not isinstance(m.value, int):
        raise PricingError(f"markup must be a whole number, got {m.value!r}", code="markup.invalid")
    if m.value < 0:
        raise PricingError(
            "a markup cannot be negative: her price never goes below the platform price",
            code="markup.negative",
        )
    if kind == MarkupKind.PERCENT and m.value > MAX_PERCENT_BP:
        raise PricingError(
            f"a markup of {m.label} is more than +{MAX_PERCENT_BP // 100}%",
            code="markup.too_large",
        )
    if kind == MarkupKind.AMOUNT and m.value > MAX_AMOUNT_FEN:
        raise PricingError(
            f"a markup of {m.label} is more than +{price_label(MAX_AMOUNT_FEN)}",
            code="markup.too_large",
        )


def markup_fen(m: Markup, platform_price_fen: int) -> int:
    """The markup in fen on ``platform_price_fen``; percent rounds half-up to the fen."""
    if m.kind == MarkupKind.AMOUNT:
        return m.value
    return (platform_price_fen * m.value + BASIS_POINTS // 2) // BASIS_POINTS


def round_up(price_fen: int, rounding: Rounding) -> int:
    """The smallest rounding target ≥ ``price_fen`` (the price itself when it already is one)."""
    if rounding == Rounding.NONE:
        return price_fen
    offset = _OFFSET[rounding]
    k = max(0, -(-(price_fen - offset) // _STEP))  # ceil division
    return k * _STEP + offset


def round_down(price_fen: int, rounding: Rounding) -> int | None:
    """The largest rounding target ≤ ``price_fen``, or None when there is none (below ¥9)."""
    if rounding == Rounding.NONE:
        return price_fen
    offset = _OFFSET[rounding]
    if price_fen < offset:
        return None
    return (price_fen - offset) // _STEP * _STEP + offset


def resale_price(p: PriceInput) -> PriceQuote:
    """Her price: most specific markup, rounded up, kept within [platform/min price, tag price]."""
    _check_input(p)
    source, markup = _pick_markup(p)
    if markup is not None:
        validate_markup(markup)
    price = p.platform_price_fen + (markup_fen(markup, p.platform_price_fen) if markup else 0)
    floor = max(p.platform_price_fen, p.min_resale_price_fen or 0)
    cap = None if p.allow_above_tag else p.tag_price_fen
    adjusted: Adjusted | None = None

    if price < floor:
        price, adjusted = floor, Adjusted.MIN_PRICE
    price = round_up(price, p.rounding)
    if cap is not None and price > cap:
        down = round_down(cap, p.rounding)
        if down is not None and down >= floor:
            price, adjusted = down, Adjusted.TAG_CAP
        else:
            price, adjusted = cap, Adjusted.TAG_CAP_UNROUNDED
    return PriceQuote(
        price_fen=price,
        markup_fen=price - p.platform_price_fen,
        source=source.value,
        adjusted=adjusted.value if adjusted else None,
    )


def price_label(fen: int) -> str:
    """12900 -> "¥129"; 12990 -> "¥129.90" (whole yuan drop the fen)."""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}¥{whole}" if part == 0 else f"{sign}¥{whole}.{part:02d}"


def discount_label(price_fen: int, tag_price_fen: int) -> str | None:
    """Price as a Chinese discount off the tag price ("4.4折"), or None when it is no discount.

    Rounded UP to the tenth so the discount shown is never better than the real one.
    """
    if tag_price_fen <= 0 or price_fen <= 0 or price_fen >= tag_price_fen:
        return None
    tenths = -(-price_fen * 100 // tag_price_fen)  # ceil(price / tag * 100)
    if tenths >= 100:
        return None
    whole, part = divmod(tenths, 10)
    return f"{whole}折" if part == 0 else f"{whole}.{part}折"


def _pick_markup(p: PriceInput) -> tuple[Source, Markup | None]:
    if p.product_markup is not None:
        return Source.PRODUCT, p.product_markup
    if p.campaign_markup is not None:
        return Source.CAMPAIGN, p.campaign_markup
    if p.shop_markup is not None:
        return Source.SHOP, p.shop_markup
    return Source.NONE, None


def _check_input(p: PriceInput) -> None:
    for name in ("platform_price_fen", "tag_price_fen", "min_resale_price_fen"):
        value = getattr(p, name)
        if value is None and name == "min_resale_price_fen":
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise PricingError(f"{name} must be whole fen, got {value!r}", code="price.invalid")
        if value < 0:
            raise PricingError(f"{name} cannot be negative", code="price.negative")
    try:
        Rounding(p.rounding)
    except ValueError:
        raise PricingError(f"unknown rounding {p.rounding!r}", code="price.rounding") from None
    floor = max(p.platform_price_fen, p.min_resale_price_fen or 0)
    if not p.allow_above_tag and floor > p.tag_price_fen:
        what = (
            "minimum resale price"
            if (p.min_resale_price_fen or 0) > p.platform_price_fen
            else "platform price"
        )
        raise PricingError(
            f"the {what} ({price_label(floor)}) is above the tag price "
            f"({price_label(p.tag_price_fen)})",
            code="price.floor_above_tag",
        )
