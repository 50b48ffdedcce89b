"""The campaign rules that need no database: time windows, prices, discounts.

Pure functions returning a problem code (or None), so they are tested in milliseconds and the
service decides how to say "no".
"""

from __future__ import annotations

from datetime import datetime, timedelta

MIN_DURATION = timedelta(hours=1)
MAX_DURATION = timedelta(days=30)
# A campaign is planned weeks ahead, not years: a start further out is almost always a typo.
MAX_LEAD_TIME = timedelta(days=90)


def window_problem(*, starts_at: datetime, ends_at: datetime, now: datetime) -> str | None:
    """Why a start/end pair cannot be a campaign, or None when it can."""
    if ends_at <= starts_at:
        return "campaigns.ends_before_start"
    if ends_at <= now:
        return "campaigns.ends_in_past"
    if ends_at - starts_at < MIN_DURATION:
        return "campaigns.too_short"
    if ends_at - starts_at > MAX_DURATION:
        return "campaigns.too_long"
    if starts_at - now > MAX_LEAD_TIME:
        return "campaigns.starts_too_late"
    return None


def price_problem(
    *,
    platform_price_fen: int,
    min_resale_price_fen: int | None,
    supply_price_fen: int,
    tag_price_fen: int,
) -> str | None:
    """Supply price ≤ platform price ≤ tag price; a minimum resale price lies between them."""
    if platform_price_fen <= 0:
        return "campaigns.bad_price"
    if platform_price_fen < supply_price_fen:
        return "campaigns.price_below_supply"
    if platform_price_fen > tag_price_fen:
        return "campaigns.price_above_tag"
    if min_resale_price_fen is not None:
        if min_resale_price_fen < platform_price_fen:
            return "campaigns.min_resale_below_price"
        if min_resale_price_fen > tag_price_fen:
            return "campaigns.min_resale_above_tag"
    return None


def discount_permille(*, price_fen: int, tag_price_fen: int) -> int:
    """The price as thousandths of the tag price (350 = 3.5折 = 65% off).

    Rounded up, like the two labels below, so a discount is never shown bigger than it is.
    """
    if tag_price_fen <= 0:
        return 1000
    return -(-price_fen * 1000 // tag_price_fen)


def zhe_label(permille: int) -> str:
    """350 -> "3.5", 300 -> "3", 351 -> "3.6": the Chinese 折 number, one decimal at most."""
    tenths = -(-permille // 10)
    whole, part = divmod(tenths, 10)
    return f"{whole}" if part == 0 else f"{whole}.{part}"


def percent_off(permille: int) -> int:
    """350 -> 65: how much below the tag price, in whole percent (rounded down)."""
    return max(0, (1000 - permille) // 10)
