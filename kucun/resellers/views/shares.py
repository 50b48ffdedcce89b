"""One-tap sharing (一键转发): make or reuse her link, then poster, 9 images and copy text."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from kucun.core.errors import DomainError, NotFound
from kucun.resellers import selectors, services
from kucun.resellers.forms import ShareForm
from kucun.resellers.models import Channel, Share
from kucun.resellers.permissions import reseller_required
from kucun.resellers.share_content import ShareContent, share_content_get, tones
from kucun.resellers.sharing.copytext import DEFAULT_TONE, TONES
from kucun.resellers.sharing.poster import TEMPLATE_NAMES, TEMPLATES

PRIVATE_CACHE = "private, max-age=300"


def selling_shop_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Share material (text, poster, images) is for selling: a suspended shop gets a 403 page."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.reseller.is_active:
            message = _("Your shop is suspended: %(reason)s") % {
                "reason": request.reseller.suspended_reason
            }
            context = {"message": message, "tab": "shares"}
            return render(request, "resellers/not_available.html", context, status=403)
        return view(request, *args, **kwargs)

    return wrapped


def link_url(request: HttpRequest, share: Share) -> str:
    return request.build_absolute_uri(reverse("resellers:link", args=[share.code]))


def _own_share(request: HttpRequest, code: str) -> Share:
    """Her share by code; another reseller's is simply not found."""
    share = selectors.share_of(reseller=request.reseller, code=code)
    if share is None:
        raise Http404
    share.reseller = request.reseller
    return share


def _content(request: HttpRequest, share: Share) -> ShareContent:
    return share_content_get(share=share, link_url=link_url(request, share), now=timezone.now())


def _content_or_404(request: HttpRequest, share: Share) -> ShareContent:
    """For the image endpoints: a share whose campaign is gone has no images."""
    try:
        return _content(request, share)
    except NotFound as exc:
        raise Http404 from exc


def _template(request: HttpRequest) -> str:
    template = request.GET.get("t")
    return template if template in TEMPLATES else "classic"


def _ended(request: HttpRequest, share: Share) -> HttpResponse:
    return render(
        request,
        "resellers/not_available.html",
        {"message": _("The campaign of this share has ended."), "tab": "shares"},
        status=410,
    )


@reseller_required
@require_safe
def shares(request: HttpRequest) -> HttpResponse:
    """Her share dashboard: each link with visits, visitors, orders and GMV."""
    rows = selectors.share_rows(reseller=request.reseller, now=timezone.now())
    totals = {
        "visits": sum(r.share.visits for r in rows),
        "visitors": sum(r.share.visitors for r in rows),
        "orders": sum(r.stats.orders for r in rows),
        "gmv_fen": sum(r.stats.gmv_fen for r in rows),
    }
    return render(
        request, "resellers/shares.html", {"rows": rows, "totals": totals, "tab": "shares"}
    )


@reseller_required
@require_POST
def share_create(request: HttpRequest) -> HttpResponse:
    """Make (or reuse) her link for a product or a whole campaign, then show the share page."""
    form = ShareForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose something to share."))
        return redirect("resellers:feed")
    try:
        share = services.share_get_or_create(
            reseller=request.reseller,
            campaign_id=form.cleaned_data["campaign"],
            product_id=form.cleaned_data["product"],
            channel=form.cleaned_data["channel"] or Channel.WECHAT_MOMENTS,
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(request.META.get("HTTP_REFERER") or reverse("resellers:feed"))
    return redirect("resellers:share", code=share.code)


@reseller_required
@selling_shop_required
@require_safe
def share_page(request: HttpRequest, code: str) -> HttpResponse:
    share = _own_share(request, code)
    try:
        content = _content(request, share)
    except NotFound:
        return _ended(request, share)
    tone = _tone(request)
    template = _template(request)
    context = {
        "c": content,
        "share": share,
        "tone": tone,
        "tones": tones(),
        "text": content.copy_text(tone),
        "template": template,
        "templates": [(key, TEMPLATE_NAMES.get(key, key)) for key in TEMPLATES],
        "channels": Channel.choices,
        "nine_indexes": range(1, min(9, max(1, len(content.image_paths))) + 1),
        "tab": "shares",
    }
    return render(request, "resellers/share.html", context)


@reseller_required
@selling_shop_required
@require_safe
def share_text(request: HttpRequest, code: str) -> HttpResponse:
    """htmx: the copy text in another tone (the textarea is swapped, still editable)."""
    share = _own_share(request, code)
    try:
        content = _content(request, share)
    except NotFound:
        return _ended(request, share)
    tone = _tone(request)
    return render(
        request,
        "resellers/_share_text.html",
        {"text": content.copy_text(tone), "tone": tone, "tones": tones(), "share": share},
    )


def _tone(request: HttpRequest) -> str:
    tone = request.GET.get("tone") or DEFAULT_TONE
    return tone if tone in TONES else DEFAULT_TONE


def _image_response(data: bytes, content_type: str, filename: str, download: bool) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Cache-Control"] = PRIVATE_CACHE
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@reseller_required
@selling_shop_required
@require_safe
def share_poster(request: HttpRequest, code: str) -> HttpResponse:
    """The poster PNG (cached until price, stock band, template or images change)."""
    share = _own_share(request, code)
    return _image_response(
        _content_or_404(request, share).poster_png(template=_template(request)),
        "image/png",
        f"poster-{share.code}.png",
        bool(request.GET.get("download")),
    )


@reseller_required
@selling_shop_required
@require_safe
def share_nine(request: HttpRequest, code: str, index: int) -> HttpResponse:
    """One image of the 9-image set (1-based)."""
    share = _own_share(request, code)
    images = _content_or_404(request, share).nine_images()
    if not 1 <= index <= len(images):
        raise Http404
    return _image_response(
        images[index - 1],
        "image/jpeg",
        f"{share.code}-{index}.jpg",
        bool(request.GET.get("download")),
    )


@reseller_required
@selling_shop_required
@require_safe
def share_zip(request: HttpRequest, code: str) -> HttpResponse:
    """The poster and the 9-image set in one zip."""
    share = _own_share(request, code)
    content = _content_or_404(request, share)
    return _image_response(
        content.zip_all(template=_template(request)),
        "application/zip",
        f"share-{share.code}.zip",
        True,
    )
