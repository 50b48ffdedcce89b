"""Drawing helpers shared by the poster and the 9-image set. Pillow only, no Django.

Fonts are loaded once per process and size: opening the 16 MB CJK font costs tens of ms.
"""

from __future__ import annotations

import io
import logging
import struct
import zlib
from collections.abc import Sequence
from functools import lru_cache

import qrcode
from cvttf_NotoSansCJK_Regular import get_TTF_path
from PIL import Image, ImageDraw, ImageFont, ImageOps, features

from kucun.resellers.pricing import discount_label, price_label

log = logging.getLogger(__name__)

RGB = tuple[int, int, int]
ELLIPSIS = "…"

# Soft colours for shop initials; picked by a stable hash of the name.
AVATAR_COLOURS: tuple[RGB, ...] = (
    (233, 94, 81),
    (240, 146, 55),
    (76, 166, 113),
    (62, 142, 208),
    (126, 103, 196),
    (214, 92, 146),
    (46, 155, 155),
)


@lru_cache(maxsize=1)
def font_path() -> str:
    return get_TTF_path()


@lru_cache(maxsize=64)
def font(size: int) -> ImageFont.FreeTypeFont:
    """The CJK font at ``size`` px, loaded once per process."""
    # BASIC layout: CJK needs no shaping, and it skips raqm's per-call cost.
    return ImageFont.truetype(font_path(), size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=64)
def _shaping_font(size: int) -> ImageFont.FreeTypeFont | None:
    """The font with the Raqm layout engine, which can pick glyphs by language; None without."""
    if not features.check_feature("raqm"):
        return None
    return ImageFont.truetype(font_path(), size, layout_engine=ImageFont.Layout.RAQM)


def text_width(text: str, size: int) -> float:
    # Measured with the basic engine: same advances for CJK, and for Latin never narrower
    # than what draw_text draws (Raqm adds kerning), so a measured fit always fits.
    return font(size).getlength(text)


def draw_text(
    d: ImageDraw.ImageDraw,
    xy: tuple[float, float],
    text: str,
    *,
    size: int,
    fill: RGB | str,
    anchor: str | None = None,
    stroke_width: int = 0,
) -> None:
    """Draw ``text``; Chinese with Simplified Chinese glyph forms.

    The packaged font is Noto Sans CJK *TC*: by default its shared characters take Traditional
    shapes (说, 今, 骨 look Taiwanese). Its 'locl' feature switches them to the mainland
    forms when the text's language is zh-Hans, which needs Raqm; without Raqm (a Pillow built
    without it) the text is still drawn, in the TC shapes.
    """
    shaping = _shaping_font(size) if _has_cjk(text) else None
    if shaping is None:
        d.text(xy, text, font=font(size), fill=fill, anchor=anchor, stroke_width=stroke_width)
    else:
        d.text(
            xy,
            text,
            font=shaping,
            fill=fill,
            anchor=anchor,
            stroke_width=stroke_width,
            language="zh-Hans",
        )


def _has_cjk(text: str) -> bool:
    return any(ord(ch) >= 0x2E80 for ch in text)  # CJK radicals onwards; ¥ and Latin are below


def wrap(text: str, *, size: int, width: float, max_lines: int) -> list[str]:
    """Break ``text`` into at most ``max_lines`` lines of ``width`` px; an ellipsis ends a cut.

    CJK breaks between any two characters; a run of Latin letters/digits is kept whole when it
    fits on a line of its own.
    """
    text = " ".join(text.split())
    if not text or max_lines < 1:
        return []
    f = font(size)
    lines: list[str] = []
    rest = text
    while rest:
        if len(lines) == max_lines - 1:
            # The last line takes whatever is left, cut with an ellipsis if it must be.
            lines.append(ellipsize(rest, size=size, width=width))
            break
        cut = _fit(rest, f, width)
        if cut < len(rest):
            cut = _soften_break(rest, cut)
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return lines


def ellipsize(text: str, *, size: int, width: float) -> str:
    """``text`` cut to ``width`` px with "…" when it does not fit."""
    f = font(size)
    if f.getlength(text) <= width:
        return text
    room = width - f.getlength(ELLIPSIS)
    cut = _fit(text, f, room)
    return text[:cut].rstrip() + ELLIPSIS


def _fit(text: str, f: ImageFont.FreeTypeFont, width: float) -> int:
    """How many leading characters of ``text`` fit in ``width`` px (at least one)."""
    lo, hi = 1, len(text)
    if f.getlength(text) <= width:
        return hi
    while lo < hi:  # binary search: getlength is the slow part
        mid = (lo + hi + 1) // 2
        if f.getlength(text[:mid]) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _soften_break(text: str, cut: int) -> int:
    """Move a break that falls inside a Latin word back to the word's start, if it has one."""
    if not (_is_word_char(text[cut - 1]) and _is_word_char(text[cut])):
        return cut
    start = cut
    while start > 0 and _is_word_char(text[start - 1]):
        start -= 1
    return start if start > 0 else cut


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


# --- prices ---------------------------------------------------------------------------------


def draw_price_row(
    d: ImageDraw.ImageDraw,
    *,
    x: float,
    x_max: float,
    baseline: float,
    price_fen: int,
    tag_price_fen: int,
    label: str,
    tag_label: str,
    colour: RGB,
    muted: RGB,
    show_discount: bool,
    scale: float = 1.0,
) -> None:
    """ "到手价 ¥129.90  吊牌价 ¥299̶  4.4折" on one baseline; parts that do not fit are left out."""

    def px(size: int) -> int:
        return round(size * scale)

    draw_text(d, (x, baseline), label, size=px(26), fill=colour, anchor="ls")
    x += text_width(label, px(26)) + px(10)
    draw_text(d, (x, baseline), "¥", size=px(42), fill=colour, anchor="ls", stroke_width=1)
    x += text_width("¥", px(42)) + px(4)
    whole, cents = _price_parts(price_fen)
    draw_text(d, (x, baseline), whole, size=px(88), fill=colour, anchor="ls", stroke_width=2)
    x += text_width(whole, px(88)) + px(4)
    if cents:
        draw_text(d, (x, baseline), cents, size=px(44), fill=colour, anchor="ls", stroke_width=1)
        x += text_width(cents, px(44))
    x += px(22)
    if tag_price_fen <= price_fen:
        return

    amount = price_label(tag_price_fen)
    tag = f"{tag_label} {amount}"
    tag_w = text_width(tag, px(28))
    if x + tag_w <= x_max:
        draw_text(d, (x, baseline), tag, size=px(28), fill=muted, anchor="ls")
        sy = baseline - px(10)
        d.line((x + tag_w - text_width(amount, px(28)) - 2, sy, x + tag_w + 2, sy), muted, 2)
        x += tag_w + px(16)
    off = discount_label(price_fen, tag_price_fen) if show_discount else None
    w = text_width(off, px(24)) + px(20) if off else 0
    if off and x + w <= x_max:
        d.rounded_rectangle(
            (x, baseline - px(34), x + w, baseline + px(2)), radius=px(8), outline=colour, width=2
        )
        draw_text(d, (x + w / 2, baseline - px(16)), off, size=px(24), fill=colour, anchor="mm")


def _price_parts(fen: int) -> tuple[str, str]:
    """ "¥129.90" -> ("129", ".90"); "¥129" -> ("129", "")."""
    whole, dot, part = price_label(fen).removeprefix("¥").partition(".")
    return whole, (dot + part) if dot else ""


# --- images ---------------------------------------------------------------------------------


def load_cover(path: str | None, size: tuple[int, int]) -> Image.Image | None:
    """The image at ``path`` cropped to fill ``size`` (centre crop), RGB; None if unreadable."""
    if not path:
        return None
    try:
        with Image.open(path) as im:
            if im.format == "JPEG":
                # Decode at 1/2, 1/4 or 1/8 scale when the photo is much larger than needed.
                im.draft("RGB", _draft_size(im.size, size))
            im.load()
            im = _upright(im)
            im = _flatten(im)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        log.warning("poster: cannot read image %s: %s", path, exc)
        return None
    return cover(im, size)


def cover(im: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Centre-crop ``im`` to the aspect of ``size`` and scale it there."""
    w, h = im.size
    tw, th = size
    scale = max(tw / w, th / h)
    cw, ch = tw / scale, th / scale
    # Clamped: float error must not put the box a hair outside the image.
    left, top = max(0.0, (w - cw) / 2), max(0.0, (h - ch) / 2)
    box = (left, top, min(float(w), left + cw), min(float(h), top + ch))
    if (w, h) == size:
        return im
    # BILINEAR in Pillow is area-aware when shrinking; reducing_gap first box-reduces
    # very large photos, which is both faster and still sharp at phone size.
    return im.resize(size, Image.Resampling.BILINEAR, box=box, reducing_gap=2.0)


def _draft_size(src: tuple[int, int], size: tuple[int, int]) -> tuple[int, int]:
    # draft keeps the decoded image at least this big, so ask for what cover() will need.
    scale = max(size[0] / src[0], size[1] / src[1])
    return (max(1, round(src[0] * scale)), max(1, round(src[1] * scale)))


def _upright(im: Image.Image) -> Image.Image:
    if im.getexif().get(0x0112, 1) != 1:  # only phone photos with a rotation tag pay for this
        return ImageOps.exif_transpose(im)
    return im


def _flatten(im: Image.Image) -> Image.Image:
    """Any mode to RGB; transparency goes onto white."""
    if im.mode == "RGB":
        return im
    if im.mode in ("RGBA", "LA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        base = Image.new("RGB", im.size, (255, 255, 255))
        base.paste(rgba, mask=rgba.getchannel("A"))
        return base
    return im.convert("RGB")


def placeholder(size: tuple[int, int], *, label: str, bg: RGB = (238, 238, 240)) -> Image.Image:
    """A calm 'no picture' panel: a drawn picture icon and a short label."""
    w, h = size
    im = Image.new("RGB", size, bg)
    d = ImageDraw.Draw(im)
    icon = min(w, h) // 4
    cx, cy = w // 2, h // 2 - icon // 4
    ink = tuple(max(0, c - 60) for c in bg)
    box = (cx - icon // 2, cy - icon * 3 // 8, cx + icon // 2, cy + icon * 3 // 8)
    d.rounded_rectangle(box, radius=icon // 10, outline=ink, width=max(2, icon // 24))
    d.polygon(
        [
            (box[0] + icon // 10, box[3] - icon // 10),
            (cx - icon // 12, cy - icon // 20),
            (cx + icon // 10, box[3] - icon // 10),
        ],
        fill=ink,
    )
    d.polygon(
        [
            (cx, box[3] - icon // 10),
            (cx + icon // 5, cy + icon // 16),
            (box[2] - icon // 10, box[3] - icon // 10),
        ],
        fill=ink,
    )
    r = icon // 14
    sx, sy = box[2] - icon // 4, box[1] + icon // 4
    d.ellipse((sx - r, sy - r, sx + r, sy + r), fill=ink)
    text_size = max(18, min(w, h) // 22)
    draw_text(d, (cx, box[3] + text_size), label, size=text_size, fill=ink, anchor="mt")
    return im


@lru_cache(maxsize=8)
def circle_mask(diameter: int) -> Image.Image:
    """An anti-aliased disc (drawn 4× and scaled down)."""
    big = Image.new("L", (diameter * 4, diameter * 4), 0)
    ImageDraw.Draw(big).ellipse((0, 0, diameter * 4 - 1, diameter * 4 - 1), fill=255)
    return big.resize((diameter, diameter), Image.Resampling.LANCZOS)


def initials(name: str) -> str:
    """The shop's mark: its first character; for Latin names the first letters of two words."""
    name = name.strip()
    if not name:
        return "?"
    if name[0].isascii():
        words = [w for w in name.split() if w[0].isalnum()]
        return "".join(w[0] for w in words[:2]).upper() or name[0]
    return name[0]


def avatar(path: str | None, name: str, diameter: int) -> tuple[Image.Image, Image.Image]:
    """(image, mask) of a round avatar: the photo, or her initials on a colour of her name."""
    photo = load_cover(path, (diameter, diameter)) if path else None
    if photo is None:
        colour = AVATAR_COLOURS[zlib.crc32(name.encode()) % len(AVATAR_COLOURS)]
        photo = Image.new("RGB", (diameter, diameter), colour)
        mark = initials(name)
        size = int(diameter * (0.46 if len(mark) == 1 else 0.38))
        draw_text(
            ImageDraw.Draw(photo),
            (diameter / 2, diameter / 2),
            mark,
            size=size,
            fill="white",
            anchor="mm",
        )
    return photo, circle_mask(diameter)


# --- QR codes -------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``data`` (error correction M, no quiet zone) as rows of dark/light."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(data)
    qr.make(fit=True)
    return tuple(tuple(row) for row in qr.get_matrix())


def qr_image(matrix: Sequence[Sequence[bool]], module_px: int, *, dark: RGB) -> Image.Image:
    """The matrix at ``module_px`` per module, on white, without quiet zone."""
    n = len(matrix)
    cells = bytes(0 if cell else 255 for row in matrix for cell in row)
    small = Image.frombytes("L", (n, n), cells)
    big = small.resize((n * module_px, n * module_px), Image.Resampling.NEAREST)
    out = Image.new("RGB", big.size, (255, 255, 255))
    out.paste(dark, mask=ImageOps.invert(big))
    return out


# --- encoding -------------------------------------------------------------------------------


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_bytes(im: Image.Image) -> bytes:
    """An RGB image as a PNG: rows unfiltered, deflate level 1.

    Measured on a 750×1334 poster: Pillow's encoder spends ~45 ms, most of it choosing a
    filter per row; unfiltered rows at level 1 take ~22 ms for a file of about the same size
    (the photo dominates, and flat areas deflate well without a filter). Any PNG reader
    decodes it; the tests check it round-trips pixel for pixel through Pillow.
    """
    if im.mode != "RGB":
        im = im.convert("RGB")
    width, height = im.size
    raw = im.tobytes()
    stride = width * 3
    rows = b"".join(b"\x00" + raw[i : i + stride] for i in range(0, len(raw), stride))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit truecolour
    return b"".join(
        (
            _PNG_SIGNATURE,
            _png_chunk(b"IHDR", header),
            _png_chunk(b"IDAT", zlib.compress(rows, 1)),
            _png_chunk(b"IEND", b""),
        )
    )


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(data, zlib.crc32(tag))
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)


def jpeg_bytes(im: Image.Image, *, quality: int = 88) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality, optimize=False, progressive=False, subsampling="4:2:0")
    return buf.getvalue()
