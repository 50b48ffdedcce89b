"""The brand console pages: what a brand user sees, what she can't, and form errors."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kucun.catalog.models import SKU, BrandApiToken, ImportJob, ImportStatus, Product
from kucun.catalog.tests.factories import BrandUserFactory, ProductFactory, SKUFactory
from kucun.catalog.tests.helpers import csv_bytes, row, run_import
from kucun.core.tests.factories import UserFactory
from kucun.inventory.models import StockItem
from kucun.inventory.tests.factories import stocked

pytestmark = pytest.mark.django_db


@pytest.fixture
def console(client, brand_user):
    client.force_login(brand_user)
    return client


@pytest.fixture
def theirs():
    """Another brand's product, SKU, stock and import."""
    other = BrandUserFactory()
    brand = other.brand_membership.brand
    product = ProductFactory(brand=brand, code="THEIRS", title="别人的商品")
    sku = SKUFactory(product=product, code="THEIR-SKU")
    from kucun.inventory.tests.factories import WarehouseFactory

    stocked(sku, WarehouseFactory(brand=brand), 5)
    job = run_import(brand, other, csv_bytes([row(product="T2", sku="T2-1")]))
    return {"product": product, "sku": sku, "job": job, "user": other}


def test_the_dashboard_counts_the_brands_products_skus_and_units(console, brand, warehouse):
    sku = SKUFactory(product=ProductFactory(brand=brand), code="S1")
    SKUFactory(product=sku.product, code="S2")
    stocked(sku, warehouse, 12)

    page = console.get(reverse("catalog:brand_home")).content.decode()

    assert brand.name in page
    assert "<b>1</b>" in page  # one product
    assert "<b>2</b>" in page  # two SKUs
    assert "<b>12</b>" in page  # units on hand, all free
    assert reverse("campaigns:brand_list") in page


def test_the_product_list_searches_by_code_and_title_and_filters_by_category(console, brand):
    ProductFactory(brand=brand, code="DRESS-1", title="真丝连衣裙")
    shirt = ProductFactory(brand=brand, code="SHIRT-1", title="亚麻衬衫")
    url = reverse("catalog:product_list")

    assert "亚麻衬衫" not in console.get(url, {"q": "dress"}).content.decode()
    assert "SHIRT-1" in console.get(url, {"q": "衬衫"}).content.decode()
    by_category = console.get(url, {"category": shirt.category_id}).content.decode()
    assert "SHIRT-1" in by_category
    assert "DRESS-1" not in by_category


@pytest.mark.parametrize("category", ["abc", "-3", str(10**20), "1" * 5000])
def test_a_category_filter_that_is_no_id_lists_every_product(console, brand, category):
    ProductFactory(brand=brand, code="DRESS-1")

    response = console.get(reverse("catalog:product_list"), {"category": category})

    assert response.status_code == 200
    assert "DRESS-1" in response.content.decode()


def test_the_product_list_is_paginated(console, brand):
    for n in range(25):
        ProductFactory(brand=brand, code=f"P{n:02d}")

    first = console.get(reverse("catalog:product_list")).content.decode()
    second = console.get(reverse("catalog:product_list"), {"page": 2}).content.decode()

    assert "P19" in first
    assert "P20" not in first
    assert "P24" in second


def test_the_product_page_shows_skus_prices_and_stock_per_warehouse(console, brand, warehouse):
    sku = SKUFactory(
        product=ProductFactory(brand=brand), code="S1", tag_price_fen=59900, supply_price_fen=23950
    )
    stocked(sku, warehouse, 8)

    page = console.get(reverse("catalog:product_detail", args=[sku.product.pk])).content.decode()

    assert "¥599.00" in page
    assert "¥239.50" in page
    assert "BJ01" in page
    assert "8 / 8" in page


def test_a_brand_user_sees_none_of_another_brands_data(console, theirs):
    product, sku, job = theirs["product"], theirs["sku"], theirs["job"]

    assert "别人的商品" not in console.get(reverse("catalog:product_list")).content.decode()
    searched = console.get(reverse("catalog:product_list"), {"q": "THEIRS"}).content.decode()
    assert "别人的商品" not in searched
    assert "没有符合条件的商品" in searched
    for name, args in [
        ("catalog:product_detail", [product.pk]),
        ("catalog:product_edit", [product.pk]),
        ("catalog:sku_create", [product.pk]),
        ("catalog:sku_edit", [product.pk, sku.pk]),
        ("catalog:import_detail", [job.pk]),
        ("catalog:import_status", [job.pk]),
        ("catalog:import_errors_csv", [job.pk]),
    ]:
        assert console.get(reverse(name, args=args)).status_code == 404, name
    assert job.original_name not in console.get(reverse("catalog:import_list")).content.decode()


def test_a_brand_user_cannot_change_another_brands_product_by_posting(console, theirs):
    product, sku = theirs["product"], theirs["sku"]

    edit = console.post(
        reverse("catalog:product_edit", args=[product.pk]), {"code": "THEIRS", "title": "改掉"}
    )
    sku_edit = console.post(
        reverse("catalog:sku_edit", args=[product.pk, sku.pk]),
        {"code": sku.code, "tag_price": "1", "supply_price": "1"},
    )

    assert edit.status_code == sku_edit.status_code == 404
    product.refresh_from_db()
    sku.refresh_from_db()
    assert product.title == "别人的商品"
    assert sku.tag_price_fen == 19900


@pytest.mark.parametrize(
    "url_name",
    ["catalog:brand_home", "catalog:product_list", "catalog:import_list", "catalog:token_list"],
)
def test_resellers_are_refused_and_anonymous_visitors_sent_to_log_in(client, url_name):
    url = reverse(url_name)

    anonymous = client.get(url)
    client.force_login(UserFactory())
    reseller = client.get(url)

    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous["Location"]
    assert reseller.status_code == 403


def test_creating_a_product_then_a_sku_through_the_forms(console, brand):
    created = console.post(
        reverse("catalog:product_create"),
        {
            "code": "NEW-1",
            "title": "羊绒围巾",
            "description": "柔软",
            "attributes": "材质: 羊绒\n产地：内蒙古",
        },
    )
    product = Product.objects.get(brand=brand, code="NEW-1")
    added = console.post(
        reverse("catalog:sku_create", args=[product.pk]),
        {
            "code": "NEW-1-G",
            "color": "灰色",
            "tag_price": "399",
            "supply_price": "¥159.90",
            "is_active": "on",
        },
    )

    assert created.status_code == added.status_code == 302
    assert product.attributes == {"材质": "羊绒", "产地": "内蒙古"}
    assert SKU.objects.get(code="NEW-1-G").supply_price_fen == 15990


def test_a_bad_product_form_shows_errors_and_saves_nothing(console, brand):
    ProductFactory(brand=brand, code="TAKEN")

    empty = console.post(reverse("catalog:product_create"), {"code": "", "title": ""})
    taken = console.post(reverse("catalog:product_create"), {"code": "TAKEN", "title": "重复"})
    bad_attributes = console.post(
        reverse("catalog:product_create"), {"code": "A", "title": "B", "attributes": "没有冒号"}
    )

    assert empty.status_code == taken.status_code == bad_attributes.status_code == 400
    assert "errorlist" in empty.content.decode()
    assert "TAKEN 已被使用" in taken.content.decode()
    assert "名称: 值" in bad_attributes.content.decode()
    assert Product.objects.filter(brand=brand).count() == 1


def test_a_bad_sku_form_shows_the_price_error(console, brand):
    product = ProductFactory(brand=brand)
    url = reverse("catalog:sku_create", args=[product.pk])

    too_precise = console.post(url, {"code": "S1", "tag_price": "19.999", "supply_price": "10"})
    above_tag = console.post(url, {"code": "S1", "tag_price": "100", "supply_price": "120"})

    assert too_precise.status_code == above_tag.status_code == 400
    assert "超过两位小数" in too_precise.content.decode()
    assert "高于吊牌价" in above_tag.content.decode()
    assert not product.skus.exists()


def test_uploading_a_file_on_the_import_page_imports_it(
    console, brand, warehouse, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("商品.csv", csv_bytes([row(warehouse="BJ01", stock="6")]))

    with django_capture_on_commit_callbacks(execute=True):
        response = console.post(reverse("catalog:import_list"), {"file": upload})

    job = ImportJob.objects.get(brand=brand)
    assert response.status_code == 302
    assert response["Location"] == reverse("catalog:import_detail", args=[job.pk])
    assert job.status == ImportStatus.DONE
    assert StockItem.objects.get().on_hand == 6
    page = console.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 1s"' not in page
    assert "全部 1 行" in page or "已导入全部 1 行" in page


def test_a_running_import_page_polls_its_status_every_second(console, brand):
    job = ImportJob.objects.create(brand=brand, file=SimpleUploadedFile("a.csv", b"x"), original_name="a.csv",
                                   status=ImportStatus.VALIDATING, total_rows=200, processed_rows=50)  # fmt: skip

    page = console.get(reverse("catalog:import_detail", args=[job.pk])).content.decode()
    fragment = console.get(reverse("catalog:import_status", args=[job.pk]), HTTP_HX_REQUEST="true")

    assert 'hx-trigger="every 1s"' in page
    assert reverse("catalog:import_status", args=[job.pk]) in page
    assert "50 / 200" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    assert 'style="width:25%"' in fragment.content.decode()


def test_a_failed_import_lists_its_errors_and_offers_them_as_csv(console, brand, brand_user):
    job = run_import(brand, brand_user, csv_bytes([row(), row(sku="S2", supply="500")]))

    page = console.get(reverse("catalog:import_detail", args=[job.pk])).content.decode()
    download = console.get(reverse("catalog:import_errors_csv", args=[job.pk]))

    assert "高于吊牌价" in page
    text = download.content.decode("utf-8-sig")
    assert download["Content-Type"].startswith("text/csv")
    assert text.splitlines()[1].startswith("3,供货价,")


def test_a_file_of_the_wrong_type_is_a_form_error(console, brand):
    response = console.post(
        reverse("catalog:import_list"), {"file": SimpleUploadedFile("a.xls", b"old")}
    )

    assert response.status_code == 400
    assert ".xlsx" in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_template_downloads_import_cleanly(console, brand, brand_user, warehouse, kind):
    response = console.get(reverse(f"catalog:template_{kind}"))

    job = run_import(brand, brand_user, response.content, name=f"template.{kind}")

    assert job.status == ImportStatus.DONE, job.errors
    assert job.counts["skus_created"] == 2
    assert set(StockItem.objects.values_list("warehouse__code", flat=True)) == {"BJ01"}


def test_an_api_token_is_shown_once_and_can_be_revoked(console, brand):
    created = console.post(reverse("catalog:token_list"), {"name": "金蝶ERP"})
    token = BrandApiToken.objects.get(brand=brand)
    again = console.get(reverse("catalog:token_list")).content.decode()
    revoke = console.post(reverse("catalog:token_revoke", args=[token.pk]))

    assert "kc_" in created.content.decode()
    assert created["Cache-Control"] == "no-store"
    assert "金蝶ERP" in again
    assert token.prefix in again
    assert created.content.decode().count("kc_") > again.count("kc_")  # the whole token is gone
    assert revoke.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_brand_cannot_revoke_another_brands_token(console):
    other = BrandUserFactory()
    from kucun.catalog.services import brand_api_token_create

    token, _plain = brand_api_token_create(
        brand=other.brand_membership.brand, name="ERP", actor=other
    )

    assert console.post(reverse("catalog:token_revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def png() -> SimpleUploadedFile:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (228, 57, 60)).save(buffer, "PNG")
    return SimpleUploadedFile("red.png", buffer.getvalue(), content_type="image/png")


def test_a_picture_is_added_when_editing_and_can_be_removed(console, brand):
    product = ProductFactory(brand=brand, code="PIC-1")

    saved = console.post(
        reverse("catalog:product_edit", args=[product.pk]),
        {"title": product.title, "image": png()},
    )
    image = product.images.get()
    shown = console.get(reverse("catalog:product_detail", args=[product.pk])).content.decode()
    removed = console.post(reverse("catalog:product_image_delete", args=[product.pk, image.pk]))

    assert saved.status_code == 302
    assert image.image.url in shown
    assert removed.status_code == 302
    assert not product.images.exists()


def test_a_file_that_is_not_a_picture_is_a_form_error(console, brand):
    product = ProductFactory(brand=brand)

    response = console.post(
        reverse("catalog:product_edit", args=[product.pk]),
        {"title": product.title, "image": SimpleUploadedFile("x.png", b"not an image")},
    )

    assert response.status_code == 400
    assert not product.images.exists()


def test_a_suspended_brand_sees_why_and_cannot_change_its_catalogue(console, brand):
    from kucun.catalog.services import brand_review
    from kucun.core.tests.factories import OperatorFactory

    product = ProductFactory(brand=brand, title="原名")
    brand_review(brand=brand, approve=False, note="资质过期。", actor=OperatorFactory())

    home = console.get(reverse("catalog:brand_home")).content.decode()
    edit = console.post(reverse("catalog:product_edit", args=[product.pk]), {"title": "新名"})

    assert "资质过期" in home
    assert edit.status_code == 400
    assert "已被停用" in edit.content.decode()
    product.refresh_from_db()
    assert product.title == "原名"
