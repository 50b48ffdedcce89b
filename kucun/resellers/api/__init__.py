"""Resellers API: everything a reseller app needs, plus the public shop read.

Her endpoints use her session (``RoleSession(Role.RESELLER)``, CSRF-checked); signup and the
public shop are anonymous. Money is integer fen. Another reseller's ids are simply not found.
"""

# Importing the endpoint modules registers their endpoints on the router.
from kucun.resellers.api import account, choosing, sharing  # noqa: F401
from kucun.resellers.api._common import router

__all__ = ["router"]
