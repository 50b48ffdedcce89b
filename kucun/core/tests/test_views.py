import os
import subprocess
import sys

import pytest
from django.urls import reverse

from kucun.catalog.tests.factories import BrandUserFactory
from kucun.core.tests.factories import PASSWORD, OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("core:login")


def test_login_page_speaks_chinese_by_default(client):
    response = client.get(reverse("core:login"))
    assert "登录" in response.content.decode()


def test_login_page_speaks_english_when_asked(client):
    response = client.get(reverse("core:login"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Log in" in response.content.decode()


@pytest.mark.parametrize(
    ("factory", "target"),
    [
        (OperatorFactory, "campaigns:review_queue"),
        (BrandUserFactory, "catalog:brand_home"),
        (UserFactory, "resellers:feed"),
    ],
)
def test_each_role_lands_on_its_own_start_page(client, factory, target):
    user = factory()
    assert client.login(username=user.username, password=PASSWORD)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse(target)


def test_wrong_password_gets_a_form_error_not_a_login(client):
    user = UserFactory()
    response = client.post(reverse("core:login"), {"username": user.username, "password": "nope"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_brand_user_cannot_open_the_operator_review_queue(client):
    user = BrandUserFactory()
    client.login(username=user.username, password=PASSWORD)
    assert client.get(reverse("campaigns:review_queue")).status_code == 403


def test_health_check_answers_without_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def _settings_in_fresh_process(env: dict) -> subprocess.CompletedProcess:
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.ALLOWED_HOSTS)"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECURE_COOKIES"}}
    clean.update(DJANGO_SETTINGS_MODULE="kucun.settings", **env)
    return subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True)


@pytest.mark.django_db(databases=[])
def test_production_settings_are_safe_by_default():
    result = _settings_in_fresh_process({"SECRET_KEY": "s3cret", "ALLOWED_HOSTS": "shop.example"})
    assert result.stdout.split() == ["False", "True", "True", "['shop.example']"]


@pytest.mark.django_db(databases=[])
def test_production_refuses_to_start_without_a_secret_key():
    env = {"SECRET_KEY": ""}
    result = _settings_in_fresh_process(env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_an_operator_who_is_not_superuser_can_work_in_the_admin(client):
    operator = OperatorFactory()
    client.login(username=operator.username, password=PASSWORD)
    response = client.get("/admin/catalog/brand/")
    assert response.status_code == 200


def test_a_brand_user_cannot_enter_the_admin(client):
    user = BrandUserFactory()
    client.login(username=user.username, password=PASSWORD)
    response = client.get("/admin/catalog/brand/")
    assert response.status_code == 302


@pytest.mark.parametrize("forged", ["abc", str(2**70)])
def test_a_forged_admin_selection_is_refused_not_a_server_error(client, forged):
    operator = OperatorFactory()
    client.login(username=operator.username, password=PASSWORD)
    response = client.post(
        "/admin/catalog/brand/",
        {"action": "delete_selected", "_selected_action": [forged], "index": 0},
        follow=True,
    )
    assert response.status_code == 200
    assert "不存在" in response.content.decode()
