"""Admin for stock: warehouses are edited here; levels and the journal are read-only, because
stock only changes through ``inventory.services`` (each change with its journal line)."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kucun.core.admin import KucunModelAdmin
from kucun.inventory.models import StockItem, StockMove, Warehouse


class ReadOnlyAdmin(KucunModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Warehouse)
class WarehouseAdmin(KucunModelAdmin):
    list_display = ["code", "name", "brand", "is_cloud", "address"]
    list_filter = [("brand", admin.EmptyFieldListFilter), "brand"]
    search_fields = ["code", "name", "brand__name"]
    list_select_related = ["brand"]

    @admin.display(boolean=True, description=_("cloud warehouse"))
    def is_cloud(self, obj: Warehouse) -> bool:
        return obj.is_cloud


@admin.register(StockItem)
class StockItemAdmin(ReadOnlyAdmin):
    list_display = ["sku", "warehouse", "on_hand", "allocated", "free", "journal"]
    list_filter = ["warehouse"]
    search_fields = ["sku__code", "sku__barcode", "sku__product__title"]
    list_select_related = ["sku", "warehouse"]
    fields = ["sku", "warehouse", "on_hand", "allocated", "free", "journal"]
    readonly_fields = fields

    @admin.display(description=_("free"))
    def free(self, obj: StockItem) -> int:
        return obj.free

    @admin.display(description=_("journal"))
    def journal(self, obj: StockItem) -> str:
        url = reverse("admin:inventory_stockmove_changelist") + f"?stock_item__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, _("moves"))


@admin.register(StockMove)
class StockMoveAdmin(ReadOnlyAdmin):
    list_display = [
        "created_at",
        "stock_item",
        "kind",
        "on_hand_delta",
        "allocated_delta",
        "reference",
        "actor",
    ]
    list_filter = ["kind"]
    search_fields = ["reference", "note", "stock_item__sku__code"]
    list_select_related = ["stock_item__sku", "stock_item__warehouse", "actor"]
    date_hierarchy = "created_at"
    fields = [
        "stock_item",
        "kind",
        "on_hand_delta",
        "allocated_delta",
        "reference",
        "note",
        "actor",
        "created_at",
    ]
    readonly_fields = fields
