from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kucun.catalog.permissions import brand_required
from kucun.core.models import Role
from kucun.core.permissions import role_required


@login_required
def public_list(request: HttpRequest) -> HttpResponse:
    return render(request, "core/forbidden.html")


@brand_required
def brand_list(request: HttpRequest) -> HttpResponse:
    return render(request, "core/forbidden.html")


@role_required(Role.OPERATOR)
def review_queue(request: HttpRequest) -> HttpResponse:
    return render(request, "core/forbidden.html")
