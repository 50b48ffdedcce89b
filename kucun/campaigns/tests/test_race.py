"""Two operators approving campaigns that want the same units, at the same moment, on PostgreSQL."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from kucun.campaigns.models import Campaign, CampaignState
from kucun.campaigns.services import campaign_approve
from kucun.campaigns.tests.factories import item_in, proposed, stocked_sku
from kucun.catalog.tests.factories import BrandFactory
from kucun.conftest import requires_postgres
from kucun.core.errors import DomainError
from kucun.core.tests.factories import OperatorFactory
from kucun.inventory.models import StockItem
from kucun.inventory.selectors import stock_journal_mismatches

NOW = timezone.now()


def approve_at_once(campaigns: list[Campaign]) -> dict[int, str]:
    """Approve each campaign in its own thread and connection, released by one barrier."""
    operators = [OperatorFactory() for _ in campaigns]
    barrier = threading.Barrier(len(campaigns))
    outcome: dict[int, str] = {}

    def approve(campaign_id: int, operator) -> None:
        try:
            campaign = Campaign.objects.get(pk=campaign_id)
            barrier.wait(timeout=10)
            campaign_approve(campaign=campaign, actor=operator, now=NOW)
            outcome[campaign_id] = "approved"
        except DomainError as exc:
            outcome[campaign_id] = exc.code
        finally:
            connection.close()

    threads = [
        threading.Thread(target=approve, args=(c.pk, op))
        for c, op in zip(campaigns, operators, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcome


@requires_postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_two_campaigns_racing_for_the_same_units_only_one_is_approved(round_):
    brand = BrandFactory()
    _sku, stock = stocked_sku(brand=brand, quantity=100)
    first = proposed(brand, [item_in(stock, 70)], now=NOW)
    second = proposed(brand, [item_in(stock, 70)], now=NOW)

    outcome = approve_at_once([first, second])

    assert sorted(outcome.values()) == ["approved", "campaigns.insufficient_stock"]
    stock.refresh_from_db()
    assert (stock.on_hand, stock.allocated) == (100, 70)
    assert stock.free >= 0
    states = sorted(Campaign.objects.values_list("state", flat=True))
    assert states == sorted([CampaignState.APPROVED, CampaignState.SUBMITTED])
    assert stock_journal_mismatches() == []


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_campaigns_sharing_two_skus_in_opposite_order_do_not_deadlock():
    brand = BrandFactory()
    _a, stock_a = stocked_sku(brand=brand, quantity=100)
    _b, stock_b = stocked_sku(brand=brand, quantity=100)
    first = proposed(brand, [item_in(stock_a, 60), item_in(stock_b, 60)], now=NOW)
    second = proposed(brand, [item_in(stock_b, 60), item_in(stock_a, 60)], now=NOW)

    outcome = approve_at_once([first, second])

    assert sorted(outcome.values()) == ["approved", "campaigns.insufficient_stock"]
    assert sorted(StockItem.objects.values_list("allocated", flat=True)) == [60, 60]
    assert stock_journal_mismatches() == []


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_one_campaign_approved_twice_at_once_allocates_once():
    brand = BrandFactory()
    _sku, stock = stocked_sku(brand=brand, quantity=100)
    campaign = proposed(brand, [item_in(stock, 30)], now=NOW)

    outcome_codes = []
    barrier = threading.Barrier(2)

    def approve() -> None:
        try:
            mine = Campaign.objects.get(pk=campaign.pk)
            barrier.wait(timeout=10)
            campaign_approve(campaign=mine, actor=None, now=NOW)
            outcome_codes.append("approved")
        except DomainError as exc:
            outcome_codes.append(exc.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcome_codes) == ["approved", "campaigns.wrong_state"]
    stock.refresh_from_db()
    assert stock.allocated == 30
    assert stock_journal_mismatches() == []
