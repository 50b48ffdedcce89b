import pytest
from django.urls import reverse
from django.utils import timezone

from kucun.campaigns.models import CampaignState
from kucun.campaigns.tests.factories import item_in, proposed, stocked_sku
from kucun.core.tests.factories import OperatorFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:campaigns_campaign_changelist")


@pytest.fixture
def operator_client(client):
    client.force_login(OperatorFactory())
    return client


def test_an_operator_sees_campaigns_with_their_items_read_only(operator_client):
    _sku, stock = stocked_sku(quantity=50)
    campaign = proposed(stock.sku.brand, [item_in(stock, 20)], now=timezone.now())

    listing = operator_client.get(CHANGELIST)
    detail = operator_client.get(reverse("admin:campaigns_campaign_change", args=[campaign.pk]))
    edit = operator_client.post(
        reverse("admin:campaigns_campaign_change", args=[campaign.pk]), {"title": "改个名"}
    )

    assert listing.status_code == 200
    assert campaign.title in listing.content.decode()
    assert detail.status_code == 200
    assert stock.sku.code in detail.content.decode()
    assert edit.status_code == 403
    campaign.refresh_from_db()
    assert campaign.title != "改个名"


def test_the_approve_action_allocates_through_the_service(operator_client):
    _sku, stock = stocked_sku(quantity=50)
    first = proposed(stock.sku.brand, [item_in(stock, 30)], now=timezone.now())
    second = proposed(stock.sku.brand, [item_in(stock, 30)], now=timezone.now())

    response = operator_client.post(
        CHANGELIST,
        {"action": "approve_campaigns", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )

    first.refresh_from_db()
    second.refresh_from_db()
    stock.refresh_from_db()
    assert (first.state, second.state) == (CampaignState.APPROVED, CampaignState.SUBMITTED)
    assert stock.allocated == 30
    assert stock.sku.code in response.content.decode(), "the refusal is shown with its SKU"


def test_the_reject_action_asks_for_a_reason_first(operator_client):
    _sku, stock = stocked_sku(quantity=50)
    campaign = proposed(stock.sku.brand, [item_in(stock, 30)], now=timezone.now())
    data = {"action": "reject_campaigns", "_selected_action": [campaign.pk]}

    ask = operator_client.post(CHANGELIST, data)
    empty = operator_client.post(CHANGELIST, {**data, "apply": "1", "reason": ""})
    campaign.refresh_from_db()
    assert campaign.state == CampaignState.SUBMITTED
    operator_client.post(CHANGELIST, {**data, "apply": "1", "reason": "头图侵权"})

    assert 'name="reason"' in ask.content.decode()
    assert 'name="reason"' in empty.content.decode()
    campaign.refresh_from_db()
    assert (campaign.state, campaign.reject_reason) == (CampaignState.REJECTED, "头图侵权")
