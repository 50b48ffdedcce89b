"""The whole reseller journey in a real browser on a phone-sized screen (390×844)."""

import io

import pytest
from PIL import Image

from kucun.resellers.models import Reseller
from kucun.resellers.sms import last_code_sent
from kucun.resellers.tests.factories import listed_campaign

PHONE = "13911112222"
PASSWORD = "Shop-owner-2026"


def _fits_the_phone(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 392, f"page is {overflow}px wide on a 390px phone"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_new_reseller_signs_up_prices_shelves_shares_and_a_shopper_opens_her_link(
    phone_page, browser, live_server, tmp_path
):
    listed = listed_campaign(title="夏日清仓 48 小时", platform_price_fen=5900)
    product = listed.products[0]
    page = phone_page
    base = page.base_url

    # Sign up: phone → SMS code (the console backend's outbox) → password → shop.
    page.goto(base + "/join/")
    page.fill("input[name=phone]", PHONE)
    page.click("button[type=submit]")
    page.wait_for_url("**/join/verify/**")
    code = last_code_sent(PHONE)
    page.fill("input[name=code]", code)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/r/setup/")
    avatar = tmp_path / "me.png"
    Image.new("RGB", (300, 300), (200, 80, 90)).save(avatar)
    page.fill("input[name=shop_name]", "小美好物")
    page.fill("input[name=slogan]", "每天一件好货")
    page.set_input_files("input[name=avatar]", str(avatar))
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/r/shop/")
    shop_code = page.text_content("[data-shop-code]").strip()
    assert Reseller.objects.get(shop_code=shop_code).user.username == PHONE
    _fits_the_phone(page)

    # Markup: the +¥10 preset.
    page.goto(base + "/r/markup/")
    page.click("text=+¥10")
    page.select_option("select[name=rounding]", "none")
    page.click("text=保存加价")
    page.wait_for_selector(".msg-success")
    _fits_the_phone(page)

    # Shelf: the whole campaign, from the feed (htmx swaps the button).
    page.goto(base + "/r/")
    card = page.locator(f"article[data-campaign='{listed.campaign.pk}']")
    assert "¥69" in card.inner_text()
    card.locator("button[data-shelf=off]").click()
    card.locator("button[data-shelf=on]").wait_for()
    _fits_the_phone(page)

    # Share a product.
    page.goto(f"{base}/r/campaigns/{listed.campaign.pk}/p/{product.pk}/")
    assert page.text_content("[data-her-price]").strip() == "¥69"
    page.click("[data-share-product]")
    page.wait_for_url("**/r/shares/*/")
    link = page.text_content("[data-link]").strip()
    assert "/l/" in link
    _fits_the_phone(page)

    # The poster exists and decodes.
    poster_src = page.get_attribute("#poster", "src")
    poster = page.request.get(base + poster_src)
    assert poster.ok
    with Image.open(io.BytesIO(poster.body())) as im:
        im.load()
        assert im.size == (750, 1334)

    # Copy the text: it holds her price and her link.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    text = page.input_value("#copy-text")
    page.click("[data-copy-target='#copy-text']")
    page.wait_for_selector(".r-toast")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == text
    assert "¥69" in copied
    assert link in copied

    # A shopper (no account, another browser) opens the link and sees her price.
    shopper = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    try:
        spage = shopper.new_page()
        spage.goto(link)
        spage.wait_for_url(f"**/s/{shop_code}/p/{listed.campaign.pk}/{product.pk}/")
        assert spage.text_content("[data-shop-price]").strip() == "¥69"
        assert product.title in spage.text_content("[data-product-title]")
        _fits_the_phone(spage)
    finally:
        shopper.close()
