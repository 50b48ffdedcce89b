from django.urls import path

from kucun.catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.brand_home, name="brand_home"),
    path("products/", views.product_list, name="product_list"),
    path("products/new/", views.product_form, name="product_create"),
    path("products/<int:pk>/", views.product_detail, name="product_detail"),
    path("products/<int:pk>/edit/", views.product_form, name="product_edit"),
    path(
        "products/<int:pk>/images/<int:image_pk>/delete/",
        views.product_image_delete,
        name="product_image_delete",
    ),
    path("products/<int:pk>/skus/new/", views.sku_form, name="sku_create"),
    path("products/<int:pk>/skus/<int:sku_pk>/edit/", views.sku_form, name="sku_edit"),
    path("imports/", views.import_list, name="import_list"),
    path("imports/template.csv", views.import_template, {"kind": "csv"}, name="template_csv"),
    path("imports/template.xlsx", views.import_template, {"kind": "xlsx"}, name="template_xlsx"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("imports/<int:pk>/status/", views.import_status, name="import_status"),
    path("imports/<int:pk>/errors.csv", views.import_errors_csv, name="import_errors_csv"),
    path("api-tokens/", views.token_list, name="token_list"),
    path("api-tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
