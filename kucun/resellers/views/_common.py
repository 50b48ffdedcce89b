"""Helpers the reseller pages share."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

from kucun.core.errors import DomainError


def form_error(form: forms.Form, exc: DomainError) -> None:
    """Show a domain error on the field it names, or on the form as a whole."""
    field = exc.data.get("field") if isinstance(exc.data, dict) else None
    form.add_error(field if field in form.fields else None, exc.message)


def safe_next(request: HttpRequest, value: str | None, default: str) -> str:
    """A path on this site to go back to; anything else (another site, or a bare word that
    ``redirect()`` would take for a view name) gives the default."""
    if (
        value
        and value.startswith("/")
        and url_has_allowed_host_and_scheme(
            value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return value
    return default
