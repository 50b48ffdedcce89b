import json
from datetime import timedelta

import pytest
from django.utils import timezone

from kucun.campaigns.models import Campaign, CampaignState
from kucun.campaigns.tests.factories import approved, item_in, proposed, stocked_sku
from kucun.catalog.auth import token_hash
from kucun.catalog.models import BrandApiToken
from kucun.core.tests.factories import OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db

API = "/api/campaigns"


@pytest.fixture
def stock(brand):
    _sku, stock_item = stocked_sku(brand=brand, quantity=100, code="API-SKU-1")
    return stock_item


def payload(stock, **overrides) -> dict:
    start = timezone.now() + timedelta(hours=2)
    data = {
        "title": "接口提报的档期",
        "description": "ERP 自动提报",
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=48)).isoformat(),
        "items": [
            {
                "sku_id": stock.sku_id,
                "warehouse_id": stock.warehouse_id,
                "quantity": 30,
                "platform_price_fen": 9900,
                "min_resale_price_fen": 12900,
            }
        ],
    }
    data.update(overrides)
    return data


def post(client, url, data=None, **headers):
    return client.post(
        url, data=json.dumps(data or {}), content_type="application/json", headers=headers
    )


def test_a_brand_user_proposes_a_campaign_and_gets_it_back_in_fen(client, brand_user, stock):
    client.force_login(brand_user)

    response = post(client, f"{API}/", payload(stock))

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == "draft"
    assert body["items"][0]["platform_price_fen"] == 9900
    assert body["items"][0]["sku_code"] == "API-SKU-1"
    assert Campaign.objects.get().created_by == brand_user


def test_a_brands_erp_token_can_propose_and_submit(client, brand, stock):
    BrandApiToken.objects.create(
        brand=brand, name="ERP", prefix="kc_erp", token_hash=token_hash("s3cret")
    )
    auth = {"Authorization": "Bearer s3cret"}

    created = post(client, f"{API}/", payload(stock), **auth)
    submitted = post(client, f"{API}/{created.json()['id']}/submit", **auth)

    assert created.status_code == 201
    assert submitted.status_code == 200
    assert submitted.json()["state"] == "submitted"


def test_a_time_without_a_zone_is_read_as_beijing_time(client, brand_user, stock):
    client.force_login(brand_user)
    start = timezone.localtime(timezone.now() + timedelta(days=1)).replace(
        tzinfo=None, microsecond=0
    )

    response = post(
        client,
        f"{API}/",
        payload(
            stock,
            starts_at=start.isoformat(),
            ends_at=(start + timedelta(hours=48)).isoformat(),
        ),
    )

    assert response.status_code == 201
    campaign = Campaign.objects.get()
    assert timezone.localtime(campaign.starts_at).replace(tzinfo=None) == start


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ({"title": ""}, 400, "campaigns.title_required"),
        ({"items": []}, 400, "campaigns.no_items"),
        ({"quantity": -1}, 400, "campaigns.bad_quantity"),
        ({"quantity": 101}, 409, "campaigns.insufficient_stock"),
        ({"platform_price_fen": 5000}, 400, "campaigns.price_below_supply"),
        ({"sku_id": 10**12}, 400, "campaigns.unknown_sku"),
        ({"sku_id": 10**20}, 400, "campaigns.unknown_sku"),
        ({"warehouse_id": 10**12}, 400, "campaigns.unknown_warehouse"),
        ({"ends_in_past": True}, 400, "campaigns.ends_in_past"),
        ({"quantity": "many"}, 422, "invalid"),
    ],
)
def test_bad_input_gets_a_4xx_with_its_code_and_writes_nothing(
    client, brand_user, stock, change, status, code
):
    client.force_login(brand_user)
    data = payload(stock)
    if "title" in change or "items" in change:
        data.update(change)
    elif "ends_in_past" in change:
        data["starts_at"] = (timezone.now() - timedelta(days=3)).isoformat()
        data["ends_at"] = (timezone.now() - timedelta(days=1)).isoformat()
    else:
        data["items"][0].update(change)

    response = post(client, f"{API}/", data)

    assert response.status_code == status
    assert response.json()["code"] == code
    assert response.json()["message"]
    assert not Campaign.objects.exists()


def test_brand_a_cannot_read_or_change_brand_bs_campaigns(client, brand_user, stock):
    _sku, other = stocked_sku(quantity=50)
    theirs = proposed(other.sku.brand, [item_in(other, 10)], now=timezone.now(), submit=False)
    mine = proposed(stock.sku.brand, [item_in(stock, 10)], now=timezone.now(), submit=False)
    client.force_login(brand_user)

    listing = client.get(f"{API}/").json()
    assert [c["id"] for c in listing] == [mine.pk]
    assert client.get(f"{API}/{theirs.pk}").status_code == 404
    assert post(client, f"{API}/{theirs.pk}/submit").status_code == 404
    assert post(client, f"{API}/{theirs.pk}/cancel").status_code == 404
    put = client.put(
        f"{API}/{theirs.pk}", data=json.dumps(payload(stock)), content_type="application/json"
    )
    assert put.status_code == 404
    theirs.refresh_from_db()
    assert theirs.state == CampaignState.DRAFT


def test_the_brand_endpoints_refuse_anonymous_and_other_roles(client, stock):
    assert client.get(f"{API}/").status_code == 401
    assert post(client, f"{API}/", payload(stock)).status_code == 401
    client.force_login(UserFactory())
    assert client.get(f"{API}/").status_code == 403
    assert not Campaign.objects.exists()


def test_only_operators_approve_and_reject(client, brand_user, brand, stock):
    campaign = proposed(brand, [item_in(stock, 30)], now=timezone.now())
    url = f"{API}/{campaign.pk}/approve"

    assert post(client, url).status_code == 401
    client.force_login(brand_user)
    assert post(client, url).status_code == 403
    client.force_login(UserFactory())
    assert post(client, url).status_code == 403
    campaign.refresh_from_db()
    assert campaign.state == CampaignState.SUBMITTED

    client.force_login(OperatorFactory())
    response = post(client, url)
    assert response.status_code == 200
    assert response.json()["state"] == "approved"
    assert response.json()["items"][0]["available"] == 30


def test_an_over_allocating_approval_is_a_409_naming_the_sku(client, brand, stock):
    first = proposed(brand, [item_in(stock, 70)], now=timezone.now())
    second = proposed(brand, [item_in(stock, 70)], now=timezone.now())
    client.force_login(OperatorFactory())
    post(client, f"{API}/{first.pk}/approve")

    response = post(client, f"{API}/{second.pk}/approve")

    assert response.status_code == 409
    assert response.json()["code"] == "campaigns.insufficient_stock"
    assert "API-SKU-1" in response.json()["message"]
    stock.refresh_from_db()
    assert stock.allocated == 70


def test_a_rejection_needs_a_reason(client, brand, stock):
    campaign = proposed(brand, [item_in(stock, 30)], now=timezone.now())
    client.force_login(OperatorFactory())

    empty = post(client, f"{API}/{campaign.pk}/reject", {"reason": " "})
    given = post(client, f"{API}/{campaign.pk}/reject", {"reason": "价格偏高"})

    assert (empty.status_code, empty.json()["code"]) == (400, "campaigns.reason_required")
    assert given.json()["state"] == "rejected"
    assert given.json()["reject_reason"] == "价格偏高"


def test_the_review_queue_api_is_for_operators(client, brand_user, brand, stock):
    proposed(brand, [item_in(stock, 30)], now=timezone.now())
    client.force_login(brand_user)
    assert client.get(f"{API}/review").status_code == 403
    client.force_login(OperatorFactory())
    assert len(client.get(f"{API}/review").json()) == 1


def test_everyone_signed_in_sees_live_and_upcoming_campaigns(client, brand, stock):
    now = timezone.now()
    live = approved(brand, [item_in(stock, 30)], now=now, starts_in=timedelta(0))
    soon = approved(brand, [item_in(stock, 30, 12900)], now=now)
    proposed(brand, [item_in(stock, 5)], now=now)

    assert client.get(f"{API}/listed").status_code == 401
    client.force_login(UserFactory())
    body = client.get(f"{API}/listed").json()

    assert [c["id"] for c in body["live"]] == [live.pk]
    assert [c["id"] for c in body["upcoming"]] == [soon.pk]
    assert body["upcoming"][0]["price_min_fen"] == 12900
    assert body["live"][0]["units_left"] == 30
    assert body["live"][0]["best_discount_permille"] == 498


def test_a_banner_can_be_uploaded_to_a_draft(client, brand_user, brand, stock):
    from io import BytesIO

    from PIL import Image

    campaign = proposed(brand, [item_in(stock, 5)], now=timezone.now(), submit=False)
    image = BytesIO()
    Image.new("RGB", (500, 200), "#e4393c").save(image, "PNG")
    image.seek(0)
    image.name = "banner.png"
    client.force_login(brand_user)

    response = client.post(f"{API}/{campaign.pk}/banner", {"banner": image})
    garbage = BytesIO(b"not an image")
    garbage.name = "x.png"
    refused = client.post(f"{API}/{campaign.pk}/banner", {"banner": garbage})

    assert response.status_code == 200
    assert response.json()["banner_url"].startswith("/media/campaigns/")
    assert (refused.status_code, refused.json()["code"]) == (400, "campaigns.bad_banner")
