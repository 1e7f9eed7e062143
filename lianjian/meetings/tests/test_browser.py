"""The joint-meeting journey in a real browser: propose → sign-off → compile → approve agenda → minutes →
follow-up task overdue → notice."""

import datetime

import pytest
from django.utils import timezone

from lianjian.conftest import login

from .factories import MeetingFactory, mechanism

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "Lianjian-Test-2026"


def _as(page, username):
    page.context.clear_cookies()
    login(page, username, PASSWORD)


def test_an_item_goes_from_proposal_to_an_overdue_task_and_a_notice_to_every_member(page):
    w = mechanism()
    meeting = MeetingFactory(unit=w.units.office, title="2025年第一次临时联席会议")
    detail = f"/meetings/{meeting.pk}/"

    _as(page, "zjj_officer")
    page.goto(detail)
    page.get_by_label("议题").fill("住建领域围标串标问题")
    page.get_by_label("情况说明").fill("近期投诉集中反映多个项目存在围标迹象")
    page.get_by_role("button", name="保存议题").click()
    page.get_by_text("议题已保存，待本单位负责人签字").wait_for()

    _as(page, "zjj_head")
    page.goto(detail)
    page.get_by_role("button", name="负责人签字报送：住建领域围标串标问题").click()
    page.get_by_text("已报送办公室").first.wait_for()

    _as(page, "office")
    page.goto(detail)
    page.get_by_role("button", name="汇总议题").click()
    page.get_by_text("议题已汇总，待召集人审定").first.wait_for()

    _as(page, "convener")
    page.goto(detail)
    page.get_by_role("button", name="审定议程").click()
    page.get_by_text("议程已审定").first.wait_for()

    _as(page, "office")
    page.goto(detail)
    page.get_by_role("link", name="录入会议纪要").click()
    held_on = timezone.localdate() - datetime.timedelta(days=45)
    page.get_by_label("召开日期").fill(held_on.isoformat())
    page.get_by_label("会议纪要").fill("会议研究了住建领域围标串标问题，议定如下。")
    page.locator("#id_decisions-0-text").fill("开展住建领域围标串标专项整治")
    page.locator("#id_decisions-0-units").select_option(label="市住建局")
    page.get_by_role("button", name="保存纪要并交办").click()
    page.get_by_text("会议纪要已录入，议定事项已交办责任单位").wait_for()

    page.get_by_role("navigation", name="联席会议").get_by_role("link", name="督办事项").click()
    row = page.get_by_role("row").filter(has_text="开展住建领域围标串标专项整治")
    row.get_by_text("已逾期").wait_for()
    row.get_by_role("checkbox").check()
    page.get_by_role("button", name="发出督办通报").click()
    page.get_by_role("heading", name="关于联席会议议定事项逾期未办结情况的通报").wait_for()
    assert "杭州市住房和城乡建设局" in page.content() or "市住建局" in page.content()

    _as(page, "slj_head")
    page.goto("/notifications/")
    page.get_by_text("关于联席会议议定事项逾期未办结情况的通报").first.wait_for()
