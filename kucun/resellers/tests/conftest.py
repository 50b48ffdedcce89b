import pytest
from django.core.cache import cache

from kucun.core.tests.factories import PASSWORD
from kucun.resellers.tests.factories import ResellerFactory, listed_campaign


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached shop pages and posters must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reseller(db):
    return ResellerFactory()


@pytest.fixture
def her_client(client, reseller):
    """A test client logged in as ``reseller``."""
    client.login(username=reseller.user.username, password=PASSWORD)
    return client


@pytest.fixture
def live(db):
    return listed_campaign()
