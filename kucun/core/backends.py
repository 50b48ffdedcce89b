"""Operators run the platform: every admin permission, without per-model grants to maintain."""

from typing import Any

from django.contrib.auth.backends import ModelBackend

from kucun.core.models import Role


def _is_operator(user: Any) -> bool:
    return user.is_active and user.is_staff and user.role == Role.OPERATOR


class OperatorPermissionsBackend(ModelBackend):
    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return _is_operator(user_obj) or super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return _is_operator(user_obj) or super().has_module_perms(user_obj, app_label)
