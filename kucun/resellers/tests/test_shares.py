"""One-tap sharing through the pages: links, copy text, poster, 9-image set, zip."""

import io
import zipfile

import pytest
from django.urls import reverse
from PIL import Image

from kucun.resellers import services
from kucun.resellers.models import Share
from kucun.resellers.tests.factories import listed_campaign, sell

pytestmark = pytest.mark.django_db


def _share(her_client, campaign_id, product_id=None, channel="wechat_moments") -> Share:
    data = {"campaign": campaign_id, "channel": channel}
    if product_id:
        data["product"] = product_id
    response = her_client.post(reverse("resellers:share_create"), data)
    assert response.status_code == 302
    return Share.objects.get(code=response["Location"].rstrip("/").split("/")[-1])


def test_sharing_the_same_product_on_the_same_channel_reuses_the_link(her_client, live):
    product = live.products[0]
    first = _share(her_client, live.campaign.pk, product.pk)
    again = _share(her_client, live.campaign.pk, product.pk)
    other_channel = _share(her_client, live.campaign.pk, product.pk, channel="wechat_chat")
    assert first.pk == again.pk
    assert other_channel.pk != first.pk
    assert len(first.code) == 8
    assert first.code.isalnum()


def test_the_share_page_text_has_her_price_her_link_and_only_sizes_still_in_stock(
    her_client, reseller, live
):
    services.reseller_markup_set(reseller=reseller, kind="amount", value=1000)
    product = live.products[0]
    sell(live.items[1], live.items[1].quantity)  # size M sold out
    share = _share(her_client, live.campaign.pk, product.pk)
    html = her_client.get(reverse("resellers:share", args=[share.code])).content.decode()
    text = html.split('id="copy-text"')[1].split("</textarea>")[0]
    assert "¥69" in text
    assert f"/l/{share.code}" in text
    assert "S / L" in text
    assert " M" not in text.split("尺码")[1].split("\n")[0]


def test_the_text_respects_the_brand_minimum_price(her_client, reseller):
    listed = listed_campaign(min_resale_price_fen=12900)
    services.reseller_markup_set(reseller=reseller, kind="amount", value=500)
    share = _share(her_client, listed.campaign.pk, listed.products[0].pk)
    html = her_client.get(reverse("resellers:share", args=[share.code])).content.decode()
    text = html.split('id="copy-text"')[1].split("</textarea>")[0]
    assert "¥129" in text
    assert "¥64" not in text


def test_switching_tone_swaps_the_text(her_client, live):
    share = _share(her_client, live.campaign.pk, live.products[0].pk)
    url = reverse("resellers:share_text", args=[share.code])
    friendly = her_client.get(url, {"tone": "friendly"}, HTTP_HX_REQUEST="true").content.decode()
    urgent = her_client.get(url, {"tone": "urgent"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<textarea" in friendly
    assert "<html" not in friendly
    assert friendly != urgent
    assert "限时" in urgent


def test_a_campaign_share_lists_its_products_in_order(her_client, reseller, live):
    share = _share(her_client, live.campaign.pk)
    html = her_client.get(reverse("resellers:share", args=[share.code])).content.decode()
    text = html.split('id="copy-text"')[1].split("</textarea>")[0]
    first, second = (p.title for p in live.products)
    assert text.index(first) < text.index(second)
    assert f"/l/{share.code}" in text


def test_the_poster_nine_images_and_zip_are_real_images(her_client, live):
    share = _share(her_client, live.campaign.pk, live.products[0].pk)
    poster = her_client.get(reverse("resellers:share_poster", args=[share.code]))
    assert poster["Content-Type"] == "image/png"
    with Image.open(io.BytesIO(poster.content)) as im:
        assert im.size == (750, 1334)
    nine = her_client.get(reverse("resellers:share_nine", args=[share.code, 1]))
    with Image.open(io.BytesIO(nine.content)) as im:
        assert im.format == "JPEG"
    archive = her_client.get(reverse("resellers:share_zip", args=[share.code]))
    names = zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    assert names[0] == "poster.png"
    assert names[1] == "1.jpg"


def test_a_campaign_poster_renders(her_client, live):
    share = _share(her_client, live.campaign.pk)
    poster = her_client.get(reverse("resellers:share_poster", args=[share.code]), {"t": "festive"})
    with Image.open(io.BytesIO(poster.content)) as im:
        im.load()
        assert im.size == (750, 1334)


def test_the_share_dashboard_lists_her_shares_with_their_numbers(her_client, live):
    share = _share(her_client, live.campaign.pk, live.products[0].pk)
    Share.objects.filter(pk=share.pk).update(visits=12, visitors=5)
    html = her_client.get(reverse("resellers:shares")).content.decode()
    card = html.split(f'data-share="{share.code}"')[1]
    assert "data-visits>12<" in card
    assert "data-visitors>5<" in card


def test_sharing_an_impossible_product_id_makes_no_link(her_client, reseller, live):
    response = her_client.post(
        reverse("resellers:share_create"), {"campaign": live.campaign.pk, "product": 10**20}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("resellers:feed")
    assert not reseller.shares.exists()
