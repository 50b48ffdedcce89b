"""Who gets the credit for an order: the last share link the shopper opened, within N days.

Shoppers have no account and most never get a session, so the share is remembered in a signed
cookie (no database write): ``kc_share`` = the share code, signed with a timestamp. The orders
app asks ``share_attributed(request, reseller=...)`` when an order is placed in a reseller's
shop; the share counts only if it is hers and was opened within ``RESELLER_ATTRIBUTION_DAYS``
(default 7). A later click on another share replaces the cookie: last click wins.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

from kucun.resellers.models import Reseller, Share

SHARE_COOKIE = "kc_share"
SHARE_SALT = "kucun.resellers.share"
VISITOR_COOKIE = "kc_vid"
VISITOR_MAX_AGE = 2 * 365 * 24 * 3600
DEFAULT_WINDOW_DAYS = 7


def attribution_window() -> timedelta:
    return timedelta(days=getattr(settings, "RESELLER_ATTRIBUTION_DAYS", DEFAULT_WINDOW_DAYS))


def visitor_id(request: HttpRequest) -> tuple[str, bool]:
    """The browser's long-lived visitor id and whether it is new (cookie to be set)."""
    value = request.COOKIES.get(VISITOR_COOKIE, "")
    if 16 <= len(value) <= 32 and value.isalnum():
        return value, False
    return secrets.token_hex(11), True


def remember_visit(
    response: HttpResponse, *, share: Share, visitor: str, new_visitor: bool
) -> None:
    window = attribution_window()
    secure = getattr(settings, "SECURE_COOKIES", False)
    response.set_signed_cookie(
        SHARE_COOKIE,
        share.code,
        salt=SHARE_SALT,
        max_age=int(window.total_seconds()),
        httponly=True,
        samesite="Lax",
        secure=secure,
    )
    if new_visitor:
        response.set_cookie(
            VISITOR_COOKIE,
            visitor,
            max_age=VISITOR_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=secure,
        )


def share_code_from(request: HttpRequest) -> str | None:
    """The code of the last share this browser opened, if still inside the window."""
    try:
        return request.get_signed_cookie(
            SHARE_COOKIE, salt=SHARE_SALT, max_age=attribution_window()
        )
    except (KeyError, signing.BadSignature):
        return None


def share_attributed(request: HttpRequest, *, reseller: Reseller) -> Share | None:
    """The share an order placed now in ``reseller``'s shop is attributed to, or None."""
    code = share_code_from(request)
    if not code:
        return None
    return Share.objects.filter(code=code, reseller=reseller).first()
