"""Brands: the operator's review, and the API tokens a brand gives its ERP."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kucun.catalog.auth import token_hash
from kucun.catalog.models import (
    Brand,
    BrandApiToken,
    BrandStatus,
)
from kucun.core.errors import Conflict, Forbidden, InvalidInput

MAX_ACTIVE_TOKENS = 10


# --- brands -----------------------------------------------------------------------------------


def _check_operator(actor: Any) -> None:
    if actor is None or not getattr(actor, "is_operator", False):
        raise Forbidden(_("Only a platform operator may do this."), code="catalog.operator_only")


def _check_writable(brand: Brand) -> None:
    if brand.status == BrandStatus.SUSPENDED:
        raise Forbidden(
            _("This brand is suspended; its catalogue cannot be changed."),
            code="catalog.brand_suspended",
        )


@transaction.atomic
def brand_review(
    *, brand: Brand, approve: bool, note: str = "", actor: Any, now: datetime | None = None
) -> Brand:
    """An operator approves a brand, or rejects it (suspends it, if it was approved) with a note."""
    _check_operator(actor)
    note = note.strip()
    if not approve and not note:
        raise InvalidInput(_("Say why the brand is rejected."), code="catalog.note_required")
    if len(note) > 200:
        raise InvalidInput(_("The note is longer than 200 characters."), code="catalog.note_long")
    brand = Brand.objects.select_for_update().get(pk=brand.pk)
    if approve:
        brand.status = BrandStatus.APPROVED
    elif brand.status == BrandStatus.APPROVED:
        brand.status = BrandStatus.SUSPENDED
    else:
        brand.status = BrandStatus.REJECTED
    brand.review_note = note
    brand.reviewed_at = now or timezone.now()
    brand.save(update_fields=["status", "review_note", "reviewed_at"])
    return brand


# --- API tokens -------------------------------------------------------------------------------


def _check_brand_actor(brand: Brand, actor: Any) -> None:
    if getattr(actor, "is_operator", False):
        return
    membership = getattr(actor, "brand_membership", None)
    if membership is None or membership.brand_id != brand.pk:
        raise Forbidden(_("You do not act for this brand."), code="catalog.not_your_brand")


@transaction.atomic
def brand_api_token_create(*, brand: Brand, name: str, actor: Any) -> tuple[BrandApiToken, str]:
    """A new secret for the brand's ERP: only its hash is kept, the token is returned once."""
    _check_brand_actor(brand, actor)
    name = name.strip()
    if not name:
        raise InvalidInput(
            _("Give the token a name."), code="catalog.token_name", data={"field": "name"}
        )
    if len(name) > 60:
        raise InvalidInput(
            _("The name is longer than 60 characters."),
            code="catalog.token_name",
            data={"field": "name"},
        )
    Brand.objects.select_for_update().get(pk=brand.pk)
    if brand.api_tokens.filter(revoked_at__isnull=True).count() >= MAX_ACTIVE_TOKENS:
        raise Conflict(
            _("A brand may have at most %(n)s active tokens; revoke one first.")
            % {"n": MAX_ACTIVE_TOKENS},
            code="catalog.too_many_tokens",
        )
    plain = "kc_" + secrets.token_urlsafe(32)
    token = BrandApiToken.objects.create(
        brand=brand, name=name, prefix=plain[:10], token_hash=token_hash(plain)
    )
    return token, plain


@transaction.atomic
def brand_api_token_revoke(
    *, token: BrandApiToken, actor: Any, now: datetime | None = None
) -> BrandApiToken:
    """A revoked token is refused from now on; revoking twice changes nothing."""
    _check_brand_actor(token.brand, actor)
    BrandApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=now or timezone.now()
    )
    token.refresh_from_db()
    return token
