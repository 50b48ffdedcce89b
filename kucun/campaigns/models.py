from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CampaignState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    LIVE = "live", _("Live")
    ENDED = "ended", _("Ended")
    SETTLED = "settled", _("Settled")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")


class Campaign(models.Model):
    """A time-limited sale (档期) of one brand's SKUs at platform prices."""

    brand = models.ForeignKey("catalog.Brand", on_delete=models.PROTECT, related_name="campaigns")
    title = models.CharField(pgettext_lazy("campaign", "title"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    banner = models.ImageField(_("banner"), upload_to="campaigns/", blank=True)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"), db_index=True)
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=CampaignState.choices,
        default=CampaignState.DRAFT,
        db_index=True,
    )
    reject_reason = models.CharField(_("reason for rejection"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="campaign_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class CampaignItem(models.Model):
    """A SKU in a campaign: ``quantity`` units taken from one warehouse at a platform price.

    ``available`` is what is still for sale; orders take from it by conditional update.
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="items")
    sku = models.ForeignKey("catalog.SKU", on_delete=models.PROTECT, related_name="campaign_items")
    warehouse = models.ForeignKey(
        "inventory.Warehouse", on_delete=models.PROTECT, related_name="campaign_items"
    )
    quantity = models.BigIntegerField(_("quantity"))
    available = models.BigIntegerField(_("available"), default=0)
    platform_price_fen = models.BigIntegerField(_("platform price (fen)"))
    min_resale_price_fen = models.BigIntegerField(
        _("minimum resale price (fen)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("campaign item")
        verbose_name_plural = _("campaign items")
        ordering = ["campaign_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "sku", "warehouse"], name="campaign_item_unique"
            ),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="campaign_item_quantity_gt_0"),
            models.CheckConstraint(
                condition=Q(available__gte=0) & Q(available__lte=F("quantity")),
                name="campaign_item_available_in_range",
            ),
            models.CheckConstraint(
                condition=Q(platform_price_fen__gt=0), name="campaign_item_price_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campaign} · {self.sku}"
