"""Campaign life cycle: propose, submit, review, allocate, and move with time.

States: draft → submitted → approved → live → ended, or rejected (edit and resubmit) /
cancelled. Every state change is one conditional UPDATE on the campaign row (``state`` in the
states it may leave), so two people acting at once cannot both succeed.

Stock: approval allocates every item through ``inventory.services.stock_allocate`` (one
conditional UPDATE per stock row, in primary-key order, all in the approval's transaction);
ending or cancelling gives back what is still ``available``. Locks are always taken campaign
row → campaign item rows → stock rows, each group in primary-key order.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kucun.campaigns.models import Campaign, CampaignItem, CampaignState
from kucun.campaigns.services.proposals import (
    WINDOW_MESSAGES,
    CampaignIn,
    campaign_in,
    check_banner,
    check_header,
    check_items,
    require_brand_approved,
    write_items,
)
from kucun.catalog.models import Brand
from kucun.core.errors import Conflict, DomainError, InvalidInput
from kucun.inventory.models import StockItem
from kucun.inventory.services import stock_allocate, stock_release

log = logging.getLogger(__name__)

REASON_MAX = 200
# One tick ends at most this many campaigns; the rest are picked up by the next tick.
ADVANCE_BATCH = 200


EDITABLE = (CampaignState.DRAFT, CampaignState.REJECTED)


HOLDING_STOCK = (CampaignState.APPROVED, CampaignState.LIVE)


CANCELLABLE = (
    CampaignState.DRAFT,
    CampaignState.SUBMITTED,
    CampaignState.REJECTED,
    CampaignState.APPROVED,
    CampaignState.LIVE,
)


@dataclass(frozen=True)
class AdvanceResult:
    went_live: int = 0
    ended: int = 0
    units_released: int = 0
    failed: int = 0


def _now(now: datetime | None) -> datetime:
    return now if now is not None else timezone.now()


def _state_label(state: str) -> str:
    return str(CampaignState(state).label)


def _wrong_state(campaign: Campaign, action: str) -> Conflict:
    return Conflict(
        _("This campaign is %(state)s, so it cannot be %(action)s.")
        % {"state": _state_label(campaign.state), "action": action},
        code="campaigns.wrong_state",
        data={"state": campaign.state},
    )


def _move(
    campaign: Campaign, *, from_states: Sequence[str], to_state: str, action: str, **fields
) -> Campaign:
    """Claim the state change with one conditional UPDATE; whoever loses gets a clear 409."""
    updated = Campaign.objects.filter(pk=campaign.pk, state__in=from_states).update(
        state=to_state, updated_at=timezone.now(), **fields
    )
    campaign.refresh_from_db()
    if not updated:
        raise _wrong_state(campaign, action)
    return campaign


def _release_available(campaign: Campaign, *, actor) -> int:
    """Give every unit still ``available`` back to free stock; returns how many."""
    items = list(
        CampaignItem.objects.select_for_update()
        .filter(campaign_id=campaign.pk, available__gt=0)
        .order_by("pk")
    )
    if not items:
        return 0
    rows = StockItem.objects.filter(
        sku_id__in={i.sku_id for i in items}, warehouse_id__in={i.warehouse_id for i in items}
    ).values_list("sku_id", "warehouse_id", "pk")
    stock_ids = {(sku_id, warehouse_id): pk for sku_id, warehouse_id, pk in rows}
    released = 0
    for item in sorted(items, key=lambda i: stock_ids[(i.sku_id, i.warehouse_id)]):
        units = item.available
        if not CampaignItem.objects.filter(pk=item.pk, available=units).update(available=0):
            raise Conflict(
                _("The campaign's stock changed while it was being released; try again."),
                code="campaigns.release_raced",
            )
        stock_release(
            stock_item_id=stock_ids[(item.sku_id, item.warehouse_id)],
            quantity=units,
            reference=f"campaign:{campaign.pk}",
            actor=actor,
        )
        released += units
    return released


@transaction.atomic
def campaign_create(
    *, brand: Brand, data: CampaignIn, actor, banner=None, now: datetime | None = None
) -> Campaign:
    """A brand drafts a campaign of its own active, stocked SKUs at sane prices."""
    now = _now(now)
    check_header(data, now=now)
    lines = check_items(brand=brand, items=data.items, check_free=True)
    check_banner(banner)
    campaign = Campaign.objects.create(
        brand=brand,
        title=data.title.strip(),
        description=(data.description or "").strip(),
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        state=CampaignState.DRAFT,
        created_by=actor,
    )
    write_items(campaign, lines)
    if banner is not None:
        campaign.banner = banner
        campaign.save(update_fields=["banner"])
    return campaign


@transaction.atomic
def campaign_update(
    *, campaign: Campaign, data: CampaignIn, actor, banner=None, now: datetime | None = None
) -> Campaign:
    """A draft or rejected campaign is rewritten whole: header and items, checked as on create."""
    now = _now(now)
    campaign.refresh_from_db()
    if campaign.state not in EDITABLE:
        raise _wrong_state(campaign, _("edited"))
    check_header(data, now=now)
    lines = check_items(brand=campaign.brand, items=data.items, check_free=True)
    check_banner(banner)
    updated = Campaign.objects.filter(pk=campaign.pk, state__in=EDITABLE).update(
        title=data.title.strip(),
        description=(data.description or "").strip(),
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        updated_at=now,
    )
    if not updated:
        campaign.refresh_from_db()
        raise _wrong_state(campaign, _("edited"))
    # Nothing is allocated before approval, so items can simply be replaced.
    campaign.items.all().delete()
    campaign.refresh_from_db()
    write_items(campaign, lines)
    if banner is not None:
        campaign.banner = banner
        campaign.save(update_fields=["banner"])
    return campaign


@transaction.atomic
def campaign_set_banner(*, campaign: Campaign, banner, actor) -> Campaign:
    """A draft or rejected campaign gets a new banner image."""
    check_banner(banner)
    campaign.refresh_from_db()
    if campaign.state not in EDITABLE:
        raise _wrong_state(campaign, _("edited"))
    campaign.banner = banner
    campaign.save(update_fields=["banner", "updated_at"])
    return campaign


@transaction.atomic
def campaign_submit(*, campaign: Campaign, actor, now: datetime | None = None) -> Campaign:
    """An approved brand sends a draft (or a reworked rejected campaign) for review, if its
    window and items still hold and the stock it asks for is free right now."""
    now = _now(now)
    campaign.refresh_from_db()
    if campaign.state not in EDITABLE:
        raise _wrong_state(campaign, _("submitted"))
    require_brand_approved(campaign.brand)
    data = campaign_in(campaign)
    check_header(data, now=now)
    check_items(brand=campaign.brand, items=data.items, check_free=True)
    return _move(
        campaign,
        from_states=EDITABLE,
        to_state=CampaignState.SUBMITTED,
        action=_("submitted"),
        submitted_at=now,
        reject_reason="",
    )


@transaction.atomic
def campaign_approve(*, campaign: Campaign, actor, now: datetime | None = None) -> Campaign:
    """An operator approves a submitted campaign: every item's units are allocated from free
    stock, all or none; it is live at once if its start has come."""
    now = _now(now)
    campaign.refresh_from_db()
    if campaign.state != CampaignState.SUBMITTED:
        raise _wrong_state(campaign, _("approved"))
    require_brand_approved(campaign.brand)
    data = campaign_in(campaign)
    if campaign.ends_at <= now:
        raise InvalidInput(
            str(WINDOW_MESSAGES["campaigns.ends_in_past"]), code="campaigns.ends_in_past"
        )
    # Free stock is checked definitively by the allocations below, not by reading it here.
    lines = check_items(brand=campaign.brand, items=data.items, check_free=False)
    to_state = CampaignState.LIVE if campaign.starts_at <= now else CampaignState.APPROVED
    _move(
        campaign,
        from_states=[CampaignState.SUBMITTED],
        to_state=to_state,
        action=_("approved"),
        reviewed_by=actor,
        reviewed_at=now,
        reject_reason="",
    )
    for line in sorted(lines, key=lambda ln: ln.stock_item.pk):
        try:
            stock_allocate(
                stock_item_id=line.stock_item.pk,
                quantity=line.data.quantity,
                reference=f"campaign:{campaign.pk}",
                actor=actor,
            )
        except Conflict as exc:
            raise Conflict(
                _(
                    "Cannot approve: %(sku)s has only %(free)s free units, the campaign wants "
                    "%(wanted)s. Nothing was allocated."
                )
                % {
                    "sku": line.sku.code,
                    "free": exc.data.get("free", "?"),
                    "wanted": line.data.quantity,
                },
                code="campaigns.insufficient_stock",
                data={"item": line.index, "sku": line.sku.code, **exc.data},
            ) from exc
    CampaignItem.objects.filter(campaign=campaign).update(available=F("quantity"))
    return campaign


@transaction.atomic
def campaign_reject(
    *, campaign: Campaign, actor, reason: str, now: datetime | None = None
) -> Campaign:
    """An operator sends a submitted campaign back, always saying why."""
    now = _now(now)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(
            _("Say why the campaign is rejected."),
            code="campaigns.reason_required",
            data={"field": "reason"},
        )
    if len(reason) > REASON_MAX:
        raise InvalidInput(
            _("The reason may be at most %(n)s characters.") % {"n": REASON_MAX},
            code="campaigns.reason_too_long",
            data={"field": "reason"},
        )
    return _move(
        campaign,
        from_states=[CampaignState.SUBMITTED],
        to_state=CampaignState.REJECTED,
        action=_("rejected"),
        reject_reason=reason,
        reviewed_by=actor,
        reviewed_at=now,
    )


@transaction.atomic
def campaign_cancel(*, campaign: Campaign, actor, now: datetime | None = None) -> Campaign:
    """A campaign is called off before its end; stock it still holds goes back to free stock."""
    now = _now(now)
    updated = (
        Campaign.objects.filter(pk=campaign.pk)
        .filter(
            Q(state__in=[s for s in CANCELLABLE if s not in HOLDING_STOCK])
            | Q(state__in=HOLDING_STOCK, ends_at__gt=now)
        )
        .update(state=CampaignState.CANCELLED, updated_at=now)
    )
    campaign.refresh_from_db()
    if not updated:
        if campaign.state in HOLDING_STOCK:
            raise Conflict(
                _("This campaign has already ended; it cannot be cancelled."),
                code="campaigns.already_ended",
            )
        raise _wrong_state(campaign, _("cancelled"))
    # Read the items only after winning the state change: an approval that committed just
    # before us has set ``available`` by now, and it is all given back.
    _release_available(campaign, actor=actor)
    return campaign


@transaction.atomic
def _campaign_end(*, campaign_id: int, now: datetime) -> int | None:
    """End one campaign whose time is up; None if someone else already did."""
    updated = Campaign.objects.filter(
        pk=campaign_id, state__in=HOLDING_STOCK, ends_at__lte=now
    ).update(state=CampaignState.ENDED, updated_at=now)
    if not updated:
        return None
    return _release_available(Campaign(pk=campaign_id), actor=None)


def campaigns_advance(*, now: datetime) -> AdvanceResult:
    """Approved campaigns open at their start and close at their end, giving unsold units
    back to free stock. Safe to run any number of times for the same ``now``."""
    went_live = Campaign.objects.filter(
        state=CampaignState.APPROVED, starts_at__lte=now, ends_at__gt=now
    ).update(state=CampaignState.LIVE, updated_at=now)
    due = list(
        Campaign.objects.filter(state__in=HOLDING_STOCK, ends_at__lte=now)
        .order_by("ends_at", "pk")
        .values_list("pk", flat=True)[:ADVANCE_BATCH]
    )
    ended = released = failed = 0
    for campaign_id in due:
        try:
            units = _campaign_end(campaign_id=campaign_id, now=now)
        except DomainError:
            log.exception("campaign %s could not be ended", campaign_id)
            failed += 1
            continue
        if units is not None:
            ended += 1
            released += units
    return AdvanceResult(went_live=went_live, ended=ended, units_released=released, failed=failed)
