"""Page forms: they parse what a person typed (yuan, dates, a stock row); the rules are the
service's, and its errors are put back on the field they concern."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kucun.campaigns.services import CampaignIn, CampaignItemIn
from kucun.core.errors import DomainError
from kucun.core.money import format_fen, parse_yuan
from kucun.inventory.models import StockItem

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"

# Which form field a service problem code belongs on.
HEADER_FIELDS = {
    "campaigns.title_required": "title",
    "campaigns.title_too_long": "title",
    "campaigns.description_too_long": "description",
    "campaigns.bad_banner": "banner",
    "campaigns.bad_datetime": "starts_at",
    "campaigns.starts_too_late": "starts_at",
    "campaigns.ends_before_start": "ends_at",
    "campaigns.ends_in_past": "ends_at",
    "campaigns.too_short": "ends_at",
    "campaigns.too_long": "ends_at",
}
ITEM_FIELDS = {
    "campaigns.bad_quantity": "quantity",
    "campaigns.insufficient_stock": "quantity",
    "campaigns.bad_price": "platform_price",
    "campaigns.price_below_supply": "platform_price",
    "campaigns.price_above_tag": "platform_price",
    "campaigns.min_resale_below_price": "min_resale_price",
    "campaigns.min_resale_above_tag": "min_resale_price",
}


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format=DATETIME_FORMAT)


class CampaignForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("campaign", "Title"), max_length=80)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    banner = forms.ImageField(
        label=_("Banner image"),
        required=False,
        help_text=_("JPEG, PNG or WebP, wide (5:2 looks best), at most 5 MB."),
    )
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeLocalInput())
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DateTimeLocalInput())


def _yuan_field(label: str, required: bool) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "0.00"}),
    )


class StockChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: StockItem) -> str:
        sku = obj.sku
        variant = " ".join(part for part in (sku.color, sku.size) if part)
        return str(
            _(
                "%(code)s %(title)s %(variant)s · %(warehouse)s · free %(free)s · "
                "supply ¥%(supply)s / tag ¥%(tag)s"
            )
            % {
                "code": sku.code,
                "title": sku.product.title,
                "variant": variant,
                "warehouse": obj.warehouse.name,
                "free": obj.free,
                "supply": format_fen(sku.supply_price_fen),
                "tag": format_fen(sku.tag_price_fen),
            }
        )


class CampaignItemForm(forms.Form):
    """One line. Every field is optional so that blank extra rows are simply ignored; a row
    that is partly filled must be filled completely."""

    stock_item = StockChoiceField(
        label=_("SKU and warehouse"), queryset=StockItem.objects.none(), required=False
    )
    quantity = forms.IntegerField(label=_("Quantity"), required=False)
    platform_price = _yuan_field(_("Platform price (¥)"), required=False)
    min_resale_price = _yuan_field(_("Minimum resale price (¥, optional)"), required=False)

    def __init__(self, *args, stock_items=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if stock_items is not None:
            self.fields["stock_item"].queryset = stock_items

    def _clean_yuan(self, name: str) -> int | None:
        text = (self.cleaned_data.get(name) or "").strip()
        if not text:
            return None
        try:
            return parse_yuan(text)
        except ValueError:
            raise forms.ValidationError(
                _("Enter an amount in yuan, like 99 or 99.90."), code="bad_amount"
            ) from None

    def clean_platform_price(self) -> int | None:
        return self._clean_yuan("platform_price")

    def clean_min_resale_price(self) -> int | None:
        return self._clean_yuan("min_resale_price")

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not any(data.get(f) not in (None, "") for f in self.fields if f != "DELETE")

    def clean(self) -> dict:
        data = super().clean()
        if self.is_blank or data.get("DELETE"):
            return data
        required = {
            "stock_item": _("Choose a SKU and warehouse."),
            "quantity": _("Enter a quantity."),
            "platform_price": _("Enter the platform price."),
        }
        for name, message in required.items():
            if data.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, message)
        return data

    def to_item(self) -> CampaignItemIn:
        data = self.cleaned_data
        stock_item = data["stock_item"]
        return CampaignItemIn(
            sku_id=stock_item.sku_id,
            warehouse_id=stock_item.warehouse_id,
            quantity=data["quantity"],
            platform_price_fen=data["platform_price"],
            min_resale_price_fen=data.get("min_resale_price"),
        )


class BaseItemFormSet(forms.BaseFormSet):
    def filled_forms(self) -> list[CampaignItemForm]:
        return [
            form
            for form in self.forms
            if form.is_valid() and not form.is_blank and not form.cleaned_data.get("DELETE")
        ]


CampaignItemFormSet = forms.formset_factory(
    CampaignItemForm, formset=BaseItemFormSet, extra=3, can_delete=True, max_num=200
)


def campaign_data(form: CampaignForm, formset: BaseItemFormSet) -> CampaignIn:
    cleaned = form.cleaned_data
    return CampaignIn(
        title=cleaned["title"],
        description=cleaned.get("description") or "",
        starts_at=cleaned["starts_at"],
        ends_at=cleaned["ends_at"],
        items=[item_form.to_item() for item_form in formset.filled_forms()],
    )


def put_error_on_form(error: DomainError, form: CampaignForm, formset: BaseItemFormSet) -> None:
    """Show a service error next to the field it is about (else at the top of the form)."""
    index = error.data.get("item") if isinstance(error.data, dict) else None
    if index is not None:
        filled = formset.filled_forms()
        if 0 <= index < len(filled):
            filled[index].add_error(ITEM_FIELDS.get(error.code, "stock_item"), error.message)
            return
    field = HEADER_FIELDS.get(error.code)
    if error.code == "campaigns.bad_datetime":
        field = error.data.get("field", field)
    form.add_error(field, error.message)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=200, widget=forms.TextInput(attrs={"required": True})
    )
