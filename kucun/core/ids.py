"""Ids that come from outside (a query string, a form, an API body), parsed in one place.

A number beyond the 64-bit range of the id columns is no id at all: SQLite cannot even bind it
(``OverflowError`` deep in a query, a 500), so it is refused where it enters — a form error, a
422, or "no filter" for a query-string filter.
"""

from __future__ import annotations

from typing import Annotated, Any

from django import forms
from pydantic import Field

MAX_ID = 2**63 - 1

# For django-ninja signatures and schemas: ``campaign_id: Id``.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class IdField(forms.IntegerField):
    """A form field holding the id of a row."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


def id_or_none(value: str | None) -> int | None:
    """An id from a query-string filter; anything that is not one means no filter."""
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if 1 <= number <= MAX_ID else None
