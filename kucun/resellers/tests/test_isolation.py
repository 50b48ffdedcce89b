"""A reseller sees only her own shop, shares, numbers and markups; others' ids are not found."""

import pytest
from django.test import Client
from django.urls import reverse

from kucun.catalog.tests.factories import BrandUserFactory
from kucun.core.tests.factories import PASSWORD
from kucun.resellers import services
from kucun.resellers.models import MarkupRule, ShelfItem
from kucun.resellers.tests.factories import ResellerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rival(live):
    """Another reseller with her own share, override and shelf item."""
    other = ResellerFactory(shop_name="隔壁小店")
    share = services.share_get_or_create(
        reseller=other, campaign_id=live.campaign.pk, product_id=live.products[0].pk
    )
    rule = services.markup_rule_set(
        reseller=other, campaign_id=live.campaign.pk, kind="amount", value=3000
    )
    item = services.shelf_add(reseller=other, campaign_id=live.campaign.pk)
    return other, share, rule, item


def test_her_pages_do_not_open_another_resellers_share(her_client, rival):
    _other, share, _rule, _item = rival
    for name in ("resellers:share", "resellers:share_poster", "resellers:share_zip"):
        assert her_client.get(reverse(name, args=[share.code])).status_code == 404
    assert her_client.get(reverse("resellers:share_nine", args=[share.code, 1])).status_code == 404
    html = her_client.get(reverse("resellers:shares")).content.decode()
    assert share.code not in html


def test_her_prices_ignore_another_resellers_overrides(her_client, live, rival):
    html = her_client.get(reverse("resellers:campaign", args=[live.campaign.pk])).content.decode()
    assert "¥64.90" in html  # her +10 %, not the rival's +¥30
    assert "¥89" not in html


def test_she_cannot_delete_another_resellers_override_or_shelf_item(her_client, rival):
    _other, _share, rule, item = rival
    response = her_client.post(reverse("resellers:override_delete", args=[rule.pk]))
    assert response.status_code == 404
    assert MarkupRule.objects.filter(pk=rule.pk).exists()
    api = her_client
    api.get(reverse("resellers:feed"))
    token = api.cookies["csrftoken"].value
    assert (
        api.delete(f"/api/resellers/markup/overrides/{rule.pk}", HTTP_X_CSRFTOKEN=token).status_code
        == 404
    )
    assert api.delete(f"/api/resellers/shelf/{item.pk}", HTTP_X_CSRFTOKEN=token).status_code == 404
    assert ShelfItem.objects.filter(pk=item.pk).exists()


def test_the_api_does_not_show_another_resellers_share_or_numbers(her_client, rival):
    _other, share, _rule, _item = rival
    assert her_client.get(f"/api/resellers/shares/{share.code}").status_code == 404
    assert her_client.get(f"/api/resellers/shares/{share.code}/poster.png").status_code == 404
    assert her_client.get("/api/resellers/shares").json() == []
    assert her_client.get("/api/resellers/markup/overrides").json() == []
    assert her_client.get("/api/resellers/shelf").json() == []


def test_her_shop_shows_only_her_shelf(client, reseller, rival, live):
    html = client.get(reverse("resellers:shop", args=[reseller.shop_code])).content.decode()
    assert live.campaign.title not in html  # only the rival shelved it


def test_a_brand_user_cannot_open_reseller_pages_or_api(live):
    brand_user = BrandUserFactory()
    client = Client()
    client.login(username=brand_user.username, password=PASSWORD)
    assert client.get(reverse("resellers:feed")).status_code == 403
    assert client.get("/api/resellers/feed").status_code == 403


def test_shoppers_need_no_account_but_reseller_pages_do(client, live):
    response = client.get(reverse("resellers:feed"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
