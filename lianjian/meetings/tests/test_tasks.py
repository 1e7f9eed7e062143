import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lianjian.core.permissions import AccessDenied
from lianjian.deadlines.models import DeadlineRule, DeadlineState
from lianjian.meetings import selectors, services
from lianjian.meetings.models import MeetingState, TaskState
from lianjian.notifications.models import Notification

from .factories import approved_meeting, held_meeting

pytestmark = pytest.mark.django_db


def test_the_follow_up_rule_is_seeded_as_an_editable_local_default_citing_seed_004():
    rule = DeadlineRule.objects.get(code="meeting_follow_up")
    assert (rule.count, rule.unit) == (30, "calendar_days")
    assert "宣恩县" in rule.source and "本地默认值" in rule.note


def test_minutes_turn_each_decision_into_a_task_per_named_unit_with_a_deadline(w, django_capture_on_commit_callbacks):
    meeting = approved_meeting(w)
    held_on = timezone.localdate() - datetime.timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        meeting, tasks = services.meeting_record_minutes(
            meeting=meeting, held_on=held_on, minutes="纪要正文",
            decisions=[("开展专项整治", [w.units.housing, w.units.water]), ("完善权责清单", [w.units.office])],
            actor=w.office)
    assert meeting.state == MeetingState.HELD and meeting.decisions.count() == 2
    assert {t.unit for t in tasks} == {w.units.housing, w.units.water, w.units.office}
    task = next(t for t in tasks if t.unit == w.units.housing)
    assert task.deadline.rule.code == "meeting_follow_up" and task.deadline.start == held_on
    assert task.deadline.due == held_on + datetime.timedelta(days=30) or task.deadline.due > held_on
    assert Notification.objects.filter(recipient=w.head, subject__contains="议定事项交办").exists()


def test_bad_decision_rows_are_named_and_nothing_is_written(w):
    meeting = approved_meeting(w)
    with pytest.raises(ValidationError) as exc:
        services.meeting_record_minutes(
            meeting=meeting, held_on=timezone.localdate(), minutes="纪要",
            decisions=[("事项一", [w.units.housing]), ("", []), ("跨区事项", [w.units.xs_housing])], actor=w.office)
    messages = exc.value.message_dict["decisions"]
    assert any("第2项议定事项：请填写事项内容" in m for m in messages)
    assert any("第3项议定事项" in m and "萧山住建局" in m for m in messages)
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.APPROVED and meeting.decisions.count() == 0


def test_a_meeting_cannot_be_recorded_as_held_in_the_future(w):
    with pytest.raises(ValidationError) as exc:
        services.meeting_record_minutes(meeting=approved_meeting(w),
                                        held_on=timezone.localdate() + datetime.timedelta(days=1), minutes="纪要",
                                        decisions=[], actor=w.office)
    assert "held_on" in exc.value.message_dict


def test_only_the_office_records_minutes(w):
    meeting = approved_meeting(w)
    for someone in (w.head, w.oversight, w.xs_office):
        with pytest.raises(AccessDenied):
            services.meeting_record_minutes(meeting=meeting, held_on=timezone.localdate(), minutes="纪要",
                                            decisions=[], actor=someone)


def test_a_task_past_its_due_date_is_flagged_overdue_and_filtered(w):
    _meeting, (late,) = held_meeting(w, days_ago=45)
    _meeting2, (fresh,) = held_meeting(w, days_ago=1, units=[w.units.water])
    overdue = list(selectors.tasks(actor=w.office, state="overdue"))
    assert overdue == [late]
    assert list(selectors.tasks(actor=w.office, unit=w.units.water)) == [fresh]


def test_the_responsible_unit_reports_progress_and_completes_its_task(w):
    _meeting, (task,) = held_meeting(w, days_ago=1)
    services.task_report_progress(task=task, progress="已完成排查", actor=w.officer)
    with pytest.raises(ValidationError):
        services.task_complete(task=task, note="", actor=w.officer)
    task = services.task_complete(task=task, note="整治完成", actor=w.officer)
    assert task.state == TaskState.DONE
    task.deadline.refresh_from_db()
    assert task.deadline.state == DeadlineState.MET
    with pytest.raises(ValidationError):
        services.task_report_progress(task=task, progress="补充", actor=w.officer)


def test_a_late_completion_is_recorded_as_missed(w):
    _meeting, (task,) = held_meeting(w, days_ago=45)
    task = services.task_complete(task=task, note="逾期完成", actor=w.officer)
    task.deadline.refresh_from_db()
    assert task.deadline.state == DeadlineState.MISSED


def test_another_unit_cannot_report_on_or_complete_a_task(w):
    _meeting, (task,) = held_meeting(w, days_ago=1)
    for someone in (w.water_head, w.oversight, w.office):
        with pytest.raises(AccessDenied):
            services.task_complete(task=task, note="完成", actor=someone)
        with pytest.raises(AccessDenied):
            services.task_report_progress(task=task, progress="进展", actor=someone)


def test_the_office_notifies_every_member_of_overdue_tasks(w, django_capture_on_commit_callbacks):
    _meeting, (task,) = held_meeting(w, days_ago=45)
    with django_capture_on_commit_callbacks(execute=True):
        notice = services.notice_issue(tasks=[task], title="", body="", actor=w.office)
    assert "逾期" in notice.title and "市住建局" in notice.body
    for member in (w.head, w.water_head, w.oversight, w.convener):
        assert Notification.objects.filter(recipient=member, subject=notice.title).exists()
    assert not Notification.objects.filter(recipient=w.xs_head, subject=notice.title).exists()
    assert notice.recipients >= 6


def test_a_task_not_yet_overdue_cannot_be_the_subject_of_a_notice(w):
    _meeting, (task,) = held_meeting(w, days_ago=1)
    with pytest.raises(ValidationError, match="未逾期"):
        services.notice_issue(tasks=[task], title="", body="", actor=w.office)


def test_members_and_oversight_cannot_issue_notices(w):
    _meeting, (task,) = held_meeting(w, days_ago=45)
    for someone in (w.head, w.oversight):
        with pytest.raises(AccessDenied):
            services.notice_issue(tasks=[task], title="", body="", actor=someone)


def test_a_member_sees_only_its_own_tasks_while_office_and_oversight_see_the_region(w):
    held_meeting(w, days_ago=1, units=[w.units.housing, w.units.water])
    assert {t.unit for t in selectors.tasks(actor=w.head)} == {w.units.housing}
    assert {t.unit for t in selectors.tasks(actor=w.office)} == {w.units.housing, w.units.water}
    assert {t.unit for t in selectors.tasks(actor=w.oversight)} == {w.units.housing, w.units.water}
    assert list(selectors.tasks(actor=w.xs_office)) == []
