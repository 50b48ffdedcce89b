"""Tracked links: one short code per reseller × target × channel, and counting its visits."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from kucun.core.errors import InvalidInput
from kucun.resellers import selectors
from kucun.resellers.models import Channel, Reseller, Share, ShareVisitor
from kucun.resellers.services._common import now_or, random_code, require_active

SHARE_CODE_LENGTH = 8


@transaction.atomic
def share_get_or_create(
    *,
    reseller: Reseller,
    campaign_id: int,
    product_id: int | None = None,
    channel: str = Channel.LINK,
    now: datetime | None = None,
) -> Share:
    """Her link for a product (or a whole campaign) on a channel: made once, then reused."""
    require_active(reseller)
    if channel not in Channel.values:
        raise InvalidInput(
            _("Unknown channel."), code="share.bad_channel", data={"field": "channel"}
        )
    selectors.sellable_target_check(campaign_id=campaign_id, product_id=product_id, now=now_or(now))
    target = {"reseller": reseller, "campaign_id": campaign_id, "product_id": product_id}
    existing = Share.objects.filter(**target, channel=channel).first()
    if existing is not None:
        return existing
    for _try in range(10):
        try:
            with transaction.atomic():
                return Share.objects.create(
                    **target, channel=channel, code=random_code(SHARE_CODE_LENGTH)
                )
        except IntegrityError:
            # Either the code collided (try another) or a double tap made the same share.
            existing = Share.objects.filter(**target, channel=channel).first()
            if existing is not None:
                return existing
    raise InvalidInput(_("Could not make a link; try again."), code="share.code_exhausted")


def _visitor_insert(share_id: int, visitor_id: str, now: datetime) -> bool:
    """INSERT … ON CONFLICT DO NOTHING (PostgreSQL and SQLite ≥ 3.24): True if it was new."""
    table = connection.ops.quote_name(ShareVisitor._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (share_id, visitor_id, first_seen_at) VALUES (%s, %s, %s) "
            "ON CONFLICT (share_id, visitor_id) DO NOTHING",
            [share_id, visitor_id, now],
        )
        return cursor.rowcount == 1


@transaction.atomic
def share_visit_record(*, share_id: int, visitor_id: str, now: datetime | None = None) -> bool:
    """Every open counts as a visit; a browser counts as a visitor once per share.

    Two statements, no read: an insert-or-ignore decides "new visitor", one UPDATE with F()
    bumps both counters. Returns whether the visitor was new.
    """
    now = now_or(now)
    if connection.vendor == "postgresql":
        # Counters, not money: not waiting for the WAL flush keeps a visit off the disk's
        # latency (a crash may lose the last instant of visits, never corrupt them).
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
    is_new = _visitor_insert(share_id, visitor_id[:32], now)
    Share.objects.filter(pk=share_id).update(
        visits=F("visits") + 1,
        visitors=F("visitors") + (1 if is_new else 0),
        last_visit_at=now,
    )
    return is_new
