from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kucun.core.errors import Conflict, InvalidInput
from kucun.core.models import Role, User
from kucun.core.tests.factories import PASSWORD
from kucun.resellers import services
from kucun.resellers.models import PhoneCode, Reseller
from kucun.resellers.sms import last_code_sent
from kucun.resellers.tests.factories import ResellerUserFactory

pytestmark = pytest.mark.django_db
PHONE = "13812345678"
GOOD_PASSWORD = "Shop-owner-2026"


def _code(phone: str = PHONE, now=None) -> str:
    services.phone_code_request(phone=phone, now=now)
    return last_code_sent(phone)


def test_the_right_code_creates_a_reseller_account_whose_login_is_the_phone():
    code = _code()
    user = services.reseller_signup(phone=PHONE, code=code, password=GOOD_PASSWORD)
    assert user.username == PHONE
    assert user.phone == PHONE
    assert user.role == Role.RESELLER
    assert user.check_password(GOOD_PASSWORD)


def test_the_phone_may_be_typed_with_country_code_and_spaces():
    services.phone_code_request(phone="+86 138-1234-5678")
    assert last_code_sent(PHONE) is not None


def test_only_a_keyed_hash_of_the_code_is_stored():
    code = _code()
    row = PhoneCode.objects.get(phone=PHONE)
    assert code not in row.code_hash
    assert len(row.code_hash) == 64


def test_a_wrong_code_is_refused_and_says_how_many_tries_are_left():
    code = _code()
    wrong = "000000" if code != "000000" else "111111"
    with pytest.raises(InvalidInput) as exc:
        services.reseller_signup(phone=PHONE, code=wrong, password=GOOD_PASSWORD)
    assert exc.value.code == "signup.code_wrong"
    assert exc.value.data["tries_left"] == 4
    assert not User.objects.filter(username=PHONE).exists()
    assert PhoneCode.objects.get(phone=PHONE).attempts == 1


def test_an_expired_code_is_refused():
    start = timezone.now()
    code = _code(now=start)
    with pytest.raises(InvalidInput) as exc:
        services.phone_code_verify(
            phone=PHONE, code=code, now=start + timedelta(minutes=5, seconds=1)
        )
    assert exc.value.code == "signup.code_expired"


def test_after_five_wrong_tries_even_the_right_code_is_refused():
    code = _code()
    wrong = "000000" if code != "000000" else "111111"
    for _i in range(5):
        with pytest.raises(InvalidInput):
            services.phone_code_verify(phone=PHONE, code=wrong)
    with pytest.raises(InvalidInput) as exc:
        services.phone_code_verify(phone=PHONE, code=code)
    assert exc.value.code == "signup.too_many_attempts"


def test_a_code_works_only_once():
    code = _code()
    services.phone_code_verify(phone=PHONE, code=code)
    with pytest.raises(InvalidInput) as exc:
        services.phone_code_verify(phone=PHONE, code=code)
    assert exc.value.code == "signup.no_code"


def test_a_phone_that_already_has_an_account_gets_no_code():
    ResellerUserFactory(username=PHONE, phone=PHONE)
    with pytest.raises(Conflict) as exc:
        services.phone_code_request(phone=PHONE)
    assert exc.value.code == "signup.phone_taken"
    assert not PhoneCode.objects.filter(phone=PHONE).exists()


def test_a_phone_taken_between_code_and_signup_is_refused():
    code = _code()
    ResellerUserFactory(username="someone", phone=PHONE)
    with pytest.raises(Conflict):
        services.reseller_signup(phone=PHONE, code=code, password=GOOD_PASSWORD)


def test_a_second_code_within_a_minute_is_refused():
    start = timezone.now()
    _code(now=start)
    with pytest.raises(Conflict) as exc:
        services.phone_code_request(phone=PHONE, now=start + timedelta(seconds=30))
    assert exc.value.code == "signup.code_too_soon"
    services.phone_code_request(phone=PHONE, now=start + timedelta(seconds=61))


def test_a_weak_password_is_refused_before_the_code_is_spent():
    code = _code()
    with pytest.raises(InvalidInput) as exc:
        services.reseller_signup(phone=PHONE, code=code, password="123")
    assert exc.value.code == "signup.weak_password"
    services.reseller_signup(phone=PHONE, code=code, password=GOOD_PASSWORD)


def test_a_bad_phone_number_is_a_form_error(client):
    response = client.post(reverse("resellers:signup"), {"phone": "12345"})
    assert response.status_code == 200
    assert "11" in response.content.decode()
    assert not PhoneCode.objects.exists()


def test_signup_pages_lead_from_phone_to_an_open_shop(client, settings):
    settings.DEBUG = True
    response = client.post(reverse("resellers:signup"), {"phone": PHONE})
    assert response.status_code == 302
    page = client.get(response["Location"])
    code = last_code_sent(PHONE)
    assert code in page.content.decode()  # the dev hint, DEBUG only
    response = client.post(
        reverse("resellers:signup_verify"),
        {"phone": PHONE, "code": code, "password": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
    )
    assert response["Location"] == reverse("resellers:shop_setup")
    response = client.post(
        reverse("resellers:shop_setup"), {"shop_name": "小美好物", "slogan": "每天一件好货"}
    )
    assert response.status_code == 302
    reseller = Reseller.objects.get(user__username=PHONE)
    page = client.get(reverse("resellers:my_shop")).content.decode()
    assert reseller.shop_code in page
    assert f"/s/{reseller.shop_code}/" in page


def test_the_dev_code_is_not_shown_without_debug(client):
    services.phone_code_request(phone=PHONE)
    page = client.get(reverse("resellers:signup_verify") + f"?phone={PHONE}").content.decode()
    assert last_code_sent(PHONE) not in page


def test_a_wrong_code_on_the_page_is_a_form_error(client):
    code = _code()
    wrong = "000000" if code != "000000" else "111111"
    response = client.post(
        reverse("resellers:signup_verify"),
        {"phone": PHONE, "code": wrong, "password": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
    )
    assert response.status_code == 200
    assert not User.objects.filter(username=PHONE).exists()


def test_a_reseller_without_a_shop_is_sent_to_set_it_up(client):
    user = ResellerUserFactory()
    client.login(username=user.username, password=PASSWORD)
    assert client.get(reverse("resellers:feed"))["Location"] == reverse("resellers:shop_setup")
