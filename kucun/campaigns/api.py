"""Campaign API: brands propose and manage their own, operators review, everyone signed in
sees the live and upcoming ones. Prices are integer fen."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.security import SessionAuth

from kucun.campaigns import selectors, services
from kucun.campaigns.models import Campaign
from kucun.catalog.auth import brand_auth
from kucun.catalog.permissions import api_brand
from kucun.core.api_auth import RoleSession
from kucun.core.errors import NotFound
from kucun.core.models import Role

router = Router(tags=["campaigns"])
operator_auth = RoleSession(Role.OPERATOR)
signed_in = SessionAuth()


class CampaignItemInSchema(Schema):
    sku_id: int
    warehouse_id: int
    quantity: int
    platform_price_fen: int
    min_resale_price_fen: int | None = None


class CampaignInSchema(Schema):
    title: str
    description: str = ""
    starts_at: datetime
    ends_at: datetime
    items: list[CampaignItemInSchema]


class RejectIn(Schema):
    reason: str


class CampaignItemOut(Schema):
    id: int
    sku_id: int
    sku_code: str
    product_title: str
    color: str
    size: str
    warehouse_id: int
    quantity: int
    available: int
    platform_price_fen: int
    min_resale_price_fen: int | None
    tag_price_fen: int


class CampaignOut(Schema):
    id: int
    brand_id: int
    brand_name: str
    title: str
    description: str
    banner_url: str | None
    starts_at: datetime
    ends_at: datetime
    state: str
    reject_reason: str
    submitted_at: datetime | None
    reviewed_at: datetime | None
    items: list[CampaignItemOut]


class CampaignSummaryOut(Schema):
    id: int
    brand_id: int
    brand_name: str
    title: str
    banner_url: str | None
    starts_at: datetime
    ends_at: datetime
    state: str
    item_count: int
    units_total: int
    units_left: int
    price_min_fen: int | None
    price_max_fen: int | None
    best_discount_permille: int | None


class ListingOut(Schema):
    live: list[CampaignSummaryOut]
    upcoming: list[CampaignSummaryOut]


def _actor(request: HttpRequest):
    """The user behind a call; None for a brand's ERP token (the journal then says "system")."""
    return request.user if request.user.is_authenticated else None


def _aware(value: datetime) -> datetime:
    """A time sent without a zone is read in the platform's zone (Beijing time)."""
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _data(payload: CampaignInSchema) -> services.CampaignIn:
    return services.CampaignIn(
        title=payload.title,
        description=payload.description,
        starts_at=_aware(payload.starts_at),
        ends_at=_aware(payload.ends_at),
        items=[services.CampaignItemIn(**item.dict()) for item in payload.items],
    )


def _banner_url(campaign: Campaign) -> str | None:
    return campaign.banner.url if campaign.banner else None


def _out(campaign: Campaign) -> dict:
    items = campaign.items.select_related("sku", "sku__product").order_by("pk")
    return {
        "id": campaign.pk,
        "brand_id": campaign.brand_id,
        "brand_name": campaign.brand.name,
        "title": campaign.title,
        "description": campaign.description,
        "banner_url": _banner_url(campaign),
        "starts_at": campaign.starts_at,
        "ends_at": campaign.ends_at,
        "state": campaign.state,
        "reject_reason": campaign.reject_reason,
        "submitted_at": campaign.submitted_at,
        "reviewed_at": campaign.reviewed_at,
        "items": [
            {
                "id": item.pk,
                "sku_id": item.sku_id,
                "sku_code": item.sku.code,
                "product_title": item.sku.product.title,
                "color": item.sku.color,
                "size": item.sku.size,
                "warehouse_id": item.warehouse_id,
                "quantity": item.quantity,
                "available": item.available,
                "platform_price_fen": item.platform_price_fen,
                "min_resale_price_fen": item.min_resale_price_fen,
                "tag_price_fen": item.sku.tag_price_fen,
            }
            for item in items
        ],
    }


def _summary(campaign: Campaign) -> dict:
    return {
        "id": campaign.pk,
        "brand_id": campaign.brand_id,
        "brand_name": campaign.brand.name,
        "title": campaign.title,
        "banner_url": _banner_url(campaign),
        "starts_at": campaign.starts_at,
        "ends_at": campaign.ends_at,
        "state": campaign.state,
        "item_count": campaign.item_count,
        "units_total": campaign.units_total,
        "units_left": campaign.units_left,
        "price_min_fen": campaign.price_min_fen,
        "price_max_fen": campaign.price_max_fen,
        "best_discount_permille": campaign.best_permille,
    }


def _own(request: HttpRequest, campaign_id: int) -> Campaign:
    campaign = selectors.campaign_for_brand(brand=api_brand(request), campaign_id=campaign_id)
    if campaign is None:
        raise NotFound(_("No such campaign."), code="campaigns.not_found")
    return campaign


def _any(campaign_id: int) -> Campaign:
    campaign = Campaign.objects.select_related("brand").filter(pk=campaign_id).first()
    if campaign is None:
        raise NotFound(_("No such campaign."), code="campaigns.not_found")
    return campaign


@router.get("/listed", response=ListingOut, auth=signed_in, summary="Live and upcoming campaigns")
def listed(request: HttpRequest):
    listing = selectors.campaigns_live_and_upcoming(now=timezone.now())
    return {
        "live": [_summary(c) for c in listing.live],
        "upcoming": [_summary(c) for c in listing.upcoming],
    }


@router.get("/review", response=list[CampaignOut], auth=operator_auth, summary="Review queue")
def review(request: HttpRequest):
    return [_out(c) for c in selectors.review_queue().campaigns]


@router.get("/", response=list[CampaignSummaryOut], auth=brand_auth, summary="My campaigns")
def my_campaigns(request: HttpRequest, state: str = ""):
    return [
        _summary(c) for c in selectors.campaigns_for_brand(brand=api_brand(request), state=state)
    ]


@router.post("/", response={201: CampaignOut}, auth=brand_auth, summary="Propose a campaign")
def create(request: HttpRequest, payload: CampaignInSchema):
    campaign = services.campaign_create(
        brand=api_brand(request), data=_data(payload), actor=_actor(request)
    )
    return Status(201, _out(campaign))


@router.get("/{int:campaign_id}", response=CampaignOut, auth=brand_auth)
def get(request: HttpRequest, campaign_id: int):
    return _out(_own(request, campaign_id))


@router.put("/{int:campaign_id}", response=CampaignOut, auth=brand_auth, summary="Rewrite a draft")
def update(request: HttpRequest, campaign_id: int, payload: CampaignInSchema):
    campaign = services.campaign_update(
        campaign=_own(request, campaign_id), data=_data(payload), actor=_actor(request)
    )
    return _out(campaign)


@router.post("/{int:campaign_id}/banner", response=CampaignOut, auth=brand_auth)
def upload_banner(request: HttpRequest, campaign_id: int, banner: File[UploadedFile]):
    campaign = services.campaign_set_banner(
        campaign=_own(request, campaign_id), banner=banner, actor=_actor(request)
    )
    return _out(campaign)


@router.post("/{int:campaign_id}/submit", response=CampaignOut, auth=brand_auth)
def submit(request: HttpRequest, campaign_id: int):
    campaign = services.campaign_submit(campaign=_own(request, campaign_id), actor=_actor(request))
    return _out(campaign)


@router.post("/{int:campaign_id}/cancel", response=CampaignOut, auth=brand_auth)
def cancel(request: HttpRequest, campaign_id: int):
    campaign = services.campaign_cancel(campaign=_own(request, campaign_id), actor=_actor(request))
    return _out(campaign)


@router.post("/{int:campaign_id}/approve", response=CampaignOut, auth=operator_auth)
def approve(request: HttpRequest, campaign_id: int):
    return _out(services.campaign_approve(campaign=_any(campaign_id), actor=request.user))


@router.post("/{int:campaign_id}/reject", response=CampaignOut, auth=operator_auth)
def reject(request: HttpRequest, campaign_id: int, payload: RejectIn):
    campaign = services.campaign_reject(
        campaign=_any(campaign_id), actor=request.user, reason=payload.reason
    )
    return _out(campaign)
