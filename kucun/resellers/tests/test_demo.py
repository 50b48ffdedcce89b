"""The demo reseller: her shop opens with a shelf, a markup and shares with visits."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from kucun.core.demo.data import DEMO_PASSWORD, RESELLER_PHONE
from kucun.resellers.demo import SHOP_CODE
from kucun.resellers.models import Reseller, Share, ShelfItem


@pytest.mark.django_db(transaction=True)
def test_the_demo_reseller_has_a_shop_with_a_shelf_and_shares(client):
    out = io.StringIO()
    call_command("demo_load", "--scale", "10", stdout=out)
    assert "resellers:" in out.getvalue()
    reseller = Reseller.objects.get(shop_code=SHOP_CODE)
    assert reseller.user.username == RESELLER_PHONE
    assert ShelfItem.objects.filter(reseller=reseller).exists()
    assert Share.objects.filter(reseller=reseller, visits__gt=0).exists()
    shop = client.get(reverse("resellers:shop", args=[SHOP_CODE]))
    assert shop.status_code == 200
    assert shop.content.decode().count("data-product=") >= 3
    assert client.login(username=RESELLER_PHONE, password=DEMO_PASSWORD)
    assert client.get(reverse("resellers:shares")).status_code == 200
    call_command("demo_load", "--scale", "10", stdout=io.StringIO())  # a second run adds nothing
    assert Reseller.objects.filter(user__username=RESELLER_PHONE).count() == 1
