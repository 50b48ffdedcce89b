"""Her prices: the shop default markup, rounding, and per-campaign / per-product overrides."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kucun.core.errors import InvalidInput, NotFound
from kucun.resellers import selectors
from kucun.resellers.markup import markup_of
from kucun.resellers.models import MarkupRule, Reseller
from kucun.resellers.pricing import Markup, PricingError, Rounding, validate_markup
from kucun.resellers.services._common import shop_forget, shop_touch

MARKUP_MESSAGES = {
    "markup.kind": gettext_lazy("Choose a percent or a fixed amount."),
    "markup.invalid": gettext_lazy("Enter the markup as a number, e.g. 10 or 12.5."),
    "markup.negative": gettext_lazy(
        "A markup cannot be negative: your price never goes below the platform price."
    ),
    "markup.too_large": gettext_lazy("That markup is too large (at most +1000% or +¥100,000)."),
}


def markup_error(exc: PricingError, field: str = "value") -> InvalidInput:
    message = MARKUP_MESSAGES.get(exc.code)
    return InvalidInput(str(message or exc), code=exc.code, data={"field": field})


def markup_checked(kind: str, value: int) -> Markup:
    """A valid Markup from stored/posted parts, or InvalidInput with a readable message."""
    try:
        markup = markup_of(kind, value)
    except (ValueError, TypeError):
        raise InvalidInput(
            str(MARKUP_MESSAGES["markup.kind"]), code="markup.kind", data={"field": "kind"}
        ) from None
    try:
        validate_markup(markup)
    except PricingError as exc:
        raise markup_error(exc) from None
    return markup


@transaction.atomic
def reseller_markup_set(
    *, reseller: Reseller, kind: str, value: int, rounding: str = Rounding.NONE
) -> Reseller:
    """Her shop-wide markup (percent in basis points, or fen) and rounding rule."""
    markup = markup_checked(kind, value)
    try:
        rounding = Rounding(rounding)
    except ValueError:
        raise InvalidInput(
            _("Choose one of the rounding rules."),
            code="markup.rounding",
            data={"field": "rounding"},
        ) from None
    reseller.markup_kind, reseller.markup_value = markup.kind.value, markup.value
    reseller.rounding = rounding.value
    reseller.save(update_fields=["markup_kind", "markup_value", "rounding", "updated_at"])
    shop_forget(reseller)
    return reseller


@transaction.atomic
def markup_rule_set(
    *,
    reseller: Reseller,
    kind: str,
    value: int,
    campaign_id: int | None = None,
    product_id: int | None = None,
) -> MarkupRule:
    """Set (create or replace) her markup for exactly one campaign or one product."""
    if (campaign_id is None) == (product_id is None):
        raise InvalidInput(
            _("A markup override is for one campaign or one product."), code="markup.target"
        )
    markup = markup_checked(kind, value)
    if campaign_id is not None:
        if not selectors.campaign_exists_for_resellers(campaign_id=campaign_id):
            raise NotFound(_("No such campaign."), code="campaigns.not_found")
        target = {"campaign_id": campaign_id, "product_id": None}
    else:
        if not selectors.product_exists_for_resellers(product_id=product_id):
            raise NotFound(_("No such product."), code="catalog.product_not_found")
        target = {"campaign_id": None, "product_id": product_id}
    rule, _created = MarkupRule.objects.update_or_create(
        reseller=reseller,
        **target,
        defaults={"kind": markup.kind.value, "value": markup.value},
    )
    shop_touch(reseller)
    return rule


@transaction.atomic
def markup_rule_delete(*, reseller: Reseller, rule_id: int) -> None:
    """Drop one of her overrides; the shop default applies again."""
    deleted, _detail = MarkupRule.objects.filter(reseller=reseller, pk=rule_id).delete()
    if not deleted:
        raise NotFound(_("No such markup rule."), code="markup.rule_not_found")
    shop_touch(reseller)


@transaction.atomic
def markup_rule_clear(
    *, reseller: Reseller, campaign_id: int | None = None, product_id: int | None = None
) -> int:
    """Drop her override for a campaign or a product, if she has one."""
    if (campaign_id is None) == (product_id is None):
        raise InvalidInput(
            _("A markup override is for one campaign or one product."), code="markup.target"
        )
    deleted, _detail = MarkupRule.objects.filter(
        reseller=reseller, campaign_id=campaign_id, product_id=product_id
    ).delete()
    if deleted:
        shop_touch(reseller)
    return deleted
