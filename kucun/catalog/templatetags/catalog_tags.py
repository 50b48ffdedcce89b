from django import template

from kucun.core.money import format_fen

register = template.Library()


@register.filter
def yuan(fen: int | None) -> str:
    """12345 → "123.45" (fen as yuan, two decimals)."""
    if fen is None or fen == "":
        return ""
    return format_fen(int(fen))
