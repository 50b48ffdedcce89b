"""The feed, campaign and product pages show her price: resale_price of her markups."""

from datetime import timedelta

import pytest
from django.urls import reverse

from kucun.catalog.tests.factories import BrandFactory, CategoryFactory
from kucun.resellers import services
from kucun.resellers.pricing import Markup, MarkupKind, PriceInput, Rounding, resale_price
from kucun.resellers.tests.factories import listed_campaign, sell

pytestmark = pytest.mark.django_db


def test_the_product_page_shows_her_price_computed_by_resale_price(her_client, reseller, live):
    services.reseller_markup_set(reseller=reseller, kind="amount", value=1000, rounding="x9")
    product = live.products[0]
    expected = resale_price(
        PriceInput(
            platform_price_fen=5900,
            tag_price_fen=19900,
            shop_markup=Markup(MarkupKind.AMOUNT, 1000),
            rounding=Rounding.YUAN_9,
        )
    )
    assert expected.price_fen == 6900
    page = her_client.get(reverse("resellers:product", args=[live.campaign.pk, product.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "data-her-price>¥69<" in html
    assert "¥59" in html
    assert "¥199" in html


def test_a_product_override_beats_the_campaign_override_and_the_shop_markup(
    her_client, reseller, live
):
    first, second = live.products
    services.markup_rule_set(
        reseller=reseller, campaign_id=live.campaign.pk, kind="amount", value=2000
    )
    services.markup_rule_set(reseller=reseller, product_id=first.pk, kind="amount", value=500)
    html = her_client.get(reverse("resellers:campaign", args=[live.campaign.pk])).content.decode()
    assert f'data-product="{first.pk}"' in html
    first_card = html.split(f'data-product="{first.pk}"')[1].split("data-product=")[0]
    second_card = html.split(f'data-product="{second.pk}"')[1]
    assert "¥64" in first_card  # 59 + 5
    assert "¥79" in second_card  # 59 + 20


def test_the_brand_minimum_resale_price_wins_over_a_small_markup(her_client, reseller):
    listed = listed_campaign(min_resale_price_fen=9900)
    services.reseller_markup_set(reseller=reseller, kind="amount", value=500)
    product = listed.products[0]
    html = her_client.get(
        reverse("resellers:product", args=[listed.campaign.pk, product.pk])
    ).content.decode()
    assert "data-her-price>¥99<" in html


def test_the_feed_shows_live_and_upcoming_campaigns_with_her_price_range(her_client, reseller):
    live = listed_campaign(title="正在热卖的档期")
    upcoming = listed_campaign(title="明天开抢的档期", starts_in=timedelta(hours=20))
    html = her_client.get(reverse("resellers:feed")).content.decode()
    assert live.campaign.title in html
    assert upcoming.campaign.title in html
    assert html.index("正在热卖的档期") < html.index("明天开抢的档期")
    assert "¥64.90" in html  # 59 + 10 %
    assert "data-countdown-to=" in html
    assert "3折" in html  # 59 / 199 rounded up, shown as the best discount


def test_ended_and_unapproved_campaigns_are_not_in_the_feed(her_client):
    ended = listed_campaign(title="已经结束", starts_in=timedelta(hours=-50))
    draft = listed_campaign(title="还在草稿", state="draft")
    html = her_client.get(reverse("resellers:feed")).content.decode()
    assert ended.campaign.title not in html
    assert draft.campaign.title not in html


def test_the_feed_searches_titles_brands_and_product_titles(her_client):
    a = listed_campaign(title="羊绒专场", brand=BrandFactory(name="鄂尔多斯"))
    b = listed_campaign(title="运动专场")
    html = her_client.get(reverse("resellers:feed"), {"q": "鄂尔多"}).content.decode()
    assert a.campaign.title in html
    assert b.campaign.title not in html
    product_title = b.products[0].title
    html = her_client.get(reverse("resellers:feed"), {"q": product_title}).content.decode()
    assert b.campaign.title in html
    assert a.campaign.title not in html


def test_the_feed_filters_by_brand_and_category(her_client):
    a = listed_campaign(title="甲品牌专场")
    b = listed_campaign(title="乙品牌专场")
    html = her_client.get(
        reverse("resellers:feed"), {"brand": a.campaign.brand_id}
    ).content.decode()
    assert a.campaign.title in html
    assert b.campaign.title not in html
    parent = CategoryFactory(name="女装")
    child = b.products[0].category
    child.parent = parent
    child.save()
    html = her_client.get(reverse("resellers:feed"), {"category": parent.pk}).content.decode()
    assert b.campaign.title in html
    assert a.campaign.title not in html


def test_best_selling_sorts_by_units_sold(her_client):
    slow = listed_campaign(title="卖得慢")
    fast = listed_campaign(title="卖得快")
    sell(fast.items[0], 7)
    sell(slow.items[0], 2)
    html = her_client.get(reverse("resellers:feed"), {"sort": "best_selling"}).content.decode()
    assert html.index("卖得快") < html.index("卖得慢")
    html = her_client.get(reverse("resellers:feed"), {"sort": "newest"}).content.decode()
    assert "卖得快" in html


def test_the_product_page_lists_units_left_per_size(her_client, live):
    item = live.items[1]  # size M of the first product
    sell(item, item.quantity)
    product = live.products[0]
    html = her_client.get(
        reverse("resellers:product", args=[live.campaign.pk, product.pk])
    ).content.decode()
    row = html.split(f'data-sku="{item.sku.code}"')[1].split("</tr>")[0]
    assert "售罄" in row


def test_a_campaign_that_is_not_listed_is_a_clear_404(her_client):
    draft = listed_campaign(state="draft")
    response = her_client.get(reverse("resellers:campaign", args=[draft.campaign.pk]))
    assert response.status_code == 404
