from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect

from kucun.core.models import Role


def home(request: HttpRequest) -> HttpResponse:
    """Send each role to its own start page."""
    user = request.user
    if not user.is_authenticated:
        return redirect("core:login")
    if user.is_superuser or user.role == Role.OPERATOR:
        return redirect("campaigns:review_queue")
    if user.role == Role.BRAND:
        return redirect("catalog:brand_home")
    return redirect("resellers:feed")


class LoginView(auth_views.LoginView):
    redirect_authenticated_user = True


def healthz(request: HttpRequest) -> JsonResponse:
    """Load-balancer health check: a fixed body, no database (also the bench's reference)."""
    return JsonResponse({"status": "ok"})
