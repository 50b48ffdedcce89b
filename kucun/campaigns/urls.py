from django.urls import path

from kucun.campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("campaigns/", views.public_list, name="public_list"),
    path("brand/campaigns/", views.brand_list, name="brand_list"),
    path("ops/review/", views.review_queue, name="review_queue"),
]
