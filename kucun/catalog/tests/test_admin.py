"""The operator's admin: brand review through the service, read-only imports and token hashes."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import translation

from kucun.catalog.models import BrandStatus, Product
from kucun.catalog.services import brand_api_token_create
from kucun.catalog.tests.factories import BrandFactory, BrandUserFactory, ProductFactory, SKUFactory
from kucun.catalog.tests.helpers import csv_bytes, row, run_import
from kucun.core.models import Role
from kucun.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(role=Role.OPERATOR, is_staff=True, is_superuser=True))
    return client


def test_approving_brands_from_the_admin_list(admin_client):
    brand = BrandFactory(status=BrandStatus.PENDING)

    response = admin_client.post(
        reverse("admin:catalog_brand_changelist"),
        {"action": "approve", ACTION_CHECKBOX_NAME: [brand.pk]},
    )

    assert response.status_code == 302
    brand.refresh_from_db()
    assert brand.status == BrandStatus.APPROVED
    assert brand.reviewed_at is not None


def test_rejecting_from_the_admin_asks_for_a_reason_first(admin_client):
    brand = BrandFactory(status=BrandStatus.PENDING)
    url = reverse("admin:catalog_brand_changelist")

    asked = admin_client.post(url, {"action": "reject", ACTION_CHECKBOX_NAME: [brand.pk]})
    brand.refresh_from_db()
    assert asked.status_code == 200
    assert brand.status == BrandStatus.PENDING
    assert 'name="note"' in asked.content.decode()

    done = admin_client.post(
        url,
        {"action": "reject", "apply": "1", "note": "资料不全", ACTION_CHECKBOX_NAME: [brand.pk]},
    )

    assert done.status_code == 302
    brand.refresh_from_db()
    assert (brand.status, brand.review_note) == (BrandStatus.REJECTED, "资料不全")


def test_the_brand_status_is_not_editable_in_the_change_form(admin_client):
    brand = BrandFactory(status=BrandStatus.PENDING)

    page = admin_client.get(reverse("admin:catalog_brand_change", args=[brand.pk])).content.decode()

    assert 'name="status"' not in page
    assert 'name="name"' in page


def test_products_with_skus_show_in_the_admin_without_stock_fields(admin_client):
    sku = SKUFactory(product=ProductFactory(code="ADM-1"), code="ADM-1-M")

    page = admin_client.get(
        reverse("admin:catalog_product_change", args=[sku.product.pk])
    ).content.decode()

    assert "ADM-1-M" in page
    assert "on_hand" not in page
    assert "allocated" not in page


def test_a_duplicate_sku_code_in_the_admin_is_a_form_error(admin_client):
    product = ProductFactory()
    SKUFactory(product=product, code="DUP")
    other = ProductFactory(brand=product.brand)
    prefix = "skus"
    data = {
        "brand": other.brand_id, "code": other.code, "title": other.title, "status": "active",
        "category": other.category_id, "attributes": "{}", "description": "",
        f"{prefix}-TOTAL_FORMS": 1, f"{prefix}-INITIAL_FORMS": 0,
        f"{prefix}-0-code": "DUP", f"{prefix}-0-tag_price_fen": 100, f"{prefix}-0-supply_price_fen": 50,
        f"{prefix}-0-is_active": "on",
        "images-TOTAL_FORMS": 0, "images-INITIAL_FORMS": 0,
    }  # fmt: skip

    response = admin_client.post(reverse("admin:catalog_product_change", args=[other.pk]), data)

    assert response.status_code == 200
    assert "该品牌已有此 SKU 编码" in response.content.decode()
    assert not other.skus.exists()


def test_import_jobs_and_token_hashes_are_read_only(admin_client):
    user = BrandUserFactory()
    brand = user.brand_membership.brand
    job = run_import(brand, user, csv_bytes([row()]))
    token, _plain = brand_api_token_create(brand=brand, name="ERP", actor=user)

    job_page = admin_client.get(reverse("admin:catalog_importjob_change", args=[job.pk]))
    token_page = admin_client.get(reverse("admin:catalog_brandapitoken_change", args=[token.pk]))

    assert job_page.status_code == token_page.status_code == 200
    assert 'name="status"' not in job_page.content.decode()
    assert 'name="token_hash"' not in token_page.content.decode()
    assert admin_client.get(reverse("admin:catalog_importjob_add")).status_code == 403
    assert admin_client.get(reverse("admin:catalog_brandapitoken_add")).status_code == 403


@pytest.mark.parametrize(
    "name",
    ["brand", "brandmember", "brandapitoken", "category", "product", "importjob"],
)
def test_every_catalogue_admin_list_opens(admin_client, name):
    assert admin_client.get(reverse(f"admin:catalog_{name}_changelist")).status_code == 200


@pytest.mark.parametrize("value", ["abc", str(10**20), "1,2"])
@pytest.mark.parametrize("model", ["product", "brandmember", "category"])
def test_an_add_page_prefilled_with_a_bad_id_opens_with_the_field_empty(admin_client, model, value):
    field = {"product": "brand", "brandmember": "brand", "category": "parent"}[model]

    response = admin_client.get(reverse(f"admin:catalog_{model}_add"), {field: value})

    assert response.status_code == 200
    assert f'name="{field}"' in response.content.decode()


def test_an_add_page_prefilled_with_a_real_brand_keeps_it(admin_client):
    brand = BrandFactory(name="栖木衣舍")

    response = admin_client.get(reverse("admin:catalog_product_add"), {"brand": brand.pk})

    assert "栖木衣舍" in response.content.decode()


def _product_change_data(product, **changes):
    data = {
        "code": product.code, "title": product.title, "brand": product.brand_id,
        "category": product.category_id, "status": product.status, "description": "",
        "attributes": "", "skus-TOTAL_FORMS": 0, "skus-INITIAL_FORMS": 0,
        "images-TOTAL_FORMS": 0, "images-INITIAL_FORMS": 0,
    }  # fmt: skip
    return data | changes


def test_an_operator_who_empties_the_attributes_box_saves_no_attributes(admin_client):
    product = ProductFactory(attributes={"面料": "棉"})
    url = reverse("admin:catalog_product_change", args=[product.pk])

    response = admin_client.post(url, _product_change_data(product, title="新标题"))

    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.title, product.attributes) == ("新标题", {})


def test_attributes_that_are_not_a_json_object_are_a_form_error(admin_client):
    product = ProductFactory(attributes={"面料": "棉"})
    url = reverse("admin:catalog_product_change", args=[product.pk])

    response = admin_client.post(url, _product_change_data(product, attributes="[1, 2]"))

    assert response.status_code == 200
    assert "JSON" in response.content.decode()
    product.refresh_from_db()
    assert product.attributes == {"面料": "棉"}


@pytest.mark.parametrize("value", ["abc", str(10**20)])
def test_a_product_form_sent_back_with_a_bad_brand_shows_the_error(admin_client, value):
    product = ProductFactory()
    url = reverse("admin:catalog_product_change", args=[product.pk])

    response = admin_client.post(url, _product_change_data(product, brand=value, attributes="{}"))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["brand"]
    assert Product.objects.get(pk=product.pk).brand_id == product.brand_id


def _product_add_data(brand, *codes):
    data = {
        "code": "NEW-1", "title": "新品", "brand": brand.pk, "category": "", "status": "active",
        "description": "", "attributes": "{}", "skus-TOTAL_FORMS": len(codes),
        "skus-INITIAL_FORMS": 0, "images-TOTAL_FORMS": 0, "images-INITIAL_FORMS": 0,
    }  # fmt: skip
    for i, code in enumerate(codes):
        data |= {
            f"skus-{i}-code": code, f"skus-{i}-color": "黑", f"skus-{i}-size": "M",
            f"skus-{i}-tag_price_fen": 19900, f"skus-{i}-supply_price_fen": 8000,
            f"skus-{i}-is_active": "on",
        }  # fmt: skip
    return data


def test_an_operator_adds_a_product_with_its_skus_on_one_page(admin_client):
    brand = BrandFactory()

    response = admin_client.post(
        reverse("admin:catalog_product_add"), _product_add_data(brand, "NEW-1-M", "NEW-1-L")
    )

    assert response.status_code == 302
    product = Product.objects.get(brand=brand, code="NEW-1")
    assert sorted(product.skus.values_list("code", "brand_id")) == [
        ("NEW-1-L", brand.pk), ("NEW-1-M", brand.pk),
    ]  # fmt: skip


@pytest.mark.parametrize("twice", [True, False])
def test_a_new_products_sku_code_already_used_by_the_brand_is_a_form_error(admin_client, twice):
    brand = BrandFactory()
    if not twice:
        SKUFactory(product=ProductFactory(brand=brand), code="DUP-1")
    codes = ("DUP-1", "DUP-1") if twice else ("DUP-1",)

    response = admin_client.post(
        reverse("admin:catalog_product_add"), _product_add_data(brand, *codes)
    )

    assert response.status_code == 200
    sku_errors = response.context["inline_admin_formsets"][0].formset.errors
    with translation.override("zh-hans"):
        message = translation.gettext("This SKU code is already used by the brand.")
    assert {"code": [message]} in sku_errors
    assert not Product.objects.filter(brand=brand, code="NEW-1").exists()
