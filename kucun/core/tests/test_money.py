import random

import pytest

from kucun.core.money import Money, allocate, format_fen, parse_yuan


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("199", 19900),
        ("199.9", 19990),
        ("¥1,299.00", 129900),
        ("0.01", 1),
        ("12元", 1200),
        (" 5.5 ", 550),
        ("￥3", 300),
    ],
)
def test_yuan_text_becomes_exact_fen(text, fen):
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "abc", "1.234", "NaN", "inf", "1e"])
def test_amounts_that_are_not_money_are_refused(text):
    with pytest.raises(ValueError, match="amount|decimals"):
        parse_yuan(text)


def test_money_refuses_floats():
    with pytest.raises(TypeError):
        Money(1.5)


def test_money_arithmetic_and_display():
    assert Money(1999) + Money(1) == Money(2000)
    assert str(Money(12345) * 2) == "¥246.90"
    assert format_fen(-5) == "-0.05"


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [
        (100, [1, 1, 1], [34, 33, 33]),
        (1, [1, 1], [1, 0]),
        (-100, [1, 1, 1], [-34, -33, -33]),
        (1000, [3, 0, 7], [300, 0, 700]),
    ],
)
def test_allocation_splits_exactly(total, weights, expected):
    assert allocate(total, weights) == expected


def test_allocation_parts_always_add_up_to_the_whole():
    rng = random.Random(7)
    for _ in range(500):
        weights = [rng.randint(0, 50_000) for _ in range(rng.randint(1, 8))]
        if not any(weights):
            weights[0] = 1
        total = rng.randint(-(10**9), 10**9)
        parts = allocate(total, weights)
        assert sum(parts) == total
        assert all(p == 0 for p, w in zip(parts, weights, strict=True) if w == 0)


def test_allocation_needs_weights():
    with pytest.raises(ValueError, match="nothing to allocate"):
        allocate(10, [])
    with pytest.raises(ValueError, match="all be zero"):
        allocate(10, [0, 0])
