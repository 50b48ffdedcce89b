"""Setting her markup from the pages: presets, custom values, rounding, overrides, errors."""

import pytest
from django.urls import reverse

from kucun.resellers import services
from kucun.resellers.models import MarkupRule, Reseller

pytestmark = pytest.mark.django_db


def test_a_preset_becomes_her_shop_markup(her_client, reseller):
    response = her_client.post(
        reverse("resellers:markup"), {"preset": "plus_10_yuan", "rounding": "x9"}
    )
    assert response.status_code == 302
    reseller.refresh_from_db()
    assert (reseller.markup_kind, reseller.markup_value, reseller.rounding) == (
        "amount",
        1000,
        "x9",
    )


def test_a_custom_percent_with_decimals_is_saved_in_basis_points(her_client, reseller):
    her_client.post(
        reverse("resellers:markup"),
        {"preset": "custom", "kind": "percent", "value": "12.5", "rounding": "none"},
    )
    reseller.refresh_from_db()
    assert (reseller.markup_kind, reseller.markup_value) == ("percent", 1250)


@pytest.mark.parametrize("value", ["abc", "-5", "12.345", "99999"])
def test_a_bad_markup_is_a_form_error_and_nothing_changes(her_client, reseller, value):
    response = her_client.post(
        reverse("resellers:markup"),
        {"preset": "custom", "kind": "percent", "value": value, "rounding": "none"},
    )
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert Reseller.objects.get(pk=reseller.pk).markup_value == 1000


def test_the_preview_shows_her_shelf_under_the_markup_being_typed(her_client, reseller, live):
    services.shelf_add(reseller=reseller, campaign_id=live.campaign.pk)
    response = her_client.post(
        reverse("resellers:markup_preview"),
        {"preset": "custom", "kind": "amount", "value": "20", "rounding": "none"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "¥79" in html  # 59 + 20
    assert live.products[0].title[:10] in html
    assert "<html" not in html


def test_a_campaign_override_is_set_from_the_campaign_page(her_client, reseller, live):
    url = reverse("resellers:campaign", args=[live.campaign.pk])
    response = her_client.post(
        reverse("resellers:override_set", args=["campaign", live.campaign.pk]),
        {"preset": "plus_20_percent", "next": url},
    )
    assert response["Location"] == url
    rule = MarkupRule.objects.get(reseller=reseller)
    assert (rule.campaign_id, rule.kind, rule.value) == (live.campaign.pk, "percent", 2000)
    assert "¥70.80" in her_client.get(url).content.decode()
    her_client.post(
        reverse("resellers:override_set", args=["campaign", live.campaign.pk]),
        {"clear": "1", "next": url},
    )
    assert not MarkupRule.objects.filter(reseller=reseller).exists()


def test_a_bad_override_is_a_400_with_the_form_error(her_client, reseller, live):
    response = her_client.post(
        reverse("resellers:override_set", args=["product", live.products[0].pk]),
        {"preset": "custom", "kind": "amount", "value": "-3"},
    )
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not MarkupRule.objects.exists()


def test_an_override_with_a_next_that_is_no_path_goes_back_to_the_markup_page(her_client, live):
    response = her_client.post(
        reverse("resellers:override_set", args=["campaign", live.campaign.pk]),
        {"preset": "plus_20_percent", "next": "abc"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("resellers:markup")
