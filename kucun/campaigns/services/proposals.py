"""What a campaign proposal must be: its input, the checks against catalogue and stock, and
writing its items. Used by the life-cycle services in this package."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, UnidentifiedImageError

from kucun.campaigns.models import Campaign, CampaignItem
from kucun.campaigns.rules import price_problem, window_problem
from kucun.catalog.models import SKU, Brand, BrandStatus, ProductStatus
from kucun.core.errors import Conflict, DomainError, Forbidden, InvalidInput
from kucun.core.money import format_fen
from kucun.inventory.models import StockItem, Warehouse

log = logging.getLogger(__name__)


TITLE_MAX = 80


DESCRIPTION_MAX = 2000


BANNER_MAX_BYTES = 5 * 1024 * 1024


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
class Line:
    """An item checked against the catalogue and the stock it comes from."""

    index: int
    data: CampaignItemIn
    sku: SKU
    stock_item: StockItem


# What each problem code says to a person; ``%(line)s`` etc. come from the failing item.
WINDOW_MESSAGES = {
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


def check_aware(value: datetime, field: str, label: str) -> None:
    if not isinstance(value, datetime) or timezone.is_naive(value):
        raise InvalidInput(
            _("Give the %(field)s as a date and time with its time zone.") % {"field": label},
            code="campaigns.bad_datetime",
            data={"field": field},
        )


def check_header(data: CampaignIn, *, now: datetime) -> None:
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
    check_aware(data.starts_at, "starts_at", _("start"))
    check_aware(data.ends_at, "ends_at", _("end"))
    code = window_problem(starts_at=data.starts_at, ends_at=data.ends_at, now=now)
    if code:
        field = "starts_at" if code == "campaigns.starts_too_late" else "ends_at"
        raise InvalidInput(str(WINDOW_MESSAGES[code]), code=code, data={"field": field})


def _item_error(
    cls: type[DomainError], code: str, message: str, index: int, sku: str = "", **data
) -> DomainError:
    return cls(message, code=code, data={"item": index, "sku": sku, **data})


def _storable_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63


def check_items(*, brand: Brand, items: Sequence[CampaignItemIn], check_free: bool) -> list[Line]:
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
        lines.append(Line(index=index, data=item, sku=sku, stock_item=stock_item))
    return lines


def check_banner(banner) -> None:
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


def write_items(campaign: Campaign, lines: Sequence[Line]) -> None:
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


def items_in(campaign: Campaign) -> list[CampaignItemIn]:
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


def campaign_in(campaign: Campaign) -> CampaignIn:
    return CampaignIn(
        title=campaign.title,
        description=campaign.description,
        starts_at=campaign.starts_at,
        ends_at=campaign.ends_at,
        items=items_in(campaign),
    )


def require_brand_approved(brand: Brand) -> None:
    brand.refresh_from_db(fields=["status"])
    if brand.status != BrandStatus.APPROVED:
        raise Forbidden(
            _("Your brand is not approved yet (%(status)s); campaigns can be submitted once it is.")
            % {"status": BrandStatus(brand.status).label},
            code="campaigns.brand_not_approved",
            data={"status": brand.status},
        )
