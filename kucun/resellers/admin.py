"""The operator's door: shops (suspend / reopen with a reason), shares, shelves, markups."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from kucun.core.admin import KucunModelAdmin
from kucun.core.errors import DomainError
from kucun.resellers.models import MarkupRule, Reseller, Share, ShelfItem, ShopStatus
from kucun.resellers.services import reseller_suspend, reseller_unsuspend


class SuspendForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=200, widget=forms.Textarea)


@admin.register(Reseller)
class ResellerAdmin(KucunModelAdmin):
    list_display = ["shop_name", "shop_code", "user", "status", "suspended_reason", "created_at"]
    list_filter = ["status"]
    search_fields = ["shop_name", "shop_code", "user__username", "user__phone"]
    readonly_fields = [
        "user",
        "shop_code",
        "status",
        "suspended_reason",
        "suspended_at",
        "suspended_by",
        "created_at",
        "updated_at",
    ]
    fields = [
        "user",
        "shop_name",
        "shop_code",
        "slogan",
        "avatar",
        "status",
        "suspended_reason",
        "suspended_at",
        "suspended_by",
        "markup_kind",
        "markup_value",
        "rounding",
        "created_at",
        "updated_at",
    ]
    actions = ["suspend_shops", "reopen_shops"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # shops are opened by resellers themselves

    @admin.action(description=_("Suspend the selected shops (asks for a reason)"))
    def suspend_shops(self, request: HttpRequest, queryset) -> HttpResponse | None:
        if "apply" in request.POST:
            form = SuspendForm(request.POST)
            if form.is_valid():
                done = 0
                for reseller in queryset.filter(status=ShopStatus.ACTIVE):
                    try:
                        reseller_suspend(
                            reseller=reseller,
                            reason=form.cleaned_data["reason"],
                            actor=request.user,
                        )
                        done += 1
                    except DomainError as exc:
                        self.message_user(request, f"{reseller}: {exc.message}", messages.ERROR)
                self.message_user(
                    request, _("%(n)s shop(s) suspended.") % {"n": done}, messages.SUCCESS
                )
                return None
        else:
            form = SuspendForm()
        return render(
            request,
            "admin/resellers/suspend.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Suspend shops"),
                "form": form,
                "shops": queryset,
                "opts": self.model._meta,
                "action": "suspend_shops",
            },
        )

    @admin.action(description=_("Reopen the selected shops"))
    def reopen_shops(self, request: HttpRequest, queryset) -> None:
        done = 0
        for reseller in queryset.filter(status=ShopStatus.SUSPENDED):
            reseller_unsuspend(reseller=reseller, actor=request.user)
            done += 1
        self.message_user(request, _("%(n)s shop(s) reopened.") % {"n": done}, messages.SUCCESS)


@admin.register(Share)
class ShareAdmin(KucunModelAdmin):
    list_display = ["code", "reseller", "campaign", "product", "channel", "visits", "visitors"]
    list_filter = ["channel"]
    search_fields = ["code", "reseller__shop_name", "reseller__shop_code"]
    list_select_related = ["reseller", "campaign", "product"]
    raw_id_fields = ["reseller", "campaign", "product"]
    readonly_fields = ["code", "visits", "visitors", "last_visit_at", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # counters are kept by visits only


@admin.register(ShelfItem)
class ShelfItemAdmin(KucunModelAdmin):
    list_display = ["reseller", "campaign", "product", "created_at"]
    search_fields = ["reseller__shop_name", "reseller__shop_code", "campaign__title"]
    list_select_related = ["reseller", "campaign", "product"]
    raw_id_fields = ["reseller", "campaign", "product"]


@admin.register(MarkupRule)
class MarkupRuleAdmin(KucunModelAdmin):
    list_display = ["reseller", "campaign", "product", "kind", "value", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["reseller__shop_name", "reseller__shop_code"]
    list_select_related = ["reseller", "campaign", "product"]
    raw_id_fields = ["reseller", "campaign", "product"]
