from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from kucun.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("brand/", include("kucun.catalog.urls")),
    path("brand/stock/", include("kucun.inventory.urls")),
    path("", include("kucun.campaigns.urls")),
    path("", include("kucun.resellers.urls")),
    path("", include("kucun.core.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
