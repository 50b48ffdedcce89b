"""Operators' admin for campaigns: read-only rows, state changes only through the services."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kucun.campaigns import services
from kucun.campaigns.models import Campaign, CampaignItem
from kucun.core.admin import KucunModelAdmin
from kucun.core.errors import DomainError


def _is_operator(request: HttpRequest) -> bool:
    """Operators use the admin by role, without per-model permissions to hand out."""
    return bool(getattr(request.user, "is_operator", False) and request.user.is_staff)


class CampaignItemInline(admin.TabularInline):
    model = CampaignItem
    fields = [
        "sku",
        "warehouse",
        "quantity",
        "available",
        "platform_price_fen",
        "min_resale_price_fen",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return _is_operator(request) or super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


def _apply(request: HttpRequest, queryset: QuerySet[Campaign], verb: str, call) -> None:
    done = 0
    for campaign in queryset.order_by("pk"):
        try:
            call(campaign)
        except DomainError as error:
            messages.error(request, f"{campaign.title}: {error.message}")
        else:
            done += 1
    if done:
        messages.success(request, _("%(verb)s %(n)s campaign(s).") % {"verb": verb, "n": done})


@admin.register(Campaign)
class CampaignAdmin(KucunModelAdmin):
    list_display = [
        "title",
        "brand",
        "state",
        "starts_at",
        "ends_at",
        "submitted_at",
        "reviewed_at",
    ]
    list_filter = ["state", "brand"]
    search_fields = ["title", "brand__name"]
    date_hierarchy = "starts_at"
    list_select_related = ["brand"]
    inlines = [CampaignItemInline]
    actions = ["approve_campaigns", "reject_campaigns", "cancel_campaigns"]
    readonly_fields = [
        "brand",
        "title",
        "description",
        "banner",
        "starts_at",
        "ends_at",
        "state",
        "reject_reason",
        "created_by",
        "reviewed_by",
        "submitted_at",
        "reviewed_at",
        "created_at",
        "updated_at",
    ]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _is_operator(request) or super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return _is_operator(request) or super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_actions(self, request: HttpRequest) -> dict:
        # Changing state needs nothing but being an operator: the services check the rest.
        actions = super().get_actions(request)
        if not _is_operator(request):
            return {}
        return actions

    @admin.action(description=gettext_lazy("Approve selected campaigns (allocates their stock)"))
    def approve_campaigns(self, request: HttpRequest, queryset: QuerySet[Campaign]) -> None:
        _apply(
            request,
            queryset,
            _("Approved"),
            lambda c: services.campaign_approve(campaign=c, actor=request.user),
        )

    @admin.action(description=gettext_lazy("Reject selected campaigns…"))
    def reject_campaigns(
        self, request: HttpRequest, queryset: QuerySet[Campaign]
    ) -> HttpResponse | None:
        reason = request.POST.get("reason", "").strip()
        if "apply" in request.POST and reason:
            _apply(
                request,
                queryset,
                _("Rejected"),
                lambda c: services.campaign_reject(campaign=c, actor=request.user, reason=reason),
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject campaigns"),
            "campaigns": queryset,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "missing_reason": "apply" in request.POST,
        }
        return TemplateResponse(request, "admin/campaigns/campaign/reject.html", context)

    @admin.action(description=gettext_lazy("Cancel selected campaigns (frees their stock)"))
    def cancel_campaigns(self, request: HttpRequest, queryset: QuerySet[Campaign]) -> None:
        _apply(
            request,
            queryset,
            _("Cancelled"),
            lambda c: services.campaign_cancel(campaign=c, actor=request.user),
        )
