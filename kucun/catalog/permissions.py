"""The brand a request acts for, declared once for pages and API handlers."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kucun.catalog.models import Brand, BrandApiToken
from kucun.core.models import Role
from kucun.core.permissions import role_required


def brand_of_user(user: Any) -> Brand | None:
    membership = getattr(user, "brand_membership", None) if user.is_authenticated else None
    return membership.brand if membership is not None else None


def brand_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Page decorator: brand users only; sets ``request.brand`` to the user's own brand."""

    @role_required(Role.BRAND)
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        brand = brand_of_user(request.user)
        if brand is None:
            return render(request, "core/forbidden.html", status=403)
        request.brand = brand
        return view(request, *args, **kwargs)

    return wrapped


def api_brand(request: HttpRequest) -> Brand:
    """The brand behind an authenticated API call (session of a brand user, or brand token)."""
    auth = request.auth
    if isinstance(auth, BrandApiToken):
        return auth.brand
    return auth.brand_membership.brand
