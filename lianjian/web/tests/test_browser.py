import pytest

from lianjian.conftest import login
from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_logs_in_and_reaches_the_dashboard_in_chinese(page):
    officer = UserFactory(username="zhang", full_name="张伟", roles=[RoleCode.SUPERVISOR_OFFICER])
    login(page, "zhang", "Lianjian-Test-2026")
    assert page.get_by_role("heading", name="工作台").is_visible()
    assert page.get_by_text(f"所属单位：{officer.unit}").is_visible()


def test_a_wrong_password_keeps_the_officer_on_the_login_page_with_a_message(page):
    UserFactory(username="li")
    login(page, "li", "wrong-password")
    assert page.get_by_role("alert").is_visible()
    assert page.url.endswith("/login/")
