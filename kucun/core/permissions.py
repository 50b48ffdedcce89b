"""Who may open which page: declared once per view with ``role_required``."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kucun.core.models import Role


def user_has_role(user: Any, roles: tuple[str, ...]) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser and Role.OPERATOR in roles:
        return True
    return user.role in roles


def role_required(*roles: str) -> Callable:
    """Page decorator: anonymous users go to the login page, other roles get a 403 page."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not user_has_role(request.user, roles):
                return render(request, "core/forbidden.html", status=403)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
