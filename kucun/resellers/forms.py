"""Page forms: they parse what a person typed; services decide what is allowed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kucun.core.ids import IdField
from kucun.resellers.models import Channel, MarkupKindChoices, RoundingChoices
from kucun.resellers.pricing import PRESETS, Markup, PricingError
from kucun.resellers.services.markup import markup_error
from kucun.resellers.services.signup import SHOP_NAME_MAX, SLOGAN_MAX

CUSTOM = "custom"


class PhoneForm(forms.Form):
    phone = forms.CharField(
        label=_("Mobile number"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"inputmode": "tel", "autocomplete": "tel", "placeholder": "13800138000"}
        ),
    )


class SignupForm(forms.Form):
    phone = forms.CharField(max_length=20, widget=forms.HiddenInput)
    code = forms.CharField(
        label=_("Verification code"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]*"}
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return data


class ShopForm(forms.Form):
    shop_name = forms.CharField(label=_("Shop name"), max_length=SHOP_NAME_MAX)
    slogan = forms.CharField(label=_("Slogan"), max_length=SLOGAN_MAX, required=False)
    avatar = forms.ImageField(label=_("Avatar"), required=False)
    remove_avatar = forms.BooleanField(label=_("Remove the avatar"), required=False)


def preset_choices() -> list[tuple[str, str]]:
    return [(p.key, p.label) for p in PRESETS] + [(CUSTOM, _("Custom"))]


class MarkupFieldsForm(forms.Form):
    """A markup as a person gives it: a preset, or a custom percent / yuan amount."""

    preset = forms.ChoiceField(label=_("Markup"), choices=preset_choices, initial=CUSTOM)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=MarkupKindChoices.choices, required=False, initial="percent"
    )
    value = forms.CharField(
        label=_("Amount"),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("Percent (e.g. 15 or 12.5) or yuan (e.g. 8 or 9.9)."),
    )

    def clean(self):
        data = super().clean()
        preset = data.get("preset")
        if preset and preset != CUSTOM:
            data["markup"] = next(p.markup for p in PRESETS if p.key == preset)
            return data
        value = (data.get("value") or "").strip()
        if not value:
            self.add_error("value", _("Enter the markup."))
            return data
        try:
            if data.get("kind") == MarkupKindChoices.AMOUNT:
                data["markup"] = Markup.amount(value)
            else:
                data["markup"] = Markup.percent(value)
        except PricingError as exc:
            self.add_error("value", markup_error(exc).message)
        return data


def initial_for(markup: Markup) -> dict:
    """Form initial data showing a stored markup (as its preset when it is one)."""
    for p in PRESETS:
        if p.markup == markup:
            return {"preset": p.key, "kind": markup.kind.value, "value": ""}
    # Basis points and fen are both hundredths of what a person types (percent, yuan).
    whole, part = divmod(markup.value, 100)
    text = f"{whole}" if part == 0 else f"{whole}.{part:02d}".rstrip("0")
    return {"preset": CUSTOM, "kind": markup.kind.value, "value": text}


class ShopMarkupForm(MarkupFieldsForm):
    rounding = forms.ChoiceField(label=_("Rounding"), choices=RoundingChoices.choices)


class FeedForm(forms.Form):
    SORT_CHOICES = [
        ("newest", _("Newest")),
        ("starting_soon", _("Starting soon")),
        ("ending_soon", _("Ending soon")),
        ("best_selling", _("Best-selling")),
    ]
    WHEN_CHOICES = [("", _("All")), ("live", _("On sale now")), ("upcoming", _("Coming soon"))]

    q = forms.CharField(label=_("Search"), required=False, max_length=60)
    category = IdField(label=_("Category"), required=False)
    brand = IdField(label=_("Brand"), required=False)
    sort = forms.ChoiceField(label=_("Sort"), choices=SORT_CHOICES, required=False)
    when = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=20)


class ShareForm(forms.Form):
    campaign = IdField()
    product = IdField(required=False)
    channel = forms.ChoiceField(choices=Channel.choices, required=False)


class ShelfForm(forms.Form):
    campaign = IdField()
    product = IdField(required=False)
    next = forms.CharField(required=False, max_length=300)
