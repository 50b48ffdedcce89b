"""Copy text (转发文案) a reseller pastes under her share, in a few tones. Pure, no Django.

The text is Chinese whatever the UI language: it is written for her customers, who read it in
WeChat. Sizes with nothing left are never mentioned; prices read "¥129" or "¥129.90".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kucun.resellers.pricing import discount_label, price_label

LOW_STOCK = 3  # at or below this, a size says how many are left


@dataclass(frozen=True, slots=True)
class CopyData:
    title: str
    selling_points: list[str]
    sizes: list[tuple[str, int]]  # (size label, units left), in display order
    price_fen: int
    tag_price_fen: int
    link_url: str
    ends_at_text: str  # already formatted: "12月5日 20:00 结束"
    shop_name: str


@dataclass(frozen=True, slots=True)
class Tone:
    key: str
    name: str  # shown to the reseller when she picks a tone
    write: Callable[[CopyData], list[str]] = field(repr=False)


def available_sizes(sizes: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The sizes that can still be bought, in the order given."""
    return [(label.strip(), left) for label, left in sizes if left > 0 and label.strip()]


def sizes_line(sizes: list[tuple[str, int]]) -> str | None:
    """ "S / M（仅剩2件）/ L"; "全部尺码已售罄" when none is left; None for a one-size product."""
    if not sizes:
        return None
    left = available_sizes(sizes)
    if not left:
        return "全部尺码已售罄"
    return " / ".join(f"{label}（仅剩{n}件）" if n <= LOW_STOCK else label for label, n in left)


def price_line(data: CopyData) -> str:
    """ "¥129.90（吊牌价¥299，4.4折）" — the tag price only when hers is below it."""
    price = price_label(data.price_fen)
    if data.tag_price_fen <= data.price_fen:
        return price
    off = discount_label(data.price_fen, data.tag_price_fen)
    tag = f"吊牌价{price_label(data.tag_price_fen)}"
    return f"{price}（{tag}，{off}）" if off else f"{price}（{tag}）"


def _points(data: CopyData, bullet: str) -> list[str]:
    return [f"{bullet}{p.strip()}" for p in data.selling_points if p.strip()]


def _sold_out(data: CopyData) -> bool:
    return bool(data.sizes) and not available_sizes(data.sizes)


def _friendly(data: CopyData) -> list[str]:
    sizes = sizes_line(data.sizes)
    lines = [f"姐妹们看过来～这件{data.title}我真心推荐！", ""]
    lines += _points(data, "💕 ")
    if sizes:
        lines.append(f"👗 尺码：{sizes}" if not _sold_out(data) else f"😭 {sizes}，下次早点来哦")
    lines.append(f"💰 到手价：{price_line(data)}")
    if data.ends_at_text:
        lines.append(f"⏰ {data.ends_at_text}，喜欢的别犹豫")
    cta = "看看详情" if _sold_out(data) else "戳这里下单"
    lines += ["", f"👉 {cta}：{data.link_url}"]
    if data.shop_name:
        lines.append(f"—— {data.shop_name}")
    return lines


def _plain(data: CopyData) -> list[str]:
    sizes = sizes_line(data.sizes)
    lines = [f"【{data.title}】"]
    lines += _points(data, "· ")
    if sizes:
        lines.append(f"尺码：{sizes}")
    lines.append(f"价格：{price_line(data)}")
    if data.ends_at_text:
        lines.append(f"时间：{data.ends_at_text}")
    lines.append(f"链接：{data.link_url}")
    return lines


def _urgent(data: CopyData) -> list[str]:
    sizes = sizes_line(data.sizes)
    head = f"⚡限时特卖⚡ {data.title}"
    lines = [head]
    if data.ends_at_text:
        lines.append(f"⏳ {data.ends_at_text}，错过就没啦！")
    lines.append(f"🔥 只要 {price_line(data)}")
    lines += _points(data, "✅ ")
    if sizes:
        lines.append(f"📦 剩余尺码：{sizes}" if not _sold_out(data) else f"📦 {sizes}")
    cta = "看看详情" if _sold_out(data) else "手慢无，立即抢"
    lines.append(f"👇 {cta}：{data.link_url}")
    return lines


def _expert(data: CopyData) -> list[str]:
    sizes = sizes_line(data.sizes)
    lines = [f"今日种草｜{data.title}", ""]
    points = _points(data, "")
    if points:
        lines.append("推荐理由：")
        lines += [f"{i}. {p}" for i, p in enumerate(points, 1)]
    if sizes:
        lines.append(f"在售尺码：{sizes}")
    lines.append(f"品牌特卖价：{price_line(data)}")
    if data.ends_at_text:
        lines.append(f"活动时间：{data.ends_at_text}")
    cta = "详情" if _sold_out(data) else "详情与下单"
    lines += ["", f"{cta}：{data.link_url}"]
    if data.shop_name:
        lines.append(f"{data.shop_name} 为你精选")
    return lines


TONES: dict[str, Tone] = {
    tone.key: tone
    for tone in (
        Tone("friendly", "亲切闺蜜", _friendly),
        Tone("plain", "简洁直给", _plain),
        Tone("urgent", "限时紧迫", _urgent),
        Tone("expert", "专业种草", _expert),
    )
}
DEFAULT_TONE = "friendly"


def share_text(data: CopyData, tone: str | Tone = DEFAULT_TONE) -> str:
    """The text to paste: title, selling points, sizes still in stock, her price, the link."""
    if isinstance(tone, str):
        if tone not in TONES:
            raise ValueError(f"unknown tone {tone!r}; choose one of {', '.join(TONES)}")
        tone = TONES[tone]
    text = "\n".join(tone.write(data))
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"
