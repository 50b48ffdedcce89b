"""An operator suspends a shop: its pages say so, its links stop selling, its API refuses."""

import json

import pytest
from django.urls import reverse

from kucun.core.errors import Conflict, Forbidden, InvalidInput
from kucun.core.tests.factories import OperatorFactory
from kucun.resellers import services
from kucun.resellers.models import Reseller, ShopStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator():
    return OperatorFactory(is_superuser=True)


def test_a_suspension_needs_a_reason(reseller, operator):
    with pytest.raises(InvalidInput):
        services.reseller_suspend(reseller=reseller, reason="  ", actor=operator)
    assert Reseller.objects.get(pk=reseller.pk).status == ShopStatus.ACTIVE


def test_a_suspended_shop_page_says_it_is_closed(client, reseller, live, operator):
    services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk)
    url = reverse("resellers:shop", args=[reseller.shop_code])
    assert client.get(url).status_code == 200  # now cached
    services.reseller_suspend(reseller=reseller, reason="售假投诉核实中", actor=operator)
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "data-dead-end" in html
    assert live.products[0].title not in html
    assert "售假投诉核实中" not in html  # the reason is for her, not for shoppers


def test_a_suspended_shops_link_stops_selling(client, reseller, live, operator):
    share = services.share_get_or_create(reseller=reseller, campaign_id=live.campaign.pk)
    services.reseller_suspend(reseller=reseller, reason="资质审核", actor=operator)
    response = client.get(reverse("resellers:link", args=[share.code]))
    assert response.status_code == 410
    product_page = client.get(
        reverse(
            "resellers:shop_product",
            args=[reseller.shop_code, live.campaign.pk, live.products[0].pk],
        )
    )
    assert product_page.status_code == 410


def test_a_suspended_reseller_sees_why_and_cannot_shelve_or_share(
    her_client, reseller, live, operator
):
    services.reseller_suspend(reseller=reseller, reason="资质审核", actor=operator)
    reseller.refresh_from_db()
    html = her_client.get(reverse("resellers:feed")).content.decode()
    assert "资质审核" in html
    with pytest.raises(Forbidden):
        services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk)
    with pytest.raises(Forbidden):
        services.share_get_or_create(reseller=reseller, campaign_id=live.campaign.pk)


def test_the_api_refuses_a_suspended_reseller(her_client, reseller, live, operator):
    services.reseller_suspend(reseller=reseller, reason="资质审核", actor=operator)
    response = her_client.post(
        "/api/resellers/shares",
        data=json.dumps({"campaign_id": live.campaign.pk, "channel": "link"}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=_csrf(her_client),
    )
    assert response.status_code == 403
    assert response.json()["code"] == "reseller.suspended"
    public = her_client.get(f"/api/resellers/public/shops/{reseller.shop_code}")
    assert public.status_code == 410


def test_suspending_twice_is_a_conflict_and_reopening_restores_the_shop(client, reseller, operator):
    services.reseller_suspend(reseller=reseller, reason="核实中", actor=operator)
    with pytest.raises(Conflict):
        services.reseller_suspend(reseller=reseller, reason="核实中", actor=operator)
    services.reseller_unsuspend(reseller=reseller, actor=operator)
    assert client.get(reverse("resellers:shop", args=[reseller.shop_code])).status_code == 200


def test_the_admin_action_asks_for_a_reason_then_suspends(client, reseller, operator):
    client.force_login(operator)
    url = reverse("admin:resellers_reseller_changelist")
    ask = client.post(url, {"action": "suspend_shops", "_selected_action": [reseller.pk]})
    assert ask.status_code == 200
    assert b"reason" in ask.content
    done = client.post(
        url,
        {
            "action": "suspend_shops",
            "_selected_action": [reseller.pk],
            "apply": "1",
            "reason": "多次违规",
        },
    )
    assert done.status_code == 302
    reseller.refresh_from_db()
    assert reseller.status == ShopStatus.SUSPENDED
    assert reseller.suspended_reason == "多次违规"
    assert reseller.suspended_by == operator


def _csrf(client) -> str:
    client.get(reverse("resellers:feed"))
    return client.cookies["csrftoken"].value


def test_a_suspended_reseller_gets_no_share_material(her_client, reseller, live, operator):
    share = services.share_get_or_create(reseller=reseller, campaign_id=live.campaign.pk)
    services.reseller_suspend(reseller=reseller, reason="资质审核", actor=operator)
    assert her_client.get(reverse("resellers:share", args=[share.code])).status_code == 403
    assert her_client.get(reverse("resellers:share_poster", args=[share.code])).status_code == 403
    response = her_client.get(f"/api/resellers/shares/{share.code}/text")
    assert response.status_code == 403
    assert response.json()["code"] == "reseller.suspended"
