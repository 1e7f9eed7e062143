import time

import pytest

from lianjian.accounts.sessions import AUTH_AT
from lianjian.org.tests.factories import UserFactory


@pytest.mark.django_db
def test_a_session_ends_after_the_absolute_limit_however_active(client, settings):
    client.force_login(UserFactory())
    assert client.get("/deadlines/").status_code == 200
    session = client.session
    session[AUTH_AT] = time.time() - settings.LIANJIAN_SESSION_ABSOLUTE_SECONDS - 1
    session.save()
    response = client.get("/deadlines/", follow=True)
    assert response.redirect_chain[0][0].startswith("/login/")
    assert "登录已超过最长时限" in response.content.decode()


@pytest.mark.django_db
def test_each_request_renews_the_idle_timeout(client, settings):
    client.force_login(UserFactory())
    client.get("/deadlines/")
    first = client.session.get_expiry_date()
    time.sleep(1.1)
    client.get("/deadlines/")
    assert client.session.get_expiry_date() > first
    assert settings.SESSION_COOKIE_AGE == 1800 and settings.SESSION_SAVE_EVERY_REQUEST
