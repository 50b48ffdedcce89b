"""API authentication shared by every router."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import SessionAuth

from kucun.core.errors import Forbidden
from kucun.core.permissions import user_has_role


class RoleSession(SessionAuth):
    """Django session login (CSRF-checked) restricted to some roles: wrong role is a 403."""

    def __init__(self, *roles: str) -> None:
        super().__init__(csrf=True)
        self.roles = roles

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is None:
            return None
        if not user_has_role(user, self.roles):
            raise Forbidden(_("Your account may not use this endpoint."), code="auth.wrong_role")
        return user
