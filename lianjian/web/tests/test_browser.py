import pytest
from django.core.management import call_command

from lianjian.conftest import login
from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_demo_officer_logs_in_and_reaches_the_dashboard_in_chinese(page):
    call_command("demo", trading=0, experts=0, stdout=open("/dev/null", "w"))
    login(page, "office", "Lianjian@2026")
    assert page.get_by_role("heading", name="工作台", exact=True).is_visible()
    assert page.get_by_text("所属单位：市公管办").is_visible()
    page.get_by_role("link", name="通讯录").click()
    assert page.get_by_role("heading", name="通讯录").first.is_visible()


def test_a_wrong_password_keeps_the_officer_on_the_login_page_with_a_message(page):
    UserFactory(username="li")
    login(page, "li", "wrong-password")
    assert page.get_by_role("alert").is_visible()
    assert page.url.endswith("/login/")


def test_the_officer_can_switch_the_interface_to_english(page):
    UserFactory(username="wang", roles=[RoleCode.SUPERVISOR_OFFICER])
    login(page, "wang", "Lianjian-Test-2026")
    with page.expect_navigation():
        page.get_by_label("语言").select_option("en")
    assert page.get_by_role("heading", name="Dashboard", exact=True).is_visible()
