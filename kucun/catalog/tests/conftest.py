import pytest

from kucun.catalog.tests.factories import BrandUserFactory
from kucun.inventory.tests.factories import WarehouseFactory


@pytest.fixture
def brand_user(db):
    return BrandUserFactory(username="lily")


@pytest.fixture
def brand(brand_user):
    return brand_user.brand_membership.brand


@pytest.fixture
def warehouse(brand):
    return WarehouseFactory(brand=brand, code="BJ01", name="北京仓")


@pytest.fixture
def cloud_warehouse(db):
    return WarehouseFactory(brand=None, code="CLOUD", name="平台云仓")
