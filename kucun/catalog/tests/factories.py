import factory

from kucun.catalog.models import SKU, Brand, BrandMember, BrandStatus, Category, Product
from kucun.core.models import Role
from kucun.core.tests.factories import UserFactory


class BrandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Brand

    name = factory.Sequence(lambda n: f"品牌{n}")
    slug = factory.Sequence(lambda n: f"brand-{n}")
    status = BrandStatus.APPROVED


class BrandUserFactory(UserFactory):
    """A user with role brand and a membership of ``brand`` (a new brand unless given)."""

    role = Role.BRAND
    membership = factory.RelatedFactory(
        "kucun.catalog.tests.factories.BrandMemberFactory", factory_related_name="user"
    )


class BrandMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BrandMember

    brand = factory.SubFactory(BrandFactory)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"类目{n}")


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    brand = factory.SubFactory(BrandFactory)
    category = factory.SubFactory(CategoryFactory)
    code = factory.Sequence(lambda n: f"P{n:05d}")
    title = factory.Sequence(lambda n: f"纯棉T恤 {n}")


class SKUFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SKU

    product = factory.SubFactory(ProductFactory)
    brand = factory.SelfAttribute("product.brand")
    code = factory.Sequence(lambda n: f"S{n:06d}")
    color = "白色"
    size = "M"
    tag_price_fen = 19900
    supply_price_fen = 6000
