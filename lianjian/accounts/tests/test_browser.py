import pytest

from lianjian.conftest import login
from lianjian.org.tests.factories import UserFactory

from .factories import current_code, enrolled_device

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_after_five_wrong_passwords_the_login_page_says_to_wait(page):
    UserFactory(username="liqiang")
    for _ in range(5):
        login(page, "liqiang", "wrong-password")
    login(page, "liqiang", "Lianjian-Test-2026")
    assert "登录尝试失败次数过多，已暂时锁定，请 15 分钟后再试。" in page.get_by_role("alert").inner_text()


def test_an_officer_with_an_authenticator_signs_in_with_password_then_code(page):
    device = enrolled_device(UserFactory(username="zhaomin"))
    login(page, "zhaomin", "Lianjian-Test-2026")
    page.get_by_label("验证码").fill("000000")
    page.get_by_role("button", name="验证").click()
    assert "验证码不正确或已过期" in page.get_by_role("alert").inner_text()
    page.get_by_label("验证码").fill(current_code(device))
    page.get_by_role("button", name="验证").click()
    page.wait_for_url("**/")
    assert page.get_by_role("button", name="退出").is_visible()


def test_the_language_switcher_works_without_inline_script(page):
    page.goto("/login/")
    page.get_by_label("语言").select_option("en")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
