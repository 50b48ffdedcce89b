from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OPERATOR = "operator", _("Platform operator")
    BRAND = "brand", _("Brand user")
    RESELLER = "reseller", _("Reseller")


class User(AbstractUser):
    """An account. Shoppers never need one; every account has exactly one role."""

    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.RESELLER)
    phone = models.CharField(_("phone"), max_length=20, blank=True, default="")

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                fields=["phone"], condition=~models.Q(phone=""), name="user_phone_unique"
            ),
        ]

    @property
    def is_operator(self) -> bool:
        return self.is_active and (self.role == Role.OPERATOR or self.is_superuser)

    @property
    def is_brand_user(self) -> bool:
        return self.is_active and self.role == Role.BRAND

    @property
    def is_reseller(self) -> bool:
        return self.is_active and self.role == Role.RESELLER
