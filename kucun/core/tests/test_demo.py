"""The demo that ``make run`` loads: what a person logging in will find, and that it loads once."""

import io
import random
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.models import Sum
from django.utils import timezone
from PIL import Image

from kucun.campaigns.models import Campaign, CampaignItem, CampaignState
from kucun.catalog.models import SKU, Brand, BrandStatus, Product, ProductImage
from kucun.core.demo.codes import ean13, ean13_check_digit, ean13_is_valid
from kucun.core.demo.data import BRANDS, CLOUD_CODE, DEMO_PASSWORD
from kucun.core.demo.loader import DemoContext, Step, demo_load
from kucun.core.demo.plan import plan_brand_products
from kucun.core.models import Role, User
from kucun.inventory.models import StockItem, StockMove, Warehouse
from kucun.inventory.selectors import stock_journal_mismatches


def load_demo(*args: str) -> str:
    out = io.StringIO()
    call_command("demo_load", *args, stdout=out)
    return out.getvalue()


def is_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def test_ean13_check_digits_match_published_codes():
    assert ean13_check_digit("978030640615") == "7"  # ISBN 978-0-306-40615-7
    assert ean13("400638133393") == "4006381333931"
    assert ean13_is_valid("6901234567892")
    assert not ean13_is_valid("6901234567893")


def test_the_planned_catalogue_is_the_same_on_every_run_and_priced_like_a_real_one():
    def plan(spec, index):
        return plan_brand_products(
            brand=spec, brand_index=index, rng=random.Random(f"kucun-demo:catalog:{spec.slug}")
        )

    everything = [plan(spec, index) for index, spec in enumerate(BRANDS)]
    assert sum(len(products) for products in everything) >= 100
    assert sum(len(p.skus) for products in everything for p in products) >= 500
    for index, spec in enumerate(BRANDS):
        products = everything[index]
        assert products == plan(spec, index)
        skus = [sku for product in products for sku in product.skus]
        assert len({sku.code for sku in skus}) == len(skus)
        assert len({product.title for product in products}) == len(products)
        for sku in skus:
            assert ean13_is_valid(sku.barcode), sku
            assert 25 * sku.tag_price_fen // 100 - 100 <= sku.supply_price_fen, sku
            assert sku.supply_price_fen <= 45 * sku.tag_price_fen // 100, sku
            assert sku.tag_price_fen % 100 == 0
            assert sku.stock > 0


@pytest.mark.django_db
def test_demo_load_on_an_empty_database_builds_the_whole_demo():
    # Half the products of the full demo (the same code path) keeps the suite quick.
    before = timezone.now()
    output = load_demo("--scale", "50")
    now = timezone.now()

    # One login per role, all with the printed password.
    operator = User.objects.get(username="ops")
    assert operator.role == Role.OPERATOR
    assert operator.is_staff
    assert operator.is_superuser
    brand_user = User.objects.get(username="brand")
    assert brand_user.role == Role.BRAND
    assert brand_user.brand_membership.brand.name == "栖木衣舍"
    reseller = User.objects.get(username="13800000000")
    assert reseller.role == Role.RESELLER
    assert reseller.phone == "13800000000"
    for user in (operator, brand_user, reseller):
        assert user.check_password(DEMO_PASSWORD)
    for text in ("ops", "brand", "13800000000", DEMO_PASSWORD, "http://127.0.0.1:8000/"):
        assert text in output
    for path in ("/admin/", "/api/docs", "/brand/", "/ops/review/", "/r/", "/s/xm8888/"):
        assert f"http://127.0.0.1:8000{path}" in output

    # A dozen approved brands and one waiting for the operator, each with its warehouse.
    assert Brand.objects.filter(status=BrandStatus.APPROVED).count() >= 12
    assert Brand.objects.filter(status=BrandStatus.PENDING).count() == 1
    for brand in Brand.objects.all():
        assert is_chinese(brand.name)
        assert brand.warehouses.exists()
        assert brand.logo
    cloud = Warehouse.objects.get(brand=None, code=CLOUD_CODE)
    assert cloud.name == "云仓·嘉兴"

    # Several hundred SKUs over 100+ products, in Chinese, with sizes, colours and specs.
    assert Product.objects.count() >= 50
    assert SKU.objects.count() >= 300
    assert not Product.objects.filter(category=None).exists()
    assert all(is_chinese(title) for title in Product.objects.values_list("title", flat=True))
    assert set(SKU.objects.values_list("size", flat=True)) >= {"S", "M", "L", "XL", "36", "41"}
    assert SKU.objects.filter(size__endswith="ml").exists()  # cosmetics
    assert SKU.objects.filter(size__endswith="g").exists()  # food
    assert all(ean13_is_valid(code) for code in SKU.objects.values_list("barcode", flat=True))
    dress = Product.objects.filter(category__name="连衣裙").first()
    assert "面料" in dress.attributes
    assert "产地" in dress.attributes
    assert dress.skus.values("color").distinct().count() >= 2

    # Every product has 1–3 pictures that are real images on disk.
    assert not Product.objects.filter(images=None).exists()
    assert max(p.images.count() for p in Product.objects.all()) <= 3
    for picture in ProductImage.objects.all():
        with Image.open(picture.image.path) as image:
            image.verify()
            assert image.size == (800, 800)

    # Stock came in as receipts, some in the cloud warehouse; the journal explains every level.
    assert StockItem.objects.filter(warehouse=cloud, on_hand__gt=0).exists()
    assert stock_journal_mismatches() == []

    # Campaigns live now, coming up, over, and each step of the review.
    campaigns = Campaign.objects.all()
    live = campaigns.filter(state=CampaignState.LIVE)
    assert live.count() >= 3
    assert all(c.starts_at <= now and c.ends_at > before for c in live)
    upcoming = campaigns.filter(state=CampaignState.APPROVED)
    assert upcoming.count() >= 3
    assert all(c.starts_at > now for c in upcoming)
    ended = campaigns.filter(state=CampaignState.ENDED)
    assert ended.count() >= 2
    assert all(c.ends_at <= now for c in ended)
    assert campaigns.filter(state=CampaignState.SUBMITTED).count() == 1
    assert campaigns.filter(state=CampaignState.DRAFT).count() == 1
    assert campaigns.get(state=CampaignState.REJECTED).reject_reason
    for campaign in campaigns:
        assert is_chinese(campaign.title)
        assert campaign.items.exists()
        with Image.open(campaign.banner.path) as banner:
            assert banner.size == (1000, 400)
    for item in CampaignItem.objects.select_related("sku"):
        assert item.sku.supply_price_fen <= item.platform_price_fen <= item.sku.tag_price_fen
        if item.min_resale_price_fen is not None:
            assert item.platform_price_fen <= item.min_resale_price_fen <= item.sku.tag_price_fen
    assert CampaignItem.objects.exclude(min_resale_price_fen=None).exists()
    # Ended campaigns gave their stock back: what is held is exactly what is still for sale.
    assert not CampaignItem.objects.filter(campaign__in=ended, available__gt=0).exists()
    held = CampaignItem.objects.filter(campaign__in=live | upcoming).aggregate(n=Sum("available"))
    assert StockItem.objects.aggregate(n=Sum("allocated"))["n"] == held["n"] > 0
    assert StockMove.objects.filter(kind="release").exists()


def snapshot() -> dict:
    """Everything a second run could change: every table's rows and every media file."""
    tables = set(connection.introspection.table_names())
    counts = {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.db_table in tables
    }
    levels = list(StockItem.objects.order_by("pk").values_list("pk", "on_hand", "allocated"))
    states = list(Campaign.objects.order_by("pk").values_list("pk", "state", "updated_at"))
    media = sorted(str(p) for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())
    return {"counts": counts, "levels": levels, "states": states, "media": media}


@pytest.mark.django_db
def test_running_demo_load_again_changes_nothing():
    load_demo("--scale", "10")
    first = snapshot()
    assert first["counts"]["campaigns.Campaign"] > 0
    assert first["media"]

    output = load_demo("--scale", "10")

    assert snapshot() == first
    assert "already loaded" in output
    assert "kucun2026" in output


@pytest.mark.django_db
def test_a_step_added_later_still_runs_on_an_old_demo_and_a_failing_step_leaves_nothing():
    ran = []

    def make_user(ctx):
        User.objects.create(username="later", password=ctx.password_hash)
        ran.append("later")
        return "one user"

    def broken(ctx):
        User.objects.create(username="half-written")
        raise RuntimeError("disk full")

    ctx = DemoContext(now=timezone.now(), log=lambda line: None)
    old = Step("old", 10, lambda: True, lambda ctx: pytest.fail("already there"))
    later = Step("later", 60, lambda: User.objects.filter(username="later").exists(), make_user)

    demo_load(ctx=ctx, steps=[old, later])
    demo_load(ctx=ctx, steps=[old, later])

    assert ran == ["later"]
    assert User.objects.get(username="later").check_password(DEMO_PASSWORD)
    with pytest.raises(RuntimeError):
        demo_load(ctx=ctx, steps=[Step("broken", 70, lambda: False, broken)])
    assert not User.objects.filter(username="half-written").exists()
