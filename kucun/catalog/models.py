from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class BrandStatus(models.TextChoices):
    PENDING = "pending", _("Pending review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SUSPENDED = "suspended", _("Suspended")


class Brand(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="brands/", blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=BrandStatus.choices, default=BrandStatus.PENDING
    )
    review_note = models.CharField(_("review note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("brand")
        verbose_name_plural = _("brands")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_approved(self) -> bool:
        return self.status == BrandStatus.APPROVED


class BrandMember(models.Model):
    """A brand user: an account that acts for exactly one brand."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="brand_membership"
    )
    brand = models.ForeignKey(Brand, on_delete=models.CASCADE, related_name="members")

    class Meta:
        verbose_name = _("brand user")
        verbose_name_plural = _("brand users")

    def __str__(self) -> str:
        return f"{self.user} @ {self.brand}"


class BrandApiToken(models.Model):
    """A per-brand secret for its ERP. Only a hash is stored; the token is shown once."""

    brand = models.ForeignKey(Brand, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=60)
    prefix = models.CharField(_("prefix"), max_length=12)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.brand} / {self.name} ({self.prefix}…)"


class Category(models.Model):
    """A node of the category tree (服装 / 女装 / 连衣裙)."""

    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    name = models.CharField(_("name"), max_length=40)
    name_en = models.CharField(_("English name"), max_length=60, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"], name="category_name_unique_in_parent"
            ),
            models.UniqueConstraint(
                fields=["name"], condition=Q(parent__isnull=True), name="category_root_name_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.path

    @property
    def path(self) -> str:
        names = []
        node: Category | None = self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return " / ".join(reversed(names))


class ProductStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ARCHIVED = "archived", _("Archived")


class Product(models.Model):
    """An SPU: what a shopper thinks of as one product, in several SKUs."""

    brand = models.ForeignKey(Brand, on_delete=models.PROTECT, related_name="products")
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, null=True, blank=True, related_name="products"
    )
    code = models.CharField(_("product code"), max_length=64)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    attributes = models.JSONField(_("attributes"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ProductStatus.choices, default=ProductStatus.ACTIVE
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["brand_id", "code"]
        constraints = [
            models.UniqueConstraint(fields=["brand", "code"], name="product_code_unique_per_brand"),
        ]

    def __str__(self) -> str:
        return self.title


class ProductImage(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(_("image"), upload_to="products/")
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("product image")
        verbose_name_plural = _("product images")
        ordering = ["position", "id"]


class SKU(models.Model):
    """A variant of a product (colour × size). ``brand`` is the product's, kept for the
    one-code-per-brand rule that makes imports idempotent."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="skus")
    brand = models.ForeignKey(Brand, on_delete=models.PROTECT, related_name="skus")
    code = models.CharField(_("SKU code"), max_length=64)
    color = models.CharField(_("colour"), max_length=40, blank=True)
    size = models.CharField(_("size"), max_length=40, blank=True)
    barcode = models.CharField(_("barcode"), max_length=64, blank=True)
    tag_price_fen = models.BigIntegerField(_("tag price (fen)"))
    supply_price_fen = models.BigIntegerField(_("supply price (fen)"))
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("SKU")
        verbose_name_plural = _("SKUs")
        ordering = ["product_id", "code"]
        constraints = [
            models.UniqueConstraint(fields=["brand", "code"], name="sku_code_unique_per_brand"),
            models.CheckConstraint(
                condition=Q(supply_price_fen__gt=0), name="sku_supply_price_positive"
            ),
            models.CheckConstraint(
                condition=Q(tag_price_fen__gte=F("supply_price_fen")), name="sku_tag_gte_supply"
            ),
        ]

    def __str__(self) -> str:
        variant = " ".join(part for part in (self.color, self.size) if part)
        return f"{self.code} {variant}".strip()


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    VALIDATING = "validating", _("Checking")
    APPLYING = "applying", _("Importing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ImportJob(models.Model):
    """One uploaded products/SKUs/stock file and what became of it.

    ``errors`` holds every problem found, as ``{"line", "column", "message"}`` (line as the brand
    sees it in Excel, header = 1; ``None`` for the file as a whole). ``counts`` says how many
    products, SKUs and stock levels were created, updated or left unchanged.
    """

    RUNNING = (ImportStatus.PENDING, ImportStatus.VALIDATING, ImportStatus.APPLYING)

    brand = models.ForeignKey(Brand, on_delete=models.CASCADE, related_name="import_jobs")
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    language = models.CharField(_("language"), max_length=16, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ImportStatus.choices,
        default=ImportStatus.PENDING,
        db_index=True,
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows checked"), default=0)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.brand} / {self.original_name} #{self.pk}"

    @property
    def is_running(self) -> bool:
        return self.status in self.RUNNING

    @property
    def progress_percent(self) -> int:
        if self.status == ImportStatus.DONE:
            return 100
        if not self.total_rows:
            return 0
        return min(100, self.processed_rows * 100 // self.total_rows)
