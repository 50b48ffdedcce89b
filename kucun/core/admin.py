from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from kucun.core.ids import id_or_none
from kucun.core.models import User


class IdsOnlyAutocompleteSelect(AutocompleteSelect):
    """Shows only values that can be an id: Django looks the shown value up as given."""

    def optgroups(self, name: str, value: list[str], attr: Any = None) -> list:
        value = [v for v in value if id_or_none(str(v)) is not None]
        return super().optgroups(name, value, attr)


class AutocompleteIdsMixin:
    """Django's autocomplete widget queries the id it shows (prefilled by ``add/?brand=…`` or
    sent back by a form with errors) as given, so ``abc`` or a number past 64 bits is a 500.
    Such a value is left out: the field shows empty and the form says what is wrong."""

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = IdsOnlyAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SafeActionsMixin:
    """Django runs a changelist action on the selected ids as sent, so a forged ``abc`` or a
    number past 64 bits is a 500; such a request gets an error message and nothing is done."""

    def response_action(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if any(id_or_none(value) is None for value in selected):
            self.message_user(
                request, _("The selection holds rows that do not exist."), messages.ERROR
            )
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)


class KucunModelAdmin(SafeActionsMixin, AutocompleteIdsMixin, admin.ModelAdmin):
    """The base of every admin in Kucun (operators get their permissions from
    ``kucun.core.backends``)."""


@admin.register(User)
class UserAdmin(SafeActionsMixin, DjangoUserAdmin):
    list_display = ["username", "role", "phone", "is_active", "is_staff", "date_joined"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["username", "phone", "first_name", "last_name", "email"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Kucun"), {"fields": ["role", "phone"]}),
    ]
    add_fieldsets = [
        *DjangoUserAdmin.add_fieldsets,
        (_("Kucun"), {"fields": ["role", "phone"]}),
    ]
