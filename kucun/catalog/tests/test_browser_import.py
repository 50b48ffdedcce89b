"""A brand user imports a file in a real browser and finds her products in the list."""

import pytest
from playwright.sync_api import expect

from kucun.catalog.tests.factories import BrandUserFactory
from kucun.catalog.tests.helpers import csv_bytes, row
from kucun.conftest import browser_login
from kucun.core.tests.factories import PASSWORD
from kucun.inventory.models import StockItem
from kucun.inventory.tests.factories import WarehouseFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_brand_user_uploads_a_csv_and_sees_the_products_appear(page, tmp_path):
    user = BrandUserFactory(username="xiaoya")
    WarehouseFactory(brand=user.brand_membership.brand, code="HZ01", name="杭州仓")
    upload = tmp_path / "春季新款.csv"
    upload.write_bytes(
        csv_bytes(
            [
                row(product="SP-01", title="碎花雪纺连衣裙", category="服装/女装/连衣裙",
                    sku="SP-01-S", size="S", tag="329", supply="129.00", warehouse="HZ01", stock="40"),
                row(product="SP-01", title="碎花雪纺连衣裙", category="服装/女装/连衣裙",
                    sku="SP-01-M", size="M", tag="329", supply="129.00", warehouse="HZ01", stock="60"),
            ],
            encoding="gbk",
        )
    )  # fmt: skip

    browser_login(page, user.username, PASSWORD)
    page.goto(page.base_url + "/brand/imports/")
    page.set_input_files("#import-form input[name=file]", str(upload))
    page.click("#import-form button[type=submit]")

    status = page.locator("#import-status")
    expect(status).to_have_attribute("data-status", "done")
    expect(status).to_contain_text("已导入全部 2 行")
    page.click("#import-status a[href$='/brand/products/']")
    expect(page.locator("#products")).to_contain_text("碎花雪纺连衣裙")
    expect(page.locator("#products")).to_contain_text("100")  # units on hand, both sizes
    assert sorted(StockItem.objects.values_list("on_hand", flat=True)) == [40, 60]
