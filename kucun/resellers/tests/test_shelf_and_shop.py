"""Her shelf and the public shop shoppers see."""

import time
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from kucun.campaigns.models import Campaign
from kucun.core.errors import Conflict, NotFound
from kucun.resellers import services
from kucun.resellers.tests.factories import listed_campaign

pytestmark = pytest.mark.django_db


def _shop(client, reseller):
    return client.get(reverse("resellers:shop", args=[reseller.shop_code]))


def test_a_shelved_campaign_shows_every_product_at_her_price_in_her_shop(client, reseller, live):
    services.reseller_markup_set(reseller=reseller, kind="amount", value=1000)
    services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk)
    response = _shop(client, reseller)
    html = response.content.decode()
    assert response.status_code == 200
    assert reseller.shop_name in html
    assert live.campaign.title in html
    for product in live.products:
        assert product.title in html
    assert "¥69" in html
    assert "¥59<" not in html
    assert "data-countdown-to=" in html


def test_a_shelved_product_shows_alone(client, reseller, live):
    first, second = live.products
    services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk, product_id=first.pk)
    html = _shop(client, reseller).content.decode()
    assert first.title in html
    assert second.title not in html


def test_shelving_twice_keeps_one_item_and_removing_takes_it_off(client, reseller, live):
    first = services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk)
    again = services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk)
    assert first.pk == again.pk
    services.shelf_remove(reseller=reseller, campaign_id=live.campaign.pk)
    assert live.campaign.title not in _shop(client, reseller).content.decode()


def test_shelf_buttons_add_and_remove_through_the_pages(her_client, reseller, live):
    product = live.products[0]
    url = reverse("resellers:product", args=[live.campaign.pk, product.pk])
    her_client.post(
        reverse("resellers:shelf_add"),
        {"campaign": live.campaign.pk, "product": product.pk, "next": url},
    )
    assert product.title in _shop(her_client, reseller).content.decode()
    html = her_client.get(reverse("resellers:shelf")).content.decode()
    assert product.title in html
    her_client.post(
        reverse("resellers:shelf_remove"), {"campaign": live.campaign.pk, "product": product.pk}
    )
    assert product.title not in _shop(her_client, reseller).content.decode()


def test_an_ended_campaign_drops_off_the_shop_by_itself_even_when_cached(client, reseller):
    ending = listed_campaign(length=timedelta(hours=1, seconds=2))  # ends in ~2 s
    services.shelf_add(reseller=reseller, campaign_id=ending.campaign.pk)
    assert ending.campaign.title in _shop(client, reseller).content.decode()
    time.sleep(2.2)  # no job runs and the campaign is still "live": only the clock moved
    assert Campaign.objects.get(pk=ending.campaign.pk).state == "live"
    assert ending.campaign.title not in _shop(client, reseller).content.decode()


def test_her_changes_show_in_her_cached_shop_at_once(client, reseller, live):
    first, second = live.products
    services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk, product_id=first.pk)
    assert second.title not in _shop(client, reseller).content.decode()
    services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk, product_id=second.pk)
    assert second.title in _shop(client, reseller).content.decode()
    services.reseller_markup_set(reseller=reseller, kind="amount", value=3000)
    assert "¥89" in _shop(client, reseller).content.decode()


def test_an_ended_campaign_cannot_be_shelved(reseller):
    ended = listed_campaign(starts_in=timedelta(hours=-50))
    with pytest.raises(Conflict):
        services.shelf_add(reseller=reseller, campaign_id=ended.campaign.pk)


def test_a_product_of_another_campaign_cannot_be_shelved(reseller, live):
    other = listed_campaign()
    with pytest.raises(NotFound):
        services.shelf_add(
            reseller=reseller, campaign_id=live.campaign.pk, product_id=other.products[0].pk
        )


def test_the_public_product_page_shows_her_price_and_sizes_left(client, reseller, live):
    services.reseller_markup_set(reseller=reseller, kind="percent", value=2000, rounding="x9.9")
    product = live.products[0]
    services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk, product_id=product.pk)
    response = client.get(
        reverse("resellers:shop_product", args=[reseller.shop_code, live.campaign.pk, product.pk])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-shop-price>¥79.90<" in html  # 59 × 1.2 = 70.80 → ¥79.90
    assert product.title in html


def test_a_product_she_neither_shelved_nor_shared_is_not_in_her_shop(client, reseller, live):
    response = client.get(
        reverse(
            "resellers:shop_product",
            args=[reseller.shop_code, live.campaign.pk, live.products[0].pk],
        )
    )
    assert response.status_code == 404
    assert "data-dead-end" in response.content.decode()


def test_an_unknown_shop_is_a_friendly_404(client, db):
    response = client.get(reverse("resellers:shop", args=["nosuch"]))
    assert response.status_code == 404
    assert "data-dead-end" in response.content.decode()


def test_each_shopper_gets_her_own_csrf_token_from_the_cached_page(reseller, live):
    services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk)
    first, second = Client(), Client()
    pages = [c.get(reverse("resellers:shop", args=[reseller.shop_code])) for c in (first, second)]
    tokens = [p.cookies["csrftoken"].value for p in pages]
    assert tokens[0] != tokens[1]
    for page in pages:
        html = page.content.decode()
        assert "__kucun_csrf_token__" not in html
        assert live.products[0].title in html
        masked = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        assert len(masked) == 64


def test_the_shop_campaign_page_shows_only_what_she_picked(client, reseller, live):
    first, second = live.products
    services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk, product_id=first.pk)
    url = reverse("resellers:shop_campaign", args=[reseller.shop_code, live.campaign.pk])
    html = client.get(url).content.decode()
    assert first.title in html
    assert second.title not in html
    services.share_get_or_create(reseller=reseller, campaign_id=live.campaign.pk)
    assert second.title in client.get(url).content.decode()  # she shared the whole campaign


@pytest.mark.parametrize("field", ["campaign", "product"])
def test_a_shelf_button_with_an_impossible_id_changes_nothing(her_client, reseller, live, field):
    services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk)
    data = {"campaign": live.campaign.pk, "product": live.products[0].pk, field: 10**20}

    added = her_client.post(reverse("resellers:shelf_add"), data)
    removed = her_client.post(reverse("resellers:shelf_remove"), data)

    assert (added.status_code, removed.status_code) == (302, 302)
    assert list(reseller.shelf_items.values_list("campaign_id", "product_id")) == [
        (live.campaign.pk, None)
    ]


@pytest.mark.parametrize("next_value", ["abc", "-1", "https://elsewhere.example/r/"])
def test_a_next_that_is_not_a_path_on_this_site_goes_back_to_the_shelf(
    her_client, live, next_value
):
    response = her_client.post(
        reverse("resellers:shelf_add"), {"campaign": live.campaign.pk, "next": next_value}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("resellers:shelf")
