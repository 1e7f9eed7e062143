"""The lead office reads the ranked review, matching the hand-computed figures, and notifies a failing unit."""

import pytest

from lianjian.conftest import login
from lianjian.notifications.models import Notification
from lianjian.performance.models import AccountabilityNotice

from .factories import review_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_office_reviews_the_period_and_notifies_the_unit_with_an_overdue_complaint(page):
    world = review_world()
    login(page, "office", "Lianjian-Test-2026")

    page.goto("/performance/")
    page.get_by_label("考核期起").fill("2025-01-01")
    page.get_by_label("考核期止").fill("2025-06-30")
    page.get_by_role("button", name="统计").click()
    page.wait_for_load_state()
    rows = page.locator("tbody tr")
    assert rows.nth(0).inner_text().startswith("1\t杭州市水利局")
    assert "75.0%" in rows.nth(1).inner_text() and "66.7%" in rows.nth(2).inner_text()

    rows.nth(2).get_by_role("link", name="通报").click()
    page.get_by_label("通报事由").fill("投诉受理超期未办，予以通报")
    page.get_by_role("button", name="发出通报").click()
    page.wait_for_load_state()

    assert page.get_by_text("已通报 杭州市交通运输局").is_visible()
    notice = AccountabilityNotice.objects.get()
    assert (notice.unit, notice.overdue, notice.met) == (world.units.transport, 1, 2)
    assert Notification.objects.filter(recipient=world.transport).exists()
