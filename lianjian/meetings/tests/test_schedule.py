import datetime

import pytest
from django.utils import timezone

from lianjian.deadlines.selectors import deadlines_for_object
from lianjian.jobs.registry import periodic_tasks
from lianjian.meetings import services
from lianjian.meetings.models import Meeting, MeetingKind, MeetingState

from .factories import approved_meeting

pytestmark = pytest.mark.django_db


def test_the_half_yearly_job_is_registered():
    assert "meetings.schedule_regular" in periodic_tasks()


def test_each_lead_office_gets_one_regular_meeting_due_in_six_months(w):
    today = datetime.date(2025, 3, 10)
    created = services.meetings_schedule_regular(today=today)
    assert {m.unit for m in created} == {w.units.office, w.units.xs_office}
    meeting = next(m for m in created if m.unit == w.units.office)
    (deadline,) = deadlines_for_object(meeting)
    assert deadline.rule.code == "joint_meeting" and deadline.due.month == 9
    assert meeting.title == "2025年下半年联席会议"
    assert services.meetings_schedule_regular(today=today) == []


def test_holding_the_regular_meeting_meets_its_deadline_and_the_next_runs_from_that_day(w):
    services.meetings_schedule_regular()
    meeting = approved_meeting(w, meeting=Meeting.objects.get(unit=w.units.office, kind=MeetingKind.REGULAR))
    held_on = timezone.localdate()
    services.meeting_record_minutes(meeting=meeting, held_on=held_on, minutes="纪要", decisions=[], actor=w.office)
    (deadline,) = deadlines_for_object(meeting)
    assert deadline.state == "met"
    (following,) = [m for m in services.meetings_schedule_regular() if m.unit == w.units.office]
    assert following.state == MeetingState.PLANNED
    (next_deadline,) = deadlines_for_object(following)
    assert next_deadline.start == held_on
