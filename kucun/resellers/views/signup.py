"""Joining: phone → SMS code + password → shop name, avatar, slogan."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kucun.core.errors import DomainError
from kucun.core.models import Role
from kucun.core.permissions import role_required
from kucun.resellers import services
from kucun.resellers.forms import PhoneForm, ShopForm, SignupForm
from kucun.resellers.permissions import reseller_required
from kucun.resellers.selectors import reseller_for_user
from kucun.resellers.sms import last_code_sent
from kucun.resellers.views._common import form_error


def _dev_code(phone: str) -> str | None:
    """In DEBUG with the console backend, the page shows the code it "sent"."""
    if settings.DEBUG and getattr(settings, "SMS_BACKEND", "console") == "console":
        return last_code_sent(phone)
    return None


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Step 1: the phone number; a code is texted to it."""
    if request.user.is_authenticated:
        return redirect("resellers:feed")
    form = PhoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            row = services.phone_code_request(phone=form.cleaned_data["phone"])
        except DomainError as exc:
            form_error(form, exc)
        else:
            return redirect(reverse("resellers:signup_verify") + f"?phone={row.phone}")
    return render(request, "resellers/signup_phone.html", {"form": form})


@require_http_methods(["GET", "POST"])
def signup_verify(request: HttpRequest) -> HttpResponse:
    """Step 2: the code and a password make the account; she is logged in at once."""
    if request.user.is_authenticated:
        return redirect("resellers:feed")
    phone = request.POST.get("phone") or request.GET.get("phone", "")
    try:
        phone = services.phone_normalise(phone)
    except DomainError:
        return redirect("resellers:signup")
    form = SignupForm(request.POST or None, initial={"phone": phone})
    if request.method == "POST" and form.is_valid():
        try:
            user = services.reseller_signup(
                phone=phone,
                code=form.cleaned_data["code"],
                password=form.cleaned_data["password"],
            )
        except DomainError as exc:
            form_error(form, exc)
        else:
            # Through the configured backends, so the session stays valid whichever they are.
            login(
                request,
                authenticate(
                    request, username=user.username, password=form.cleaned_data["password"]
                )
                or user,
            )
            return redirect("resellers:shop_setup")
    context = {"form": form, "phone": phone, "dev_code": _dev_code(phone)}
    return render(request, "resellers/signup_verify.html", context)


@require_http_methods(["POST"])
def signup_resend(request: HttpRequest) -> HttpResponse:
    phone = request.POST.get("phone", "")
    try:
        row = services.phone_code_request(phone=phone)
        messages.success(request, _("A new code is on its way."))
        phone = row.phone
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect(reverse("resellers:signup_verify") + f"?phone={phone}")


@role_required(Role.RESELLER)
@require_http_methods(["GET", "POST"])
def shop_setup(request: HttpRequest) -> HttpResponse:
    """Step 3: open the shop (name, avatar, slogan) and get its code and public address."""
    if reseller_for_user(request.user) is not None:
        return redirect("resellers:feed")
    form = ShopForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            reseller = services.shop_open(
                user=request.user,
                shop_name=form.cleaned_data["shop_name"],
                slogan=form.cleaned_data["slogan"],
                avatar=form.cleaned_data.get("avatar"),
            )
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(
                request,
                _("Your shop is open! Its code is %(code)s.") % {"code": reseller.shop_code},
            )
            return redirect("resellers:my_shop")
    return render(request, "resellers/shop_setup.html", {"form": form})


@reseller_required
@require_http_methods(["GET", "POST"])
def my_shop(request: HttpRequest) -> HttpResponse:
    """Her shop card: code, public link, name/avatar/slogan to edit."""
    reseller = request.reseller
    initial = {"shop_name": reseller.shop_name, "slogan": reseller.slogan}
    form = ShopForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.shop_update(
                reseller=reseller,
                shop_name=form.cleaned_data["shop_name"],
                slogan=form.cleaned_data["slogan"],
                avatar=form.cleaned_data.get("avatar"),
                remove_avatar=form.cleaned_data.get("remove_avatar", False),
            )
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Shop saved."))
            return redirect("resellers:my_shop")
    shop_url = request.build_absolute_uri(reverse("resellers:shop", args=[reseller.shop_code]))
    return render(
        request,
        "resellers/my_shop.html",
        {"form": form, "reseller": reseller, "shop_url": shop_url, "tab": "shop"},
    )
