"""The 9-image set (九宫格) for a moments post: square product photos, the first with the price.

Pure rendering, no Django. Only the product's own photos are used: with fewer than nine the set
is shorter (moments lays out 1–9 images well; filler would look like spam).
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from kucun.resellers.sharing.drawing import (
    draw_price_row,
    draw_text,
    ellipsize,
    jpeg_bytes,
    load_cover,
    placeholder,
    text_width,
)

SIDE = 1080
MAX_IMAGES = 9
BAND_H = 250

LABELS = {
    "zh-hans": {"price": "到手价", "tag": "吊牌价", "no_image": "暂无图片"},
    "en": {"price": "Price", "tag": "Tag", "no_image": "No picture yet"},
}

_BAND = (255, 255, 255, 236)
_PRICE = (228, 57, 46)
_TEXT = (34, 34, 34)
_MUTED = (130, 130, 130)


def render_nine_set(
    *,
    image_paths: list[str],
    title: str,
    price_fen: int,
    tag_price_fen: int,
    shop_name: str,
    lang: str = "zh-hans",
) -> list[bytes]:
    """Up to nine 1080×1080 JPEGs of the product's photos; the first carries the price band.

    Photos that cannot be read are skipped; with none left, one picture-less price card.
    """
    labels = LABELS.get(lang, LABELS["zh-hans"])
    photos: list[Image.Image] = []
    for path in image_paths:
        if len(photos) == MAX_IMAGES:
            break
        photo = load_cover(path, (SIDE, SIDE))
        if photo is not None:
            photos.append(photo)
    if not photos:
        photos.append(placeholder((SIDE, SIDE), label=labels["no_image"]))
    _draw_band(photos[0], title, price_fen, tag_price_fen, shop_name, labels, lang)
    return [jpeg_bytes(photo) for photo in photos]


def _draw_band(
    im: Image.Image,
    title: str,
    price_fen: int,
    tag_price_fen: int,
    shop_name: str,
    labels: dict,
    lang: str,
) -> None:
    """A light band across the bottom: title, her price big in red, tag price struck."""
    top = SIDE - BAND_H
    overlay = Image.new("RGBA", (SIDE, BAND_H), _BAND)
    im.paste(overlay, (0, top), overlay)
    d = ImageDraw.Draw(im)
    d.rectangle((0, top, 12, SIDE), fill=_PRICE)  # an accent edge so the band reads as a label

    pad = 56
    title_line = ellipsize(" ".join(title.split()), size=44, width=SIDE - 2 * pad)
    draw_text(d, (pad, top + 36), title_line, size=44, fill=_TEXT)
    draw_price_row(
        d,
        x=pad,
        x_max=SIDE - pad,
        baseline=top + 196,
        price_fen=price_fen,
        tag_price_fen=tag_price_fen,
        label=labels["price"],
        tag_label=labels["tag"],
        colour=_PRICE,
        muted=_MUTED,
        show_discount=lang == "zh-hans",
        scale=1.3,
    )
    if shop_name:
        # Her shop name as a small translucent tag in the top corner, like a watermark.
        name = ellipsize(shop_name, size=30, width=SIDE // 2)
        w, h = int(text_width(name, 30)) + 44, 56
        tag = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        ImageDraw.Draw(tag).rounded_rectangle(
            (0, 0, w - 1, h - 1), radius=h // 2, fill=(0, 0, 0, 110)
        )
        draw_text(ImageDraw.Draw(tag), (w / 2, h / 2), name, size=30, fill="white", anchor="mm")
        im.paste(tag, (SIDE - pad - w, 40), tag)
