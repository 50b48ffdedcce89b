"""Signup, her shop and her markup."""

from __future__ import annotations

from django.contrib.auth import authenticate, login
from django.http import HttpRequest
from django.middleware.csrf import get_token
from ninja import File, Form, Status, UploadedFile

from kucun.resellers import schemas as s
from kucun.resellers import selectors, services
from kucun.resellers.api._common import (
    _markup,
    _override,
    _reseller,
    _shop,
    her,
    router,
)
from kucun.resellers.services.signup import RESEND_AFTER

# --- signup (anonymous) -----------------------------------------------------------------------


@router.post(
    "/signup/code",
    response={200: s.SignupCodeOut, 400: s.ProblemOut, 409: s.ProblemOut, 503: s.ProblemOut},
    summary="Text a signup code to a phone",
    description="Sends a 6-digit code valid 5 minutes; at most one a minute and five an hour. "
    "409 `signup.phone_taken` when the number already has an account.",
)
def signup_code(request: HttpRequest, payload: s.SignupCodeIn):
    row = services.phone_code_request(phone=payload.phone)
    return {
        "phone": row.phone,
        "expires_at": row.expires_at,
        "resend_after_seconds": int(RESEND_AFTER.total_seconds()),
    }


@router.post(
    "/signup",
    response={201: s.AccountOut, 400: s.ProblemOut, 409: s.ProblemOut},
    summary="Create a reseller account with the SMS code",
    description="The phone becomes the login. Wrong codes count (5 tries), codes expire after "
    "5 minutes. On success the session is logged in; open the shop next with POST /shop.",
)
def signup(request: HttpRequest, payload: s.SignupIn):
    user = services.reseller_signup(
        phone=payload.phone, code=payload.code, password=payload.password
    )
    # Through the configured backends, so the session stays valid whichever they are.
    login(request, authenticate(request, username=user.username, password=payload.password) or user)
    return Status(
        201,
        {
            "user_id": user.pk,
            "phone": user.phone,
            "has_shop": False,
            "csrf_token": get_token(request),
        },
    )


# --- her shop ---------------------------------------------------------------------------------


@router.post(
    "/shop",
    auth=her,
    response={201: s.ShopOut, 400: s.ProblemOut, 409: s.ProblemOut},
    summary="Open her shop",
    description="Multipart form: shop_name, slogan, optional avatar image. Gets a unique shop "
    "code and a public shop URL.",
)
def shop_open(
    request: HttpRequest, data: Form[s.ShopOpenIn], avatar: File[UploadedFile] | None = None
):
    reseller = services.shop_open(
        user=request.auth, shop_name=data.shop_name, slogan=data.slogan, avatar=avatar
    )
    return Status(201, _shop(request, reseller))


@router.get("/shop", auth=her, response={200: s.ShopOut, 409: s.ProblemOut}, summary="Her shop")
def shop_get(request: HttpRequest):
    return _shop(request, _reseller(request))


@router.put(
    "/shop",
    auth=her,
    response={200: s.ShopOut, 400: s.ProblemOut, 409: s.ProblemOut},
    summary="Rename her shop or change its slogan",
)
def shop_update(request: HttpRequest, payload: s.ShopUpdateIn):
    reseller = _reseller(request)
    services.shop_update(reseller=reseller, shop_name=payload.shop_name, slogan=payload.slogan)
    return _shop(request, reseller)


@router.post(
    "/shop/avatar",
    auth=her,
    response={200: s.ShopOut, 400: s.ProblemOut, 409: s.ProblemOut},
    summary="Upload her avatar",
    description="JPEG, PNG or WebP under 5 MB; stored as a 400×400 JPEG.",
)
def shop_avatar(request: HttpRequest, avatar: File[UploadedFile]):
    reseller = _reseller(request)
    services.shop_update(
        reseller=reseller, shop_name=reseller.shop_name, slogan=reseller.slogan, avatar=avatar
    )
    return _shop(request, reseller)


# --- markup -----------------------------------------------------------------------------------


@router.get(
    "/markup", auth=her, response={200: s.MarkupOut, 409: s.ProblemOut}, summary="Her markup"
)
def markup_get(request: HttpRequest):
    return _markup(_reseller(request))


@router.put(
    "/markup",
    auth=her,
    response={200: s.MarkupOut, 400: s.ProblemOut, 409: s.ProblemOut},
    summary="Set her shop-wide markup and rounding",
    description="Her price = platform price + markup, rounded up to the rule, never below the "
    "platform or the brand's minimum price, never above the tag price.",
)
def markup_update(request: HttpRequest, payload: s.MarkupIn):
    reseller = services.reseller_markup_set(
        reseller=_reseller(request),
        kind=payload.kind,
        value=payload.value,
        rounding=payload.rounding,
    )
    return _markup(reseller)


@router.get(
    "/markup/overrides",
    auth=her,
    response={200: list[s.OverrideOut], 409: s.ProblemOut},
    summary="Her per-campaign and per-product markups",
)
def overrides_list(request: HttpRequest):
    return [_override(rule) for rule in selectors.markup_rules_for(_reseller(request))]


@router.put(
    "/markup/overrides",
    auth=her,
    response={200: s.OverrideOut, 400: s.ProblemOut, 404: s.ProblemOut, 409: s.ProblemOut},
    summary="Set her markup for one campaign or one product",
    description="A product markup beats a campaign markup, which beats the shop markup.",
)
def override_set(request: HttpRequest, payload: s.OverrideIn):
    rule = services.markup_rule_set(
        reseller=_reseller(request),
        campaign_id=payload.campaign_id,
        product_id=payload.product_id,
        kind=payload.kind,
        value=payload.value,
    )
    return _override(rule)


@router.delete(
    "/markup/overrides/{rule_id}",
    auth=her,
    response={204: None, 404: s.ProblemOut, 409: s.ProblemOut},
    summary="Remove one of her overrides",
)
def override_delete(request: HttpRequest, rule_id: int):
    services.markup_rule_delete(reseller=_reseller(request), rule_id=rule_id)
    return Status(204, None)
