"""Copy text: what she pastes under a share."""

import dataclasses

import pytest

from kucun.resellers.pricing import PriceInput, resale_price
from kucun.resellers.sharing.copytext import (
    DEFAULT_TONE,
    TONES,
    CopyData,
    share_text,
    sizes_line,
)

LINK = "https://kucun.example.com/s/Ab3xK9q"


@pytest.fixture
def data():
    return CopyData(
        title="纯棉宽松短袖T恤",
        selling_points=["100%新疆长绒棉", "宽松不挑身材", "  "],
        sizes=[("S", 0), ("M", 2), ("L", 15), ("XL", 0)],
        price_fen=12990,
        tag_price_fen=29900,
        link_url=LINK,
        ends_at_text="12月5日 20:00 结束",
        shop_name="小美的衣橱",
    )


def listed_sizes(text: str) -> list[str]:
    """The size labels on the sizes line, without their stock notes."""
    line = next(line for line in text.splitlines() if "尺码" in line)
    labels = line.split("：", 1)[1].split(" / ")
    return [label.split("（")[0].strip() for label in labels]


def test_there_are_three_or_four_tones_with_chinese_names():
    assert 3 <= len(TONES) <= 4
    assert {t.name for t in TONES.values()} == {"亲切闺蜜", "简洁直给", "限时紧迫", "专业种草"}
    assert DEFAULT_TONE in TONES


@pytest.mark.parametrize("tone", sorted(TONES))
def test_every_tone_has_title_points_her_price_tag_price_link_and_end_time(data, tone):
    text = share_text(data, tone)
    assert "纯棉宽松短袖T恤" in text
    assert "100%新疆长绒棉" in text
    assert "宽松不挑身材" in text
    assert "¥129.90" in text
    assert "吊牌价¥299" in text
    assert LINK in text
    assert "12月5日 20:00 结束" in text


@pytest.mark.parametrize("tone", sorted(TONES))
def test_sold_out_sizes_are_left_out(data, tone):
    text = share_text(data, tone)
    assert listed_sizes(text) == ["M", "L"]
    assert "仅剩2件" in text  # a size nearly gone says so


@pytest.mark.parametrize("tone", sorted(TONES))
def test_when_every_size_is_gone_the_text_says_sold_out(data, tone):
    text = share_text(dataclasses.replace(data, sizes=[("S", 0), ("M", 0)]), tone)
    assert "全部尺码已售罄" in text
    assert "S /" not in text
    assert "立即抢" not in text
    assert "下单" not in text


@pytest.mark.parametrize("tone", sorted(TONES))
def test_a_one_size_product_has_no_sizes_line(data, tone):
    text = share_text(dataclasses.replace(data, sizes=[]), tone)
    assert "尺码" not in text


@pytest.mark.parametrize("tone", sorted(TONES))
def test_whole_yuan_prices_read_short_and_no_tag_price_when_not_below_it(data, tone):
    text = share_text(dataclasses.replace(data, price_fen=29900, tag_price_fen=29900), tone)
    assert "¥299" in text
    assert "¥299.00" not in text
    assert "吊牌价" not in text


def test_the_link_stands_on_its_own_so_wechat_can_tap_it(data):
    for tone in TONES:
        line = next(line for line in share_text(data, tone).splitlines() if LINK in line)
        assert line.endswith(LINK)


def test_no_blank_line_runs_and_text_ends_with_one_newline(data):
    for tone in TONES:
        text = share_text(dataclasses.replace(data, selling_points=[], ends_at_text=""), tone)
        assert "\n\n\n" not in text
        assert text.endswith("\n")
        assert not text.endswith("\n\n")


def test_the_shared_price_respects_the_brands_minimum(data):
    quote = resale_price(
        PriceInput(platform_price_fen=9900, tag_price_fen=29900, min_resale_price_fen=15900)
    )
    text = share_text(dataclasses.replace(data, price_fen=quote.price_fen))
    assert "¥159" in text
    assert "¥99" not in text


def test_unknown_tone_is_refused(data):
    with pytest.raises(ValueError, match="unknown tone"):
        share_text(data, "sarcastic")


@pytest.mark.parametrize(
    ("sizes", "line"),
    [
        ([], None),
        ([("S", 0)], "全部尺码已售罄"),
        ([("S", 1), ("M", 3), ("L", 4)], "S（仅剩1件） / M（仅剩3件） / L"),
        ([("均码", 10)], "均码"),
        ([("S", -2), (" ", 5), ("M", 5)], "M"),
    ],
)
def test_sizes_line(sizes, line):
    assert sizes_line(sizes) == line
