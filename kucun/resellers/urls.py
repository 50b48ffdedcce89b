from django.urls import path

from kucun.resellers.views import browse, markup, shares, shelf, shop, signup

app_name = "resellers"

urlpatterns = [
    # Joining
    path("join/", signup.signup, name="signup"),
    path("join/verify/", signup.signup_verify, name="signup_verify"),
    path("join/resend/", signup.signup_resend, name="signup_resend"),
    path("r/setup/", signup.shop_setup, name="shop_setup"),
    path("r/shop/", signup.my_shop, name="my_shop"),
    # Choosing and pricing
    path("r/", browse.feed, name="feed"),
    path("r/campaigns/<int:campaign_id>/", browse.campaign, name="campaign"),
    path("r/campaigns/<int:campaign_id>/p/<int:product_id>/", browse.product, name="product"),
    path("r/markup/", markup.markup_settings, name="markup"),
    path("r/markup/preview/", markup.markup_preview, name="markup_preview"),
    path(
        "r/markup/<str:target>/<int:target_id>/",
        markup.override_set,
        name="override_set",
    ),
    path("r/markup/rules/<int:rule_id>/delete/", markup.override_delete, name="override_delete"),
    # Shelf
    path("r/shelf/", shelf.shelf, name="shelf"),
    path("r/shelf/add/", shelf.shelf_add, name="shelf_add"),
    path("r/shelf/remove/", shelf.shelf_remove, name="shelf_remove"),
    # Sharing
    path("r/shares/", shares.shares, name="shares"),
    path("r/shares/new/", shares.share_create, name="share_create"),
    path("r/shares/<str:code>/", shares.share_page, name="share"),
    path("r/shares/<str:code>/text/", shares.share_text, name="share_text"),
    path("r/shares/<str:code>/poster.png", shares.share_poster, name="share_poster"),
    path("r/shares/<str:code>/nine/<int:index>.jpg", shares.share_nine, name="share_nine"),
    path("r/shares/<str:code>/images.zip", shares.share_zip, name="share_zip"),
    # Public: her shop and her short links
    path("s/<str:shop_code>/", shop.shop, name="shop"),
    path("s/<str:shop_code>/c/<int:campaign_id>/", shop.shop_campaign, name="shop_campaign"),
    path(
        "s/<str:shop_code>/p/<int:campaign_id>/<int:product_id>/",
        shop.shop_product,
        name="shop_product",
    ),
    path("l/<str:code>", shop.link, name="link"),
]
