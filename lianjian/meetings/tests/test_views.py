import io
import zipfile

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from lianjian.meetings.models import Meeting, MeetingState

from .factories import MeetingFactory, approved_meeting, held_meeting

pytestmark = pytest.mark.django_db


def _sheet(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    return [list(r) for r in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)]


def test_the_task_export_lists_the_filtered_tasks_with_their_overdue_flag(client, w):
    held_meeting(w, days_ago=45)
    held_meeting(w, days_ago=1, units=[w.units.water])
    client.force_login(w.office)
    rows = _sheet(client.get(reverse("meetings:task_export")))
    assert rows[0][:5] == ["会议", "召开日期", "议定事项序号", "督办事项", "责任单位"]
    flags = {r[4]: r[8] for r in rows[1:]}
    assert flags == {"杭州市住房和城乡建设局": "是", "杭州市水利局": "否"}
    rows = _sheet(client.get(reverse("meetings:task_export"), {"state": "overdue"}))
    assert [r[4] for r in rows[1:]] == ["杭州市住房和城乡建设局"]


def test_a_member_exports_only_its_own_tasks(client, w):
    held_meeting(w, days_ago=1, units=[w.units.housing, w.units.water])
    client.force_login(w.water_head)
    rows = _sheet(client.get(reverse("meetings:task_export")))
    assert [r[4] for r in rows[1:]] == ["杭州市水利局"]


def test_the_meeting_and_power_gap_exports_answer_with_workbooks(client, w):
    MeetingFactory(unit=w.units.office, title="专题会商")
    client.force_login(w.office)
    rows = _sheet(client.get(reverse("meetings:export"), {"q": "专题"}))
    assert rows[1][0] == "专题会商"
    assert _sheet(client.get(reverse("meetings:power_gaps_export")))[0] == ["类别", "问题", "涉及单位", "情况"]


def test_the_task_list_flags_overdue_tasks_and_offers_the_office_a_notice(client, w):
    held_meeting(w, days_ago=45)
    client.force_login(w.office)
    page = client.get(reverse("meetings:task_list")).content.decode()
    assert "已逾期" in page and "发出督办通报" in page
    client.force_login(w.head)
    page = client.get(reverse("meetings:task_list")).content.decode()
    assert "已逾期" in page and "发出督办通报" not in page


def test_oversight_reads_every_page_but_every_write_is_refused(client, w):
    _meeting, (task,) = held_meeting(w, days_ago=45)
    planned = MeetingFactory(unit=w.units.office)
    client.force_login(w.oversight)
    for url in (reverse("meetings:list"), reverse("meetings:detail", args=[planned.pk]),
                reverse("meetings:task_list"), reverse("meetings:task_detail", args=[task.pk]),
                reverse("meetings:power_gaps"), reverse("meetings:notice_list")):
        assert client.get(url).status_code == 200, url
    assert client.post(reverse("meetings:propose", args=[planned.pk]),
                       {"title": "议题", "description": "说明"}).status_code == 403
    assert client.post(reverse("meetings:task_complete", args=[task.pk]),
                       {"completion_note": "完成"}).status_code == 403
    assert client.post(reverse("meetings:action", args=[planned.pk, "compile"])).status_code == 403
    assert client.get(reverse("meetings:request")).status_code == 403
    assert client.get(reverse("meetings:annual_report")).status_code == 403
    response = client.post(reverse("meetings:notice_issue"), {"tasks": [task.pk]})
    assert response.status_code == 403
    assert Meeting.objects.get(pk=planned.pk).state == MeetingState.PLANNED


def test_a_unit_in_another_region_cannot_open_the_citys_meeting(client, w):
    meeting = MeetingFactory(unit=w.units.office)
    client.force_login(w.xs_head)
    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 404


def test_an_ordinary_officer_cannot_read_the_power_gap_page(client, w):
    client.force_login(w.officer)
    assert client.get(reverse("meetings:power_gaps")).status_code == 403


def test_a_stale_approval_on_the_page_shows_a_message_instead_of_an_error(client, w):
    meeting = approved_meeting(w)
    client.force_login(w.convener)
    response = client.post(reverse("meetings:action", args=[meeting.pk, "approve_agenda"]), follow=True)
    assert response.status_code == 200 and "不能执行" in response.content.decode()


def test_the_annual_report_is_a_word_document_drawn_from_the_systems_data(client, w):
    meeting, _tasks = held_meeting(w, days_ago=0)
    client.force_login(w.office)
    response = client.get(reverse("meetings:annual_report"), {"year": meeting.held_on.year})
    assert response.status_code == 200
    assert zipfile.is_zipfile(io.BytesIO(response.content))
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "全年召开联席会议 1 次，其中定期会议 0 次、临时会议 1 次，形成议定事项 1 项" in text
    assert "议定事项交办督办事项 1 件：按期办结 0 件，逾期办结 0 件，尚在办理 1 件" in text
    assert "全年开标标段（包）0 个" in text


def test_members_cannot_draft_the_annual_report(client, w):
    client.force_login(w.head)
    assert client.get(reverse("meetings:annual_report")).status_code == 403


def test_a_member_officer_sees_the_proposal_form_of_a_meeting_collecting_items(client, w):
    meeting = MeetingFactory(unit=w.units.office)
    client.force_login(w.officer)
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "提交议题" in page and 'name="description"' in page


def test_the_minutes_page_offers_the_member_units_for_each_decision(client, w):
    meeting = approved_meeting(w)
    client.force_login(w.office)
    page = client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert 'id="id_decisions-0-units"' in page and ">市水利局<" in page and "萧山住建局" not in page
