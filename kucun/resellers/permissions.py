"""Who may open the reseller pages: declared once, sets ``request.reseller`` to her shop."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from kucun.core.models import Role
from kucun.core.permissions import role_required
from kucun.resellers.selectors import reseller_for_user


def reseller_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Reseller accounts only; one without a shop yet is sent to open it first."""

    @role_required(Role.RESELLER)
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        reseller = reseller_for_user(request.user)
        if reseller is None:
            return redirect("resellers:shop_setup")
        request.reseller = reseller
        return view(request, *args, **kwargs)

    return wrapped
