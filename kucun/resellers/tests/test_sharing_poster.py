"""The share poster: a phone-sized PNG with her price, her shop and the QR code of her link."""

import dataclasses
import io
import random

import pytest
import qrcode
from PIL import Image, ImageDraw, ImageFont, features

from kucun.resellers.sharing import drawing
from kucun.resellers.sharing.poster import (
    HEIGHT,
    QUIET_ZONE,
    TEMPLATES,
    WIDTH,
    PosterData,
    qr_placement,
    render_poster,
)

LINK = "https://kucun.example.com/s/Ab3xK9q"


@pytest.fixture
def product_jpg(tmp_path):
    im = Image.new("RGB", (1200, 1200), (230, 222, 210))
    ImageDraw.Draw(im).rectangle((300, 250, 900, 1000), fill=(40, 90, 170))
    path = tmp_path / "product.jpg"
    im.save(path, quality=90)
    return str(path)


@pytest.fixture
def avatar_png(tmp_path):
    path = tmp_path / "avatar.png"
    Image.new("RGB", (300, 300), (30, 160, 60)).save(path)
    return str(path)


@pytest.fixture
def data(product_jpg, avatar_png):
    return PosterData(
        title="夏季新款纯棉宽松短袖T恤女 ins潮流百搭上衣",
        price_fen=12990,
        tag_price_fen=29900,
        shop_name="小美的衣橱",
        shop_avatar_path=avatar_png,
        product_image_path=product_jpg,
        link_url=LINK,
        ends_at_text="12月5日 20:00 结束",
        stock_band="仅剩少量",
    )


def decode(png: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(png))
    assert im.format == "PNG"
    im.load()
    return im.convert("RGB")


def library_qr(link: str) -> list[list[bool]]:
    """The QR code qrcode itself makes for ``link`` (what a phone scans)."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(link)
    qr.make(fit=True)
    return qr.get_matrix()


def read_qr_modules(im: Image.Image, data: PosterData) -> list[list[bool]]:
    """Sample the centre of every module where the poster says its QR code is."""
    where = qr_placement(data)
    grey = im.convert("L")
    half = where.module_px // 2
    return [
        [
            grey.getpixel(
                (where.left + c * where.module_px + half, where.top + r * where.module_px + half)
            )
            < 128
            for c in range(where.modules)
        ]
        for r in range(where.modules)
    ]


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_poster_is_a_phone_sized_png_that_decodes(data, template):
    im = decode(render_poster(dataclasses.replace(data, template=template)))
    assert im.size == (WIDTH, HEIGHT) == (750, 1334)


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_qr_code_on_the_poster_is_the_one_qrcode_makes_for_her_link(data, template):
    # No QR decoder is installed, so this checks every module of the drawn code against the
    # matrix the qrcode library encodes for the link, plus the white quiet zone around it.
    data = dataclasses.replace(data, template=template)
    im = decode(render_poster(data))
    expected = library_qr(LINK)
    assert read_qr_modules(im, data) == expected

    where = qr_placement(data)
    grey = im.convert("L")
    q = QUIET_ZONE * where.module_px
    side = where.modules * where.module_px
    mid = q // 2  # halfway into the quiet zone, all the way round
    lo, hi = where.left - mid, where.left + side + mid
    top, bottom = where.top - mid, where.top + side + mid
    ring = [(x, y) for x in range(lo, hi + 1) for y in (top, bottom)]
    ring += [(x, y) for y in range(top, bottom + 1) for x in (lo, hi)]
    assert all(grey.getpixel(p) > 200 for p in ring)


def test_a_different_link_draws_a_different_qr_code(data):
    other = dataclasses.replace(data, link_url="https://kucun.example.com/s/Zz9")
    modules = read_qr_modules(decode(render_poster(other)), other)
    assert modules == library_qr(other.link_url)
    assert modules != library_qr(LINK)[: len(modules)]


def test_qr_modules_are_big_enough_to_scan_from_a_phone_screen(data):
    long_link = dataclasses.replace(data, link_url=LINK + "?c=moments&ref=" + "x" * 60)
    assert qr_placement(data).module_px >= 4
    assert qr_placement(long_link).module_px >= 3


def test_price_is_drawn_big_and_red_below_the_photo(data):
    im = decode(render_poster(data))
    band = im.crop((0, 750, WIDTH, 1070))
    colours = band.getcolors(maxcolors=WIDTH * 320)
    red = sum(n for n, (r, g, b) in colours if r > 200 and g < 90 and b < 80)
    assert red > 2500  # the digits of ¥129.90 at 88 px, not a stray pixel


def test_changing_the_price_changes_only_the_offer_not_the_photo(data):
    a = decode(render_poster(data))
    b = decode(render_poster(dataclasses.replace(data, price_fen=9900)))
    photo = (0, 0, WIDTH, 750)
    assert a.crop(photo).tobytes() == b.crop(photo).tobytes()
    assert a.tobytes() != b.tobytes()


def test_missing_product_image_draws_a_placeholder_instead_of_failing(data, tmp_path):
    im = decode(
        render_poster(dataclasses.replace(data, product_image_path=str(tmp_path / "gone.jpg")))
    )
    assert im.getpixel((5, 5)) == (238, 238, 240)
    im = decode(render_poster(dataclasses.replace(data, product_image_path=None)))
    assert im.getpixel((5, 5)) == (238, 238, 240)


def test_a_file_that_is_not_an_image_draws_a_placeholder(data, tmp_path):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"this is not a jpeg")
    im = decode(render_poster(dataclasses.replace(data, product_image_path=str(bad))))
    assert im.getpixel((5, 5)) == (238, 238, 240)


def test_product_photo_fills_the_top_of_the_classic_poster(data):
    im = decode(render_poster(data))
    r, g, b = im.getpixel((375, 375))  # the blue block in the middle of the photo
    assert b > 140
    assert r < 80


def test_without_an_avatar_her_initial_sits_on_a_colour_of_her_name(data):
    no_avatar = dataclasses.replace(data, shop_avatar_path=None)
    im = decode(render_poster(no_avatar))
    photo, _ = drawing.avatar(None, no_avatar.shop_name, 96)
    assert photo.getpixel((48, 8)) in drawing.AVATAR_COLOURS
    with_avatar = decode(render_poster(data))
    assert im.tobytes() != with_avatar.tobytes()


@pytest.mark.parametrize(
    ("name", "mark"), [("小美的衣橱", "小"), ("Mei's Closet", "MC"), ("mei", "M"), ("  ", "?")]
)
def test_initials_are_her_first_character_or_two_latin_letters(name, mark):
    assert drawing.initials(name) == mark


def test_a_long_title_is_cut_to_two_lines_with_an_ellipsis():
    title = "夏季新款纯棉宽松短袖T恤女 ins潮流百搭上衣 oversize 显瘦 " * 3
    lines = drawing.wrap(title, size=34, width=670, max_lines=2)
    assert len(lines) == 2
    assert lines[1].endswith("…")
    assert all(drawing.text_width(line, 34) <= 670 for line in lines)


def test_a_short_title_stays_whole_and_latin_words_are_not_split():
    assert drawing.wrap("短标题", size=34, width=670, max_lines=2) == ["短标题"]
    lines = drawing.wrap(
        "Relaxed cotton tee oversize summer collection", size=34, width=300, max_lines=3
    )
    words = " ".join(lines).split()
    assert words == "Relaxed cotton tee oversize summer collection".split()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"template": "neon"}, "template"),
        ({"lang": "fr"}, "language"),
        ({"link_url": "  "}, "link"),
        ({"price_fen": -1}, "price_fen"),
        ({"tag_price_fen": 1.5}, "tag_price_fen"),
    ],
)
def test_poster_data_that_cannot_be_drawn_is_refused(data, change, reason):
    with pytest.raises(ValueError, match=reason):
        dataclasses.replace(data, **change)


def test_english_poster_draws_too(data):
    im = decode(render_poster(dataclasses.replace(data, lang="en", stock_band="Few left")))
    assert im.size == (WIDTH, HEIGHT)


def test_fonts_are_loaded_once_per_size():
    assert drawing.font(34) is drawing.font(34)
    assert drawing.font(34) is not drawing.font(35)


def test_png_encoder_round_trips_every_pixel():
    rng = random.Random(7)
    im = Image.new("RGB", (97, 41))
    im.putdata(
        [(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(97 * 41)]
    )
    assert decode(drawing.png_bytes(im)).tobytes() == im.tobytes()


def test_rotated_phone_photos_are_drawn_upright(tmp_path):
    # A landscape sensor image with EXIF "rotate 90° CW": red on the left becomes red on top.
    im = Image.new("RGB", (400, 200), (0, 0, 255))
    ImageDraw.Draw(im).rectangle((0, 0, 199, 199), fill=(255, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "rotated.jpg"
    im.save(path, exif=exif)
    upright = drawing.load_cover(str(path), (200, 400))
    assert upright.size == (200, 400)
    top, bottom = upright.getpixel((100, 50)), upright.getpixel((100, 350))
    assert top[0] > 200
    assert top[2] < 60
    assert bottom[2] > 200
    assert bottom[0] < 60


def test_transparent_product_images_sit_on_white(tmp_path):
    path = tmp_path / "cutout.png"
    Image.new("RGBA", (300, 300), (255, 0, 0, 0)).save(path)
    assert drawing.load_cover(str(path), (100, 100)).getpixel((50, 50)) == (255, 255, 255)


def test_any_photo_shape_is_cropped_to_exactly_the_box():
    rng = random.Random(11)
    for _ in range(60):
        src = Image.new("RGB", (rng.randint(1, 2500), rng.randint(1, 2500)))
        size = (rng.randint(1, 1100), rng.randint(1, 1100))
        assert drawing.cover(src, size).size == size


def test_the_cut_line_keeps_the_space_between_words():
    lines = drawing.wrap(
        "Nike 耐克官方 AIR FORCE 1 空军一号男子运动鞋板鞋经典百搭小白鞋 CW2288-111 超长的标题",
        size=34,
        width=586,
        max_lines=2,
    )
    assert len(lines) == 2
    assert "小白鞋 CW" in lines[1]
    assert lines[1].endswith("…")


@pytest.mark.skipif(not features.check_feature("raqm"), reason="Pillow without Raqm: TC shapes")
def test_chinese_is_drawn_with_mainland_glyph_shapes_not_the_fonts_taiwanese_default():
    def drawn(draw) -> bytes:
        im = Image.new("L", (300, 90), 255)
        draw(ImageDraw.Draw(im))
        return im.tobytes()

    mainland = drawn(lambda d: drawing.draw_text(d, (5, 5), "说今骨", size=60, fill=0))
    default = drawn(lambda d: d.text((5, 5), "说今骨", font=drawing.font(60), fill=0))
    asked_sc = drawn(
        lambda d: d.text(
            (5, 5),
            "说今骨",
            font=ImageFont.truetype(drawing.font_path(), 60, layout_engine=ImageFont.Layout.RAQM),
            fill=0,
            language="zh-Hans",
        )
    )
    assert mainland == asked_sc
    assert mainland != default
