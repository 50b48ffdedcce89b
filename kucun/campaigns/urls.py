from django.urls import path

from kucun.campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("campaigns/", views.public_list, name="public_list"),
    path("campaigns/<int:campaign_id>/", views.public_detail, name="public_detail"),
    path("brand/campaigns/", views.brand_list, name="brand_list"),
    path("brand/campaigns/new/", views.brand_create, name="brand_create"),
    path("brand/campaigns/<int:campaign_id>/", views.brand_detail, name="brand_detail"),
    path("brand/campaigns/<int:campaign_id>/edit/", views.brand_edit, name="brand_edit"),
    path("brand/campaigns/<int:campaign_id>/submit/", views.brand_submit, name="brand_submit"),
    path("brand/campaigns/<int:campaign_id>/cancel/", views.brand_cancel, name="brand_cancel"),
    path("ops/review/", views.review_queue, name="review_queue"),
    path(
        "ops/review/campaigns/<int:campaign_id>/approve/",
        views.review_approve,
        name="review_approve",
    ),
    path(
        "ops/review/campaigns/<int:campaign_id>/reject/", views.review_reject, name="review_reject"
    ),
    path("ops/review/brands/<int:brand_id>/", views.review_brand, name="review_brand"),
]
