"""API auth for brand endpoints: a brand user's session, or a per-brand API token."""

from __future__ import annotations

import hashlib
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from kucun.catalog.models import BrandApiToken
from kucun.core.api_auth import RoleSession
from kucun.core.models import Role


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class BrandToken(HttpBearer):
    """``Authorization: Bearer <token>``, for a brand's ERP."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = (
            BrandApiToken.objects.select_related("brand")
            .filter(token_hash=token_hash(token), revoked_at__isnull=True)
            .first()
        )
        if found is None:
            return None
        BrandApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        return found


class BrandSession(RoleSession):
    def __init__(self) -> None:
        super().__init__(Role.BRAND)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is not None and not hasattr(user, "brand_membership"):
            return None
        return user


brand_auth = [BrandToken(), BrandSession()]
