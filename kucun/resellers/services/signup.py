"""Joining: an SMS code proves the phone, the phone becomes the login, then the shop opens."""

from __future__ import annotations

import io
import logging
import re
import secrets
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from kucun.core.errors import Conflict, DomainError, InvalidInput
from kucun.core.models import Role
from kucun.resellers.models import PhoneCode, Reseller
from kucun.resellers.services._common import (
    SHOP_CODE_ALPHABET,
    now_or,
    random_code,
    shop_forget,
)
from kucun.resellers.sms import get_sms_sender

log = logging.getLogger(__name__)

PHONE_RE = re.compile(r"^1[3-9]\d{9}$")
CODE_TTL = timedelta(minutes=5)
RESEND_AFTER = timedelta(seconds=60)
MAX_CODES_PER_HOUR = 5
MAX_ATTEMPTS = 5
SIGNUP = "signup"

SHOP_NAME_MAX = 40
SLOGAN_MAX = 80
AVATAR_MAX_BYTES = 5 * 1024 * 1024
AVATAR_SIDE = 400
SHOP_CODE_LENGTH = 6


class SmsUnavailable(DomainError):
    code = "signup.sms_failed"
    status = 503


def phone_normalise(raw: str) -> str:
    """ "+86 138-0013-8000" -> "13800138000"; anything but a mainland mobile number is refused."""
    digits = re.sub(r"[\s\-()]", "", raw or "")
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not PHONE_RE.match(digits):
        raise InvalidInput(
            _("Enter an 11-digit mainland China mobile number, e.g. 13800138000."),
            code="signup.bad_phone",
            data={"field": "phone"},
        )
    return digits


def _code_hash(phone: str, code: str) -> str:
    return salted_hmac(
        "kucun.resellers.phone_code", f"{phone}:{code}", algorithm="sha256"
    ).hexdigest()


def _phone_taken(phone: str) -> bool:
    return get_user_model().objects.filter(Q(username=phone) | Q(phone=phone)).exists()


def _taken_error() -> Conflict:
    return Conflict(
        _("This phone number already has an account. Log in instead."),
        code="signup.phone_taken",
        data={"field": "phone"},
    )


@transaction.atomic
def phone_code_request(*, phone: str, now: datetime | None = None) -> PhoneCode:
    """Send a 6-digit code to a phone with no account yet: one a minute, five an hour."""
    now = now_or(now)
    phone = phone_normalise(phone)
    if _phone_taken(phone):
        raise _taken_error()
    recent = PhoneCode.objects.filter(
        phone=phone, purpose=SIGNUP, created_at__gt=now - timedelta(hours=1)
    )
    last = recent.order_by("-created_at").first()
    if last is not None and last.created_at > now - RESEND_AFTER:
        wait = int((last.created_at + RESEND_AFTER - now).total_seconds()) + 1
        raise Conflict(
            _("A code was just sent. You can ask for another in %(s)s seconds.") % {"s": wait},
            code="signup.code_too_soon",
            data={"field": "phone", "retry_after": wait},
        )
    if recent.count() >= MAX_CODES_PER_HOUR:
        raise Conflict(
            _("Too many codes for this number. Try again in an hour."),
            code="signup.too_many_codes",
            data={"field": "phone"},
        )
    code = f"{secrets.randbelow(10**6):06d}"
    row = PhoneCode.objects.create(
        phone=phone,
        purpose=SIGNUP,
        code_hash=_code_hash(phone, code),
        created_at=now,
        expires_at=now + CODE_TTL,
    )
    text = _("[Kucun] Your verification code is %(code)s. It is valid for 5 minutes.") % {
        "code": code
    }
    try:
        get_sms_sender().send_code(phone=phone, code=code, text=text)
    except Exception as exc:
        log.exception("SMS to %s failed", phone)
        raise SmsUnavailable(
            _("The text message could not be sent. Try again in a minute.")
        ) from exc
    return row


def phone_code_verify(*, phone: str, code: str, now: datetime | None = None) -> None:
    """The newest code for the phone, unexpired, with fewer than 5 wrong tries, must match.

    A wrong try is counted (and committed) before the error is raised, so the limit holds even
    when the caller rolls back.
    """
    now = now_or(now)
    code = (code or "").strip()
    row = (
        PhoneCode.objects.filter(phone=phone, purpose=SIGNUP, used_at__isnull=True)
        .order_by("-created_at", "-id")
        .first()
    )
    field = {"field": "code"}
    if row is None:
        raise InvalidInput(
            _("Ask for a verification code first."), code="signup.no_code", data=field
        )
    if row.expires_at <= now:
        raise InvalidInput(
            _("This code has expired. Ask for a new one."), code="signup.code_expired", data=field
        )
    if row.attempts >= MAX_ATTEMPTS:
        raise InvalidInput(
            _("Too many wrong tries. Ask for a new code."),
            code="signup.too_many_attempts",
            data=field,
        )
    if not constant_time_compare(row.code_hash, _code_hash(phone, code)):
        with transaction.atomic():
            PhoneCode.objects.filter(pk=row.pk).update(attempts=F("attempts") + 1)
        left = MAX_ATTEMPTS - row.attempts - 1
        if left <= 0:
            raise InvalidInput(
                _("Too many wrong tries. Ask for a new code."),
                code="signup.too_many_attempts",
                data=field,
            )
        raise InvalidInput(
            _("The code is not right. %(n)s tries left.") % {"n": left},
            code="signup.code_wrong",
            data={**field, "tries_left": left},
        )
    with transaction.atomic():
        claimed = PhoneCode.objects.filter(
            pk=row.pk, used_at__isnull=True, attempts__lt=MAX_ATTEMPTS
        ).update(used_at=now)
    if not claimed:
        raise InvalidInput(
            _("This code was already used. Ask for a new one."),
            code="signup.code_used",
            data=field,
        )


def reseller_signup(*, phone: str, code: str, password: str, now: datetime | None = None):
    """A proven phone with a good password becomes a reseller account (username = phone)."""
    User = get_user_model()
    phone = phone_normalise(phone)
    try:
        validate_password(password, User(username=phone, phone=phone))
    except ValidationError as exc:
        raise InvalidInput(
            " ".join(exc.messages), code="signup.weak_password", data={"field": "password"}
        ) from None
    if _phone_taken(phone):
        raise _taken_error()
    phone_code_verify(phone=phone, code=code, now=now)
    try:
        with transaction.atomic():
            return User.objects.create_user(
                username=phone, phone=phone, password=password, role=Role.RESELLER
            )
    except IntegrityError:
        raise _taken_error() from None


def _clean_shop_fields(shop_name: str, slogan: str) -> tuple[str, str]:
    shop_name = (shop_name or "").strip()
    slogan = (slogan or "").strip()
    if not shop_name:
        raise InvalidInput(
            _("Give your shop a name."), code="shop.name_required", data={"field": "shop_name"}
        )
    if len(shop_name) > SHOP_NAME_MAX:
        raise InvalidInput(
            _("The shop name may be at most %(n)s characters.") % {"n": SHOP_NAME_MAX},
            code="shop.name_too_long",
            data={"field": "shop_name"},
        )
    if len(slogan) > SLOGAN_MAX:
        raise InvalidInput(
            _("The slogan may be at most %(n)s characters.") % {"n": SLOGAN_MAX},
            code="shop.slogan_too_long",
            data={"field": "slogan"},
        )
    return shop_name, slogan


def _avatar_file(upload: UploadedFile) -> ContentFile:
    """Any photo in, a small square JPEG out (posters draw it often; phones upload 10 MB)."""
    bad = InvalidInput(
        _("The avatar must be a JPEG, PNG or WebP image under 5 MB."),
        code="shop.bad_avatar",
        data={"field": "avatar"},
    )
    if upload.size and upload.size > AVATAR_MAX_BYTES:
        raise bad
    try:
        upload.seek(0)
        with Image.open(upload) as img:
            if img.format not in {"JPEG", "PNG", "WEBP", "MPO"}:
                raise bad
            img = ImageOps.exif_transpose(img).convert("RGB")
            img = ImageOps.fit(img, (AVATAR_SIDE, AVATAR_SIDE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            img.save(out, "JPEG", quality=88)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise bad from None
    return ContentFile(out.getvalue(), name=f"{random_code(12)}.jpg")


@transaction.atomic
def shop_open(
    *, user, shop_name: str, slogan: str = "", avatar: UploadedFile | None = None
) -> Reseller:
    """A reseller account opens its one shop and gets a unique short shop code."""
    if getattr(user, "role", None) != Role.RESELLER:
        raise InvalidInput(_("Only reseller accounts can open a shop."), code="shop.not_reseller")
    if Reseller.objects.filter(user=user).exists():
        raise Conflict(_("You already have a shop."), code="shop.exists")
    shop_name, slogan = _clean_shop_fields(shop_name, slogan)
    avatar_file = _avatar_file(avatar) if avatar else None
    for _try in range(10):
        code = random_code(SHOP_CODE_LENGTH, SHOP_CODE_ALPHABET)
        if Reseller.objects.filter(shop_code=code).exists():
            continue
        try:
            with transaction.atomic():
                reseller = Reseller(user=user, shop_name=shop_name, slogan=slogan, shop_code=code)
                if avatar_file is not None:
                    reseller.avatar.save(avatar_file.name, avatar_file, save=False)
                reseller.save()
                return reseller
        except IntegrityError:
            if Reseller.objects.filter(user=user).exists():
                raise Conflict(_("You already have a shop."), code="shop.exists") from None
    raise Conflict(_("Could not pick a shop code; try again."), code="shop.code_exhausted")


@transaction.atomic
def shop_update(
    *,
    reseller: Reseller,
    shop_name: str,
    slogan: str = "",
    avatar: UploadedFile | None = None,
    remove_avatar: bool = False,
) -> Reseller:
    """Her shop's name, slogan and avatar; the shop code never changes (links depend on it)."""
    shop_name, slogan = _clean_shop_fields(shop_name, slogan)
    reseller.shop_name, reseller.slogan = shop_name, slogan
    if avatar:
        avatar_file = _avatar_file(avatar)
        reseller.avatar.save(avatar_file.name, avatar_file, save=False)
    elif remove_avatar:
        reseller.avatar = ""
    reseller.save(update_fields=["shop_name", "slogan", "avatar", "updated_at"])
    shop_forget(reseller)
    return reseller
