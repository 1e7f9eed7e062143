import pytest
from django.test import override_settings

from lianjian.accounts.models import TOTPDevice
from lianjian.audit.models import AuditEntry
from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import UserFactory, actor

from .factories import current_code, enrolled_device

PASSWORD = "Lianjian-Test-2026"


def password_step(client, username):
    return client.post("/login/?next=/deadlines/", {"username": username, "password": PASSWORD})


@pytest.mark.django_db
def test_an_officer_binds_an_authenticator_with_a_first_code(client):
    person = UserFactory(username="zhaomin")
    client.force_login(person)
    client.post("/account/two-factor/", {"step": "start"})
    device = TOTPDevice.objects.get(user=person)
    page = client.get("/account/two-factor/").content.decode()
    assert device.secret in page and "otpauth://totp/" in page
    wrong = client.post("/account/two-factor/", {"step": "confirm", "code": "000000"}).content.decode()
    assert "验证码不正确或已过期" in wrong
    client.post("/account/two-factor/", {"step": "confirm", "code": current_code(device)})
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEntry.objects.filter(action="auth.totp_enrolled", object_id=str(device.pk)).exists()


@pytest.mark.django_db
def test_after_the_password_an_enrolled_officer_must_give_the_code_before_anything_opens(client):
    person = UserFactory(username="zhaomin")
    device = enrolled_device(person)
    response = password_step(client, "zhaomin")
    assert response.url == "/account/two-factor/verify/"
    assert client.get("/deadlines/").status_code == 302  # not signed in yet
    wrong = client.post("/account/two-factor/verify/", {"code": "123456"})
    assert "验证码不正确或已过期" in wrong.content.decode()
    ok = client.post("/account/two-factor/verify/", {"code": current_code(device)})
    assert ok.status_code == 302 and ok.url == "/deadlines/"
    assert client.get("/deadlines/").status_code == 200
    assert AuditEntry.objects.filter(action="auth.login", object_id=str(person.pk),
                                     detail__second_factor=True).exists()


@pytest.mark.django_db
def test_a_code_once_used_cannot_sign_in_again(client):
    person = UserFactory(username="zhaomin")
    device = enrolled_device(person)
    code = current_code(device)
    password_step(client, "zhaomin")
    client.post("/account/two-factor/verify/", {"code": code})
    client.logout()
    password_step(client, "zhaomin")
    assert "验证码不正确或已过期" in client.post("/account/two-factor/verify/", {"code": code}).content.decode()


@pytest.mark.django_db
def test_guessing_codes_counts_towards_the_lockout(client):
    person = UserFactory(username="zhaomin")
    enrolled_device(person)
    password_step(client, "zhaomin")
    for _ in range(4):
        client.post("/account/two-factor/verify/", {"code": "000000"})
    locked = client.post("/account/two-factor/verify/", {"code": "000000"}, follow=True)
    assert "登录尝试失败次数过多" in locked.content.decode()
    assert client.get("/account/two-factor/verify/").url == "/login/"


@pytest.mark.django_db
def test_the_verification_page_without_a_password_step_sends_back_to_sign_in(client):
    assert client.get("/account/two-factor/verify/").url == "/login/"


@pytest.mark.django_db
@override_settings(LIANJIAN_TOTP_REQUIRED_ROLES=[RoleCode.ADMIN])
def test_a_role_that_requires_the_second_factor_is_kept_on_the_enrolment_page(client):
    admin = actor(None, RoleCode.ADMIN)
    client.force_login(admin)
    assert client.get("/deadlines/").url == "/account/two-factor/"
    assert client.get("/api/v1/deadlines/").status_code == 403
    assert "您的角色要求启用两步验证" in client.get("/account/two-factor/").content.decode()
    enrolled_device(admin)
    assert client.get("/deadlines/").status_code == 200
    officer = actor(None, RoleCode.SUPERVISOR_OFFICER)
    client.force_login(officer)
    assert client.get("/deadlines/").status_code == 200
