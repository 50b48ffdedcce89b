"""Copy text for a whole campaign (快速转发): its products in order, at her prices. Pure.

Product shares use ``sharing.copytext.share_text``; a campaign needs a list instead of one
product's sizes, so it has its own small writer with the same tones and the same rules: Chinese,
sold-out sizes never mentioned, prices as "¥129" / "¥129.90", the link last.
"""

from __future__ import annotations

from dataclasses import dataclass

from kucun.resellers.pricing import price_label
from kucun.resellers.sharing.copytext import available_sizes

MAX_LINES = 20


@dataclass(frozen=True, slots=True)
class CampaignLine:
    title: str
    price_fen: int
    sizes: list[tuple[str, int]]  # (size, units left); sold-out ones are dropped


@dataclass(frozen=True, slots=True)
class CampaignCopy:
    title: str
    brand: str
    lines: list[CampaignLine]
    link_url: str
    ends_at_text: str
    shop_name: str


_HEAD = {
    "friendly": "姐妹们～{brand}特卖来啦！「{title}」我挑了这些：",
    "plain": "【{brand}｜{title}】",
    "urgent": "⚡限时特卖⚡ {brand}「{title}」",
    "expert": "今日种草｜{brand}「{title}」精选清单",
}
_CTA = {
    "friendly": "👉 进店慢慢挑：{link}",
    "plain": "链接：{link}",
    "urgent": "👇 手慢无，立即抢：{link}",
    "expert": "详情与下单：{link}",
}


def _line(index: int, line: CampaignLine) -> str:
    left = available_sizes(line.sizes)
    if line.sizes and not left:
        return f"{index}. {line.title} {price_label(line.price_fen)}（已售罄）"
    sizes = "/".join(label for label, _n in left)
    return f"{index}. {line.title} {price_label(line.price_fen)}" + (
        f"（{sizes}）" if sizes else ""
    )


def campaign_share_text(data: CampaignCopy, tone: str = "friendly") -> str:
    """The campaign's products in order with her price and sizes still available, and the link."""
    tone = tone if tone in _HEAD else "friendly"
    out = [_HEAD[tone].format(brand=data.brand, title=data.title)]
    if data.ends_at_text:
        out.append(f"⏰ {data.ends_at_text}" if tone != "plain" else f"时间：{data.ends_at_text}")
    shown = [line for line in data.lines if not line.sizes or available_sizes(line.sizes)]
    shown = shown or data.lines
    out += [_line(i, line) for i, line in enumerate(shown[:MAX_LINES], 1)]
    if len(shown) > MAX_LINES:
        out.append(f"……还有{len(shown) - MAX_LINES}款，进店看全部")
    out.append(_CTA[tone].format(link=data.link_url))
    if data.shop_name and tone in ("friendly", "expert"):
        out.append(f"—— {data.shop_name}")
    return "\n".join(out) + "\n"
