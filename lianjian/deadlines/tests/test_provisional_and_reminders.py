"""Provisional deadlines recomputed once a year's schedule is loaded; reminders sent once."""

import datetime

import pytest
from django.core.management import call_command

from lianjian.audit.models import AuditEntry
from lianjian.deadlines.models import Deadline, DeadlineReminder, DeadlineRule, DeadlineState, DeadlineStatus
from lianjian.deadlines.services import (
    deadline_meet, deadline_open, deadline_pause, deadline_recompute_provisional, deadline_resume,
    deadline_send_reminders,
)
from lianjian.notifications.models import Notification
from lianjian.org.tests.factories import PowerListFactory, UserFactory
from lianjian.workdays.services import calendar_year_load

from .factories import DeadlineFactory, officer

pytestmark = pytest.mark.django_db
D = datetime.date

# An invented 2027 schedule (the official one is not published yet): 元旦 runs to Monday 4 January.
SCHEDULE_2027 = [
    {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
    {"date": "2027-01-02", "kind": "holiday", "name": "元旦"},
    {"date": "2027-01-03", "kind": "holiday", "name": "元旦"},
    {"date": "2027-01-04", "kind": "holiday", "name": "元旦"},
]


def _open(actor, code="complaint_accept", start=D(2026, 12, 30), **kwargs):
    return deadline_open(subject=PowerListFactory(), rule=code, start=start, responsible_unit=actor.unit,
                         actor=actor, **kwargs)


def test_a_deadline_crossing_into_2027_is_provisional_then_recomputed_when_2027_is_loaded():
    actor = officer()
    deadline = _open(actor)
    assert (deadline.due, deadline.provisional) == (D(2027, 1, 5), True)
    calendar_year_load(rows=SCHEDULE_2027, source="国务院办公厅关于2027年部分节假日安排的通知")
    assert deadline_recompute_provisional(year=2027) == 1
    deadline.refresh_from_db()
    # 31 December, then 5 and 6 January now that 4 January is a holiday.
    assert (deadline.due, deadline.provisional) == (D(2027, 1, 6), False)
    assert deadline.state_version == 1
    entry = AuditEntry.objects.get(action="deadlines.deadline.recompute")
    assert entry.before["due"] == "2027-01-05" and entry.after["due"] == "2027-01-06"


def test_loading_a_year_from_a_file_with_the_command_recomputes_its_provisional_deadlines(tmp_path):
    actor = officer()
    deadline = _open(actor)
    path = tmp_path / "2027.csv"
    path.write_text("date,kind,name\n" + "".join(f"{r['date']},{r['kind']},{r['name']}\n" for r in SCHEDULE_2027),
                    encoding="utf-8")
    call_command("workdays", "load", str(path), "--source", "国务院办公厅关于2027年部分节假日安排的通知")
    deadline.refresh_from_db()
    assert (deadline.due, deadline.provisional) == (D(2027, 1, 6), False)


def test_closed_and_non_provisional_deadlines_are_left_alone():
    actor = officer()
    done = _open(actor)
    deadline_meet(deadline=done, actor=actor, at=D(2026, 12, 31))
    settled = _open(actor, start=D(2026, 10, 9))
    calendar_year_load(rows=SCHEDULE_2027, source="测试")
    assert deadline_recompute_provisional(year=2027) == 0
    done.refresh_from_db()
    assert done.provisional and done.due == D(2027, 1, 5)
    assert Deadline.objects.get(pk=settled.pk).state_version == 0


def test_a_paused_provisional_deadline_keeps_its_pauses_when_recomputed():
    actor = officer()
    deadline = _open(actor, code="case_transfer", start=D(2026, 12, 21))
    deadline = deadline_pause(deadline=deadline, reason="专家评审", actor=actor, at=D(2026, 12, 22))
    deadline = deadline_resume(deadline=deadline, actor=actor, at=D(2026, 12, 23))
    # 5 working days after 21 December with 23 December paused: 22, 24, 25, 28, 29 December.
    assert deadline.due == D(2026, 12, 29) and not deadline.provisional
    deadline = deadline_pause(deadline=deadline, reason="补正", actor=actor, at=D(2026, 12, 28))
    deadline = deadline_resume(deadline=deadline, actor=actor, at=D(2026, 12, 31))
    # 29–31 December now paused too: the fifth working day is 4 January 2027, provisionally.
    assert (deadline.due, deadline.provisional) == (D(2027, 1, 4), True)
    calendar_year_load(rows=SCHEDULE_2027, source="测试")
    deadline_recompute_provisional(year=2027)
    deadline.refresh_from_db()
    assert (deadline.due, deadline.provisional) == (D(2027, 1, 5), False)


def test_an_officer_acting_on_a_page_read_before_the_recompute_is_told_to_refresh():
    from lianjian.core.workflow import StaleTransition

    actor = officer()
    deadline = _open(actor)
    calendar_year_load(rows=SCHEDULE_2027, source="测试")
    deadline_recompute_provisional(year=2027)
    with pytest.raises(StaleTransition):
        deadline_meet(deadline=deadline, actor=actor, at=D(2027, 1, 5))


def _notifications(user):
    return Notification.objects.filter(recipient=user, category="deadline")


def test_the_assignee_is_reminded_once_when_the_deadline_is_due_soon_and_once_when_overdue():
    actor = officer()
    assignee = officer(unit=actor.unit)
    deadline = _open(actor, start=D(2025, 10, 12), assignee=assignee)  # due 15 October, reminders from the 14th
    assert deadline_send_reminders(today=D(2025, 10, 13)) == 0
    assert deadline_send_reminders(today=D(2025, 10, 14)) == 1
    assert deadline_send_reminders(today=D(2025, 10, 14)) == 0
    assert deadline_send_reminders(today=D(2025, 10, 15)) == 0
    (soon,) = _notifications(assignee)
    assert "即将到期" in soon.subject and "2025-10-15" in soon.subject
    assert deadline_send_reminders(today=D(2025, 10, 16)) == 1
    assert deadline_send_reminders(today=D(2025, 10, 17)) == 0
    assert [n.subject.split("：")[0] for n in _notifications(assignee).order_by("pk")] == ["期限即将到期", "期限已逾期"]
    assert not _notifications(actor).exists()
    assert set(DeadlineReminder.objects.filter(deadline=deadline).values_list("status", flat=True)) == {
        DeadlineStatus.DUE_SOON, DeadlineStatus.OVERDUE,
    }


def test_without_an_assignee_every_active_person_of_the_responsible_unit_is_reminded():
    actor = officer()
    colleague = officer(unit=actor.unit)
    retired = UserFactory(unit=actor.unit, is_active=False)
    _open(actor, start=D(2025, 10, 12))
    deadline_send_reminders(today=D(2025, 10, 16))
    assert _notifications(actor).count() == 1 and _notifications(colleague).count() == 1
    assert not _notifications(retired).exists()


def test_paused_and_closed_deadlines_are_not_reminded_about():
    actor = officer()
    paused = _open(actor, start=D(2025, 10, 12))
    deadline_pause(deadline=paused, reason="鉴定", actor=actor, at=D(2025, 10, 13))
    done = _open(actor, start=D(2025, 10, 12))
    deadline_meet(deadline=done, actor=actor, at=D(2025, 10, 13))
    assert deadline_send_reminders(today=D(2025, 10, 20)) == 0


def test_a_new_due_date_after_a_pause_may_be_reminded_about_again():
    actor = officer()
    deadline = _open(actor, start=D(2025, 10, 12))
    assert deadline_send_reminders(today=D(2025, 10, 14)) == 1
    deadline = deadline_pause(deadline=deadline, reason="专家评审", actor=actor, at=D(2025, 10, 14))
    deadline = deadline_resume(deadline=deadline, actor=actor, at=D(2025, 10, 17))
    # Due 20 October now; its due-soon window (one working day) opens on Friday the 17th.
    assert deadline.due == D(2025, 10, 20)
    assert deadline_send_reminders(today=D(2025, 10, 16)) == 0
    assert deadline_send_reminders(today=D(2025, 10, 17)) == 1


def test_the_reminder_links_to_the_deadline_when_its_item_has_no_page_of_its_own():
    # Rules have no page of their own, so a rule serves as an item without get_absolute_url().
    deadline = DeadlineFactory(responsible_unit=officer().unit, subject=DeadlineRule.objects.first())
    deadline_send_reminders(today=D(2025, 10, 14))
    assert Notification.objects.get().link == f"/deadlines/{deadline.pk}/"


def test_the_reminder_links_to_the_item_when_it_has_a_page():
    # Deadlines have pages, so a deadline serves as an item with get_absolute_url().
    item = DeadlineFactory(state=DeadlineState.MET)
    deadline = DeadlineFactory(responsible_unit=officer().unit, subject=item)
    deadline_send_reminders(today=D(2025, 10, 14))
    assert Notification.objects.get().link == item.get_absolute_url()
    assert deadline.link() == item.get_absolute_url()


def test_the_remind_command_runs_the_reminders(capsys):
    DeadlineFactory(responsible_unit=officer().unit)
    call_command("deadlines", "remind", "--today", "2025-10-16")
    assert "已发送 1 项期限提醒" in capsys.readouterr().out
    call_command("deadlines", "remind", "--today", "2025-10-16")
    assert "已发送 0 项期限提醒" in capsys.readouterr().out


def test_reminders_run_as_an_hourly_periodic_job():
    from lianjian.deadlines.jobs import remind
    from lianjian.jobs.registry import periodic_tasks

    assert periodic_tasks()["deadlines.remind"].every == datetime.timedelta(hours=1)
    DeadlineFactory(responsible_unit=officer().unit, due=D(2025, 1, 6), due_soon_from=D(2025, 1, 3))
    assert remind(ctx=None) == {"reminded": 1}
