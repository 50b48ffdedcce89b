"""Campaign life cycle: propose, submit, review, allocate, and move with time."""

from __future__ import annotations

from datetime import datetime


def campaigns_advance(*, now: datetime) -> None:
    """Approved campaigns whose start has come go live; live ones whose end has come end."""
