from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kucun.catalog.permissions import brand_required


@brand_required
def brand_home(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/brand_home.html", {"brand": request.brand})


@brand_required
def product_list(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/brand_home.html", {"brand": request.brand})


@brand_required
def import_list(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/brand_home.html", {"brand": request.brand})
