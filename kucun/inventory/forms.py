"""Stock forms: they parse what was typed; the rules are in ``inventory.services``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kucun.inventory.models import Warehouse


class ReceiveForm(forms.Form):
    """Goods arrive for any SKU of the brand, into one of its warehouses."""

    sku_code = forms.CharField(label=_("SKU code"), max_length=64)
    warehouse = forms.ModelChoiceField(label=_("Warehouse"), queryset=Warehouse.objects.none())
    quantity = forms.IntegerField(label=_("Quantity received"), min_value=1, max_value=10_000_000)
    reference = forms.CharField(
        label=_("Reference (delivery note, PO…)"), max_length=64, required=False
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, warehouses=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if warehouses is not None:
            self.fields["warehouse"].queryset = warehouses


class ItemReceiveForm(forms.Form):
    """Goods arrive for one stock row (SKU and warehouse already known)."""

    quantity = forms.IntegerField(label=_("Quantity received"), min_value=1, max_value=10_000_000)
    reference = forms.CharField(
        label=_("Reference (delivery note, PO…)"), max_length=64, required=False
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class AdjustForm(forms.Form):
    delta = forms.IntegerField(
        label=_("Change (+ found, − damaged or missing)"),
        min_value=-10_000_000,
        max_value=10_000_000,
    )
    note = forms.CharField(label=_("Reason"), max_length=200)
    reference = forms.CharField(label=_("Reference"), max_length=64, required=False)
