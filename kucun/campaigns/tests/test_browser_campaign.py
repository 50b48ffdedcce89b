"""A brand proposes a campaign in a real browser; an operator approves it; resellers see it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kucun.campaigns.models import Campaign, CampaignState
from kucun.campaigns.tests.factories import stocked_sku
from kucun.catalog.tests.factories import BrandUserFactory
from kucun.conftest import browser_login
from kucun.core.tests.factories import PASSWORD, OperatorFactory
from kucun.inventory.models import StockItem


def local(dt) -> str:
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_brand_proposes_a_campaign_and_an_operator_approves_it(page):
    brand_user = BrandUserFactory(username="jiangnan")
    brand = brand_user.brand_membership.brand
    _sku, stock = stocked_sku(brand=brand, quantity=120, code="JN-T001-WH-M")
    operator = OperatorFactory(username="ops")
    now = timezone.now()

    browser_login(page, brand_user.username, PASSWORD)
    page.goto(page.base_url + "/brand/campaigns/")
    page.click("a[href$='/brand/campaigns/new/'] >> nth=0")
    page.fill("input[name=title]", "江南夏日清仓 48 小时")
    page.fill("textarea[name=description]", "纯棉基础款，限时平台价")
    page.fill("input[name=starts_at]", local(now + timedelta(hours=1)))
    page.fill("input[name=ends_at]", local(now + timedelta(hours=49)))
    page.select_option("select[name=items-0-stock_item]", str(stock.pk))
    page.fill("input[name=items-0-quantity]", "50")
    page.fill("input[name=items-0-platform_price]", "89")
    page.click("button[name=save]")

    expect(page.locator("h1")).to_contain_text("江南夏日清仓 48 小时")
    campaign = Campaign.objects.get()
    assert campaign.state == CampaignState.DRAFT
    page.click("form[action$='/submit/'] button")
    expect(page.locator("h1 .badge")).to_have_class(re.compile("submitted"))

    page.click(".account form button[type=submit]")
    browser_login(page, operator.username, PASSWORD)
    page.goto(page.base_url + "/ops/review/")
    card = page.locator(f"#campaign-{campaign.pk}")
    expect(card).to_contain_text("JN-T001-WH-M")
    card.locator("form[action$='/approve/'] button").click()
    expect(page.locator(f"#campaign-{campaign.pk}")).to_have_count(0)

    campaign.refresh_from_db()
    assert campaign.state == CampaignState.APPROVED
    assert StockItem.objects.get(pk=stock.pk).allocated == 50

    page.goto(page.base_url + "/campaigns/")
    upcoming = page.locator(f"#upcoming [data-campaign='{campaign.pk}']")
    expect(upcoming).to_contain_text("江南夏日清仓 48 小时")
    expect(upcoming).to_contain_text("¥89.00")
    expect(upcoming.locator(".countdown")).to_have_text(re.compile(r"^\d\d:\d\d:\d\d$"))
