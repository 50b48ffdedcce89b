"""Posters come from the cache until something on them changes."""

import dataclasses
import io
import os

import pytest
from django.core.cache import cache
from PIL import Image

from kucun.resellers.sharing import poster
from kucun.resellers.sharing.cache import poster_cache_key, poster_png


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def renders(monkeypatch):
    """Counts real renders (the renderer still runs: this only watches it)."""
    calls = []
    real = poster.render_poster

    def watched(data):
        calls.append(data)
        return real(data)

    monkeypatch.setattr(poster, "render_poster", watched)
    return calls


@pytest.fixture
def product_jpg(tmp_path):
    path = tmp_path / "product.jpg"
    Image.new("RGB", (800, 800), (200, 120, 90)).save(path)
    return str(path)


@pytest.fixture
def data(product_jpg):
    return poster.PosterData(
        title="羊毛混纺针织开衫",
        price_fen=19900,
        tag_price_fen=59900,
        shop_name="阿May的小店",
        shop_avatar_path=None,
        product_image_path=product_jpg,
        link_url="https://kucun.example.com/s/k2",
        ends_at_text="12月6日 10:00 结束",
        stock_band="库存充足",
    )


def test_second_request_gets_the_same_bytes_without_drawing_again(data, renders):
    first = poster_png(data)
    second = poster_png(dataclasses.replace(data))  # an equal, separately built value
    assert second == first
    assert len(renders) == 1
    assert Image.open(io.BytesIO(second)).size == (750, 1334)


@pytest.mark.parametrize(
    "change",
    [
        {"price_fen": 18900},
        {"tag_price_fen": 49900},
        {"stock_band": "仅剩少量"},
        {"template": "festive"},
        {"title": "羊毛混纺针织开衫 秋冬款"},
        {"link_url": "https://kucun.example.com/s/k3"},
        {"ends_at_text": "12月7日 10:00 结束"},
        {"shop_name": "阿May的新店"},
        {"lang": "en"},
    ],
)
def test_poster_is_drawn_again_when_what_it_shows_changes(data, renders, change):
    before = poster_png(data)
    after = poster_png(dataclasses.replace(data, **change))
    assert len(renders) == 2
    assert after != before
    assert poster_png(dataclasses.replace(data, **change)) == after
    assert len(renders) == 2


def test_a_replaced_product_image_is_a_new_poster(data, renders, product_jpg):
    before = poster_png(data)
    Image.new("RGB", (800, 800), (20, 120, 200)).save(product_jpg)
    st = os.stat(product_jpg)
    os.utime(product_jpg, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    after = poster_png(data)
    assert len(renders) == 2
    assert after != before


def test_an_avatar_added_later_is_a_new_poster(data, renders, tmp_path):
    before = poster_png(data)
    avatar = tmp_path / "me.png"
    Image.new("RGB", (200, 200), (0, 200, 0)).save(avatar)
    after = poster_png(dataclasses.replace(data, shop_avatar_path=str(avatar)))
    assert len(renders) == 2
    assert after != before


def test_bumping_the_template_version_invalidates_every_poster(data, monkeypatch):
    key = poster_cache_key(data)
    monkeypatch.setattr(poster, "TEMPLATE_VERSION", poster.TEMPLATE_VERSION + 1)
    assert poster_cache_key(data) != key


def test_key_is_the_same_for_equal_data_and_differs_for_any_change(data):
    assert poster_cache_key(data) == poster_cache_key(dataclasses.replace(data))
    assert poster_cache_key(data) != poster_cache_key(dataclasses.replace(data, price_fen=1))
