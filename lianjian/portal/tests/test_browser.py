"""User journey on the public site, in headless Chromium on a phone-sized screen."""

import pytest

from lianjian.portal.services import complaint_decision_publish

from .factories import (
    FILER_EMAIL,
    FILER_ID,
    FILER_NAME,
    FILER_PHONE,
    build_world,
    decided_complaint,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_of_the_public_finds_a_published_decision_but_never_the_filer(page):
    world = build_world()
    complaint_decision_publish(complaint=decided_complaint(world), actor=world.housing)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/public/")
    page.get_by_label("关键词").fill("重新评标")
    page.get_by_label("类别").select_option(label="投诉处理决定")
    page.get_by_role("button", name="查询").click()
    page.get_by_role("link", name="投诉处理决定：评标结果不公正").click()
    body = page.locator("main").inner_text()
    assert "责令招标人重新评标" in body and "杭州市住房和城乡建设局" in body
    for secret in (FILER_NAME, FILER_PHONE, FILER_EMAIL, FILER_ID):
        assert secret not in page.content()
    # Readable on a phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
