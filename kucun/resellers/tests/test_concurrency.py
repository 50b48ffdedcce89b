"""Counting and link-making under concurrent requests (PostgreSQL, real threads)."""

import threading

import pytest
from django.db import connection

from kucun.conftest import requires_postgres
from kucun.resellers import services
from kucun.resellers.models import Share, ShareVisitor
from kucun.resellers.tests.factories import ResellerFactory, listed_campaign

THREADS = 8


def _in_threads(target, n: int = THREADS) -> list:
    results, errors = [], []
    barrier = threading.Barrier(n)

    def run(i: int) -> None:
        try:
            barrier.wait()
            results.append(target(i))
        except Exception as exc:  # reported below, with the thread's own error
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    return results


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_visits_count_every_visit_and_each_visitor_once():
    reseller = ResellerFactory()
    listed = listed_campaign(products=1, sizes=("M",))
    share = services.share_get_or_create(reseller=reseller, campaign_id=listed.campaign.pk)
    visitors = ["a" * 16, "b" * 16]
    new = _in_threads(
        lambda i: services.share_visit_record(share_id=share.pk, visitor_id=visitors[i % 2])
    )
    share.refresh_from_db()
    assert share.visits == THREADS
    assert share.visitors == 2
    assert sum(new) == 2
    assert ShareVisitor.objects.filter(share=share).count() == 2


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_a_double_tap_on_share_makes_one_link():
    reseller = ResellerFactory()
    listed = listed_campaign(products=1, sizes=("M",))
    codes = _in_threads(
        lambda i: (
            services.share_get_or_create(
                reseller=reseller, campaign_id=listed.campaign.pk, channel="wechat_chat"
            ).code
        )
    )
    assert len(set(codes)) == 1
    assert Share.objects.filter(reseller=reseller).count() == 1
