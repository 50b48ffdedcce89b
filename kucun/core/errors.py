"""Domain errors: a stable code, a message a person can read, and data for the caller.

Services raise these to say "no"; the API turns them into a JSON problem with a 4xx status
and pages show the message as a form error.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    code = "domain.error"
    status = 400

    def __init__(self, message: str, *, code: str | None = None, data: Any = None) -> None:
        super().__init__(message)
        self.message = str(message)
        if code:
            self.code = code
        self.data = data if data is not None else {}

    def as_problem(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "data": self.data}


class InvalidInput(DomainError):
    code = "invalid"
    status = 400


class NotFound(DomainError):
    code = "not_found"
    status = 404


class Forbidden(DomainError):
    code = "forbidden"
    status = 403


class Conflict(DomainError):
    """The request is well formed but the current state refuses it (stock taken, wrong state)."""

    code = "conflict"
    status = 409
