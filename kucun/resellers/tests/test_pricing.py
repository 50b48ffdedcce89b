"""The reseller price function: markups, rounding, bounds — exhaustively, no database."""

import random

import pytest

from kucun.resellers.pricing import (
    MAX_AMOUNT_FEN,
    MAX_PERCENT_BP,
    PRESETS,
    Markup,
    MarkupKind,
    PriceInput,
    PriceQuote,
    PricingError,
    Rounding,
    discount_label,
    markup_fen,
    price_label,
    resale_price,
    round_down,
    round_up,
    validate_markup,
)

PCT = MarkupKind.PERCENT
AMT = MarkupKind.AMOUNT


def pct(bp: int) -> Markup:
    return Markup(PCT, bp)


def amt(fen: int) -> Markup:
    return Markup(AMT, fen)


# --- presets and labels ---------------------------------------------------------------------


def test_presets_are_the_four_a_reseller_expects():
    assert [p.label for p in PRESETS] == ["+¥5", "+¥10", "+10%", "+20%"]
    assert [p.markup for p in PRESETS] == [amt(500), amt(1000), pct(1000), pct(2000)]
    assert len({p.key for p in PRESETS}) == 4
    for preset in PRESETS:
        validate_markup(preset.markup)


@pytest.mark.parametrize(
    ("markup", "label"),
    [
        (amt(500), "+¥5"),
        (amt(550), "+¥5.50"),
        (amt(1), "+¥0.01"),
        (amt(0), "+¥0"),
        (pct(1000), "+10%"),
        (pct(1250), "+12.5%"),
        (pct(1205), "+12.05%"),
        (pct(1), "+0.01%"),
        (pct(0), "+0%"),
    ],
)
def test_markups_read_the_way_a_reseller_writes_them(markup, label):
    assert markup.label == label


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (lambda: Markup.percent("10"), pct(1000)),
        (lambda: Markup.percent("12.5%"), pct(1250)),
        (lambda: Markup.percent(20), pct(2000)),
        (lambda: Markup.amount("5"), amt(500)),
        (lambda: Markup.amount("¥9.90"), amt(990)),
        (lambda: Markup.amount(10), amt(1000)),
    ],
)
def test_markups_can_be_made_from_what_she_types(made, expected):
    assert made() == expected


@pytest.mark.parametrize(
    ("made", "code"),
    [
        (lambda: Markup.percent("abc"), "markup.invalid"),
        (lambda: Markup.percent("1.234"), "markup.invalid"),
        (lambda: Markup.percent("-5"), "markup.negative"),
        (lambda: Markup.percent("1000.01"), "markup.too_large"),
        (lambda: Markup.amount("5.555"), "markup.invalid"),
        (lambda: Markup.amount(""), "markup.invalid"),
        (lambda: Markup.amount("-1"), "markup.negative"),
        (lambda: Markup.amount("100000.01"), "markup.too_large"),
    ],
)
def test_markups_she_cannot_mean_are_refused_with_a_code(made, code):
    with pytest.raises(PricingError) as err:
        made()
    assert err.value.code == code
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize(
    ("markup", "reason"),
    [
        (pct(-1), "negative"),
        (amt(-500), "negative"),
        (pct(MAX_PERCENT_BP + 1), "more than"),
        (amt(MAX_AMOUNT_FEN + 1), "more than"),
        (Markup(PCT, 10.5), "whole number"),
        (Markup(AMT, True), "whole number"),
        (Markup("ratio", 5), "unknown markup kind"),
    ],
)
def test_validate_markup_explains_what_is_wrong(markup, reason):
    with pytest.raises(ValueError, match=reason):
        validate_markup(markup)


@pytest.mark.parametrize("markup", [pct(0), amt(0), pct(MAX_PERCENT_BP), amt(MAX_AMOUNT_FEN)])
def test_zero_and_the_largest_sane_markups_are_accepted(markup):
    validate_markup(markup)


# --- the building blocks --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "bp", "expected"),
    [
        (10000, 1000, 1000),  # 10% of ¥100
        (999, 1000, 100),  # 99.9 fen rounds up
        (995, 1000, 100),  # 99.5 fen: half rounds up
        (994, 1000, 99),  # 99.4 fen rounds down
        (5, 1000, 1),  # 0.5 fen rounds up
        (4, 1000, 0),
        (12345, 1250, 1543),  # 1543.125
        (12344, 1250, 1543),  # 1543.0
        (0, 2000, 0),
    ],
)
def test_percent_markups_round_half_up_to_the_fen(platform, bp, expected):
    assert markup_fen(pct(bp), platform) == expected


@pytest.mark.parametrize(
    ("rounding", "price", "up", "down"),
    [
        (Rounding.YUAN_9, 12345, 12900, 11900),
        (Rounding.YUAN_9, 12900, 12900, 12900),  # already ends in 9: stays
        (Rounding.YUAN_9, 12901, 13900, 12900),
        (Rounding.YUAN_9, 12899, 12900, 11900),
        (Rounding.YUAN_9, 1, 900, None),  # nothing below ¥9
        (Rounding.YUAN_9, 900, 900, 900),
        (Rounding.YUAN_9, 0, 900, None),
        (Rounding.YUAN_9_9, 12345, 12990, 11990),
        (Rounding.YUAN_9_9, 12990, 12990, 12990),
        (Rounding.YUAN_9_9, 12991, 13990, 12990),
        (Rounding.YUAN_9_9, 12900, 12990, 11990),
        (Rounding.YUAN_9_9, 989, 990, None),
        (Rounding.NONE, 12345, 12345, 12345),
    ],
)
def test_rounding_targets_are_found_in_both_directions(rounding, price, up, down):
    assert round_up(price, rounding) == up
    assert round_down(price, rounding) == down


@pytest.mark.parametrize(
    ("fen", "text"),
    [(12900, "¥129"), (12990, "¥129.90"), (12909, "¥129.09"), (0, "¥0"), (5, "¥0.05")],
)
def test_prices_are_written_short_when_whole(fen, text):
    assert price_label(fen) == text


@pytest.mark.parametrize(
    ("price", "tag", "label"),
    [
        (15000, 30000, "5折"),
        (12900, 29900, "4.4折"),  # 4.314… shown as 4.4, never better than the truth
        (29000, 29900, "9.7折"),
        (29899, 29900, None),  # 99.99% is no discount worth a label
        (29900, 29900, None),
        (31000, 29900, None),
        (1, 100000, "0.1折"),
        (100, 0, None),
    ],
)
def test_discounts_are_shown_in_zhe_and_never_overstated(price, tag, label):
    assert discount_label(price, tag) == label


# --- resale_price: worked examples ----------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        # no markup at all: the platform price
        ({}, PriceQuote(10000, 0, "none", None)),
        # one markup of each kind
        ({"shop_markup": amt(500)}, PriceQuote(10500, 500, "shop", None)),
        ({"shop_markup": pct(1000)}, PriceQuote(11000, 1000, "shop", None)),
        # most specific wins: product > campaign > shop
        (
            {"shop_markup": amt(500), "campaign_markup": amt(800), "product_markup": amt(300)},
            PriceQuote(10300, 300, "product", None),
        ),
        (
            {"shop_markup": amt(500), "campaign_markup": amt(800)},
            PriceQuote(10800, 800, "campaign", None),
        ),
        # a zero override still wins over a bigger shop default
        (
            {"shop_markup": amt(500), "product_markup": amt(0)},
            PriceQuote(10000, 0, "product", None),
        ),
        # rounding up to ¥x9 / ¥x9.9
        (
            {"shop_markup": pct(1000), "rounding": Rounding.YUAN_9},
            PriceQuote(11900, 1900, "shop", None),
        ),
        (
            {"shop_markup": pct(1000), "rounding": Rounding.YUAN_9_9},
            PriceQuote(11990, 1990, "shop", None),
        ),
        # the brand's minimum resale price lifts her price
        ({"min_resale_price_fen": 12000}, PriceQuote(12000, 2000, "none", "min_price")),
        (
            {"min_resale_price_fen": 12000, "shop_markup": amt(500)},
            PriceQuote(12000, 2000, "shop", "min_price"),
        ),
        # ... and rounding applies on top of the lifted price
        (
            {"min_resale_price_fen": 12000, "rounding": Rounding.YUAN_9},
            PriceQuote(12900, 2900, "none", "min_price"),
        ),
        # a markup above the minimum is untouched
        (
            {"min_resale_price_fen": 10200, "shop_markup": amt(500)},
            PriceQuote(10500, 500, "shop", None),
        ),
        # the tag price caps her price
        ({"shop_markup": pct(20000)}, PriceQuote(29900, 19900, "shop", "tag_cap")),
        ({"shop_markup": amt(19900)}, PriceQuote(29900, 19900, "shop", None)),  # exactly the tag
        # ... unless the operator allows more
        (
            {"shop_markup": pct(20000), "allow_above_tag": True},
            PriceQuote(30000, 20000, "shop", None),
        ),
        # rounding up onto the tag exactly is no adjustment
        (
            {"shop_markup": amt(19500), "rounding": Rounding.YUAN_9},
            PriceQuote(29900, 19900, "shop", None),
        ),
        # rounding up past the tag rounds down to the highest target within the tag
        (
            {"shop_markup": amt(19950), "rounding": Rounding.YUAN_9_9},
            PriceQuote(28990, 18990, "shop", "tag_cap"),
        ),
        # tag ¥299 is itself a ¥x9 price: a too-big markup lands exactly on it
        (
            {"shop_markup": pct(50000), "rounding": Rounding.YUAN_9},
            PriceQuote(29900, 19900, "shop", "tag_cap"),
        ),
    ],
)
def test_worked_examples(kwargs, expected):
    assert (
        resale_price(PriceInput(platform_price_fen=10000, tag_price_fen=29900, **kwargs))
        == expected
    )


def test_rounding_down_may_go_below_her_markup_but_never_below_the_floor():
    # platform ¥100, tag ¥105: ¥109 would break the tag, ¥99 the platform price -> the tag itself
    quote = resale_price(PriceInput(10000, 10500, shop_markup=pct(2000), rounding=Rounding.YUAN_9))
    assert quote == PriceQuote(10500, 500, "shop", "tag_cap_unrounded")
    # platform ¥100, tag ¥115, +20% = ¥120 -> ¥129 too high -> ¥109 is the highest ¥x9 that fits
    quote = resale_price(PriceInput(10000, 11500, shop_markup=pct(2000), rounding=Rounding.YUAN_9))
    assert quote == PriceQuote(10900, 900, "shop", "tag_cap")


def test_minimum_price_and_tag_cap_together_keep_the_floor():
    # min ¥103, tag ¥105: no ¥x9.9 in [¥103, ¥105] -> the tag price
    quote = resale_price(
        PriceInput(10000, 10500, min_resale_price_fen=10300, rounding=Rounding.YUAN_9_9)
    )
    assert quote == PriceQuote(10500, 500, "none", "tag_cap_unrounded")


def test_platform_price_at_the_tag_leaves_no_room_for_markup():
    quote = resale_price(PriceInput(29900, 29900, shop_markup=amt(1000)))
    assert quote == PriceQuote(29900, 0, "shop", "tag_cap")


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"platform_price_fen": 30000, "tag_price_fen": 29900}, "price.floor_above_tag"),
        ({"min_resale_price_fen": 30000}, "price.floor_above_tag"),
        ({"platform_price_fen": -1}, "price.negative"),
        ({"tag_price_fen": -1}, "price.negative"),
        ({"min_resale_price_fen": -1}, "price.negative"),
        ({"platform_price_fen": 100.0}, "price.invalid"),
        ({"min_resale_price_fen": "5"}, "price.invalid"),
        ({"rounding": "x8"}, "price.rounding"),
        ({"shop_markup": amt(-5)}, "markup.negative"),
        ({"product_markup": pct(MAX_PERCENT_BP + 1)}, "markup.too_large"),
    ],
)
def test_bad_data_is_refused_not_priced(kwargs, code):
    fields = {"platform_price_fen": 10000, "tag_price_fen": 29900, **kwargs}
    with pytest.raises(PricingError) as err:
        resale_price(PriceInput(**fields))
    assert err.value.code == code


def test_floor_above_tag_message_names_the_culprit():
    with pytest.raises(ValueError, match=r"minimum resale price \(¥300\) is above the tag price"):
        resale_price(PriceInput(10000, 29900, min_resale_price_fen=30000))
    with pytest.raises(ValueError, match=r"platform price \(¥300\) is above the tag price"):
        resale_price(PriceInput(30000, 29900))


def test_floor_above_tag_is_fine_when_the_operator_allows_above_tag():
    quote = resale_price(PriceInput(30000, 29900, shop_markup=amt(100), allow_above_tag=True))
    assert quote == PriceQuote(30100, 100, "shop", None)


def test_an_unused_shop_default_is_not_validated_when_an_override_applies():
    quote = resale_price(PriceInput(10000, 29900, shop_markup=amt(-5), product_markup=amt(100)))
    assert quote.price_fen == 10100


# --- exhaustive and property checks against an independent oracle ---------------------------


def _targets(rounding: Rounding, lo: int, hi: int) -> list[int]:
    """Every price in [lo, hi] the rounding rule accepts, found the slow obvious way."""
    if rounding == Rounding.NONE:
        return list(range(lo, hi + 1))
    if rounding == Rounding.YUAN_9:
        return [v for v in range(lo, hi + 1) if v % 100 == 0 and (v // 100) % 10 == 9]
    return [v for v in range(lo, hi + 1) if v % 10 == 0 and (v // 10) % 100 == 99]


def _oracle(p: PriceInput) -> tuple[int, str | None]:
    chosen = p.product_markup or p.campaign_markup or p.shop_markup
    raw = p.platform_price_fen
    if chosen is not None:
        if chosen.kind == AMT:
            raw += chosen.value
        else:
            whole, frac = divmod(p.platform_price_fen * chosen.value, 10_000)
            raw += whole + (1 if frac >= 5_000 else 0)
    floor = max(p.platform_price_fen, p.min_resale_price_fen or 0)
    start = max(raw, floor)
    lifted = raw < floor
    cap = p.tag_price_fen
    ups = _targets(p.rounding, start, max(start, cap) + 1000)
    if p.allow_above_tag or ups[0] <= cap:
        return ups[0], ("min_price" if lifted else None)
    within = _targets(p.rounding, floor, cap)
    if within:
        return within[-1], "tag_cap"
    return cap, "tag_cap_unrounded"


def _random_input(rng: random.Random) -> PriceInput:
    platform = (
        rng.choice([0, 1, 99, 900, 990, 1000]) if rng.random() < 0.1 else rng.randint(1, 40_000)
    )
    tag = platform + rng.choice([0, 1, 50, 100, 999, 1000, rng.randint(0, 30_000)])
    min_price = None
    if rng.random() < 0.4:
        min_price = rng.randint(0, tag)

    def markup() -> Markup | None:
        roll = rng.random()
        if roll < 0.3:
            return None
        if roll < 0.65:
            return pct(rng.choice([0, 1, 500, 1000, 2000, rng.randint(0, 30_000)]))
        return amt(rng.choice([0, 1, 500, 1000, rng.randint(0, 20_000)]))

    return PriceInput(
        platform_price_fen=platform,
        tag_price_fen=tag,
        min_resale_price_fen=min_price,
        shop_markup=markup(),
        campaign_markup=markup(),
        product_markup=markup(),
        rounding=rng.choice(list(Rounding)),
        allow_above_tag=rng.random() < 0.1,
    )


@pytest.mark.parametrize("seed", range(8))
def test_random_inputs_agree_with_the_oracle_and_every_bound_holds(seed):
    rng = random.Random(seed)
    for _ in range(500):
        p = _random_input(rng)
        quote = resale_price(p)
        expected_price, expected_adjusted = _oracle(p)
        assert (quote.price_fen, quote.adjusted) == (expected_price, expected_adjusted), p
        floor = max(p.platform_price_fen, p.min_resale_price_fen or 0)
        assert quote.price_fen >= floor, p
        if not p.allow_above_tag:
            assert quote.price_fen <= p.tag_price_fen, p
        assert quote.markup_fen == quote.price_fen - p.platform_price_fen >= 0
        if p.rounding != Rounding.NONE and quote.adjusted != "tag_cap_unrounded":
            assert quote.price_fen % 1000 == {"x9": 900, "x9.9": 990}[p.rounding], p
        expected_source = (
            "product"
            if p.product_markup
            else "campaign"
            if p.campaign_markup
            else "shop"
            if p.shop_markup
            else "none"
        )
        assert quote.source == expected_source


@pytest.mark.parametrize("rounding", list(Rounding))
def test_every_small_price_against_the_oracle(rounding):
    # Exhaustive over a small grid: platform ¥0–¥30, tag up to ¥10 above, amount markups.
    for platform in range(0, 3001, 37):
        for tag_gap in (0, 1, 89, 900, 1000):
            tag = platform + tag_gap
            for markup in (None, amt(0), amt(1), amt(450), amt(2000)):
                for min_price in (None, platform, (platform + tag) // 2, tag):
                    p = PriceInput(platform, tag, min_price, shop_markup=markup, rounding=rounding)
                    quote = resale_price(p)
                    assert (quote.price_fen, quote.adjusted) == _oracle(p), p


@pytest.mark.parametrize("seed", range(4))
def test_a_bigger_markup_never_gives_a_lower_price(seed):
    rng = random.Random(1000 + seed)
    for _ in range(300):
        platform = rng.randint(1, 30_000)
        tag = platform + rng.randint(0, 20_000)
        rounding = rng.choice(list(Rounding))
        min_price = rng.choice([None, rng.randint(platform, tag)])
        prices = [
            resale_price(
                PriceInput(platform, tag, min_price, shop_markup=amt(m), rounding=rounding)
            ).price_fen
            for m in range(0, 25_000, 250)
        ]
        assert prices == sorted(prices), (platform, tag, rounding, min_price)


@pytest.mark.parametrize("seed", range(4))
def test_rounding_up_is_the_smallest_target_at_or_above(seed):
    rng = random.Random(2000 + seed)
    for _ in range(2000):
        price = rng.randint(0, 200_000)
        for rounding in (Rounding.YUAN_9, Rounding.YUAN_9_9):
            up = round_up(price, rounding)
            assert up >= price
            assert up - price < 1000
            assert round_down(up, rounding) == up
            down = round_down(price, rounding)
            if down is not None:
                assert down <= price < down + 1000
                assert round_up(down, rounding) == down
