"""Money as integer fen. Pure code: no Django import, no floats anywhere near money."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

FEN_PER_YUAN = 100


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An amount of CNY held as a whole number of fen (1/100 yuan)."""

    fen: int

    def __post_init__(self) -> None:
        if isinstance(self.fen, bool) or not isinstance(self.fen, int):
            raise TypeError(f"Money needs whole fen, got {self.fen!r}")

    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    @classmethod
    def from_yuan(cls, value: str | int | Decimal) -> Money:
        """Parse "199", "199.9", "¥1,299.00" into fen; more than two decimals is an error."""
        return cls(parse_yuan(value))

    def __add__(self, other: Money) -> Money:
        return Money(self.fen + other.fen)

    def __sub__(self, other: Money) -> Money:
        return Money(self.fen - other.fen)

    def __neg__(self) -> Money:
        return Money(-self.fen)

    def __mul__(self, times: int) -> Money:
        if isinstance(times, bool) or not isinstance(times, int):
            raise TypeError("Money can only be multiplied by a whole number")
        return Money(self.fen * times)

    __rmul__ = __mul__

    @property
    def yuan(self) -> str:
        return format_fen(self.fen)

    def __str__(self) -> str:
        return f"¥{self.yuan}"


def parse_yuan(value: str | int | Decimal) -> int:
    """Yuan text or number to fen. Raises ValueError with a readable reason."""
    if isinstance(value, bool):
        raise ValueError("not an amount")
    if isinstance(value, int):
        return value * FEN_PER_YUAN
    text = str(value).strip().replace(",", "").replace("¥", "").replace("￥", "")
    if text.endswith("元"):
        text = text[:-1].strip()
    if not text:
        raise ValueError("amount is empty")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"'{value}' is not an amount") from None
    if not amount.is_finite():
        raise ValueError(f"'{value}' is not an amount")
    fen = amount * FEN_PER_YUAN
    if fen != fen.to_integral_value():
        raise ValueError(f"'{value}' has more than two decimals")
    return int(fen)


def format_fen(fen: int) -> str:
    """12345 -> "123.45"; -5 -> "-0.05"."""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{whole}.{part:02d}"


def allocate(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` fen in proportion to ``weights``; the parts always add up to ``total``.

    Largest-remainder method: each part gets the floor of its share, and the fen left over go
    one by one to the largest remainders (earliest first on ties), so the result is exact and
    deterministic.
    """
    if not weights:
        raise ValueError("nothing to allocate over")
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    weight_sum = sum(weights)
    if weight_sum == 0:
        raise ValueError("weights must not all be zero")
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    parts = [magnitude * w // weight_sum for w in weights]
    remainders = [magnitude * w % weight_sum for w in weights]
    left = magnitude - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        parts[i] += 1
    return [sign * p for p in parts]
