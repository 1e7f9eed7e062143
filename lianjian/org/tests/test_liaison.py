"""Seed 002 §(十六)(十七): each member unit names a responsible leader and a liaison officer; a change is reported to
the office within the working days of rule ``liaison_change_report``."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lianjian.audit.models import AuditEntry
from lianjian.deadlines.models import Deadline, DeadlineRule, DeadlineState
from lianjian.notifications.models import Notification
from lianjian.org import selectors
from lianjian.org.models import LiaisonAssignment, LiaisonKind, RoleCode
from lianjian.org.services import LIAISON_REPORT_RULE, liaison_change

from .factories import actor

pytestmark = pytest.mark.django_db

# Tuesday before the 2025 National Day holiday (1–8 October); Saturday 11 October was a make-up working day.
EFFECTIVE = datetime.date(2025, 9, 30)


def _at(day, hour=16):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def newcomer(world):
    return actor(world.units.housing, RoleCode.SUPERVISOR_OFFICER, full_name="金阳", username="jin")


def _change(world, person, reported_on, effective_on=EFFECTIVE, kind=LiaisonKind.LIAISON_OFFICER):
    return liaison_change(unit=world.units.housing, kind=kind, person=person, effective_on=effective_on,
                          reported_at=_at(reported_on), actor=world.housing_head)


def test_a_report_on_the_first_working_day_after_national_day_is_on_time(world, newcomer):
    assignment = _change(world, newcomer, datetime.date(2025, 10, 9))
    assert assignment.reported_on_time is True
    assert assignment.report_due_on == datetime.date(2025, 10, 11)
    assert assignment.report_due_provisional is False


def test_a_report_on_the_make_up_working_saturday_is_still_on_time(world, newcomer):
    assert _change(world, newcomer, datetime.date(2025, 10, 11)).reported_on_time is True


def test_a_report_after_the_make_up_saturday_is_late_and_flagged_for_the_lead_office(world, newcomer):
    assignment = _change(world, newcomer, datetime.date(2025, 10, 13))
    assert assignment.reported_on_time is False
    assert assignment in selectors.liaisons(actor=world.office, late=True)
    notice = Notification.objects.get(recipient=world.office)
    assert "逾期报备" in notice.subject and notice.link.endswith("?late=1")


def test_the_report_opens_and_closes_a_deadline_of_the_liaison_rule(world, newcomer):
    on_time = _change(world, newcomer, datetime.date(2025, 10, 10))
    deadline = Deadline.objects.get(object_id=on_time.pk, rule__code=LIAISON_REPORT_RULE)
    assert deadline.state == DeadlineState.MET and deadline.due == datetime.date(2025, 10, 11)
    late = _change(world, actor(world.units.housing), datetime.date(2025, 12, 1),
                   effective_on=datetime.date(2025, 11, 3))
    assert Deadline.objects.get(object_id=late.pk, rule__code=LIAISON_REPORT_RULE).state == DeadlineState.MISSED


def test_the_number_of_working_days_comes_from_the_rule_row(world, newcomer):
    DeadlineRule.objects.filter(code=LIAISON_REPORT_RULE).update(count=1)
    assignment = _change(world, newcomer, datetime.date(2025, 10, 10))
    assert assignment.report_due_on == datetime.date(2025, 10, 9)
    assert assignment.reported_on_time is False


def test_a_change_ends_the_current_assignment_on_the_effective_day(world, newcomer):
    first = _change(world, world.housing_officer, datetime.date(2025, 3, 4), effective_on=datetime.date(2025, 3, 3))
    second = _change(world, newcomer, datetime.date(2025, 10, 9))
    first.refresh_from_db()
    assert first.ended_on == EFFECTIVE and second.ended_on is None
    assert list(selectors.liaisons(actor=world.office, unit=world.units.housing)) == [second]
    entry = AuditEntry.objects.filter(action="org.liaison.change", object_id=str(second.pk)).get()
    assert entry.before == {"person": world.housing_officer.pk, "effective_on": "2025-03-03"}


def test_the_responsible_leader_and_the_liaison_officer_are_independent(world, newcomer):
    _change(world, newcomer, datetime.date(2025, 10, 9))
    _change(world, world.housing_head, datetime.date(2025, 10, 9), kind=LiaisonKind.RESPONSIBLE_LEADER)
    assert LiaisonAssignment.objects.filter(unit=world.units.housing, ended_on__isnull=True).count() == 2


def test_a_person_of_another_unit_cannot_be_named(world):
    outsider = actor(world.units.finance)
    with pytest.raises(ValidationError) as exc:
        _change(world, outsider, datetime.date(2025, 10, 9))
    assert "不是“" in exc.value.message_dict["person"][0]
    assert not LiaisonAssignment.objects.exists() and not Deadline.objects.exists()


def test_naming_the_current_holder_again_is_refused_and_nothing_is_written(world, newcomer):
    _change(world, newcomer, datetime.date(2025, 10, 9))
    with pytest.raises(ValidationError) as exc:
        _change(world, newcomer, datetime.date(2025, 10, 20), effective_on=datetime.date(2025, 10, 20))
    assert "已是" in exc.value.message_dict["person"][0]
    assert LiaisonAssignment.objects.count() == 1 and Deadline.objects.count() == 1


def test_an_effective_day_after_the_report_or_before_the_current_holders_is_refused(world, newcomer):
    with pytest.raises(ValidationError) as exc:
        _change(world, newcomer, datetime.date(2025, 9, 29))
    assert "effective_on" in exc.value.message_dict
    _change(world, newcomer, datetime.date(2025, 10, 9))
    with pytest.raises(ValidationError) as exc:
        _change(world, world.housing_officer, datetime.date(2025, 10, 20), effective_on=datetime.date(2025, 9, 1))
    assert "早于现任" in exc.value.message_dict["effective_on"][0]


def test_a_deactivated_person_cannot_be_named(world, newcomer):
    newcomer.is_active = False
    newcomer.save()
    with pytest.raises(ValidationError):
        _change(world, newcomer, datetime.date(2025, 10, 9))


def test_the_contact_book_lists_both_posts_of_every_unit_with_blanks_for_missing_ones(world, newcomer):
    _change(world, newcomer, datetime.date(2025, 10, 9))
    rows = selectors.contact_book(actor=world.office)
    housing = [r for r in rows if r.unit == world.units.housing]
    assert [(r.kind, r.person) for r in housing] == [
        (LiaisonKind.RESPONSIBLE_LEADER, None), (LiaisonKind.LIAISON_OFFICER, newcomer)]
    assert {r.unit for r in rows} == set(selectors.units(actor=world.office))
