from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kucun.campaigns.models import Campaign, CampaignItem, CampaignState
from kucun.campaigns.services import (
    CampaignItemIn,
    campaign_approve,
    campaign_cancel,
    campaign_create,
    campaign_reject,
    campaign_submit,
    campaign_update,
    campaigns_advance,
)
from kucun.campaigns.tests.factories import approved, campaign_in, item_in, proposed, stocked_sku
from kucun.catalog.models import BrandStatus
from kucun.catalog.tests.factories import BrandFactory, SKUFactory
from kucun.core.errors import Conflict, DomainError, Forbidden, InvalidInput
from kucun.core.tests.factories import OperatorFactory
from kucun.inventory.models import MoveKind, StockItem, StockMove
from kucun.inventory.selectors import stock_journal_mismatches
from kucun.inventory.tests.factories import WarehouseFactory, stocked

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


def level(stock_item: StockItem) -> tuple[int, int]:
    stock_item.refresh_from_db()
    return stock_item.on_hand, stock_item.allocated


@pytest.fixture
def brand():
    return BrandFactory()


@pytest.fixture
def stock(brand):
    """100 units of a SKU (supply ¥60, tag ¥199) in the brand's own warehouse."""
    _sku, stock_item = stocked_sku(brand=brand, quantity=100)
    return stock_item


def test_a_brand_drafts_a_campaign_of_its_stocked_skus(brand, stock):
    campaign = campaign_create(
        brand=brand,
        data=campaign_in([item_in(stock, 30, 9900, min_resale_price_fen=12900)], now=NOW),
        actor=None,
        now=NOW,
    )

    assert campaign.state == CampaignState.DRAFT
    item = campaign.items.get()
    assert (item.quantity, item.available, item.platform_price_fen) == (30, 0, 9900)
    assert item.min_resale_price_fen == 12900
    assert level(stock) == (100, 0), "a draft holds no stock"


def test_the_cloud_warehouse_can_supply_a_campaign(brand):
    cloud = WarehouseFactory(brand=None, code="CLOUD-SH", name="上海云仓")
    _sku, stock_item = stocked_sku(brand=brand, warehouse=cloud, quantity=20)

    campaign = proposed(brand, [item_in(stock_item, 20)], now=NOW)

    assert campaign.state == CampaignState.SUBMITTED


def _other_brand_sku(stock):
    _sku, other = stocked_sku(quantity=50)
    return replace(item_in(stock), sku_id=other.sku_id, warehouse_id=other.warehouse_id)


def _foreign_warehouse(stock):
    other_warehouse = WarehouseFactory()
    return replace(item_in(stock), warehouse_id=other_warehouse.pk)


def _unstocked_warehouse(stock):
    empty = WarehouseFactory(brand=stock.sku.brand)
    return replace(item_in(stock), warehouse_id=empty.pk)


def _inactive_sku(stock):
    stock.sku.is_active = False
    stock.sku.save()
    return item_in(stock)


BAD_ITEMS = {
    "zero quantity": (lambda s: item_in(s, quantity=0), "campaigns.bad_quantity"),
    "negative quantity": (lambda s: item_in(s, quantity=-5), "campaigns.bad_quantity"),
    "more than free stock": (lambda s: item_in(s, quantity=101), "campaigns.insufficient_stock"),
    "unknown SKU": (
        lambda s: replace(item_in(s), sku_id=s.sku_id + 10_000),
        "campaigns.unknown_sku",
    ),
    "another brand's SKU": (_other_brand_sku, "campaigns.unknown_sku"),
    "inactive SKU": (_inactive_sku, "campaigns.sku_inactive"),
    "another brand's warehouse": (_foreign_warehouse, "campaigns.unknown_warehouse"),
    "warehouse without this SKU": (_unstocked_warehouse, "campaigns.no_stock"),
    "price zero": (lambda s: item_in(s, price_fen=0), "campaigns.bad_price"),
    "price below supply price": (
        lambda s: item_in(s, price_fen=5999),
        "campaigns.price_below_supply",
    ),
    "price above tag price": (lambda s: item_in(s, price_fen=19901), "campaigns.price_above_tag"),
    "min resale below platform price": (
        lambda s: item_in(s, price_fen=9900, min_resale_price_fen=9800),
        "campaigns.min_resale_below_price",
    ),
    "min resale above tag price": (
        lambda s: item_in(s, price_fen=9900, min_resale_price_fen=20000),
        "campaigns.min_resale_above_tag",
    ),
}


@pytest.mark.parametrize("case", BAD_ITEMS, ids=list(BAD_ITEMS))
def test_a_bad_item_is_refused_with_its_code_and_nothing_is_written(brand, stock, case):
    make_item, code = BAD_ITEMS[case]
    _sku, good = stocked_sku(brand=brand, quantity=5)
    data = campaign_in([item_in(good, 5), make_item(stock)], now=NOW)

    with pytest.raises(DomainError) as caught:
        campaign_create(brand=brand, data=data, actor=None, now=NOW)

    assert caught.value.code == code
    assert caught.value.message
    assert caught.value.data["item"] == 1, "the error points at the bad line"
    assert not Campaign.objects.exists()
    assert not CampaignItem.objects.exists()
    assert level(stock) == (100, 0)


def test_a_duplicate_sku_and_warehouse_line_is_refused(brand, stock):
    data = campaign_in([item_in(stock, 5), item_in(stock, 6)], now=NOW)

    with pytest.raises(InvalidInput) as caught:
        campaign_create(brand=brand, data=data, actor=None, now=NOW)

    assert caught.value.code == "campaigns.duplicate_item"
    assert caught.value.data["item"] == 1
    assert not Campaign.objects.exists()


BAD_HEADERS = {
    "no title": (dict(title="   "), "campaigns.title_required"),
    "title too long": (dict(title="长" * 81), "campaigns.title_too_long"),
    "end before start": (
        dict(starts_at=NOW + timedelta(days=2), ends_at=NOW + timedelta(days=1)),
        "campaigns.ends_before_start",
    ),
    "end equal to start": (
        dict(starts_at=NOW + timedelta(days=1), ends_at=NOW + timedelta(days=1)),
        "campaigns.ends_before_start",
    ),
    "end in the past": (
        dict(starts_at=NOW - timedelta(days=3), ends_at=NOW - timedelta(days=1)),
        "campaigns.ends_in_past",
    ),
    "thirty-one days": (
        dict(starts_at=NOW, ends_at=NOW + timedelta(days=31)),
        "campaigns.too_long",
    ),
    "thirty minutes": (
        dict(starts_at=NOW + timedelta(hours=1), ends_at=NOW + timedelta(hours=1, minutes=30)),
        "campaigns.too_short",
    ),
    "starts next year": (
        dict(starts_at=NOW + timedelta(days=200), ends_at=NOW + timedelta(days=202)),
        "campaigns.starts_too_late",
    ),
    "naive start": (
        dict(starts_at=(NOW + timedelta(days=1)).replace(tzinfo=None)),
        "campaigns.bad_datetime",
    ),
    "no items": (dict(items=[]), "campaigns.no_items"),
}


@pytest.mark.parametrize("case", BAD_HEADERS, ids=list(BAD_HEADERS))
def test_a_bad_title_window_or_empty_campaign_is_refused(brand, stock, case):
    changes, code = BAD_HEADERS[case]
    data = replace(campaign_in([item_in(stock)], now=NOW), **changes)

    with pytest.raises(InvalidInput) as caught:
        campaign_create(brand=brand, data=data, actor=None, now=NOW)

    assert caught.value.code == code
    assert not Campaign.objects.exists()


def test_a_campaign_may_start_in_the_past_and_last_thirty_days(brand, stock):
    data = campaign_in(
        [item_in(stock)], now=NOW, starts_in=-timedelta(hours=1), length=timedelta(days=30)
    )

    campaign = campaign_create(brand=brand, data=data, actor=None, now=NOW)

    assert campaign.pk


def test_a_banner_that_is_not_an_image_is_refused(brand, stock):
    fake = SimpleUploadedFile("banner.png", b"not really a png", content_type="image/png")

    with pytest.raises(InvalidInput) as caught:
        campaign_create(
            brand=brand,
            data=campaign_in([item_in(stock)], now=NOW),
            actor=None,
            banner=fake,
            now=NOW,
        )

    assert caught.value.code == "campaigns.bad_banner"
    assert not Campaign.objects.exists()


def test_a_pending_brand_can_draft_but_not_submit(stock):
    brand = stock.sku.brand
    brand.status = BrandStatus.PENDING
    brand.save()
    campaign = proposed(brand, [item_in(stock)], now=NOW, submit=False)

    with pytest.raises(Forbidden) as caught:
        campaign_submit(campaign=campaign, actor=None, now=NOW)

    assert caught.value.code == "campaigns.brand_not_approved"
    campaign.refresh_from_db()
    assert campaign.state == CampaignState.DRAFT


def test_submitting_checks_the_stock_that_is_free_now(brand, stock):
    draft = proposed(brand, [item_in(stock, 80)], now=NOW, submit=False)
    approved(brand, [item_in(stock, 30)], now=NOW)

    with pytest.raises(Conflict) as caught:
        campaign_submit(campaign=draft, actor=None, now=NOW)

    assert caught.value.code == "campaigns.insufficient_stock"
    assert "70" in caught.value.message
    assert "80" in caught.value.message
    draft.refresh_from_db()
    assert draft.state == CampaignState.DRAFT


def test_approval_allocates_every_item_with_a_journal_line(brand, stock):
    _sku2, stock2 = stocked_sku(brand=brand, quantity=40)
    campaign = proposed(brand, [item_in(stock, 30), item_in(stock2, 40)], now=NOW)
    operator = OperatorFactory()

    campaign = campaign_approve(campaign=campaign, actor=operator, now=NOW)

    assert campaign.state == CampaignState.APPROVED, "its start is still two hours away"
    assert campaign.reviewed_by == operator
    assert level(stock) == (100, 30)
    assert level(stock2) == (40, 40)
    assert sorted(campaign.items.values_list("quantity", "available")) == [(30, 30), (40, 40)]
    moves = StockMove.objects.filter(kind=MoveKind.ALLOCATE, reference=f"campaign:{campaign.pk}")
    assert sorted(moves.values_list("allocated_delta", flat=True)) == [30, 40]
    assert stock_journal_mismatches() == []


def test_a_campaign_whose_start_has_passed_goes_live_on_approval(brand, stock):
    campaign = proposed(brand, [item_in(stock)], now=NOW, starts_in=timedelta(0))

    campaign = campaign_approve(
        campaign=campaign, actor=OperatorFactory(), now=NOW + timedelta(minutes=5)
    )

    assert campaign.state == CampaignState.LIVE


def test_approval_that_would_over_allocate_is_refused_and_allocates_nothing(brand, stock):
    _sku2, plenty = stocked_sku(brand=brand, quantity=500)
    first = proposed(brand, [item_in(stock, 60)], now=NOW)
    second = proposed(brand, [item_in(plenty, 100), item_in(stock, 60)], now=NOW)
    operator = OperatorFactory()
    campaign_approve(campaign=first, actor=operator, now=NOW)

    with pytest.raises(Conflict) as caught:
        campaign_approve(campaign=second, actor=operator, now=NOW)

    assert caught.value.code == "campaigns.insufficient_stock"
    assert caught.value.status == 409
    assert stock.sku.code in caught.value.message
    assert "40" in caught.value.message
    second.refresh_from_db()
    assert second.state == CampaignState.SUBMITTED
    assert level(plenty) == (500, 0), "the item that did fit was not allocated either"
    assert level(stock) == (100, 60)
    assert not second.items.filter(available__gt=0).exists()
    assert not StockMove.objects.filter(reference=f"campaign:{second.pk}").exists()
    assert stock_journal_mismatches() == []


def test_approval_rechecks_the_catalogue(brand, stock):
    campaign = proposed(brand, [item_in(stock)], now=NOW)
    stock.sku.supply_price_fen = 12000
    stock.sku.save()

    with pytest.raises(InvalidInput) as caught:
        campaign_approve(campaign=campaign, actor=OperatorFactory(), now=NOW)

    assert caught.value.code == "campaigns.price_below_supply"
    assert level(stock) == (100, 0)


def test_a_campaign_that_ended_while_waiting_cannot_be_approved(brand, stock):
    campaign = proposed(brand, [item_in(stock)], now=NOW)

    with pytest.raises(InvalidInput) as caught:
        campaign_approve(campaign=campaign, actor=OperatorFactory(), now=NOW + timedelta(days=3))

    assert caught.value.code == "campaigns.ends_in_past"


def test_only_submitted_campaigns_can_be_approved_or_rejected(brand, stock):
    draft = proposed(brand, [item_in(stock)], now=NOW, submit=False)
    live = approved(brand, [item_in(stock, 5)], now=NOW)

    with pytest.raises(Conflict) as on_draft:
        campaign_approve(campaign=draft, actor=OperatorFactory(), now=NOW)
    with pytest.raises(Conflict) as twice:
        campaign_approve(campaign=live, actor=OperatorFactory(), now=NOW)
    with pytest.raises(Conflict) as reject_approved:
        campaign_reject(campaign=live, actor=OperatorFactory(), reason="太贵", now=NOW)

    assert {on_draft.value.code, twice.value.code, reject_approved.value.code} == {
        "campaigns.wrong_state"
    }
    assert level(stock) == (100, 5), "approving twice did not allocate twice"


def test_rejection_needs_a_reason_and_the_brand_can_rework_and_resubmit(brand, stock):
    campaign = proposed(brand, [item_in(stock, 10)], now=NOW)
    operator = OperatorFactory()

    with pytest.raises(InvalidInput) as caught:
        campaign_reject(campaign=campaign, actor=operator, reason="  ", now=NOW)
    assert caught.value.code == "campaigns.reason_required"

    campaign = campaign_reject(
        campaign=campaign, actor=operator, reason="价格高于同类档期", now=NOW
    )
    assert campaign.state == CampaignState.REJECTED
    assert campaign.reject_reason == "价格高于同类档期"

    campaign = campaign_update(
        campaign=campaign,
        data=campaign_in([item_in(stock, 12, 8900)], now=NOW, title="改价后的档期"),
        actor=None,
        now=NOW,
    )
    assert campaign.title == "改价后的档期"
    assert list(campaign.items.values_list("quantity", "platform_price_fen")) == [(12, 8900)]

    campaign = campaign_submit(campaign=campaign, actor=None, now=NOW)
    assert campaign.state == CampaignState.SUBMITTED
    assert campaign.reject_reason == ""


def test_a_submitted_campaign_cannot_be_edited(brand, stock):
    campaign = proposed(brand, [item_in(stock, 10)], now=NOW)

    with pytest.raises(Conflict) as caught:
        campaign_update(
            campaign=campaign, data=campaign_in([item_in(stock, 99)], now=NOW), actor=None, now=NOW
        )

    assert caught.value.code == "campaigns.wrong_state"
    assert list(campaign.items.values_list("quantity", flat=True)) == [10]


def test_a_failed_edit_keeps_the_campaign_as_it_was(brand, stock):
    campaign = proposed(brand, [item_in(stock, 10)], now=NOW, submit=False)

    with pytest.raises(InvalidInput):
        campaign_update(
            campaign=campaign,
            data=campaign_in([item_in(stock, 20), item_in(stock, 5, price_fen=1)], now=NOW),
            actor=None,
            now=NOW,
        )

    assert list(campaign.items.values_list("quantity", flat=True)) == [10]


def test_cancelling_an_approved_campaign_gives_its_stock_back(brand, stock):
    campaign = approved(brand, [item_in(stock, 30)], now=NOW)

    campaign = campaign_cancel(campaign=campaign, actor=None, now=NOW + timedelta(hours=1))

    assert campaign.state == CampaignState.CANCELLED
    assert level(stock) == (100, 0)
    assert campaign.items.get().available == 0
    assert stock_journal_mismatches() == []


def test_a_draft_can_be_cancelled_but_an_ended_campaign_cannot(brand, stock):
    draft = proposed(brand, [item_in(stock, 5)], now=NOW, submit=False)
    held = approved(brand, [item_in(stock, 5)], now=NOW)

    assert campaign_cancel(campaign=draft, actor=None, now=NOW).state == CampaignState.CANCELLED
    with pytest.raises(Conflict) as caught:
        campaign_cancel(campaign=held, actor=None, now=NOW + timedelta(days=5))
    assert caught.value.code == "campaigns.already_ended"
    with pytest.raises(Conflict):
        campaign_cancel(campaign=draft, actor=None, now=NOW)


def test_time_moves_a_campaign_from_approved_to_live_to_ended(brand, stock):
    campaign = approved(brand, [item_in(stock, 30)], now=NOW)  # starts NOW+2h, ends NOW+50h

    assert campaigns_advance(now=NOW + timedelta(hours=1)).went_live == 0
    result = campaigns_advance(now=NOW + timedelta(hours=2))
    campaign.refresh_from_db()
    assert (result.went_live, campaign.state) == (1, CampaignState.LIVE)

    # Three units are sold (or held by unpaid orders) meanwhile: they stay allocated.
    CampaignItem.objects.filter(campaign=campaign).update(available=27)
    result = campaigns_advance(now=NOW + timedelta(hours=50))
    campaign.refresh_from_db()
    assert campaign.state == CampaignState.ENDED
    assert (result.ended, result.units_released) == (1, 27)
    assert level(stock) == (100, 3)
    assert campaign.items.get().available == 0
    assert stock_journal_mismatches() == []


def test_advancing_time_twice_changes_nothing_the_second_time(brand, stock):
    approved(brand, [item_in(stock, 30)], now=NOW)
    end = NOW + timedelta(hours=60)

    first = campaigns_advance(now=end)
    moves = StockMove.objects.count()
    second = campaigns_advance(now=end)

    assert (first.ended, first.units_released) == (1, 30)
    assert (second.went_live, second.ended, second.units_released) == (0, 0, 0)
    assert StockMove.objects.count() == moves
    assert level(stock) == (100, 0)


def test_an_approved_campaign_whose_whole_window_passed_ends_directly(brand, stock):
    campaign = approved(brand, [item_in(stock, 30)], now=NOW)

    campaigns_advance(now=NOW + timedelta(days=10))

    campaign.refresh_from_db()
    assert campaign.state == CampaignState.ENDED
    assert level(stock) == (100, 0)


def test_released_stock_can_go_into_the_next_campaign(brand, stock):
    approved(brand, [item_in(stock, 100)], now=NOW)
    later = NOW + timedelta(hours=51)
    campaigns_advance(now=later)

    nxt = approved(brand, [item_in(stock, 100)], now=later)

    assert nxt.state == CampaignState.APPROVED
    assert level(stock) == (100, 100)


def test_the_journal_explains_stock_after_every_kind_of_change(brand, stock):
    sku2 = SKUFactory(product=stock.sku.product)
    stocked(sku2, stock.warehouse, 10)
    campaign = approved(brand, [item_in(stock, 40)], now=NOW)
    campaign_cancel(campaign=campaign, actor=None, now=NOW)
    approved(brand, [item_in(stock, 50)], now=NOW)
    campaigns_advance(now=NOW + timedelta(days=3))

    assert stock_journal_mismatches() == []
    assert level(stock) == (100, 0)
    kinds = set(StockMove.objects.filter(stock_item=stock).values_list("kind", flat=True))
    assert kinds == {MoveKind.RECEIPT, MoveKind.ALLOCATE, MoveKind.RELEASE}


def test_an_item_dataclass_with_a_float_quantity_is_refused(brand, stock):
    bad = CampaignItemIn(
        sku_id=stock.sku_id, warehouse_id=stock.warehouse_id, quantity=2.5, platform_price_fen=9900
    )

    with pytest.raises(InvalidInput) as caught:
        campaign_create(brand=brand, data=campaign_in([bad], now=NOW), actor=None, now=NOW)

    assert caught.value.code == "campaigns.bad_quantity"
