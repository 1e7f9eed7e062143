import re
from datetime import timedelta

import pytest
from django.utils import timezone

from lianjian.accounts.models import LoginThrottle
from lianjian.audit.models import AuditEntry
from lianjian.org.tests.factories import UserFactory

PASSWORD = "Lianjian-Test-2026"
LOCKED = "登录尝试失败次数过多，已暂时锁定"


def sign_in(client, username, password, ip="10.0.0.1"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def error_text(response):
    """The alert shown above the form ("" when the sign-in went through)."""
    if response.status_code != 200:
        return ""
    found = re.search(r'role="alert">(.*?)</div>', response.content.decode(), re.S)
    return found.group(1) if found else ""


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client):
    person = UserFactory(username="liqiang")
    for _ in range(4):
        assert LOCKED not in error_text(sign_in(client, "liqiang", "wrong-password"))
    assert LOCKED in error_text(sign_in(client, "liqiang", "wrong-password"))
    response = sign_in(client, "liqiang", PASSWORD)
    assert LOCKED in error_text(response) and "15 分钟" in error_text(response)
    actions = list(AuditEntry.objects.filter(object_id=str(person.pk)).values_list("action", flat=True))
    assert actions.count("auth.login_failed") == 5 and "auth.locked" in actions and "auth.login_blocked" in actions


@pytest.mark.django_db
def test_an_unknown_username_is_answered_exactly_like_a_real_one(client):
    UserFactory(username="liqiang")
    real = [error_text(sign_in(client, "liqiang", "wrong-password", ip="10.0.0.1")) for _ in range(5)]
    ghost = [error_text(sign_in(client, "nobody", "wrong-password", ip="10.0.0.2")) for _ in range(5)]
    assert real == ghost and all(real)


@pytest.mark.django_db
def test_a_successful_sign_in_clears_the_count_for_that_username(client):
    UserFactory(username="liqiang")
    for _ in range(4):
        sign_in(client, "liqiang", "wrong-password")
    assert sign_in(client, "liqiang", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert LOCKED not in error_text(sign_in(client, "liqiang", "wrong-password"))


@pytest.mark.django_db
def test_the_lock_lifts_when_its_time_runs_out(client):
    UserFactory(username="liqiang")
    for _ in range(5):
        sign_in(client, "liqiang", "wrong-password")
    LoginThrottle.objects.filter(locked_until__isnull=False).update(locked_until=timezone.now() - timedelta(seconds=1))
    assert sign_in(client, "liqiang", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_one_address_guessing_many_usernames_is_locked_out(client, settings):
    settings.LIANJIAN_LOGIN_MAX_FAILURES_PER_IP = 3
    UserFactory(username="wangfang")
    for name in ["a1", "a2", "a3"]:
        sign_in(client, name, "wrong-password", ip="10.9.9.9")
    assert LOCKED in error_text(sign_in(client, "wangfang", PASSWORD, ip="10.9.9.9"))
    assert sign_in(client, "wangfang", PASSWORD, ip="10.0.0.7").status_code == 302


@pytest.mark.django_db
def test_behind_a_proxy_the_configured_header_names_the_client(client, settings):
    settings.LIANJIAN_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    UserFactory(username="liqiang")
    for _ in range(5):
        client.post("/login/", {"username": "liqiang", "password": "x"}, REMOTE_ADDR="127.0.0.1",
                    HTTP_X_REAL_IP="203.0.113.5")
    assert LoginThrottle.objects.filter(key="user-ip:liqiang|203.0.113.5", locked_until__isnull=False).exists()
