"""Codes for demo goods. Pure code: no Django import."""

from __future__ import annotations


def ean13_check_digit(body: str) -> str:
    """The GS1 check digit of a 12-digit EAN-13 body (weights 1, 3, 1, 3, … from the left)."""
    if len(body) != 12 or not body.isdigit():
        raise ValueError(f"an EAN-13 body has 12 digits, got {body!r}")
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return str((10 - total % 10) % 10)


def ean13(body: str) -> str:
    """The full 13-digit EAN for a 12-digit body."""
    return body + ean13_check_digit(body)


def ean13_is_valid(code: str) -> bool:
    return len(code) == 13 and code.isdigit() and ean13_check_digit(code[:12]) == code[12]


def round_yuan_to_9(yuan: int) -> int:
    """Shop-style price: the nearest whole yuan ending in 9 (¥299, ¥59), never below ¥9."""
    return max(9, (yuan + 5) // 10 * 10 - 1)
