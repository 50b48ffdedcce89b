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
from django.utils.translation import gettext_lazy
from PIL import Image, UnidentifiedImageError

from kucun.campaigns.models import Campaign, CampaignItem, CampaignState
from kucun.campaigns.rules import price_problem, window_problem
from kucun.catalog.models import SKU, Brand, BrandStatus, ProductStatus
from kucun.core.errors import Conflict, DomainError, Forbidden, InvalidInput
from kucun.core.money import format_fen
from kucun.inventory.models import StockItem, Warehouse
from kucun.inventory.services import stock_allocate, stock_release

log = logging.getLogger(__name__)

TITLE_MAX = 80
DESCRIPTION_MAX = 2000
REASON_MAX = 200
BANNER_MAX_BYTES = 5 * 1024 * 1024
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
class CampaignItemIn:
    sku_id: int
    warehouse_id: int
    quantity: int
    platform_price_fen: int
    min_resale_price_fen: int | None = None


@dataclass(frozen=True)
class CampaignIn:
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    items: Sequence[CampaignItemIn]


@dataclass(frozen=True)
class AdvanceResult:
    went_live: int = 0
    ended: int = 0
    units_released: int = 0
    failed: int = 0


@dataclass(frozen=True)
class _Line:
    """An item checked against the catalogue and the stock it comes from."""

    index: int
    data: CampaignItemIn
    sku: SKU
    stock_item: StockItem


# What each problem code says to a person; ``%(line)s`` etc. come from the failing item.
_WINDOW_MESSAGES = {
    "campaigns.ends_before_start": gettext_lazy("The end must be after the start."),
    "campaigns.ends_in_past": gettext_lazy("The end is already in the past."),
    "campaigns.too_short": gettext_lazy("A campaign must last at least one hour."),
    "campaigns.too_long": gettext_lazy("A campaign may last at most 30 days."),
    "campaigns.starts_too_late": gettext_lazy(
        "The start may be at most 90 days ahead; propose it nearer the time."
    ),
}
_PRICE_MESSAGES = {
    "campaigns.bad_price": gettext_lazy(
        "Item %(line)s (%(sku)s): the platform price must be greater than zero."
    ),
    "campaigns.price_below_supply": gettext_lazy(
        "Item %(line)s (%(sku)s): the platform price ¥%(price)s is below the supply price "
        "¥%(supply)s."
    ),
    "campaigns.price_above_tag": gettext_lazy(
        "Item %(line)s (%(sku)s): the platform price ¥%(price)s is above the tag price ¥%(tag)s."
    ),
    "campaigns.min_resale_below_price": gettext_lazy(
        "Item %(line)s (%(sku)s): the minimum resale price ¥%(min_resale)s is below the "
        "platform price ¥%(price)s."
    ),
    "campaigns.min_resale_above_tag": gettext_lazy(
        "Item %(line)s (%(sku)s): the minimum resale price ¥%(min_resale)s is above the tag "
        "price ¥%(tag)s."
    ),
}


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


def _check_aware(value: datetime, field: str, label: str) -> None:
    if not isinstance(value, datetime) or timezone.is_naive(value):
        raise InvalidInput(
            _("Give the %(field)s as a date and time with its time zone.") % {"field": label},
            code="campaigns.bad_datetime",
            data={"field": field},
        )


def _check_header(data: CampaignIn, *, now: datetime) -> None:
    title = (data.title or "").strip()
    if not title:
        raise InvalidInput(
            _("Give the campaign a title."),
            code="campaigns.title_required",
            data={"field": "title"},
        )
    if len(title) > TITLE_MAX:
        raise InvalidInput(
            _("The title may be at most %(n)s characters.") % {"n": TITLE_MAX},
            code="campaigns.title_too_long",
            data={"field": "title"},
        )
    if len(data.description or "") > DESCRIPTION_MAX:
        raise InvalidInput(
            _("The description may be at most %(n)s characters.") % {"n": DESCRIPTION_MAX},
            code="campaigns.description_too_long",
            data={"field": "description"},
        )
    _check_aware(data.starts_at, "starts_at", _("start"))
    _check_aware(data.ends_at, "ends_at", _("end"))
    code = window_problem(starts_at=data.starts_at, ends_at=data.ends_at, now=now)
    if code:
        field = "starts_at" if code == "campaigns.starts_too_late" else "ends_at"
        raise InvalidInput(str(_WINDOW_MESSAGES[code]), code=code, data={"field": field})


def _item_error(
    cls: type[DomainError], code: str, message: str, index: int, sku: str = "", **data
) -> DomainError:
    return cls(message, code=code, data={"item": index, "sku": sku, **data})


def _storable_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63


def _check_items(*, brand: Brand, items: Sequence[CampaignItemIn], check_free: bool) -> list[_Line]:
    """Every item names an active SKU of the brand, stocked in a warehouse it may use,
    at a sane price, once; with ``check_free``, no more units than are free right now."""
    if not items:
        raise InvalidInput(
            _("Add at least one item to the campaign."), code="campaigns.no_items", data={}
        )
    # An id no database row can have (negative, beyond 64 bits) is simply unknown.
    sku_ids = {item.sku_id for item in items if _storable_id(item.sku_id)}
    warehouse_ids = {item.warehouse_id for item in items if _storable_id(item.warehouse_id)}
    skus = {s.pk: s for s in SKU.objects.select_related("product").filter(pk__in=sku_ids)}
    warehouses = {w.pk: w for w in Warehouse.objects.filter(pk__in=warehouse_ids)}
    stock = {
        (s.sku_id, s.warehouse_id): s
        for s in StockItem.objects.filter(sku_id__in=sku_ids, warehouse_id__in=warehouse_ids)
    }
    seen: set[tuple[int, int]] = set()
    lines = []
    for index, item in enumerate(items):
        line = index + 1
        quantity = item.quantity
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
            raise _item_error(
                InvalidInput,
                "campaigns.bad_quantity",
                _("Item %(line)s: the quantity must be a whole number greater than zero.")
                % {"line": line},
                index,
            )
        sku = skus.get(item.sku_id)
        # Another brand's SKU is reported exactly like a missing one: its existence is not ours.
        if sku is None or sku.brand_id != brand.pk:
            raise _item_error(
                InvalidInput,
                "campaigns.unknown_sku",
                _("Item %(line)s: there is no such SKU in your catalogue.") % {"line": line},
                index,
            )
        if not sku.is_active or sku.product.status != ProductStatus.ACTIVE:
            raise _item_error(
                InvalidInput,
                "campaigns.sku_inactive",
                _("Item %(line)s (%(sku)s): this SKU is not active.")
                % {"line": line, "sku": sku.code},
                index,
                sku.code,
            )
        warehouse = warehouses.get(item.warehouse_id)
        if warehouse is None or warehouse.brand_id not in (None, brand.pk):
            raise _item_error(
                InvalidInput,
                "campaigns.unknown_warehouse",
                _("Item %(line)s (%(sku)s): there is no such warehouse among yours.")
                % {"line": line, "sku": sku.code},
                index,
                sku.code,
            )
        if (sku.pk, warehouse.pk) in seen:
            raise _item_error(
                InvalidInput,
                "campaigns.duplicate_item",
                _(
                    "Item %(line)s (%(sku)s): this SKU from %(warehouse)s is already in the campaign."
                )
                % {"line": line, "sku": sku.code, "warehouse": warehouse.name},
                index,
                sku.code,
            )
        seen.add((sku.pk, warehouse.pk))
        stock_item = stock.get((sku.pk, warehouse.pk))
        if stock_item is None:
            raise _item_error(
                InvalidInput,
                "campaigns.no_stock",
                _("Item %(line)s (%(sku)s): there is no stock of this SKU in %(warehouse)s.")
                % {"line": line, "sku": sku.code, "warehouse": warehouse.name},
                index,
                sku.code,
            )
        code = price_problem(
            platform_price_fen=item.platform_price_fen,
            min_resale_price_fen=item.min_resale_price_fen,
            supply_price_fen=sku.supply_price_fen,
            tag_price_fen=sku.tag_price_fen,
        )
        if code:
            params = {
                "line": line,
                "sku": sku.code,
                "price": format_fen(item.platform_price_fen),
                "supply": format_fen(sku.supply_price_fen),
                "tag": format_fen(sku.tag_price_fen),
                "min_resale": format_fen(item.min_resale_price_fen or 0),
            }
            raise _item_error(
                InvalidInput, code, str(_PRICE_MESSAGES[code]) % params, index, sku.code
            )
        if check_free and quantity > stock_item.free:
            raise _item_error(
                Conflict,
                "campaigns.insufficient_stock",
                _(
                    "Item %(line)s (%(sku)s): only %(free)s units are free in %(warehouse)s, "
                    "%(wanted)s wanted."
                )
                % {
                    "line": line,
                    "sku": sku.code,
                    "free": stock_item.free,
                    "warehouse": warehouse.name,
                    "wanted": quantity,
                },
                index,
                sku.code,
                free=stock_item.free,
                wanted=quantity,
            )
        lines.append(_Line(index=index, data=item, sku=sku, stock_item=stock_item))
    return lines


def _check_banner(banner) -> None:
    if banner is None:
        return
    if banner.size > BANNER_MAX_BYTES:
        raise InvalidInput(
            _("The banner image may be at most 5 MB."),
            code="campaigns.bad_banner",
            data={"field": "banner"},
        )
    try:
        with Image.open(banner) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise InvalidInput(
            _("The banner is not an image Kucun can read (use JPEG, PNG or WebP)."),
            code="campaigns.bad_banner",
            data={"field": "banner"},
        ) from None
    finally:
        banner.seek(0)


def _write_items(campaign: Campaign, lines: Sequence[_Line]) -> None:
    CampaignItem.objects.bulk_create(
        CampaignItem(
            campaign=campaign,
            sku=line.sku,
            warehouse_id=line.stock_item.warehouse_id,
            quantity=line.data.quantity,
            available=0,
            platform_price_fen=line.data.platform_price_fen,
            min_resale_price_fen=line.data.min_resale_price_fen,
        )
        for line in lines
    )


def _items_in(campaign: Campaign) -> list[CampaignItemIn]:
    return [
        CampaignItemIn(
            sku_id=item.sku_id,
            warehouse_id=item.warehouse_id,
            quantity=item.quantity,
            platform_price_fen=item.platform_price_fen,
            min_resale_price_fen=item.min_resale_price_fen,
        )
        for item in campaign.items.order_by("pk")
    ]


def _campaign_in(campaign: Campaign) -> CampaignIn:
    return CampaignIn(
        title=campaign.title,
        description=campaign.description,
        starts_at=campaign.starts_at,
        ends_at=campaign.ends_at,
        items=_items_in(campaign),
    )


def _require_brand_approved(brand: Brand) -> None:
    brand.refresh_from_db(fields=["status"])
    if brand.status != BrandStatus.APPROVED:
        raise Forbidden(
            _("Your brand is not approved yet (%(status)s); campaigns can be submitted once it is.")
            % {"status": BrandStatus(brand.status).label},
            code="campaigns.brand_not_approved",
            data={"status": brand.status},
        )


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
    _check_header(data, now=now)
    lines = _check_items(brand=brand, items=data.items, check_free=True)
    _check_banner(banner)
    campaign = Campaign.objects.create(
        brand=brand,
        title=data.title.strip(),
        description=(data.description or "").strip(),
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        state=CampaignState.DRAFT,
        created_by=actor,
    )
    _write_items(campaign, lines)
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
    _check_header(data, now=now)
    lines = _check_items(brand=campaign.brand, items=data.items, check_free=True)
    _check_banner(banner)
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
    _write_items(campaign, lines)
    if banner is not None:
        campaign.banner = banner
        campaign.save(update_fields=["banner"])
    return campaign


@transaction.atomic
def campaign_set_banner(*, campaign: Campaign, banner, actor) -> Campaign:
    """A draft or rejected campaign gets a new banner image."""
    _check_banner(banner)
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
    _require_brand_approved(campaign.brand)
    data = _campaign_in(campaign)
    _check_header(data, now=now)
    _check_items(brand=campaign.brand, items=data.items, check_free=True)
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
    _require_brand_approved(campaign.brand)
    data = _campaign_in(campaign)
    if campaign.ends_at <= now:
        raise InvalidInput(
            str(_WINDOW_MESSAGES["campaigns.ends_in_past"]), code="campaigns.ends_in_past"
        )
    # Free stock is checked definitively by the allocations below, not by reading it here.
    lines = _check_items(brand=campaign.brand, items=data.items, check_free=False)
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
