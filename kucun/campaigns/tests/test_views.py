from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kucun.campaigns.models import Campaign, CampaignItem, CampaignState
from kucun.campaigns.tests.factories import (
    CampaignFactory,
    approved,
    item_in,
    proposed,
    stocked_sku,
)
from kucun.catalog.models import BrandStatus
from kucun.catalog.tests.factories import BrandFactory
from kucun.core.tests.factories import OperatorFactory, UserFactory
from kucun.inventory.models import StockItem

pytestmark = pytest.mark.django_db


def local(dt) -> str:
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def stock(brand):
    _sku, stock_item = stocked_sku(brand=brand, quantity=100, code="TEE-WHITE-M")
    return stock_item


@pytest.fixture
def brand_client(client, brand_user):
    client.force_login(brand_user)
    return client


@pytest.fixture
def operator_client(client):
    client.force_login(OperatorFactory())
    return client


def form_data(stock_item: StockItem | None, **overrides) -> dict[str, str]:
    now = timezone.now()
    data = {
        "title": "初夏新品 48 小时",
        "description": "纯棉 T 恤限时特价",
        "starts_at": local(now + timedelta(hours=3)),
        "ends_at": local(now + timedelta(hours=51)),
        "items-TOTAL_FORMS": "3",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "200",
    }
    if stock_item is not None:
        data.update(
            {
                "items-0-stock_item": str(stock_item.pk),
                "items-0-quantity": "40",
                "items-0-platform_price": "99.9",
                "items-0-min_resale_price": "129",
            }
        )
    data.update(overrides)
    return data


# --- the public listing -------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("campaigns:public_list"))

    assert response.status_code == 302
    assert reverse("core:login") in response["Location"]


def test_signed_in_users_see_live_and_upcoming_campaigns_with_countdowns(client):
    now = timezone.now()
    brand = BrandFactory(name="江南布衣")
    _sku, stock = stocked_sku(brand=brand, quantity=100)
    live = approved(brand, [item_in(stock, 30, 9900)], now=now, starts_in=timedelta(0))
    soon = approved(brand, [item_in(stock, 20, 6980)], now=now, title="秋冬预告")
    hidden_draft = proposed(brand, [item_in(stock, 5)], now=now, submit=False, title="草稿档期")
    hidden_submitted = proposed(brand, [item_in(stock, 5)], now=now, title="待审档期")
    client.force_login(UserFactory())

    page = client.get(reverse("campaigns:public_list")).content.decode()

    assert live.title in page
    assert soon.title in page
    assert hidden_draft.title not in page
    assert hidden_submitted.title not in page
    assert f'data-countdown-to="{timezone.localtime(live.ends_at).isoformat()}"' in page
    assert f'data-countdown-to="{timezone.localtime(soon.starts_at).isoformat()}"' in page
    assert "¥99.00" in page
    assert "5折" in page, "¥99 of ¥199 is 5折 (rounded up from 4.98)"
    assert "30" in page
    assert page.index(live.title) < page.index(soon.title), "live first, then upcoming"


def test_a_pending_brands_or_ended_campaign_is_not_listed(client):
    now = timezone.now()
    _sku, stock = stocked_sku(quantity=100)
    ended = approved(stock.sku.brand, [item_in(stock, 5)], now=now - timedelta(days=3))
    pending_brand = stock.sku.brand
    other = BrandFactory()
    _sku2, stock2 = stocked_sku(brand=other, quantity=10)
    suspended = approved(other, [item_in(stock2, 5)], now=now)
    other.status = BrandStatus.SUSPENDED
    other.save()
    client.force_login(UserFactory())

    page = client.get(reverse("campaigns:public_list")).content.decode()

    assert f'data-campaign="{ended.pk}"' not in page
    assert f'data-campaign="{suspended.pk}"' not in page
    assert pending_brand.name not in page


def test_the_public_detail_lists_items_without_supply_prices(client):
    now = timezone.now()
    _sku, stock = stocked_sku(quantity=100)
    campaign = approved(stock.sku.brand, [item_in(stock, 30, 9900)], now=now)
    client.force_login(UserFactory())

    page = client.get(reverse("campaigns:public_detail", args=[campaign.pk])).content.decode()

    assert stock.sku.product.title in page
    assert "¥99.00" in page
    assert "¥199.00" in page
    assert "¥60.00" not in page, "the supply price is the brand's business"


def test_a_draft_has_no_public_page(client):
    campaign = CampaignFactory()
    client.force_login(UserFactory())

    assert client.get(reverse("campaigns:public_detail", args=[campaign.pk])).status_code == 404


# --- the brand's campaigns ----------------------------------------------------------------


def test_a_brand_proposes_a_campaign_through_the_form(brand_client, brand, stock):
    response = brand_client.post(reverse("campaigns:brand_create"), form_data(stock))

    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:brand_detail", args=[campaign.pk])
    assert (campaign.brand, campaign.state, campaign.title) == (brand, "draft", "初夏新品 48 小时")
    item = campaign.items.get()
    assert (item.quantity, item.platform_price_fen, item.min_resale_price_fen) == (40, 9990, 12900)


def test_the_new_campaign_form_offers_the_brands_stock_with_free_units(brand_client, stock):
    _sku, foreign = stocked_sku(quantity=7, code="OTHER-BRAND-SKU")

    page = brand_client.get(reverse("campaigns:brand_create")).content.decode()

    assert stock.sku.code in page
    assert "100" in page
    assert "OTHER-BRAND-SKU" not in page
    assert 'name="items-2-stock_item"' in page


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"items-0-platform_price": "59.99"}, "¥60.00"),
        ({"items-0-platform_price": "abc"}, 'name="items-0-platform_price"'),
        ({"items-0-quantity": "-2"}, 'name="items-0-quantity"'),
        ({"items-0-quantity": "101"}, "100"),
        ({"items-0-min_resale_price": "50"}, "¥50.00"),
        ({"title": ""}, 'name="title"'),
    ],
    ids=["below supply", "not a price", "negative quantity", "too many", "resale", "no title"],
)
def test_bad_input_in_the_form_is_shown_and_nothing_is_saved(
    brand_client, stock, overrides, expected
):
    response = brand_client.post(reverse("campaigns:brand_create"), form_data(stock, **overrides))

    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="errorlist' in page
    assert expected in page
    assert not Campaign.objects.exists()


def test_an_end_before_the_start_is_a_form_error(brand_client, stock):
    now = timezone.now()
    data = form_data(
        stock,
        starts_at=local(now + timedelta(days=2)),
        ends_at=local(now + timedelta(days=1)),
    )

    response = brand_client.post(reverse("campaigns:brand_create"), data)

    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not Campaign.objects.exists()


def test_a_campaign_without_items_is_a_form_error(brand_client, stock):
    response = brand_client.post(reverse("campaigns:brand_create"), form_data(None))

    assert response.status_code == 400
    assert not Campaign.objects.exists()


def test_another_brands_stock_cannot_be_put_in_a_campaign(brand_client, stock):
    _sku, foreign = stocked_sku(quantity=50)

    response = brand_client.post(
        reverse("campaigns:brand_create"), form_data(stock, **{"items-0-stock_item": foreign.pk})
    )

    assert response.status_code == 400
    assert not Campaign.objects.exists()


def test_add_rows_keeps_what_was_typed_and_saves_nothing(brand_client, stock):
    data = form_data(stock, add_rows="1")

    response = brand_client.post(reverse("campaigns:brand_create"), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="items-5-stock_item"' in page
    assert 'value="99.9"' in page
    assert 'class="errorlist' not in page
    assert not Campaign.objects.exists()


def test_a_brand_submits_and_cancels_its_campaign_from_its_page(brand_client, brand, stock):
    campaign = proposed(brand, [item_in(stock, 10)], now=timezone.now(), submit=False)

    brand_client.post(reverse("campaigns:brand_submit", args=[campaign.pk]))
    campaign.refresh_from_db()
    assert campaign.state == CampaignState.SUBMITTED

    brand_client.post(reverse("campaigns:brand_cancel", args=[campaign.pk]))
    campaign.refresh_from_db()
    assert campaign.state == CampaignState.CANCELLED


def test_a_failed_submit_shows_why(brand_client, brand, stock):
    campaign = proposed(brand, [item_in(stock, 80)], now=timezone.now(), submit=False)
    approved(brand, [item_in(stock, 50)], now=timezone.now())

    response = brand_client.post(reverse("campaigns:brand_submit", args=[campaign.pk]), follow=True)

    assert stock.sku.code in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.state == CampaignState.DRAFT


def test_a_rejected_campaign_shows_the_reason_and_can_be_edited(brand_client, brand, stock):
    from kucun.campaigns.services import campaign_reject

    campaign = proposed(brand, [item_in(stock, 10)], now=timezone.now())
    campaign_reject(campaign=campaign, actor=OperatorFactory(), reason="主图不清晰")

    detail = brand_client.get(reverse("campaigns:brand_detail", args=[campaign.pk]))
    edit = brand_client.get(reverse("campaigns:brand_edit", args=[campaign.pk]))
    saved = brand_client.post(
        reverse("campaigns:brand_edit", args=[campaign.pk]),
        form_data(stock, title="换了主图的档期"),
    )

    assert "主图不清晰" in detail.content.decode()
    assert 'value="99.00"' in edit.content.decode()
    assert saved.status_code == 302
    campaign.refresh_from_db()
    assert campaign.title == "换了主图的档期"
    assert list(campaign.items.values_list("quantity", flat=True)) == [40]


def test_removing_a_row_while_editing_drops_that_item(brand_client, brand, stock):
    _sku, stock2 = stocked_sku(brand=brand, quantity=30)
    campaign = proposed(
        brand, [item_in(stock, 10), item_in(stock2, 5)], now=timezone.now(), submit=False
    )
    page = brand_client.get(reverse("campaigns:brand_edit", args=[campaign.pk])).content.decode()
    assert 'name="items-1-DELETE"' in page
    data = form_data(stock)
    data.update(
        {
            "items-TOTAL_FORMS": "2",
            "items-INITIAL_FORMS": "2",
            "items-1-stock_item": str(stock2.pk),
            "items-1-quantity": "5",
            "items-1-platform_price": "99",
            "items-1-DELETE": "on",
        }
    )

    brand_client.post(reverse("campaigns:brand_edit", args=[campaign.pk]), data)

    assert list(campaign.items.values_list("sku_id", flat=True)) == [stock.sku_id]


def test_a_submitted_campaign_cannot_be_edited_from_the_page(brand_client, brand, stock):
    campaign = proposed(brand, [item_in(stock, 10)], now=timezone.now())

    response = brand_client.post(
        reverse("campaigns:brand_edit", args=[campaign.pk]), form_data(stock, title="偷偷改")
    )

    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.title != "偷偷改"


def test_brand_a_cannot_see_or_change_brand_bs_campaigns(brand_client, brand):
    _sku, other_stock = stocked_sku(quantity=100)
    theirs = proposed(other_stock.sku.brand, [item_in(other_stock, 10)], now=timezone.now())
    theirs_draft = proposed(
        other_stock.sku.brand, [item_in(other_stock, 10)], now=timezone.now(), submit=False
    )

    listing = brand_client.get(reverse("campaigns:brand_list")).content.decode()
    assert theirs.title not in listing
    for name in ("brand_detail", "brand_edit"):
        assert brand_client.get(reverse(f"campaigns:{name}", args=[theirs.pk])).status_code == 404
    for name in ("brand_submit", "brand_cancel"):
        url = reverse(f"campaigns:{name}", args=[theirs_draft.pk])
        assert brand_client.post(url).status_code == 404
    theirs_draft.refresh_from_db()
    assert theirs_draft.state == CampaignState.DRAFT
    post_edit = brand_client.post(
        reverse("campaigns:brand_edit", args=[theirs_draft.pk]), form_data(None, title="x")
    )
    assert post_edit.status_code == 404


@pytest.mark.parametrize("name", ["brand_list", "brand_create"])
def test_brand_pages_are_for_brand_users_only(client, name):
    url = reverse(f"campaigns:{name}")
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(OperatorFactory())
    assert client.get(url).status_code == 403


# --- the operators' review queue ----------------------------------------------------------


def test_the_review_queue_is_for_operators_only(client, brand_user):
    url = reverse("campaigns:review_queue")
    assert client.get(url).status_code == 302
    client.force_login(brand_user)
    assert client.get(url).status_code == 403
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(url).status_code == 200


def test_the_queue_shows_submitted_campaigns_with_a_stock_check_and_pending_brands(
    operator_client, brand, stock
):
    ok = proposed(brand, [item_in(stock, 60)], now=timezone.now(), title="够库存的档期")
    short = proposed(brand, [item_in(stock, 60)], now=timezone.now(), title="会超卖的档期")
    draft = proposed(
        brand, [item_in(stock, 1)], now=timezone.now(), submit=False, title="还没提交的档期"
    )
    pending = BrandFactory(name="待审核品牌", status=BrandStatus.PENDING)
    approved(brand, [item_in(stock, 50)], now=timezone.now())

    page = operator_client.get(reverse("campaigns:review_queue")).content.decode()

    assert ok.title in page
    assert short.title in page
    assert draft.title not in page
    assert pending.name in page
    assert f'data-campaign="{ok.pk}"' in page
    assert page.count("badge rejected") >= 2, "both want 60 of the 50 free: each is short"


def test_an_operator_approves_from_the_queue(operator_client, brand, stock):
    campaign = proposed(brand, [item_in(stock, 60)], now=timezone.now())

    response = operator_client.post(reverse("campaigns:review_approve", args=[campaign.pk]))

    assert response.status_code == 302
    campaign.refresh_from_db()
    stock.refresh_from_db()
    assert campaign.state == CampaignState.APPROVED
    assert stock.allocated == 60


def test_an_approval_without_enough_stock_is_refused_with_a_message(operator_client, brand, stock):
    first = proposed(brand, [item_in(stock, 60)], now=timezone.now())
    second = proposed(brand, [item_in(stock, 60)], now=timezone.now())
    operator_client.post(reverse("campaigns:review_approve", args=[first.pk]))

    response = operator_client.post(
        reverse("campaigns:review_approve", args=[second.pk]), follow=True
    )

    assert stock.sku.code in response.content.decode()
    second.refresh_from_db()
    stock.refresh_from_db()
    assert second.state == CampaignState.SUBMITTED
    assert stock.allocated == 60
    assert CampaignItem.objects.get(campaign=second).available == 0


def test_an_operator_rejects_with_a_reason_and_not_without(operator_client, brand, stock):
    campaign = proposed(brand, [item_in(stock, 10)], now=timezone.now())
    url = reverse("campaigns:review_reject", args=[campaign.pk])

    operator_client.post(url, {"reason": ""})
    campaign.refresh_from_db()
    assert campaign.state == CampaignState.SUBMITTED

    operator_client.post(url, {"reason": "价格没有优势"})
    campaign.refresh_from_db()
    assert (campaign.state, campaign.reject_reason) == (CampaignState.REJECTED, "价格没有优势")


@pytest.mark.parametrize("name", ["review_approve", "review_reject"])
def test_non_operators_cannot_approve_or_reject(client, brand_user, brand, stock, name):
    campaign = proposed(brand, [item_in(stock, 10)], now=timezone.now())
    url = reverse(f"campaigns:{name}", args=[campaign.pk])

    anonymous = client.post(url, {"reason": "x"})
    client.force_login(brand_user)
    as_brand = client.post(url, {"reason": "x"})
    client.force_login(UserFactory())
    as_reseller = client.post(url, {"reason": "x"})

    assert anonymous.status_code == 302
    assert (as_brand.status_code, as_reseller.status_code) == (403, 403)
    campaign.refresh_from_db()
    assert campaign.state == CampaignState.SUBMITTED


def test_an_operator_approves_or_rejects_a_pending_brand_from_the_queue(operator_client):
    welcome = BrandFactory(name="山野茶", status=BrandStatus.PENDING)
    refuse = BrandFactory(name="来历不明", status=BrandStatus.PENDING)
    url = "campaigns:review_brand"

    operator_client.post(reverse(url, args=[welcome.pk]), {"decision": "approve"})
    no_note = operator_client.post(
        reverse(url, args=[refuse.pk]), {"decision": "reject", "note": ""}, follow=True
    )
    refuse.refresh_from_db()
    assert refuse.status == BrandStatus.PENDING
    assert "msg-error" in no_note.content.decode()
    operator_client.post(reverse(url, args=[refuse.pk]), {"decision": "reject", "note": "资质不全"})

    welcome.refresh_from_db()
    refuse.refresh_from_db()
    assert welcome.status == BrandStatus.APPROVED
    assert (refuse.status, refuse.review_note) == (BrandStatus.REJECTED, "资质不全")


def test_only_operators_review_brands(client, brand_user):
    pending = BrandFactory(status=BrandStatus.PENDING)
    url = reverse("campaigns:review_brand", args=[pending.pk])

    client.force_login(brand_user)
    assert client.post(url, {"decision": "approve"}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == BrandStatus.PENDING


def test_an_absurd_campaign_id_is_a_404_not_a_crash(brand_client):
    huge = 10**20

    assert brand_client.get(f"/brand/campaigns/{huge}/").status_code == 404
    assert brand_client.get(f"/campaigns/{huge}/").status_code == 404
