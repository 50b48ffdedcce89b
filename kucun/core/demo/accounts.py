"""Demo accounts and brands: one login per role, a dozen brands with their warehouses."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.base import ContentFile

from kucun.catalog.models import Brand, BrandMember, BrandStatus
from kucun.catalog.services import brand_review
from kucun.core.demo.data import (
    BRAND_USERNAME,
    BRANDS,
    CLOUD_ADDRESS,
    CLOUD_CODE,
    CLOUD_NAME,
    OPERATOR_USERNAME,
    RESELLER_PHONE,
    BrandSpec,
)
from kucun.core.demo.images import brand_logo
from kucun.core.demo.loader import DemoContext
from kucun.core.models import Role, User
from kucun.inventory.models import Warehouse

# Given names for the brand accounts, one per brand in BRANDS order.
BRAND_CONTACTS = (
    "林若溪",
    "周以恒",
    "陈山",
    "郑飞",
    "许安然",
    "沈知微",
    "白露",
    "赵小满",
    "苏春山",
    "李谷雨",
    "顾眠",
    "方圆",
    "何青禾",
)


def brand_username(index: int, spec: BrandSpec) -> str:
    """``brand`` for the first brand (the one the README names), ``brand_<slug>`` for the rest."""
    return BRAND_USERNAME if index == 0 else f"brand_{spec.slug}"


def _user(ctx: DemoContext, username: str, role: str, name: str, **fields) -> User:
    return User.objects.create(
        username=username,
        password=ctx.password_hash,
        role=role,
        first_name=name,
        email=f"{username}@kucun.example",
        **fields,
    )


def accounts_done() -> bool:
    return User.objects.filter(username=OPERATOR_USERNAME).exists()


def accounts_run(ctx: DemoContext) -> str:
    _user(
        ctx,
        OPERATOR_USERNAME,
        Role.OPERATOR,
        "王晓峰",
        is_staff=True,
        is_superuser=True,
    )
    # The reseller's shop is the resellers app's own demo step; this is her login.
    _user(ctx, RESELLER_PHONE, Role.RESELLER, "陈小美", phone=RESELLER_PHONE)
    return f"operator {OPERATOR_USERNAME}, reseller {RESELLER_PHONE}"


def brands_done() -> bool:
    return Brand.objects.filter(slug=BRANDS[0].slug).exists()


def brands_run(ctx: DemoContext) -> str:
    operator = User.objects.get(username=OPERATOR_USERNAME)
    Warehouse.objects.get_or_create(
        brand=None, code=CLOUD_CODE, defaults={"name": CLOUD_NAME, "address": CLOUD_ADDRESS}
    )
    approved = 0
    for index, spec in enumerate(BRANDS):
        brand = Brand(slug=spec.slug, name=spec.name, description=spec.description)
        brand.logo.save(
            f"{spec.slug}.png", ContentFile(brand_logo(name=spec.name, colour=spec.rgb)), save=False
        )
        brand.save()
        code, name, address = spec.warehouse
        Warehouse.objects.create(brand=brand, code=code, name=name, address=address)
        user = _user(ctx, brand_username(index, spec), Role.BRAND, BRAND_CONTACTS[index])
        BrandMember.objects.create(user=user, brand=brand)
        if spec.approved:
            brand_review(
                brand=brand, approve=True, actor=operator, now=ctx.now - timedelta(days=60 - index)
            )
            approved += 1
    pending = Brand.objects.filter(
        slug__in=[b.slug for b in BRANDS], status=BrandStatus.PENDING
    ).count()
    return f"{approved} approved brands, {pending} waiting for review, warehouses, brand users"
