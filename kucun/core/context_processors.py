from django.http import HttpRequest

from kucun.core.models import Role


def roles(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    role = None
    if user is not None and user.is_authenticated:
        role = Role.OPERATOR if user.is_superuser else user.role
    return {"user_role": role, "Role": Role}
