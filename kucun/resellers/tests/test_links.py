"""Tracked links: visits and unique visitors counted, the share remembered for attribution."""

import time
from datetime import timedelta

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from kucun.campaigns.models import Campaign
from kucun.resellers import services
from kucun.resellers.attribution import SHARE_COOKIE, share_attributed, share_code_from
from kucun.resellers.models import ShareVisitor
from kucun.resellers.tests.factories import ResellerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def share(reseller, live):
    return services.share_get_or_create(
        reseller=reseller, campaign_id=live.campaign.pk, product_id=live.products[0].pk
    )


def _open(client, share):
    return client.get(reverse("resellers:link", args=[share.code]))


def test_the_link_counts_the_visit_and_lands_on_her_shop_product_page(client, share, reseller):
    response = _open(client, share)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "resellers:shop_product", args=[reseller.shop_code, share.campaign_id, share.product_id]
    )
    share.refresh_from_db()
    assert (share.visits, share.visitors) == (1, 1)
    landing = client.get(response["Location"])
    assert landing.status_code == 200  # shared, so in her shop even if not shelved


def test_a_visitor_is_counted_once_however_often_she_opens_the_link(share):
    shopper, other = Client(), Client()
    for _i in range(3):
        _open(shopper, share)
    _open(other, share)
    share.refresh_from_db()
    assert (share.visits, share.visitors) == (4, 2)
    assert ShareVisitor.objects.filter(share=share).count() == 2


def test_the_visitor_is_counted_per_share(reseller, live, share):
    other_share = services.share_get_or_create(reseller=reseller, campaign_id=live.campaign.pk)
    shopper = Client()
    _open(shopper, share)
    _open(shopper, other_share)
    other_share.refresh_from_db()
    assert other_share.visitors == 1


def test_the_link_remembers_the_share_for_order_attribution(client, share, reseller):
    response = _open(client, share)
    assert SHARE_COOKIE in response.cookies
    request = RequestFactory().get("/")
    request.COOKIES[SHARE_COOKIE] = response.cookies[SHARE_COOKIE].value
    assert share_code_from(request) == share.code
    assert share_attributed(request, reseller=reseller) == share
    assert share_attributed(request, reseller=ResellerFactory()) is None


def test_the_last_link_clicked_wins(client, reseller, live, share):
    later = services.share_get_or_create(reseller=reseller, campaign_id=live.campaign.pk)
    _open(client, share)
    _open(client, later)
    request = RequestFactory().get("/")
    request.COOKIES[SHARE_COOKIE] = client.cookies[SHARE_COOKIE].value
    assert share_attributed(request, reseller=reseller) == later


def test_attribution_ends_after_the_window(client, share, reseller, settings, monkeypatch):
    settings.RESELLER_ATTRIBUTION_DAYS = 7
    response = _open(client, share)
    request = RequestFactory().get("/")
    request.COOKIES[SHARE_COOKIE] = response.cookies[SHARE_COOKIE].value
    eight_days = time.time() + 8 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: eight_days)
    assert share_attributed(request, reseller=reseller) is None


def test_a_forged_attribution_cookie_is_ignored(share, reseller):
    request = RequestFactory().get("/")
    request.COOKIES[SHARE_COOKIE] = share.code
    assert share_attributed(request, reseller=reseller) is None


def test_an_unknown_link_is_a_friendly_404(client, db):
    response = client.get(reverse("resellers:link", args=["nosuchxx"]))
    assert response.status_code == 404
    assert "data-dead-end" in response.content.decode()


def test_the_link_of_an_ended_campaign_says_so_and_counts_nothing(client, share, live):
    now = timezone.now()
    Campaign.objects.filter(pk=live.campaign.pk).update(
        starts_at=now - timedelta(hours=49), ends_at=now - timedelta(minutes=1)
    )
    response = _open(client, share)
    assert response.status_code == 410
    assert "活动已结束" in response.content.decode() or "ended" in response.content.decode()
    share.refresh_from_db()
    assert share.visits == 0


def test_a_campaign_link_lands_on_the_campaign_in_her_shop(client, reseller, live):
    share = services.share_get_or_create(reseller=reseller, campaign_id=live.campaign.pk)
    response = _open(client, share)
    page = client.get(response["Location"])
    assert page.status_code == 200
    for product in live.products:
        assert product.title in page.content.decode()


def test_a_head_request_is_not_counted(client, share):
    client.head(reverse("resellers:link", args=[share.code]))
    share.refresh_from_db()
    assert share.visits == 0
