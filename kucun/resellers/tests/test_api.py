"""The resellers API: signup, shop, markup, feed, shelf, shares, public shop."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image

from kucun.resellers.models import Reseller
from kucun.resellers.sms import last_code_sent
from kucun.resellers.tests.factories import listed_campaign

pytestmark = pytest.mark.django_db
API = "/api/resellers"


class Api:
    """A JSON client that sends the CSRF token the way a browser app would."""

    def __init__(self, client: Client):
        self.client = client

    def _csrf(self) -> str:
        for page in ("resellers:feed", "resellers:shop_setup", "resellers:signup"):
            if "csrftoken" in self.client.cookies:
                break
            self.client.get(reverse(page))
        return self.client.cookies["csrftoken"].value

    def get(self, path, **params):
        return self.client.get(API + path, params)

    def send(self, method, path, data=None):
        return getattr(self.client, method)(
            API + path,
            data=data if data is not None else {},
            content_type="application/json",
            HTTP_X_CSRFTOKEN=self._csrf(),
        )


@pytest.fixture
def api(her_client):
    return Api(her_client)


def test_a_reseller_signs_up_and_opens_a_shop_through_the_api(client):
    anon = Api(client)
    response = anon.send("post", "/signup/code", {"phone": "13700001111"})
    assert response.status_code == 200
    code = last_code_sent("13700001111")
    response = anon.send(
        "post", "/signup", {"phone": "13700001111", "code": code, "password": "Good-pass-2026"}
    )
    assert response.status_code == 201
    assert response.json()["has_shop"] is False
    token = response.json()["csrf_token"]
    response = client.post(
        API + "/shop", {"shop_name": "阿珍的衣橱", "slogan": "好货不贵"}, HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["shop_url"].endswith(f"/s/{body['shop_code']}/")
    assert Reseller.objects.get(shop_code=body["shop_code"]).user.username == "13700001111"


def test_a_wrong_signup_code_is_a_400_with_a_code(client):
    anon = Api(client)
    anon.send("post", "/signup/code", {"phone": "13700002222"})
    code = last_code_sent("13700002222")
    wrong = "000000" if code != "000000" else "111111"
    response = anon.send(
        "post", "/signup", {"phone": "13700002222", "code": wrong, "password": "Good-pass-2026"}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "signup.code_wrong"


def test_markup_is_read_and_set_and_a_bad_one_is_a_400(api):
    assert api.get("/markup").json()["label"] == "+10%"
    response = api.send("put", "/markup", {"kind": "amount", "value": 500, "rounding": "x9"})
    assert response.status_code == 200
    assert response.json()["label"] == "+¥5"
    bad = api.send("put", "/markup", {"kind": "percent", "value": 10_000_000, "rounding": "none"})
    assert bad.status_code == 400
    assert bad.json()["code"] == "markup.too_large"
    assert api.send("put", "/markup", {"kind": "weird", "value": 1}).status_code == 400
    assert api.send("put", "/markup", {"kind": "amount", "value": -1}).status_code == 422


def test_overrides_are_created_replaced_and_deleted(api, live):
    response = api.send(
        "put",
        "/markup/overrides",
        {"campaign_id": live.campaign.pk, "kind": "amount", "value": 800},
    )
    assert response.status_code == 200
    rule_id = response.json()["id"]
    again = api.send(
        "put",
        "/markup/overrides",
        {"campaign_id": live.campaign.pk, "kind": "amount", "value": 900},
    )
    assert again.json()["id"] == rule_id
    assert again.json()["value"] == 900
    both = api.send(
        "put",
        "/markup/overrides",
        {
            "campaign_id": live.campaign.pk,
            "product_id": live.products[0].pk,
            "kind": "amount",
            "value": 1,
        },
    )
    assert both.status_code == 400
    assert api.send("delete", f"/markup/overrides/{rule_id}").status_code == 204
    assert api.get("/markup/overrides").json() == []


def test_the_feed_and_details_carry_her_prices(api, live):
    api.send("put", "/markup", {"kind": "amount", "value": 1000, "rounding": "none"})
    upcoming = listed_campaign(starts_in=__import__("datetime").timedelta(hours=5))
    feed = api.get("/feed").json()
    assert [c["id"] for c in feed["live"]] == [live.campaign.pk]
    assert [c["id"] for c in feed["upcoming"]] == [upcoming.campaign.pk]
    assert feed["live"][0]["her_price"] == {"min_fen": 6900, "max_fen": 6900}
    assert feed["live"][0]["platform_price"] == {"min_fen": 5900, "max_fen": 5900}
    detail = api.get(f"/campaigns/{live.campaign.pk}").json()
    assert [p["product_id"] for p in detail["products"]] == [p.pk for p in live.products]
    product = api.get(f"/campaigns/{live.campaign.pk}/products/{live.products[0].pk}").json()
    assert {sku["price_fen"] for sku in product["skus"]} == {6900}
    assert [sku["size"] for sku in product["skus"]] == ["S", "M", "L"]


def test_shelf_add_list_remove(api, live):
    response = api.send("post", "/shelf", {"campaign_id": live.campaign.pk})
    assert response.status_code == 201
    item_id = response.json()["id"]
    assert [i["id"] for i in api.get("/shelf").json()] == [item_id]
    assert api.send("delete", f"/shelf/{item_id}").status_code == 204
    assert api.get("/shelf").json() == []


def test_shares_are_made_listed_and_render_text_poster_and_zip(api, reseller, live):
    response = api.send(
        "post",
        "/shares",
        {"campaign_id": live.campaign.pk, "product_id": live.products[0].pk, "channel": "poster"},
    )
    assert response.status_code == 201
    share = response.json()
    assert share["url"].endswith(f"/l/{share['code']}")
    assert share["orders"] == 0
    assert share["gmv_fen"] == 0
    listed = api.get("/shares").json()
    assert [s["code"] for s in listed] == [share["code"]]
    text = api.get(f"/shares/{share['code']}/text", tone="plain").json()
    assert "¥64.90" in text["text"]
    assert share["url"] in text["text"]
    poster = api.client.get(share["poster_url"])
    assert poster.status_code == 200
    with Image.open(io.BytesIO(poster.content)) as im:
        assert im.format == "PNG"
    assert api.client.get(share["images_zip_url"])["Content-Type"] == "application/zip"


def test_a_bad_channel_is_a_400(api, live):
    response = api.send("post", "/shares", {"campaign_id": live.campaign.pk, "channel": "fax"})
    assert response.status_code == 400


def test_the_public_shop_is_readable_without_an_account(client, reseller, live):
    from kucun.resellers import services

    services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk)
    body = client.get(f"{API}/public/shops/{reseller.shop_code}").json()
    assert body["shop_name"] == reseller.shop_name
    assert body["campaigns"][0]["products"][0]["price_fen"] == 6490
    assert client.get(f"{API}/public/shops/nosuch").status_code == 404


def test_her_endpoints_need_her_session(client, live):
    assert client.get(f"{API}/feed").status_code == 401


def test_the_openapi_documents_the_resellers_endpoints(client):
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    assert "/api/resellers/signup/code" in paths
    assert paths["/api/resellers/feed"]["get"]["summary"]
    assert "/api/resellers/shares/{code}/poster.png" in paths


def test_ids_beyond_what_the_database_holds_are_a_422_and_nothing_is_written(api, live):
    huge, campaign = 10**20, live.campaign.pk

    responses = [
        api.get("/feed", category=huge),
        api.get("/feed", brand=huge),
        api.get(f"/campaigns/{campaign}/products/{huge}"),
        api.send("post", "/shelf", {"campaign_id": campaign, "product_id": huge}),
        api.send("post", "/shares", {"campaign_id": campaign, "product_id": huge}),
        api.send("put", "/markup/overrides", {"product_id": huge, "kind": "amount", "value": 800}),
    ]

    assert [r.status_code for r in responses] == [422] * len(responses)
    assert api.get("/shelf").json() == []
    assert api.get("/shares").json() == []
    assert api.get("/markup/overrides").json() == []


def test_the_openapi_names_her_sku_apart_from_the_brands_sku(client):
    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]

    assert "units_left" in schemas["ResellerSkuOut"]["properties"]
    assert "supply_price_fen" in schemas["SkuOut"]["properties"]
