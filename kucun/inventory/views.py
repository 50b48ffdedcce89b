from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kucun.catalog.permissions import brand_required


@brand_required
def stock_list(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/brand_home.html", {"brand": request.brand})
