"""Brand review, API tokens and the product/SKU services behind the console forms."""

from datetime import UTC, datetime

import pytest

from kucun.catalog.auth import token_hash
from kucun.catalog.models import BrandApiToken, BrandStatus
from kucun.catalog.services import (
    ProductIn,
    SkuIn,
    brand_api_token_create,
    brand_api_token_revoke,
    brand_review,
    product_create,
    product_update,
    sku_create,
    sku_update,
)
from kucun.catalog.tests.factories import (
    BrandFactory,
    BrandUserFactory,
    ProductFactory,
    SKUFactory,
)
from kucun.core.errors import Forbidden, InvalidInput
from kucun.core.tests.factories import OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_an_operator_approves_a_pending_brand():
    brand = BrandFactory(status=BrandStatus.PENDING)

    brand_review(brand=brand, approve=True, actor=OperatorFactory(), now=NOW)

    brand.refresh_from_db()
    assert (brand.status, brand.reviewed_at) == (BrandStatus.APPROVED, NOW)


def test_a_rejection_needs_a_note_and_is_recorded_with_it():
    brand = BrandFactory(status=BrandStatus.PENDING)
    operator = OperatorFactory()

    with pytest.raises(InvalidInput):
        brand_review(brand=brand, approve=False, note="  ", actor=operator)
    brand_review(brand=brand, approve=False, note="营业执照不清晰", actor=operator, now=NOW)

    brand.refresh_from_db()
    assert (brand.status, brand.review_note) == (BrandStatus.REJECTED, "营业执照不清晰")


def test_rejecting_an_approved_brand_suspends_it_and_freezes_its_catalogue():
    user = BrandUserFactory()
    brand = user.brand_membership.brand

    brand_review(brand=brand, approve=False, note="资质过期", actor=OperatorFactory())

    brand.refresh_from_db()
    assert brand.status == BrandStatus.SUSPENDED
    with pytest.raises(Forbidden):
        product_create(brand=brand, data=ProductIn(code="P1", title="T恤"), actor=user)


def test_only_an_operator_may_review_a_brand():
    brand = BrandFactory(status=BrandStatus.PENDING)

    with pytest.raises(Forbidden):
        brand_review(brand=brand, approve=True, actor=BrandUserFactory())
    with pytest.raises(Forbidden):
        brand_review(brand=brand, approve=True, actor=UserFactory())
    brand.refresh_from_db()
    assert brand.status == BrandStatus.PENDING


def test_an_api_token_is_returned_once_and_only_its_hash_is_kept():
    user = BrandUserFactory()
    brand = user.brand_membership.brand

    token, plain = brand_api_token_create(brand=brand, name="ERP", actor=user)

    stored = BrandApiToken.objects.get()
    assert stored.token_hash == token_hash(plain) != plain
    assert plain.startswith(stored.prefix)
    assert len(plain) > 30
    assert plain not in str(vars(stored))


def test_a_revoked_token_stays_revoked_and_another_brand_cannot_revoke_it():
    user = BrandUserFactory()
    token, _plain = brand_api_token_create(
        brand=user.brand_membership.brand, name="ERP", actor=user
    )

    with pytest.raises(Forbidden):
        brand_api_token_revoke(token=token, actor=BrandUserFactory())
    brand_api_token_revoke(token=token, actor=user, now=NOW)
    brand_api_token_revoke(token=token, actor=user)

    token.refresh_from_db()
    assert token.revoked_at == NOW


def test_a_brand_user_cannot_create_a_token_for_another_brand():
    with pytest.raises(Forbidden):
        brand_api_token_create(brand=BrandFactory(), name="ERP", actor=BrandUserFactory())


def test_product_codes_are_unique_per_brand_but_not_across_brands():
    user = BrandUserFactory()
    brand = user.brand_membership.brand
    ProductFactory(code="P1")  # another brand's

    product_create(brand=brand, data=ProductIn(code="P1", title="T恤"), actor=user)
    with pytest.raises(InvalidInput) as refused:
        product_create(brand=brand, data=ProductIn(code="P1", title="别的"), actor=user)

    assert refused.value.data["field"] == "code"


def test_updating_a_product_keeps_its_code():
    user = BrandUserFactory()
    product = ProductFactory(brand=user.brand_membership.brand, code="P1")

    product_update(
        product=product,
        data=ProductIn(code="CHANGED", title="新名字", attributes={"材质": "棉"}),
        actor=user,
    )

    product.refresh_from_db()
    assert (product.code, product.title, product.attributes) == ("P1", "新名字", {"材质": "棉"})


@pytest.mark.parametrize(
    ("tag", "supply", "field"),
    [(10000, 12000, "supply_price"), (0, 0, "tag_price"), (10000, 0, "supply_price")],
)
def test_a_sku_supply_price_must_be_positive_and_not_above_the_tag_price(tag, supply, field):
    user = BrandUserFactory()
    product = ProductFactory(brand=user.brand_membership.brand)

    with pytest.raises(InvalidInput) as refused:
        sku_create(
            product=product,
            data=SkuIn(code="S1", tag_price_fen=tag, supply_price_fen=supply),
            actor=user,
        )

    assert refused.value.data["field"] == field
    assert not product.skus.exists()


def test_sku_codes_are_unique_per_brand():
    user = BrandUserFactory()
    brand = user.brand_membership.brand
    SKUFactory(product=ProductFactory(brand=brand), code="S1")

    with pytest.raises(InvalidInput):
        sku_create(
            product=ProductFactory(brand=brand),
            data=SkuIn(code="S1", tag_price_fen=100, supply_price_fen=50),
            actor=user,
        )


def test_a_sku_update_changes_prices_and_variant_but_not_the_code():
    user = BrandUserFactory()
    sku = SKUFactory(product=ProductFactory(brand=user.brand_membership.brand), code="S1")

    sku_update(
        sku=sku,
        data=SkuIn(
            code="X",
            tag_price_fen=29900,
            supply_price_fen=9900,
            color="黑色",
            size="L",
            is_active=False,
        ),
        actor=user,
    )

    sku.refresh_from_db()
    assert (sku.code, sku.color, sku.size, sku.tag_price_fen, sku.supply_price_fen, sku.is_active) == (
        "S1", "黑色", "L", 29900, 9900, False
    )  # fmt: skip


def test_a_brand_user_cannot_change_another_brands_product():
    product = ProductFactory()

    with pytest.raises(Forbidden):
        product_update(
            product=product, data=ProductIn(code=product.code, title="抢"), actor=BrandUserFactory()
        )
