"""API pagination whose numbers stay inside what a database LIMIT/OFFSET can hold.

django-ninja's own classes accept any integer, so ``?page=10**30`` or ``?limit=10**30`` reaches
SQL and fails there (a 500). These bound the position (page, offset) and the length (limit, as
ninja does when NINJA_PAGINATION_MAX_LIMIT is set), so such a request is a 422 that names the
parameter; ``page_size`` is already clamped by ninja.
"""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema
from ninja import pagination as ninja_pagination

# Far beyond any real listing, far below the 64-bit limit of LIMIT/OFFSET.
MAX_POSITION = 2_147_483_647
MAX_LIMIT = 1000


class LimitOffsetPagination(ninja_pagination.LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_POSITION)

    def __init__(self, max_limit: int = MAX_LIMIT, **kwargs: Any) -> None:
        super().__init__(max_limit=max_limit, **kwargs)


class PageNumberPagination(ninja_pagination.PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_POSITION)
        page_size: int | None = Field(None, ge=1)
