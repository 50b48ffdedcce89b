"""The API's error shape: every refusal, ours or django-ninja's, is ``{code, message, data}``."""

import pytest

from kucun.resellers.tests.factories import ResellerFactory

pytestmark = pytest.mark.django_db


def test_a_body_that_is_not_json_is_a_400_problem(client):
    response = client.post("/api/resellers/signup/code", "\x00", content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {
        "code": "invalid",
        "message": "Cannot parse request body",
        "data": {},
    }


def test_a_session_call_without_its_csrf_token_is_a_403_problem(client):
    client.force_login(ResellerFactory().user)
    client.handler.enforce_csrf_checks = True

    response = client.post("/api/resellers/shelf", {}, content_type="application/json")

    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert response.json()["message"]
