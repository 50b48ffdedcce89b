"""What the platform operator does to a shop."""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kucun.core.errors import Conflict, InvalidInput
from kucun.resellers.models import Reseller, ShopStatus
from kucun.resellers.services._common import now_or, shop_forget

log = logging.getLogger(__name__)

REASON_MAX = 200


@transaction.atomic
def reseller_suspend(
    *, reseller: Reseller, reason: str, actor, now: datetime | None = None
) -> Reseller:
    """Suspend an active shop with a reason: its pages say so and its links stop selling."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(
            _("Say why the shop is suspended."), code="reseller.reason_required", data={}
        )
    if len(reason) > REASON_MAX:
        raise InvalidInput(
            _("The reason may be at most %(n)s characters.") % {"n": REASON_MAX},
            code="reseller.reason_too_long",
        )
    updated = Reseller.objects.filter(pk=reseller.pk, status=ShopStatus.ACTIVE).update(
        status=ShopStatus.SUSPENDED,
        suspended_reason=reason,
        suspended_at=now_or(now),
        suspended_by=actor,
        updated_at=now_or(now),
    )
    reseller.refresh_from_db()
    if not updated:
        raise Conflict(_("This shop is already suspended."), code="reseller.already_suspended")
    shop_forget(reseller)
    log.info("shop %s suspended by %s: %s", reseller.shop_code, actor, reason)
    return reseller


@transaction.atomic
def reseller_unsuspend(*, reseller: Reseller, actor) -> Reseller:
    """Reopen a suspended shop; its links sell again."""
    updated = Reseller.objects.filter(pk=reseller.pk, status=ShopStatus.SUSPENDED).update(
        status=ShopStatus.ACTIVE,
        suspended_reason="",
        suspended_at=None,
        suspended_by=None,
        updated_at=timezone.now(),
    )
    reseller.refresh_from_db()
    if not updated:
        raise Conflict(_("This shop is not suspended."), code="reseller.not_suspended")
    shop_forget(reseller)
    log.info("shop %s reopened by %s", reseller.shop_code, actor)
    return reseller
