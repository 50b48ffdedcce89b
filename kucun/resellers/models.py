"""The reseller's side (b in S2b2C): her shop, her markup, her shelf, her tracked shares.

Single level by construction: nothing here points from one reseller to another, so no sale can
earn anyone but the reseller whose shop it went through.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ShopStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")


class MarkupKindChoices(models.TextChoices):
    PERCENT = "percent", _("Percent")
    AMOUNT = "amount", _("Fixed amount")


class RoundingChoices(models.TextChoices):
    NONE = "none", _("No rounding")
    YUAN_9 = "x9", _("Round up to ¥x9")
    YUAN_9_9 = "x9.9", _("Round up to ¥x9.9")


class Channel(models.TextChoices):
    WECHAT_MOMENTS = "wechat_moments", _("WeChat Moments")
    WECHAT_CHAT = "wechat_chat", _("WeChat chat")
    POSTER = "poster", _("Poster")
    LINK = "link", _("Link")
    OTHER = "other", _("Other")


class Reseller(models.Model):
    """A reseller's shop (店铺). ``markup_*`` is her shop-wide default markup."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reseller"
    )
    shop_name = models.CharField(_("shop name"), max_length=40)
    shop_code = models.CharField(_("shop code"), max_length=12, unique=True)
    avatar = models.ImageField(_("avatar"), upload_to="resellers/avatars/", blank=True)
    slogan = models.CharField(_("slogan"), max_length=80, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ShopStatus.choices, default=ShopStatus.ACTIVE
    )
    suspended_reason = models.CharField(_("reason for suspension"), max_length=200, blank=True)
    suspended_at = models.DateTimeField(_("suspended at"), null=True, blank=True)
    suspended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("suspended by"),
    )
    markup_kind = models.CharField(
        _("markup kind"),
        max_length=16,
        choices=MarkupKindChoices.choices,
        default=MarkupKindChoices.PERCENT,
    )
    # Basis points for a percent (1000 = +10%), fen for an amount (500 = +¥5).
    markup_value = models.BigIntegerField(_("markup"), default=1000)
    rounding = models.CharField(
        _("rounding"), max_length=8, choices=RoundingChoices.choices, default=RoundingChoices.NONE
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("reseller")
        verbose_name_plural = _("resellers")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(markup_value__gte=0), name="reseller_markup_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.shop_name} ({self.shop_code})"

    @property
    def is_active(self) -> bool:
        return self.status == ShopStatus.ACTIVE

    @property
    def markup_label(self) -> str:
        from kucun.resellers.markup import markup_of

        return markup_of(self.markup_kind, self.markup_value).label


class MarkupRule(models.Model):
    """A markup for one campaign or one product that beats her shop default."""

    reseller = models.ForeignKey(Reseller, on_delete=models.CASCADE, related_name="markup_rules")
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    product = models.ForeignKey(
        "catalog.Product", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("markup kind"), max_length=16, choices=MarkupKindChoices.choices)
    value = models.BigIntegerField(_("markup"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("markup rule")
        verbose_name_plural = _("markup rules")
        ordering = ["reseller_id", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(campaign__isnull=False, product__isnull=True)
                    | Q(campaign__isnull=True, product__isnull=False)
                ),
                name="markup_rule_one_target",
            ),
            models.CheckConstraint(condition=Q(value__gte=0), name="markup_rule_not_negative"),
            models.UniqueConstraint(
                fields=["reseller", "campaign"],
                condition=Q(product__isnull=True),
                name="markup_rule_unique_campaign",
            ),
            models.UniqueConstraint(
                fields=["reseller", "product"],
                condition=Q(campaign__isnull=True),
                name="markup_rule_unique_product",
            ),
        ]

    def __str__(self) -> str:
        target = (
            f"campaign {self.campaign_id}" if self.campaign_id else f"product {self.product_id}"
        )
        return f"{self.reseller_id}: {target} {self.markup_label}"

    @property
    def markup_label(self) -> str:
        from kucun.resellers.markup import markup_of

        return markup_of(self.kind, self.value).label


class ShelfItem(models.Model):
    """Something in her shop: one product of a campaign, or the whole campaign (no product)."""

    reseller = models.ForeignKey(Reseller, on_delete=models.CASCADE, related_name="shelf_items")
    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    product = models.ForeignKey(
        "catalog.Product", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("shelf item")
        verbose_name_plural = _("shelf items")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["reseller", "campaign"],
                condition=Q(product__isnull=True),
                name="shelf_item_unique_campaign",
            ),
            models.UniqueConstraint(
                fields=["reseller", "campaign", "product"],
                condition=Q(product__isnull=False),
                name="shelf_item_unique_product",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reseller_id}: campaign {self.campaign_id} product {self.product_id}"


class Share(models.Model):
    """A tracked short link: reseller × campaign (× product) × channel.

    ``visits`` and ``visitors`` are counters kept by one conditional UPDATE per visit; the
    ``ShareVisitor`` rows decide whether a visitor is new.
    """

    reseller = models.ForeignKey(Reseller, on_delete=models.CASCADE, related_name="shares")
    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    product = models.ForeignKey(
        "catalog.Product", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    code = models.CharField(_("code"), max_length=16, unique=True)
    visits = models.BigIntegerField(_("visits"), default=0)
    visitors = models.BigIntegerField(_("visitors"), default=0)
    last_visit_at = models.DateTimeField(_("last visit"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("share")
        verbose_name_plural = _("shares")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["reseller", "campaign", "channel"],
                condition=Q(product__isnull=True),
                name="share_unique_campaign_channel",
            ),
            models.UniqueConstraint(
                fields=["reseller", "campaign", "product", "channel"],
                condition=Q(product__isnull=False),
                name="share_unique_product_channel",
            ),
        ]

    def __str__(self) -> str:
        return self.code


class ShareVisitor(models.Model):
    """One browser (a long-lived visitor cookie) that opened a share; one row per share."""

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="visitor_rows")
    visitor_id = models.CharField(max_length=32)
    first_seen_at = models.DateTimeField(_("first seen"))

    class Meta:
        verbose_name = _("share visitor")
        verbose_name_plural = _("share visitors")
        constraints = [
            models.UniqueConstraint(fields=["share", "visitor_id"], name="share_visitor_unique"),
        ]


class PhoneCode(models.Model):
    """A one-time SMS code sent to a phone. Only a keyed hash of the code is stored."""

    phone = models.CharField(_("phone"), max_length=20)
    purpose = models.CharField(_("purpose"), max_length=16, default="signup")
    code_hash = models.CharField(max_length=64)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"))
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("phone code")
        verbose_name_plural = _("phone codes")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["phone", "purpose", "created_at"])]

    def __str__(self) -> str:
        return f"{self.phone} {self.purpose} {self.created_at:%Y-%m-%d %H:%M}"
