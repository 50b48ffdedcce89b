from django.urls import path

from kucun.catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.brand_home, name="brand_home"),
    path("products/", views.product_list, name="product_list"),
    path("imports/", views.import_list, name="import_list"),
]
