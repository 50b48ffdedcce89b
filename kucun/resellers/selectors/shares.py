"""Her shares and their numbers. Orders and GMV come through one seam, ``share_order_stats``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from kucun.resellers.models import Reseller, Share
from kucun.resellers.selectors.catalog import phase_of


@dataclass(frozen=True)
class OrderStats:
    orders: int = 0
    gmv_fen: int = 0


def share_order_stats(share_ids: Iterable[int]) -> dict[int, OrderStats]:
    """Orders and GMV attributed to each share.

    The seam for the orders app: until it exists every share has no orders. When it does, this
    becomes one grouped query over orders by ``share_id`` (paid, not refunded) — nothing else in
    the resellers app needs to change.
    """
    return {share_id: OrderStats() for share_id in share_ids}


@dataclass(frozen=True)
class ShareRow:
    share: Share
    phase: str
    stats: OrderStats

    @property
    def target_title(self) -> str:
        return self.share.product.title if self.share.product_id else self.share.campaign.title


def shares_for(reseller: Reseller) -> QuerySet[Share]:
    return Share.objects.filter(reseller=reseller).select_related("campaign", "product")


def share_rows(*, reseller: Reseller, now: datetime, limit: int = 200) -> list[ShareRow]:
    """Her share dashboard: newest first, each with visits, visitors, orders and GMV."""
    shares = list(shares_for(reseller).order_by("-created_at", "-pk")[:limit])
    stats = share_order_stats(s.pk for s in shares)
    return [
        ShareRow(share=s, phase=phase_of(s.campaign, now), stats=stats.get(s.pk, OrderStats()))
        for s in shares
    ]


def share_of(*, reseller: Reseller, code: str) -> Share | None:
    """Her own share by code; another reseller's code is simply not found."""
    return shares_for(reseller).filter(code=code).first()


def share_for_link(code: str) -> Share | None:
    """The share behind a public short link, with only what the redirect needs (one query:
    every shared link pays for it)."""
    rows = (
        Share.objects.filter(code=code)
        .select_related("reseller", "campaign")
        .only(
            "code",
            "campaign_id",
            "product_id",
            "reseller__shop_code",
            "reseller__shop_name",
            "reseller__status",
            "campaign__state",
            "campaign__starts_at",
            "campaign__ends_at",
        )
        .order_by()[:1]
    )
    return next(iter(rows), None)
