"""The share poster (海报): a 750×1334 PNG a reseller sends or saves to her phone.

Pure rendering — Pillow, qrcode and the CJK font; no Django. ``cache.poster_png`` is the door
the web uses; it renders through here only when something on the poster changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw

from kucun.resellers.sharing.drawing import (
    RGB,
    avatar,
    draw_price_row,
    draw_text,
    ellipsize,
    load_cover,
    placeholder,
    png_bytes,
    qr_image,
    qr_matrix,
    text_width,
    wrap,
)

# Bump when the look changes: every cached poster is then drawn again.
TEMPLATE_VERSION = 1

WIDTH, HEIGHT = 750, 1334
QUIET_ZONE = 4  # modules of white around the QR code, as the standard asks

LABELS = {
    "zh-hans": {
        "scan": "长按识别二维码",
        "price": "到手价",
        "tag": "吊牌价",
        "picked": "店主精选 · 品牌特卖",
        "no_image": "暂无图片",
        "ribbon": "品牌特卖 · 限时抢购",
    },
    "en": {
        "scan": "Press and hold to scan",
        "price": "Price",
        "tag": "Tag",
        "picked": "Hand-picked brand sale",
        "no_image": "No picture yet",
        "ribbon": "BRAND SALE · LIMITED TIME",
    },
}


@dataclass(frozen=True, slots=True)
class Theme:
    """Everything that differs between templates; the layout is shared."""

    key: str
    background: RGB
    panel: RGB  # the card the text sits on
    text: RGB
    muted: RGB
    price: RGB
    pill_bg: RGB
    pill_text: RGB
    divider: RGB
    qr_dark: RGB
    inset: int  # 0: full-bleed photo; >0: photo and text on a card this far from the edge
    ribbon: bool  # a banner line above the card
    ribbon_text: RGB = (255, 255, 255)


TEMPLATES: dict[str, Theme] = {
    "classic": Theme(
        key="classic",
        background=(255, 255, 255),
        panel=(255, 255, 255),
        text=(34, 34, 34),
        muted=(140, 140, 140),
        price=(228, 57, 46),
        pill_bg=(253, 236, 234),
        pill_text=(210, 50, 40),
        divider=(232, 232, 232),
        qr_dark=(17, 17, 17),
        inset=0,
        ribbon=False,
    ),
    "festive": Theme(
        key="festive",
        background=(206, 30, 36),
        panel=(255, 250, 244),
        text=(45, 30, 25),
        muted=(150, 120, 110),
        price=(214, 33, 40),
        pill_bg=(255, 226, 180),
        pill_text=(170, 60, 10),
        divider=(240, 222, 206),
        qr_dark=(17, 17, 17),
        inset=28,
        ribbon=True,
        ribbon_text=(255, 224, 160),
    ),
    "noir": Theme(
        key="noir",
        background=(22, 22, 24),
        panel=(22, 22, 24),
        text=(242, 240, 235),
        muted=(160, 156, 150),
        price=(233, 196, 106),
        pill_bg=(58, 50, 34),
        pill_text=(233, 196, 106),
        divider=(60, 60, 64),
        qr_dark=(17, 17, 17),
        inset=0,
        ribbon=False,
    ),
}
TEMPLATE_NAMES = {"classic": "经典白", "festive": "喜庆红", "noir": "质感黑"}


@dataclass(frozen=True, slots=True)
class PosterData:
    title: str
    price_fen: int
    tag_price_fen: int  # drawn struck through when above the price
    shop_name: str
    shop_avatar_path: str | None  # None: her initials on a colour
    product_image_path: str | None  # None: a 'no picture' panel
    link_url: str  # her tracked link, drawn as the QR code
    ends_at_text: str  # already formatted: "12月5日 20:00 结束"
    stock_band: str  # already worded by the caller: "库存充足" / "仅剩少量" / "即将售罄"
    template: str = "classic"
    lang: str = "zh-hans"

    def __post_init__(self) -> None:
        if self.template not in TEMPLATES:
            raise ValueError(f"unknown poster template {self.template!r}")
        if self.lang not in LABELS:
            raise ValueError(f"unknown poster language {self.lang!r}")
        if not self.link_url.strip():
            raise ValueError("a poster needs a link for its QR code")
        for name in ("price_fen", "tag_price_fen"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be whole, non-negative fen")


@dataclass(frozen=True, slots=True)
class QrPlacement:
    """Where the QR code's first module sits on the poster, and how big a module is."""

    left: int
    top: int
    module_px: int
    modules: int


@dataclass(frozen=True, slots=True)
class _Layout:
    card: tuple[int, int, int, int]
    image: tuple[int, int, int, int]
    pad: int  # text margin inside the card
    qr_box: int  # the white square (quiet zone included) the QR code fits in
    ribbon_y: int


@lru_cache(maxsize=len(TEMPLATES))
def _layout(template: str) -> _Layout:
    theme = TEMPLATES[template]
    i = theme.inset
    if i:
        top = 104 if theme.ribbon else i
        card = (i, top, WIDTH - i, HEIGHT - i)
        side = WIDTH - 4 * i
        image = (2 * i, top + i, 2 * i + side, top + i + side)
        return _Layout(card, image, pad=2 * i, qr_box=176, ribbon_y=top // 2 + 2)
    return _Layout((0, 0, WIDTH, HEIGHT), (0, 0, WIDTH, WIDTH), pad=40, qr_box=196, ribbon_y=0)


def qr_placement(data: PosterData) -> QrPlacement:
    """Where ``render_poster`` draws the QR code of ``data.link_url``."""
    lay = _layout(data.template)
    n = len(qr_matrix(data.link_url))
    module = max(2, lay.qr_box // (n + 2 * QUIET_ZONE))
    size = module * (n + 2 * QUIET_ZONE)
    box_left = lay.card[2] - lay.pad - size
    box_top = lay.card[3] - lay.pad // 2 - 34 - size
    return QrPlacement(
        left=box_left + module * QUIET_ZONE,
        top=box_top + module * QUIET_ZONE,
        module_px=module,
        modules=n,
    )


_TITLE_GAP = 10
_PRICE_H = 108  # the price row: label, big price, struck tag price, discount
_INFO_H = 44  # the end time and stock band row


def _qr_box(data: PosterData) -> tuple[int, int, int, int]:
    """The white square around the QR code (quiet zone included)."""
    qr = qr_placement(data)
    q = QUIET_ZONE * qr.module_px
    side = qr.modules * qr.module_px + 2 * q
    return (qr.left - q, qr.top - q, qr.left - q + side, qr.top - q + side)


def _tear_y(data: PosterData) -> int:
    return _qr_box(data)[1] - 22


def render_poster(data: PosterData) -> bytes:
    """Draw the poster of ``data`` and return it as PNG bytes."""
    return png_bytes(draw_poster(data))


def draw_poster(data: PosterData) -> Image.Image:
    theme = TEMPLATES[data.template]
    labels = LABELS[data.lang]
    lay = _layout(data.template)
    im = Image.new("RGB", (WIDTH, HEIGHT), theme.background)
    d = ImageDraw.Draw(im)

    if theme.inset:
        d.rounded_rectangle(lay.card, radius=24, fill=theme.panel)
    if theme.ribbon:
        draw_text(
            d,
            (WIDTH / 2, lay.ribbon_y),
            labels["ribbon"],
            size=34,
            fill=theme.ribbon_text,
            anchor="mm",
        )

    x0, x1 = lay.card[0] + lay.pad, lay.card[2] - lay.pad
    title = wrap(data.title, size=34, width=x1 - x0, max_lines=2)
    # Title, price and info rows sit centred between the photo and the tear line.
    block = len(title) * 48 + _TITLE_GAP + _PRICE_H + _INFO_H
    y = lay.image[3] + (_tear_y(data) - lay.image[3] - block) // 2
    for line in title:
        draw_text(d, (x0, y), line, size=34, fill=theme.text)
        y += 48
    y += _TITLE_GAP
    _draw_price(d, data, theme, labels, x0, x1, y)
    _draw_info(d, data, theme, x0, x1, y + _PRICE_H)
    _draw_footer(im, d, data, theme, labels, lay)
    _paste_photo(im, data, lay, labels)
    return im


def _paste_photo(im: Image.Image, data: PosterData, lay: _Layout, labels: dict) -> None:
    box = lay.image
    size = (box[2] - box[0], box[3] - box[1])
    photo = load_cover(data.product_image_path, size)
    if photo is None:
        photo = placeholder(size, label=labels["no_image"])
    if TEMPLATES[data.template].inset:
        im.paste(photo, box[:2], _rounded_mask(size, 16))
    else:
        im.paste(photo, box[:2])


@lru_cache(maxsize=4)
def _rounded_mask(size: tuple[int, int], radius: int) -> Image.Image:
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, size[0] - 1, size[1] - 1), radius, fill=255)
    return mask


def _draw_price(
    d: ImageDraw.ImageDraw, data: PosterData, theme: Theme, labels: dict, x0: int, x1: int, y: int
) -> None:
    draw_price_row(
        d,
        x=x0,
        x_max=x1,
        baseline=y + 80,
        price_fen=data.price_fen,
        tag_price_fen=data.tag_price_fen,
        label=labels["price"],
        tag_label=labels["tag"],
        colour=theme.price,
        muted=theme.muted,
        show_discount=data.lang == "zh-hans",
    )


def _draw_info(
    d: ImageDraw.ImageDraw, data: PosterData, theme: Theme, x0: int, x1: int, y: int
) -> None:
    x = x0
    mid = y + 20
    if data.ends_at_text:
        # A small drawn clock: the font has no emoji.
        r = 12
        d.ellipse((x, mid - r, x + 2 * r, mid + r), outline=theme.muted, width=2)
        d.line((x + r, mid - 7, x + r, mid, x + r + 6, mid + 3), fill=theme.muted, width=2)
        x += 2 * r + 10
        text = ellipsize(data.ends_at_text, size=26, width=x1 - x - 200)
        draw_text(d, (x, mid), text, size=26, fill=theme.muted, anchor="lm")
        x += text_width(text, 26) + 20
    if data.stock_band:
        band = ellipsize(data.stock_band, size=24, width=max(60, x1 - x - 28))
        w = text_width(band, 24) + 28
        d.rounded_rectangle((x, mid - 20, x + w, mid + 20), radius=20, fill=theme.pill_bg)
        draw_text(d, (x + w / 2, mid), band, size=24, fill=theme.pill_text, anchor="mm")


def _draw_footer(
    im: Image.Image,
    d: ImageDraw.ImageDraw,
    data: PosterData,
    theme: Theme,
    labels: dict,
    lay: _Layout,
) -> None:
    qr = qr_placement(data)
    box = _qr_box(data)
    x0, x1 = lay.card[0] + lay.pad, lay.card[2] - lay.pad

    # A dashed line between the offer and the shop, like a coupon's tear line.
    dy = _tear_y(data)
    for sx in range(x0, x1, 16):
        d.line((sx, dy, sx + 8, dy), fill=theme.divider, width=2)

    d.rounded_rectangle(box, radius=10, fill=(255, 255, 255))
    im.paste(
        qr_image(qr_matrix(data.link_url), qr.module_px, dark=theme.qr_dark),
        (qr.left, qr.top),
    )
    caption_w = text_width(labels["scan"], 22)
    draw_text(
        d,
        (min((box[0] + box[2]) / 2, x1 - caption_w / 2), box[3] + 10),
        labels["scan"],
        size=22,
        fill=theme.muted,
        anchor="mt",
    )

    # Her avatar and shop name, centred on the QR code's height.
    diameter = 96
    cy = (box[1] + box[3]) // 2
    photo, mask = avatar(data.shop_avatar_path, data.shop_name, diameter)
    im.paste(photo, (x0, cy - diameter // 2 - 14), mask)
    tx = x0 + diameter + 22
    room = box[0] - 24 - tx
    name = ellipsize(data.shop_name, size=32, width=room)
    draw_text(d, (tx, cy - 28), name, size=32, fill=theme.text, anchor="ls", stroke_width=1)
    draw_text(
        d,
        (tx, cy + 14),
        ellipsize(labels["picked"], size=22, width=room),
        size=22,
        fill=theme.muted,
        anchor="ls",
    )
