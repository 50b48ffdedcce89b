"""The 9-image set for a moments post."""

import io

import pytest
from PIL import Image, ImageChops

from kucun.resellers.sharing.nineset import render_nine_set


@pytest.fixture
def photos(tmp_path):
    paths = []
    for i in range(12):
        path = tmp_path / f"p{i}.jpg"
        Image.new("RGB", (900 + 40 * i, 1200), (20 * i, 100, 255 - 20 * i)).save(path)
        paths.append(str(path))
    return paths


def nine(paths, **kw):
    args = {"title": "真丝衬衫", "price_fen": 25900, "tag_price_fen": 89900, "shop_name": "小美"}
    return render_nine_set(image_paths=paths, **(args | kw))


def decode(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


@pytest.mark.parametrize(("given", "expected"), [(1, 1), (3, 3), (9, 9), (12, 9)])
def test_one_square_image_per_photo_up_to_nine(photos, given, expected):
    images = [decode(b) for b in nine(photos[:given])]
    assert len(images) == expected
    assert all(im.size == (1080, 1080) for im in images)
    assert all(im.format == "JPEG" for im in images)


def test_unreadable_photos_are_skipped_not_padded(photos, tmp_path):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not an image")
    images = nine([photos[0], str(broken), str(tmp_path / "missing.jpg"), photos[1]])
    assert len(images) == 2


def test_without_any_photo_there_is_one_price_card(tmp_path):
    images = nine([str(tmp_path / "missing.jpg")])
    assert len(images) == 1
    assert decode(images[0]).size == (1080, 1080)


def test_only_the_first_image_carries_the_price_band(photos):
    first, second = (decode(b).convert("RGB") for b in nine([photos[0], photos[0]]))
    top = (0, 200, 1080, 700)
    band = (0, 860, 1080, 1080)
    diff_top = ImageChops.difference(first.crop(top), second.crop(top)).getbbox()
    diff_band = ImageChops.difference(first.crop(band), second.crop(band)).getbbox()
    assert diff_top is None  # same photo, same pixels above the band
    assert diff_band is not None
    # the band is light and holds the red price
    red = sum(
        n
        for n, (r, g, b) in first.crop(band).getcolors(1080 * 220)
        if r > 200 and g < 100 and b < 90
    )
    assert red > 3000


def test_first_image_band_changes_with_the_price(photos):
    a = decode(nine(photos[:1])[0]).convert("RGB")
    b = decode(nine(photos[:1], price_fen=19900)[0]).convert("RGB")
    assert ImageChops.difference(
        a.crop((0, 860, 1080, 1080)), b.crop((0, 860, 1080, 1080))
    ).getbbox()
