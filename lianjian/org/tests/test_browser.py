"""A unit head reports a new liaison officer late; the office finds them in the contact book and is told of the
late report."""

import datetime

import pytest
from django.utils import timezone

from lianjian.conftest import login
from lianjian.org.models import RoleCode

from .factories import actor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_late_liaison_report_reaches_the_contact_book_and_the_office_is_told_it_was_late(page, world):
    newcomer = actor(world.units.housing, RoleCode.SUPERVISOR_OFFICER, username="zjj_new", full_name="孙晓梅",
                     title="市场监管处副处长")
    today = timezone.localdate()

    login(page, "zjj_head", "Lianjian-Test-2026")
    page.goto(f"/org/units/{world.units.housing.pk}/liaison/")
    page.get_by_label("类别").select_option(label="联络员")
    page.get_by_label("人员").select_option(label=f"{newcomer}（市场监管处副处长）")
    page.get_by_label("变更生效日").fill((today - datetime.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="提交报备").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").is_visible()

    page.context.clear_cookies()
    login(page, "office", "Lianjian-Test-2026")
    page.goto("/org/contacts/")
    row = page.locator("tr", has_text="杭州市住房和城乡建设局").filter(has_text="孙晓梅")
    assert row.count() >= 1
    page.goto("/notifications/")
    assert page.get_by_text("联络机制人员变更逾期报备：杭州市住房和城乡建设局").first.is_visible()
