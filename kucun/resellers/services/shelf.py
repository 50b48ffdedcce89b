"""Her shelf: what her public shop shows."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kucun.core.errors import NotFound
from kucun.resellers import selectors
from kucun.resellers.models import Reseller, ShelfItem
from kucun.resellers.services._common import now_or, require_active, shop_touch


@transaction.atomic
def shelf_add(
    *,
    reseller: Reseller,
    campaign_id: int,
    product_id: int | None = None,
    now: datetime | None = None,
) -> ShelfItem:
    """Put a product of a listed campaign, or the whole campaign, in her shop (idempotent)."""
    require_active(reseller)
    selectors.sellable_target_check(campaign_id=campaign_id, product_id=product_id, now=now_or(now))
    existing = ShelfItem.objects.filter(
        reseller=reseller, campaign_id=campaign_id, product_id=product_id
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            item = ShelfItem.objects.create(
                reseller=reseller, campaign_id=campaign_id, product_id=product_id
            )
        shop_touch(reseller)
        return item
    except IntegrityError:
        return ShelfItem.objects.get(
            reseller=reseller, campaign_id=campaign_id, product_id=product_id
        )


@transaction.atomic
def shelf_remove(*, reseller: Reseller, campaign_id: int, product_id: int | None = None) -> int:
    """Take a product, or a whole campaign with every product of it, off her shelf."""
    items = ShelfItem.objects.filter(reseller=reseller, campaign_id=campaign_id)
    if product_id is not None:
        items = items.filter(product_id=product_id)
    deleted, _detail = items.delete()
    if deleted:
        shop_touch(reseller)
    return deleted


@transaction.atomic
def shelf_item_delete(*, reseller: Reseller, item_id: int) -> None:
    """Remove one of her shelf items by id (another reseller's id is not found)."""
    deleted, _detail = ShelfItem.objects.filter(reseller=reseller, pk=item_id).delete()
    if not deleted:
        raise NotFound(_("No such shelf item."), code="shelf.not_found")
    shop_touch(reseller)
