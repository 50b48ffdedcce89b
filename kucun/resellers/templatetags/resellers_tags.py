"""Template filters for prices (whole yuan without ".00", as shoppers read them)."""

from __future__ import annotations

from django import template

from kucun.resellers.pricing import price_label

register = template.Library()


@register.filter
def yuan(fen: int | None) -> str:
    """12900 -> "¥129", 12990 -> "¥129.90"."""
    if fen is None or fen == "":
        return ""
    return price_label(int(fen))


@register.filter
def yuan_range(pair: tuple[int, int] | None) -> str:
    """(3900, 12900) -> "¥39–¥129"; one price when both ends agree."""
    if not pair:
        return ""
    low, high = pair
    return price_label(low) if low == high else f"{price_label(low)}–{price_label(high)}"


@register.filter
def bp_percent(value: int) -> str:
    whole, part = divmod(int(value), 100)
    return f"{whole}" if part == 0 else f"{whole}.{part:02d}".rstrip("0")


@register.simple_tag
def on_shelf(shelf, campaign_id: int, product_id: int | None = None) -> str:
    """ "whole" (the whole campaign is shelved), "product", or "" (not on her shelf)."""
    if shelf is None:
        return ""
    if shelf.has_campaign(campaign_id):
        return "whole"
    if product_id and shelf.has_product(campaign_id, product_id):
        return "product"
    return ""
