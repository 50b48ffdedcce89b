"""Operator admin for the catalogue. Brand status changes go through ``brand_review``; stock is
not editable here (it only changes through inventory services, with its journal)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kucun.catalog.models import (
    SKU,
    Brand,
    BrandApiToken,
    BrandMember,
    Category,
    ImportJob,
    Product,
    ProductImage,
)
from kucun.catalog.services import brand_api_token_revoke, brand_review
from kucun.core.admin import KucunModelAdmin
from kucun.core.errors import DomainError


class RejectForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("Reason"), max_length=200)


class BrandMemberInline(admin.TabularInline):
    model = BrandMember
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Brand)
class BrandAdmin(KucunModelAdmin):
    list_display = ["name", "slug", "status", "created_at", "reviewed_at"]
    list_filter = ["status"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["status", "review_note", "reviewed_at", "created_at"]
    inlines = [BrandMemberInline]
    actions = ["approve", "reject"]

    @admin.action(description=gettext_lazy("Approve selected brands"))
    def approve(self, request: HttpRequest, queryset: QuerySet[Brand]) -> None:
        for brand in queryset:
            brand_review(brand=brand, approve=True, actor=request.user)
        self.message_user(
            request, _("%(n)s brand(s) approved.") % {"n": queryset.count()}, messages.SUCCESS
        )

    @admin.action(description=gettext_lazy("Reject or suspend selected brands…"))
    def reject(self, request: HttpRequest, queryset: QuerySet[Brand]) -> HttpResponse | None:
        """Asks for the reason first: a rejection always says why."""
        form = RejectForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            try:
                for brand in queryset:
                    brand_review(
                        brand=brand,
                        approve=False,
                        note=form.cleaned_data["note"],
                        actor=request.user,
                    )
            except DomainError as error:
                self.message_user(request, error.message, messages.ERROR)
                return None
            self.message_user(
                request, _("%(n)s brand(s) rejected.") % {"n": queryset.count()}, messages.SUCCESS
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject or suspend brands"),
            "brands": queryset,
            "form": form,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/catalog/brand/reject.html", context)


@admin.register(BrandMember)
class BrandMemberAdmin(KucunModelAdmin):
    list_display = ["user", "brand"]
    list_select_related = ["user", "brand"]
    search_fields = ["user__username", "brand__name"]
    raw_id_fields = ["user"]
    autocomplete_fields = ["brand"]


@admin.register(BrandApiToken)
class BrandApiTokenAdmin(KucunModelAdmin):
    """Tokens are created by the brand (the secret is shown to it once); operators may revoke."""

    list_display = ["brand", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["brand__name", "name", "prefix"]
    readonly_fields = [
        "brand",
        "name",
        "prefix",
        "token_hash",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=gettext_lazy("Revoke selected tokens"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[BrandApiToken]) -> None:
        for token in queryset.select_related("brand"):
            brand_api_token_revoke(token=token, actor=request.user)
        self.message_user(request, _("Tokens revoked."), messages.SUCCESS)


@admin.register(Category)
class CategoryAdmin(KucunModelAdmin):
    list_display = ["__str__", "name_en", "position"]
    list_select_related = ["parent__parent__parent"]
    search_fields = ["name", "name_en"]
    autocomplete_fields = ["parent"]


class SKUInlineForm(forms.ModelForm):
    """The SKU code is unique per brand: say so on the form instead of failing on save."""

    def __init__(self, *args: Any, product: Product | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # On the add page the product is not saved yet: its brand comes from the product form.
        self.product = product

    def clean(self) -> dict:
        cleaned = super().clean()
        code = cleaned.get("code")
        brand_id = self.product.brand_id if self.product else None
        duplicate = SKU.objects.filter(brand_id=brand_id, code=code).exclude(pk=self.instance.pk)
        if code and brand_id and duplicate.exists():
            self.add_error("code", _("This SKU code is already used by the brand."))
        return cleaned


class SKUInlineFormSet(BaseInlineFormSet):
    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return super().get_form_kwargs(index) | {"product": self.instance}

    def clean(self) -> None:
        super().clean()
        seen: set[str] = set()
        for form in self.forms:
            code = getattr(form, "cleaned_data", {}).get("code")
            if code and not form.cleaned_data.get("DELETE"):
                if code in seen:
                    form.add_error("code", _("This SKU code is already used by the brand."))
                seen.add(code)


class SKUInline(admin.TabularInline):
    model = SKU
    extra = 0
    fields = [
        "code",
        "color",
        "size",
        "barcode",
        "tag_price_fen",
        "supply_price_fen",
        "is_active",
    ]
    form = SKUInlineForm
    formset = SKUInlineFormSet


class ProductAdminForm(forms.ModelForm):
    """Attributes are a JSON object; an emptied box means none (the column is not nullable)."""

    def clean_attributes(self) -> dict:
        attributes = self.cleaned_data.get("attributes")
        if attributes in (None, ""):
            return {}
        if not isinstance(attributes, dict):
            raise forms.ValidationError(
                _('Enter the attributes as a JSON object: {"name": "value"}.')
            )
        return attributes


class ProductImageInline(admin.TabularInline):
    model = ProductImage
    extra = 0


@admin.register(Product)
class ProductAdmin(KucunModelAdmin):
    list_display = ["code", "title", "brand", "category", "status", "updated_at"]
    list_filter = ["status", "brand"]
    list_select_related = ["brand", "category"]
    search_fields = ["code", "title", "skus__code"]
    autocomplete_fields = ["brand", "category"]
    inlines = [SKUInline, ProductImageInline]
    form = ProductAdminForm

    def save_formset(self, request, form, formset, change) -> None:
        # A SKU belongs to its product's brand (the code is unique per brand).
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, SKU):
                instance.brand_id = form.instance.brand_id
            instance.save()
        for removed in formset.deleted_objects:
            removed.delete()
        formset.save_m2m()


@admin.register(ImportJob)
class ImportJobAdmin(KucunModelAdmin):
    list_display = ["pk", "brand", "original_name", "status", "total_rows", "created_at"]
    list_filter = ["status"]
    list_select_related = ["brand"]
    search_fields = ["brand__name", "original_name"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
