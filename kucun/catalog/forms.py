"""Brand console forms: parse and check what a person typed; the services enforce the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kucun.catalog.importing.rows import MAX_BARCODE, MAX_CODE, MAX_TITLE, MAX_VARIANT, price_to_fen
from kucun.catalog.models import Category
from kucun.catalog.selectors import category_choices
from kucun.catalog.services import ProductIn, SkuIn
from kucun.core.errors import DomainError
from kucun.core.money import format_fen


def attributes_text(attributes: dict) -> str:
    return "\n".join(f"{key}: {value}" for key, value in attributes.items())


class ProductForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Product code"), max_length=MAX_CODE)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=MAX_TITLE)
    category = forms.TypedChoiceField(
        label=gettext_lazy("Category"), required=False, coerce=int, empty_value=None
    )
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    attributes = forms.CharField(
        label=gettext_lazy("Attributes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "材质: 100% 棉\n产地: 杭州"}),
        help_text=gettext_lazy("One per line, as “name: value”."),
    )
    image = forms.ImageField(label=gettext_lazy("Add a picture"), required=False)

    def __init__(self, *args, editing: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "—"), *category_choices()]
        if editing:
            # The code is the key an ERP and the import use; it does not change.
            self.fields["code"].disabled = True

    def clean_attributes(self) -> dict[str, str]:
        attributes: dict[str, str] = {}
        for number, line in enumerate(self.cleaned_data["attributes"].splitlines(), start=1):
            if not line.strip():
                continue
            name, separator, value = line.replace("：", ":").partition(":")
            if not separator or not name.strip() or not value.strip():
                raise forms.ValidationError(
                    _("Line %(n)s: write “name: value”.") % {"n": number}, code="attribute"
                )
            attributes[name.strip()[:40]] = value.strip()[:200]
        return attributes

    def product_in(self) -> ProductIn:
        data = self.cleaned_data
        category = (
            Category.objects.filter(pk=data["category"]).first() if data["category"] else None
        )
        return ProductIn(
            code=data["code"],
            title=data["title"],
            category=category,
            description=data["description"],
            attributes=data["attributes"],
        )


class PriceField(forms.CharField):
    """Yuan as typed ("199", "199.00", "¥1,299") → fen; more than two decimals is an error."""

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal", "placeholder": "199.00"}

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        fen, problem = price_to_fen(text)
        if problem:
            raise forms.ValidationError(problem, code="price")
        return fen

    def prepare_value(self, value):
        return format_fen(value) if isinstance(value, int) else value


class SkuForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("SKU code"), max_length=MAX_CODE)
    color = forms.CharField(label=gettext_lazy("Colour"), max_length=MAX_VARIANT, required=False)
    size = forms.CharField(label=gettext_lazy("Size"), max_length=MAX_VARIANT, required=False)
    barcode = forms.CharField(label=gettext_lazy("Barcode"), max_length=MAX_BARCODE, required=False)
    tag_price = PriceField(label=gettext_lazy("Tag price (yuan)"))
    supply_price = PriceField(label=gettext_lazy("Supply price (yuan)"))
    is_active = forms.BooleanField(
        label=gettext_lazy("Active"),
        required=False,
        initial=True,
        widget=forms.CheckboxInput(
            attrs={"style": "display:inline; width:auto; margin:0 .4rem 0 0"}
        ),
    )

    def __init__(self, *args, editing: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["code"].disabled = True

    def sku_in(self) -> SkuIn:
        data = self.cleaned_data
        return SkuIn(
            code=data["code"],
            tag_price_fen=data["tag_price"],
            supply_price_fen=data["supply_price"],
            color=data["color"],
            size=data["size"],
            barcode=data["barcode"],
            is_active=data["is_active"],
        )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (.csv or .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=60,
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("e.g. ERP sync")}),
    )


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's "no" on the form field it is about, or on the form as a whole."""
    field_name = error.data.get("field") if isinstance(error.data, dict) else None
    form.add_error(field_name if field_name in form.fields else None, error.message)
