"""Small helpers the reseller services share."""

from __future__ import annotations

import secrets
from datetime import datetime
from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kucun.core.errors import Forbidden
from kucun.resellers.models import Reseller
from kucun.resellers.selectors import shop_lookup_key

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# Shop codes are read aloud and typed: no 0/O, 1/l/I.
SHOP_CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"


def now_or(now: datetime | None) -> datetime:
    return now if now is not None else timezone.now()


def random_code(length: int, alphabet: str = BASE62) -> str:
    return "".join(secrets.choice(alphabet) for _i in range(length))


def require_active(reseller: Reseller) -> None:
    """A suspended shop may look at its data but not sell: no new shelf items, no new shares."""
    if not reseller.is_active:
        raise Forbidden(
            _("Your shop is suspended: %(reason)s") % {"reason": reseller.suspended_reason},
            code="reseller.suspended",
            data={"reason": reseller.suspended_reason},
        )


def shop_forget(reseller: Reseller) -> None:
    """Drop the cached shop row now and again once the change commits (a page read in
    between may have cached the old row), so public pages re-read it."""
    key = shop_lookup_key(reseller.shop_code)
    cache.delete(key)
    transaction.on_commit(partial(cache.delete, key))


def shop_touch(reseller: Reseller) -> None:
    """Her shop's content changed: a new ``updated_at`` retires its cached pages everywhere."""
    now = timezone.now()
    Reseller.objects.filter(pk=reseller.pk).update(updated_at=now)
    reseller.updated_at = now
    shop_forget(reseller)
