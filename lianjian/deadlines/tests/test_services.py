"""Opening, pausing, resuming and closing deadlines."""

import datetime
import threading
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.core.workflow import InvalidTransition, StaleTransition
from lianjian.deadlines.models import Deadline, DeadlineState, DeadlineStatus
from lianjian.deadlines.services import (
    deadline_cancel, deadline_meet, deadline_open, deadline_pause, deadline_resume, deadline_rule_due,
)
from lianjian.org.models import PowerList, RoleCode
from lianjian.org.tests.factories import PowerListFactory, UnitFactory, UserFactory, city

from .factories import officer, rule

pytestmark = pytest.mark.django_db
D = datetime.date
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def _open(code="complaint_accept", start=D(2025, 10, 12), actor=None, **kwargs):
    actor = actor or officer()
    subject = kwargs.pop("subject", None) or PowerListFactory()
    return deadline_open(subject=subject, rule=code, start=start, responsible_unit=actor.unit, actor=actor,
                         **kwargs), actor


def _status(deadline, today):
    return Deadline.objects.with_status(today=today).get(pk=deadline.pk).status


def test_opening_computes_the_due_date_from_the_rule_and_the_working_day_calendar():
    deadline, actor = _open(assignee=None, title="投诉受理审查")
    assert (deadline.start, deadline.due, deadline.provisional) == (D(2025, 10, 12), D(2025, 10, 15), False)
    assert deadline.due_soon_from == D(2025, 10, 14)
    assert isinstance(deadline.subject, PowerList) and deadline.rule.code == "complaint_accept"
    entry = AuditEntry.objects.get(action="deadlines.deadline.open")
    assert entry.object_id == str(deadline.pk) and entry.actor_id == actor.pk


def test_the_title_defaults_to_the_rule_name():
    deadline, _ = _open()
    assert deadline.title == "决定是否受理投诉"


def test_a_deadline_reaching_an_unloaded_year_is_provisional():
    deadline, _ = _open(code="complaint_accept", start=D(2026, 12, 30))
    # 31 December; 1 January 2027 (元旦, a fixed-date holiday) and the weekend skipped; 4 and 5 January.
    assert deadline.due == D(2027, 1, 5) and deadline.provisional


def test_a_calendar_day_rule_ends_on_the_next_working_day_after_a_holiday():
    deadline, _ = _open(code="penalty_decision", start=D(2025, 7, 3))
    assert deadline.due == D(2025, 10, 9)  # 3 July + 90 days = 1 October, in the National Day break


def test_an_hour_rule_needs_a_moment_and_is_due_exactly_that_many_hours_later():
    with pytest.raises(ValidationError) as caught:
        _open(code="crime_transfer_police", start=D(2025, 10, 9))
    assert "start" in caught.value.message_dict
    approved = datetime.datetime(2025, 9, 30, 16, 30, tzinfo=SHANGHAI)
    deadline, _ = _open(code="crime_transfer_police", start=approved)
    assert deadline.due_at == approved + datetime.timedelta(hours=24)
    assert deadline.due == D(2025, 10, 1)
    just_after = approved + datetime.timedelta(hours=24, minutes=1)
    assert Deadline.objects.with_status(now=just_after).get(pk=deadline.pk).status == DeadlineStatus.OVERDUE


def test_an_unknown_rule_is_named_in_the_error():
    with pytest.raises(ValidationError) as caught:
        _open(code="no_such_rule")
    assert "no_such_rule" in caught.value.message_dict["rule"][0]


def test_a_retired_rule_cannot_open_new_deadlines():
    retired = rule("complaint_accept")
    retired.is_active = False
    retired.save()
    with pytest.raises(ValidationError, match="已停用"):
        _open(code="complaint_accept")


def test_the_assignee_must_belong_to_the_responsible_unit():
    with pytest.raises(ValidationError) as caught:
        _open(assignee=officer())
    assert "assignee" in caught.value.message_dict
    assert not Deadline.objects.exists()


def test_a_unit_may_open_a_deadline_for_another_unit_within_reach_but_not_beyond():
    sender = officer()
    receiver = UnitFactory()
    deadline = deadline_open(subject=PowerListFactory(), rule="transfer_accept_report",
                             start=D(2025, 10, 9), responsible_unit=receiver, actor=sender)
    assert deadline.responsible_unit == receiver
    far_away = UnitFactory(region=city("330200", "宁波市"))
    with pytest.raises(AccessDenied):
        deadline_open(subject=PowerListFactory(), rule="transfer_accept_report",
                      start=D(2025, 10, 9), responsible_unit=far_away, actor=sender)


def test_oversight_readers_cannot_open_deadlines():
    reader = UserFactory(roles=[RoleCode.OVERSIGHT])
    with pytest.raises(AccessDenied):
        _open(actor=reader)


def test_system_work_opens_a_deadline_without_an_actor():
    unit = UnitFactory()
    deadline = deadline_open(subject=PowerListFactory(), rule="complaint_accept", start=D(2025, 10, 12),
                             responsible_unit=unit, actor=None)
    assert deadline.opened_by is None and deadline.due == D(2025, 10, 15)


def test_pause_and_resume_push_the_due_date_back_by_the_working_days_the_clock_stood_still():
    deadline, actor = _open(code="case_transfer", start=D(2025, 10, 13))  # 5 working days: due 20 October
    assert deadline.due == D(2025, 10, 20)
    deadline = deadline_pause(deadline=deadline, reason="专家评审", actor=actor, at=D(2025, 10, 14))
    assert deadline.state == DeadlineState.PAUSED
    deadline = deadline_resume(deadline=deadline, actor=actor, at=D(2025, 10, 17))
    # Stopped for 15, 16 and 17 October: three working days.
    assert deadline.state == DeadlineState.OPEN and deadline.due == D(2025, 10, 23)
    pause = deadline.pauses.get()
    assert pause.reason == "专家评审" and pause.end is not None and pause.ended_by == actor


def test_a_pause_across_national_day_only_adds_the_working_days_inside_it():
    deadline, actor = _open(code="case_transfer", start=D(2025, 9, 26))
    assert deadline.due == D(2025, 10, 10)
    deadline_pause(deadline=deadline, reason="检验检测", actor=actor, at=D(2025, 9, 29))
    deadline = deadline_resume(deadline=Deadline.objects.get(pk=deadline.pk), actor=actor, at=D(2025, 10, 9))
    # Paused working days in (29 Sep, 9 Oct]: 30 September and 9 October; 11 October is a make-up Saturday.
    assert deadline.due == D(2025, 10, 13)


def test_two_pauses_add_up():
    deadline, actor = _open(code="case_transfer", start=D(2025, 10, 13))
    for pause_at, resume_at in [(D(2025, 10, 14), D(2025, 10, 15)), (D(2025, 10, 16), D(2025, 10, 17))]:
        deadline = deadline_pause(deadline=deadline, reason="补正", actor=actor, at=pause_at)
        deadline = deadline_resume(deadline=deadline, actor=actor, at=resume_at)
    assert deadline.due == D(2025, 10, 22)


def test_a_pause_needs_a_reason_and_cannot_start_before_the_deadline():
    deadline, actor = _open()
    with pytest.raises(ValidationError) as caught:
        deadline_pause(deadline=deadline, reason=" ", actor=actor)
    assert "reason" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        deadline_pause(deadline=deadline, reason="鉴定", actor=actor, at=D(2025, 10, 1))
    assert "at" in caught.value.message_dict
    assert not deadline.pauses.exists()


def test_resuming_a_running_deadline_is_refused():
    deadline, actor = _open()
    with pytest.raises(InvalidTransition):
        deadline_resume(deadline=deadline, actor=actor)


def test_another_units_officer_cannot_pause_it():
    deadline, _ = _open()
    with pytest.raises(AccessDenied):
        deadline_pause(deadline=deadline, reason="鉴定", actor=officer(), at=D(2025, 10, 13))
    assert not deadline.pauses.exists()


def test_the_status_follows_the_calendar_until_the_item_is_done():
    deadline, _ = _open()  # due 15 October, reminders from 14 October
    assert _status(deadline, D(2025, 10, 13)) == DeadlineStatus.ON_TIME
    assert _status(deadline, D(2025, 10, 14)) == DeadlineStatus.DUE_SOON
    assert _status(deadline, D(2025, 10, 15)) == DeadlineStatus.DUE_SOON
    assert _status(deadline, D(2025, 10, 16)) == DeadlineStatus.OVERDUE


def test_done_on_or_before_the_due_date_is_met():
    deadline, actor = _open()
    deadline = deadline_meet(deadline=deadline, actor=actor, at=D(2025, 10, 15))
    assert deadline.state == DeadlineState.MET and deadline.met_at is not None
    assert _status(deadline, D(2025, 12, 1)) == DeadlineStatus.MET


def test_done_after_the_due_date_is_missed():
    deadline, actor = _open()
    deadline = deadline_meet(deadline=deadline, actor=actor, at=D(2025, 10, 16))
    assert deadline.state == DeadlineState.MISSED
    assert _status(deadline, D(2025, 10, 16)) == DeadlineStatus.MISSED
    assert AuditEntry.objects.filter(action="deadlines.deadline.miss", object_id=str(deadline.pk)).exists()


def test_done_while_paused_counts_the_pause_before_judging():
    deadline, actor = _open()  # due 15 October
    deadline = deadline_pause(deadline=deadline, reason="专家评审", actor=actor, at=D(2025, 10, 13))
    deadline = deadline_meet(deadline=deadline, actor=actor, at=D(2025, 10, 17))
    # Paused 14–17 October (4 working days): due moved to 21 October, so done in time.
    assert deadline.state == DeadlineState.MET and deadline.due == D(2025, 10, 21)
    assert deadline.pauses.get().end is not None


def test_a_paused_deadline_shows_as_paused_not_overdue():
    deadline, actor = _open()
    deadline_pause(deadline=deadline, reason="鉴定", actor=actor, at=D(2025, 10, 13))
    assert _status(deadline, D(2025, 11, 1)) == DeadlineStatus.PAUSED


def test_the_second_of_two_officers_meeting_the_same_deadline_is_told_it_was_already_handled():
    deadline, actor = _open()
    colleague = officer(unit=actor.unit)
    first_view = Deadline.objects.get(pk=deadline.pk)
    second_view = Deadline.objects.get(pk=deadline.pk)
    deadline_meet(deadline=first_view, actor=actor, at=D(2025, 10, 14))
    with pytest.raises(StaleTransition):
        deadline_meet(deadline=second_view, actor=colleague, at=D(2025, 10, 20))
    assert Deadline.objects.get(pk=deadline.pk).state == DeadlineState.MET
    assert AuditEntry.objects.filter(action__in=["deadlines.deadline.meet", "deadlines.deadline.miss"]).count() == 1


def test_a_stale_pause_is_refused_and_leaves_no_pause_row():
    deadline, actor = _open()
    stale = Deadline.objects.get(pk=deadline.pk)
    deadline_meet(deadline=deadline, actor=actor, at=D(2025, 10, 14))
    with pytest.raises(StaleTransition):
        deadline_pause(deadline=stale, reason="鉴定", actor=actor, at=D(2025, 10, 14))
    assert not deadline.pauses.exists()


@pytest.mark.django_db(transaction=True)
def test_two_officers_meeting_at_the_same_moment_produce_exactly_one_result():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; real concurrency is exercised on PostgreSQL")
    deadline, actor = _open()
    barrier = threading.Barrier(2)
    outcomes = []

    def meet():
        try:
            mine = Deadline.objects.get(pk=deadline.pk)
            barrier.wait()
            deadline_meet(deadline=mine, actor=actor, at=D(2025, 10, 14))
            outcomes.append("ok")
        except StaleTransition:
            outcomes.append("stale")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=meet) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == ["ok", "stale"]


def test_cancelling_needs_a_reason_and_closes_an_open_pause():
    deadline, actor = _open()
    deadline = deadline_pause(deadline=deadline, reason="鉴定", actor=actor, at=D(2025, 10, 13))
    with pytest.raises(ValidationError):
        deadline_cancel(deadline=deadline, reason="", actor=actor)
    deadline = deadline_cancel(deadline=deadline, reason="投诉人撤回投诉", actor=actor)
    assert deadline.state == DeadlineState.CANCELLED and deadline.pauses.get().end is not None


def test_a_rule_due_date_can_be_asked_for_without_recording_a_deadline():
    result = deadline_rule_due(rule="gp_challenge_filing", start=D(2025, 9, 30))
    assert result.due == D(2025, 10, 16) and not result.provisional
    assert not Deadline.objects.exists()
