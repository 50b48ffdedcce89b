"""Template filters for campaign pages: money in yuan, price ranges, discounts."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from kucun.campaigns.selectors import discount_text
from kucun.core.money import format_fen

register = template.Library()


@register.filter
def yuan(fen: int | None) -> str:
    """12900 -> "¥129.00"; nothing for None."""
    if fen is None or fen == "":
        return ""
    return f"¥{format_fen(int(fen))}"


@register.filter
def price_range(campaign) -> str:
    low, high = getattr(campaign, "price_min_fen", None), getattr(campaign, "price_max_fen", None)
    if low is None:
        return ""
    if low == high:
        return yuan(low)
    return f"{yuan(low)} – {yuan(high)}"


@register.filter
def discount(permille: int | None) -> str:
    """The best discount of a campaign: "低至3.5折" / "up to 65% off"."""
    text = discount_text(permille)
    return _("up to %(discount)s") % {"discount": text} if text else ""


@register.filter
def item_discount(permille: int | None) -> str:
    return discount_text(permille)


@register.filter
def percent_of(part: int | None, whole: int | None) -> int:
    """Width of a progress bar: ``part`` as a whole percentage of ``whole``."""
    if not whole:
        return 0
    return max(0, min(100, round(100 * (part or 0) / whole)))
