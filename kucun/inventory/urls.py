from django.urls import path

from kucun.inventory import views

app_name = "inventory"

urlpatterns = [
    path("", views.stock_list, name="stock_list"),
    path("receive/", views.stock_receive, name="stock_receive"),
    path("<int:stock_item_id>/", views.stock_detail, name="stock_detail"),
    path("<int:stock_item_id>/receive/", views.stock_item_receive, name="stock_item_receive"),
    path("<int:stock_item_id>/adjust/", views.stock_item_adjust, name="stock_item_adjust"),
]
