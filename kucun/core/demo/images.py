"""Demo pictures drawn with Pillow: product shots, campaign banners and brand logos.

No downloads: a gradient in the product's colour, a simple drawn silhouette of the kind of
goods, and the Chinese title in the CJK font the project installs from PyPI.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import lru_cache

from cvttf_NotoSansCJK_Regular import get_TTF_path
from PIL import Image, ImageDraw, ImageFont

RGB = tuple[int, int, int]
Box = tuple[float, float, float, float]

PRODUCT_SIZE = 800
BANNER_SIZE = (1000, 400)
LOGO_SIZE = 240
JPEG_QUALITY = 85


@lru_cache(maxsize=16)
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(get_TTF_path(), size)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """``a`` moved a fraction ``t`` of the way to ``b``."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def luminance(c: RGB) -> float:
    return (0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]) / 255


WHITE: RGB = (255, 255, 255)
INK: RGB = (40, 40, 44)


@lru_cache(maxsize=8)
def _gradient_mask(size: tuple[int, int], diagonal: bool) -> Image.Image:
    # Resizing is the slow part of a gradient, so each shape of mask is made once.
    mask = Image.linear_gradient("L")
    if diagonal:
        mask = mask.rotate(45, expand=True).crop((90, 90, 272, 272))
    return mask.resize(size)


def _gradient(
    size: tuple[int, int], top: RGB, bottom: RGB, *, diagonal: bool = False
) -> Image.Image:
    mask = _gradient_mask(size, diagonal)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _to_jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False, progressive=False)
    return out.getvalue()


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, fnt: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    """Chinese wraps between any two characters; at most two lines, the second cut with …."""
    lines: list[str] = []
    line = ""
    for char in text:
        if draw.textlength(line + char, font=fnt) <= width:
            line += char
            continue
        lines.append(line)
        line = char
    lines.append(line)
    if len(lines) > 2:
        second = lines[1]
        while second and draw.textlength(second + "…", font=fnt) > width:
            second = second[:-1]
        lines = [lines[0], second + "…"]
    return lines


# Silhouettes, drawn in a box. Coordinates are fractions of the box.


def _pts(box: Box, points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    x0, y0, x1, y1 = box
    return [(x0 + (x1 - x0) * x, y0 + (y1 - y0) * y) for x, y in points]


def _rect(box: Box, x0: float, y0: float, x1: float, y1: float) -> list[float]:
    bx0, by0, bx1, by1 = box
    w, h = bx1 - bx0, by1 - by0
    return [bx0 + w * x0, by0 + h * y0, bx0 + w * x1, by0 + h * y1]


def _lines(d: ImageDraw.ImageDraw, box: Box, segments, fill: RGB, width: int = 4) -> None:
    for seg in segments:
        d.line(_pts(box, seg), fill=fill, width=width)


def _dress(d, box, fill, line):
    d.polygon(
        _pts(
            box,
            [(0.38, 0.06), (0.62, 0.06), (0.65, 0.36), (0.88, 0.95), (0.12, 0.95), (0.35, 0.36)],
        ),
        fill=fill,
        outline=line,
        width=4,
    )
    _lines(
        d,
        box,
        [[(0.38, 0.06), (0.40, 0.0)], [(0.62, 0.06), (0.60, 0.0)], [(0.35, 0.36), (0.65, 0.36)]],
        line,
    )


_TEE = [
    (0.30, 0.08),
    (0.42, 0.04),
    (0.50, 0.12),
    (0.58, 0.04),
    (0.70, 0.08),
    (0.94, 0.30),
    (0.82, 0.44),
    (0.72, 0.36),
    (0.72, 0.96),
    (0.28, 0.96),
    (0.28, 0.36),
    (0.18, 0.44),
    (0.06, 0.30),
]
_LONG = [
    (0.30, 0.08),
    (0.42, 0.04),
    (0.50, 0.12),
    (0.58, 0.04),
    (0.70, 0.08),
    (0.86, 0.30),
    (0.96, 0.90),
    (0.84, 0.92),
    (0.72, 0.42),
    (0.72, 0.96),
    (0.28, 0.96),
    (0.28, 0.42),
    (0.16, 0.92),
    (0.04, 0.90),
    (0.14, 0.30),
]


def _tshirt(d, box, fill, line):
    d.polygon(_pts(box, _TEE), fill=fill, outline=line, width=4)


def _shirt(d, box, fill, line):
    d.polygon(_pts(box, _LONG), fill=fill, outline=line, width=4)
    d.polygon(
        _pts(box, [(0.42, 0.04), (0.50, 0.16), (0.40, 0.20)]),
        fill=mix(fill, WHITE, 0.3),
        outline=line,
    )
    d.polygon(
        _pts(box, [(0.58, 0.04), (0.50, 0.16), (0.60, 0.20)]),
        fill=mix(fill, WHITE, 0.3),
        outline=line,
    )
    for i in range(5):
        x, y = _pts(box, [(0.5, 0.26 + i * 0.14)])[0]
        d.ellipse((x - 6, y - 6, x + 6, y + 6), fill=line)


def _knit(d, box, fill, line):
    d.polygon(_pts(box, _LONG), fill=fill, outline=line, width=4)
    _lines(
        d, box, [[(0.28 + i * 0.055, 0.88), (0.28 + i * 0.055, 0.96)] for i in range(9)], line, 3
    )
    _lines(
        d,
        box,
        [[(0.40, 0.30 + i * 0.1), (0.60, 0.30 + i * 0.1)] for i in range(5)],
        mix(fill, line, 0.4),
        3,
    )


def _jacket(d, box, fill, line):
    d.polygon(_pts(box, _LONG), fill=fill, outline=line, width=4)
    _lines(d, box, [[(0.5, 0.12), (0.5, 0.96)]], line, 5)
    d.rectangle(_rect(box, 0.33, 0.62, 0.45, 0.70), outline=line, width=3)
    d.rectangle(_rect(box, 0.55, 0.62, 0.67, 0.70), outline=line, width=3)


def _pants(d, box, fill, line):
    d.polygon(
        _pts(
            box,
            [
                (0.28, 0.04),
                (0.72, 0.04),
                (0.80, 0.96),
                (0.56, 0.96),
                (0.50, 0.34),
                (0.44, 0.96),
                (0.20, 0.96),
            ],
        ),
        fill=fill,
        outline=line,
        width=4,
    )
    _lines(d, box, [[(0.28, 0.12), (0.72, 0.12)]], line)


def _skirt(d, box, fill, line):
    d.polygon(
        _pts(box, [(0.32, 0.12), (0.68, 0.12), (0.88, 0.86), (0.12, 0.86)]),
        fill=fill,
        outline=line,
        width=4,
    )
    _lines(
        d,
        box,
        [[(0.42 + i * 0.04, 0.2), (0.3 + i * 0.1, 0.86)] for i in range(5)],
        mix(fill, line, 0.5),
        3,
    )
    d.rectangle(_rect(box, 0.32, 0.08, 0.68, 0.16), fill=mix(fill, line, 0.3))


def _shoe(d, box, fill, line):
    d.polygon(
        _pts(
            box,
            [
                (0.06, 0.58),
                (0.08, 0.36),
                (0.30, 0.30),
                (0.52, 0.46),
                (0.84, 0.54),
                (0.94, 0.66),
                (0.94, 0.72),
                (0.06, 0.72),
            ],
        ),
        fill=fill,
        outline=line,
        width=4,
    )
    d.rounded_rectangle(
        _rect(box, 0.04, 0.70, 0.96, 0.80),
        radius=16,
        fill=mix(fill, WHITE, 0.7) if luminance(fill) < 0.8 else (210, 210, 210),
        outline=line,
        width=3,
    )
    _lines(
        d,
        box,
        [
            [(0.30 + i * 0.05, 0.36 + i * 0.03), (0.38 + i * 0.05, 0.32 + i * 0.03)]
            for i in range(4)
        ],
        line,
        4,
    )


def _flat(d, box, fill, line):
    d.polygon(
        _pts(
            box,
            [
                (0.06, 0.62),
                (0.12, 0.50),
                (0.40, 0.56),
                (0.70, 0.52),
                (0.92, 0.60),
                (0.94, 0.70),
                (0.06, 0.70),
            ],
        ),
        fill=fill,
        outline=line,
        width=4,
    )
    d.rounded_rectangle(_rect(box, 0.05, 0.68, 0.95, 0.74), radius=8, fill=mix(fill, INK, 0.4))
    _lines(d, box, [[(0.40, 0.56), (0.52, 0.46), (0.64, 0.53)]], line, 5)


def _bottle(d, box, fill, line):
    d.rounded_rectangle(
        _rect(box, 0.30, 0.30, 0.70, 0.96), radius=40, fill=fill, outline=line, width=4
    )
    d.rounded_rectangle(
        _rect(box, 0.40, 0.06, 0.60, 0.31),
        radius=10,
        fill=mix(fill, INK, 0.35),
        outline=line,
        width=3,
    )
    d.rectangle(_rect(box, 0.34, 0.52, 0.66, 0.74), fill=mix(fill, WHITE, 0.75))


def _jar(d, box, fill, line):
    d.rounded_rectangle(
        _rect(box, 0.18, 0.42, 0.82, 0.92), radius=36, fill=fill, outline=line, width=4
    )
    d.rounded_rectangle(
        _rect(box, 0.16, 0.30, 0.84, 0.44),
        radius=14,
        fill=mix(fill, INK, 0.35),
        outline=line,
        width=3,
    )
    d.rectangle(_rect(box, 0.26, 0.56, 0.74, 0.76), fill=mix(fill, WHITE, 0.75))


def _lipstick(d, box, fill, line):
    d.rounded_rectangle(
        _rect(box, 0.36, 0.52, 0.64, 0.96), radius=10, fill=(40, 36, 40), outline=line, width=3
    )
    d.rectangle(_rect(box, 0.39, 0.38, 0.61, 0.53), fill=(212, 180, 120), outline=line, width=3)
    d.polygon(
        _pts(box, [(0.41, 0.38), (0.41, 0.16), (0.59, 0.06), (0.59, 0.38)]),
        fill=fill,
        outline=line,
        width=3,
    )


def _palette(d, box, fill, line):
    d.rounded_rectangle(
        _rect(box, 0.08, 0.20, 0.92, 0.84), radius=28, fill=(44, 40, 44), outline=line, width=4
    )
    for row in range(3):
        for col in range(3):
            shade = mix(fill, WHITE if (row + col) % 2 else INK, 0.12 * (row + col))
            d.ellipse(
                _rect(
                    box, 0.16 + col * 0.25, 0.26 + row * 0.19, 0.34 + col * 0.25, 0.42 + row * 0.19
                ),
                fill=shade,
            )


def _pouch(d, box, fill, line):
    top = [(0.16 + i * 0.0425, 0.10 if i % 2 == 0 else 0.06) for i in range(17)]
    d.polygon(_pts(box, [*top, (0.86, 0.94), (0.14, 0.94)]), fill=fill, outline=line, width=4)
    d.ellipse(_rect(box, 0.30, 0.38, 0.70, 0.76), fill=mix(fill, WHITE, 0.7), outline=line, width=3)


def _tea(d, box, fill, line):
    d.rounded_rectangle(
        _rect(box, 0.26, 0.20, 0.74, 0.94), radius=20, fill=fill, outline=line, width=4
    )
    d.rounded_rectangle(
        _rect(box, 0.24, 0.10, 0.76, 0.22),
        radius=10,
        fill=mix(fill, INK, 0.35),
        outline=line,
        width=3,
    )
    d.ellipse(_rect(box, 0.38, 0.42, 0.62, 0.72), fill=(88, 140, 70))
    _lines(d, box, [[(0.40, 0.70), (0.60, 0.44)]], (230, 240, 210), 4)


def _sack(d, box, fill, line):
    d.polygon(
        _pts(box, [(0.24, 0.10), (0.76, 0.10), (0.84, 0.94), (0.16, 0.94)]),
        fill=fill,
        outline=line,
        width=4,
    )
    _lines(d, box, [[(0.24, 0.18), (0.76, 0.18)]], line, 5)
    d.rectangle(_rect(box, 0.30, 0.40, 0.70, 0.70), fill=mix(fill, WHITE, 0.75))


def _oil(d, box, fill, line):
    d.rounded_rectangle(
        _rect(box, 0.26, 0.30, 0.74, 0.96), radius=30, fill=fill, outline=line, width=4
    )
    d.polygon(
        _pts(box, [(0.42, 0.12), (0.58, 0.12), (0.66, 0.30), (0.34, 0.30)]),
        fill=fill,
        outline=line,
        width=4,
    )
    d.rectangle(_rect(box, 0.42, 0.04, 0.58, 0.12), fill=mix(fill, INK, 0.4))
    d.rectangle(_rect(box, 0.32, 0.50, 0.68, 0.74), fill=mix(fill, WHITE, 0.75))


def _bedding(d, box, fill, line):
    for i, (y0, y1) in enumerate(((0.58, 0.94), (0.34, 0.60), (0.12, 0.36))):
        d.rounded_rectangle(
            _rect(box, 0.08 + i * 0.03, y0, 0.92 - i * 0.03, y1),
            radius=24,
            fill=mix(fill, WHITE, 0.15 * i),
            outline=line,
            width=4,
        )


def _box(d, box, fill, line):
    d.rectangle(_rect(box, 0.12, 0.34, 0.88, 0.92), fill=fill, outline=line, width=4)
    d.rectangle(_rect(box, 0.08, 0.22, 0.92, 0.36), fill=mix(fill, INK, 0.2), outline=line, width=4)
    d.rounded_rectangle(_rect(box, 0.40, 0.50, 0.60, 0.58), radius=10, fill=mix(fill, INK, 0.45))


def _pot(d, box, fill, line):
    d.rounded_rectangle(
        _rect(box, 0.16, 0.40, 0.72, 0.80), radius=40, fill=fill, outline=line, width=4
    )
    d.rounded_rectangle(
        _rect(box, 0.70, 0.50, 0.98, 0.58), radius=10, fill=(60, 48, 40), outline=line, width=3
    )
    d.ellipse(_rect(box, 0.14, 0.32, 0.74, 0.48), fill=mix(fill, WHITE, 0.3), outline=line, width=4)


SHAPES: dict[str, Callable] = {
    "dress": _dress,
    "tshirt": _tshirt,
    "shirt": _shirt,
    "knit": _knit,
    "jacket": _jacket,
    "pants": _pants,
    "skirt": _skirt,
    "shoe": _shoe,
    "flat": _flat,
    "bottle": _bottle,
    "jar": _jar,
    "lipstick": _lipstick,
    "palette": _palette,
    "pouch": _pouch,
    "tea": _tea,
    "sack": _sack,
    "oil": _oil,
    "bedding": _bedding,
    "box": _box,
    "pot": _pot,
}


def product_image(
    *, title: str, brand: str, caption: str, colour: RGB, shape: str, variant: int = 0
) -> bytes:
    """An 800×800 JPEG: gradient in ``colour``, the silhouette, the brand and the title."""
    size = PRODUCT_SIZE
    light = luminance(colour) > 0.82
    top = mix(colour, WHITE, 0.88 if variant == 0 else 0.7)
    bottom = mix(colour, WHITE, 0.55) if not light else mix(colour, (180, 180, 180), 0.4)
    image = _gradient((size, size), top, bottom, diagonal=variant % 2 == 1)
    d = ImageDraw.Draw(image)
    line = mix(colour, INK, 0.55) if not light else (120, 120, 120)
    # A soft disc behind the goods, like a studio sweep.
    d.ellipse((150, 120, 650, 620), fill=mix(top, WHITE, 0.5))
    box: Box = (190, 130, 610, 560) if variant != 2 else (230, 170, 570, 520)
    SHAPES.get(shape, _box)(d, box, colour, line)

    brand_font = font(28)
    pill_w = d.textlength(brand, font=brand_font) + 36
    d.rounded_rectangle((32, 32, 32 + pill_w, 82), radius=25, fill=INK)
    d.text((50, 57), brand, font=brand_font, fill=WHITE, anchor="lm")
    if caption:
        cap_font = font(26)
        cap_w = d.textlength(caption, font=cap_font) + 36
        d.rounded_rectangle(
            (size - 32 - cap_w, 32, size - 32, 82), radius=25, fill=WHITE, outline=line, width=2
        )
        d.text((size - 32 - cap_w / 2, 57), caption, font=cap_font, fill=INK, anchor="mm")

    d.rectangle((0, 610, size, size), fill=WHITE)
    title_font = font(44)
    y = 640
    for text in _wrap(d, title, title_font, size - 80):
        d.text((40, y), text, font=title_font, fill=INK)
        y += 62
    d.rectangle((40, size - 24, 160, size - 18), fill=colour if not light else line)
    return _to_jpeg(image)


def campaign_banner(*, title: str, brand: str, subtitle: str, colour: RGB) -> bytes:
    """A 1000×400 JPEG banner: the brand colour, the campaign title and a subtitle line."""
    w, h = BANNER_SIZE
    image = _gradient((w, h), mix(colour, INK, 0.15), mix(colour, WHITE, 0.35), diagonal=True)
    d = ImageDraw.Draw(image)
    for i, (cx, cy, r) in enumerate(((860, 70, 150), (960, 330, 110), (700, 380, 70))):
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=mix(colour, WHITE, 0.25 + i * 0.15))
    d.text((60, 60), brand, font=font(34), fill=WHITE)
    title_font = font(64)
    lines = _wrap(d, title, title_font, 820)
    y = 130 if len(lines) == 1 else 110
    for text in lines:
        d.text((60, y), text, font=title_font, fill=WHITE)
        y += 84
    d.rounded_rectangle(
        (60, 300, 60 + d.textlength(subtitle, font=font(28)) + 40, 350), radius=25, fill=WHITE
    )
    d.text((80, 325), subtitle, font=font(28), fill=mix(colour, INK, 0.4), anchor="lm")
    return _to_jpeg(image)


def brand_logo(*, name: str, colour: RGB) -> bytes:
    """A 240×240 PNG: the brand's first character on a disc of its colour."""
    image = Image.new("RGB", (LOGO_SIZE, LOGO_SIZE), WHITE)
    d = ImageDraw.Draw(image)
    d.ellipse((8, 8, LOGO_SIZE - 8, LOGO_SIZE - 8), fill=colour)
    d.text((LOGO_SIZE / 2, LOGO_SIZE / 2 - 6), name[0], font=font(120), fill=WHITE, anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
