from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Warehouse(models.Model):
    """A brand's own warehouse (``brand`` set) or the platform's cloud warehouse (云仓, no brand)."""

    brand = models.ForeignKey(
        "catalog.Brand", on_delete=models.PROTECT, null=True, blank=True, related_name="warehouses"
    )
    code = models.CharField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=80)
    address = models.CharField(_("address"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("warehouse")
        verbose_name_plural = _("warehouses")
        ordering = ["brand_id", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["brand", "code"], name="warehouse_code_unique_per_brand"
            ),
            models.UniqueConstraint(
                fields=["code"], condition=Q(brand__isnull=True), name="cloud_warehouse_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_cloud(self) -> bool:
        return self.brand_id is None


class StockItem(models.Model):
    """Stock of one SKU in one warehouse. ``allocated`` is held by campaigns; the rest is free.

    Levels change only through ``inventory.services``, each change with a StockMove, so the
    journal always explains the level.
    """

    sku = models.ForeignKey("catalog.SKU", on_delete=models.PROTECT, related_name="stock_items")
    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="stock_items")
    on_hand = models.BigIntegerField(_("on hand"), default=0)
    allocated = models.BigIntegerField(_("allocated"), default=0)

    class Meta:
        verbose_name = _("stock item")
        verbose_name_plural = _("stock items")
        constraints = [
            models.UniqueConstraint(fields=["sku", "warehouse"], name="stock_item_unique"),
            models.CheckConstraint(condition=Q(allocated__gte=0), name="stock_allocated_gte_0"),
            models.CheckConstraint(
                condition=Q(allocated__lte=F("on_hand")), name="stock_allocated_lte_on_hand"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sku} @ {self.warehouse}"

    @property
    def free(self) -> int:
        return self.on_hand - self.allocated


class MoveKind(models.TextChoices):
    RECEIPT = "receipt", _("Receipt")
    ADJUST = "adjust", _("Adjustment")
    ALLOCATE = "allocate", _("Allocate to campaign")
    RELEASE = "release", _("Release from campaign")
    RESERVE = "reserve", _("Reserve for order")
    SELL = "sell", _("Sell")
    RETURN = "return", _("Return")


class StockMove(models.Model):
    """One journal line: how much ``on_hand`` and ``allocated`` changed, and why. Append-only."""

    stock_item = models.ForeignKey(StockItem, on_delete=models.PROTECT, related_name="moves")
    kind = models.CharField(_("kind"), max_length=16, choices=MoveKind.choices)
    on_hand_delta = models.BigIntegerField(_("on-hand change"), default=0)
    allocated_delta = models.BigIntegerField(_("allocated change"), default=0)
    reference = models.CharField(_("reference"), max_length=64, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("stock move")
        verbose_name_plural = _("stock moves")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(on_hand_delta=0, allocated_delta=0),
                name="stock_move_changes_something",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on_hand_delta:+d}/{self.allocated_delta:+d}"
