import pytest
from django.core.exceptions import ValidationError

from lianjian.audit.models import AuditEntry
from lianjian.cases.models import Clue
from lianjian.core.permissions import AccessDenied
from lianjian.core.workflow import StaleTransition
from lianjian.deadlines.models import Deadline, DeadlineState
from lianjian.monitoring import selectors
from lianjian.monitoring.models import Alert, AlertState, Supervision
from lianjian.monitoring.services import (
    alert_confirm, alert_dismiss, alert_dispatch, alert_return, alert_supervise, triage_deadline,
)
from lianjian.notifications.models import Notification

from .factories import ingested, make_overdue


def test_confirming_an_alert_makes_it_a_clue_of_the_competent_unit_and_closes_the_triage_deadline(world):
    alert = ingested(world)

    alert = alert_confirm(alert=alert, actor=world.housing, note="三家投标文件MAC地址一致，建议联合核查")

    clue = Clue.objects.get()
    assert alert.state == AlertState.CONFIRMED and alert.clue == clue
    assert clue.source == "monitoring" and clue.unit == world.units.housing and clue.lot == world.lot
    assert "三家投标文件MAC地址一致" in clue.description
    assert {e.credit_code for e in clue.entities.all()} == set(alert.entities)
    assert Deadline.objects.get(object_id=alert.pk, rule__code="alert_triage").state == DeadlineState.MET
    assert AuditEntry.objects.filter(action="monitoring.alert.confirm", object_id=str(alert.pk)).exists()


def test_a_second_officer_acting_on_a_stale_page_is_told_someone_else_handled_it(world):
    alert = ingested(world)
    seen_by_second = Alert.objects.get(pk=alert.pk)
    alert_confirm(alert=alert, actor=world.housing)

    with pytest.raises(StaleTransition):
        alert_confirm(alert=seen_by_second, actor=world.housing2)
    assert Clue.objects.count() == 1


def test_dismissing_needs_a_reason_and_leaves_the_alert_untouched_without_one(world):
    alert = ingested(world)

    with pytest.raises(ValidationError) as error:
        alert_dismiss(alert=alert, reason="  ", actor=world.housing)

    assert "排除理由" in error.value.message_dict["reason"][0]
    assert Alert.objects.get(pk=alert.pk).state == AlertState.PENDING


def test_a_dismissed_alert_records_who_and_why(world):
    alert = alert_dismiss(alert=ingested(world), reason="投标人为同一集团成员，已按规定报备", actor=world.housing)

    assert alert.state == AlertState.DISMISSED and alert.triaged_by == world.housing
    assert alert.dismiss_reason == "投标人为同一集团成员，已按规定报备"
    assert AuditEntry.objects.filter(action="monitoring.alert.dismiss", object_id=str(alert.pk)).exists()


@pytest.mark.parametrize("who", ["transport", "office", "jiwei"])
def test_only_the_competent_unit_triages_an_alert(world, who):
    alert = ingested(world)

    with pytest.raises(AccessDenied):
        alert_confirm(alert=alert, actor=getattr(world, who))
    assert not Clue.objects.exists()


def test_the_lead_office_and_oversight_read_the_regions_alerts_and_other_bureaus_do_not(world):
    alert = ingested(world)

    assert list(selectors.alerts_for(actor=world.office)) == [alert]
    assert list(selectors.alerts_for(actor=world.jiwei)) == [alert]
    assert list(selectors.alerts_for(actor=world.housing)) == [alert]
    assert list(selectors.alerts_for(actor=world.transport)) == []
    assert list(selectors.alerts_for(actor=world.sc_office)) == []


def test_a_unit_returns_an_alert_outside_its_remit_and_the_office_dispatches_it_again(world):
    alert = ingested(world)
    first = triage_deadline(alert)

    alert = alert_return(alert=alert, reason="该标段为市政道路工程，不属住建局监管", actor=world.housing)
    assert alert.state == AlertState.UNASSIGNED and alert.unit is None
    assert Deadline.objects.get(pk=first.pk).state == DeadlineState.CANCELLED
    assert Notification.objects.filter(recipient=world.office, subject__contains="退回风险预警").exists()

    alert = alert_dispatch(alert=alert, unit=world.units.transport, actor=world.office)
    assert alert.state == AlertState.PENDING and alert.unit == world.units.transport
    assert triage_deadline(alert).responsible_unit == world.units.transport
    assert Notification.objects.filter(recipient=world.transport, subject__contains="新分办风险预警").exists()


def test_returning_an_alert_needs_a_reason(world):
    with pytest.raises(ValidationError) as error:
        alert_return(alert=ingested(world), reason="", actor=world.housing)
    assert "reason" in error.value.message_dict


def test_a_bureau_cannot_dispatch_alerts_and_oversight_units_cannot_receive_them(world):
    alert = alert_return(alert=ingested(world), reason="不属本部门职责", actor=world.housing)

    with pytest.raises(AccessDenied):
        alert_dispatch(alert=alert, unit=world.units.transport, actor=world.housing)
    with pytest.raises(ValidationError) as error:
        alert_dispatch(alert=alert, unit=world.units.discipline, actor=world.office)
    assert "只读" in error.value.message_dict["unit"][0]


def test_the_office_supervises_an_overdue_alert_and_the_unit_is_told(world):
    alert = ingested(world)
    deadline = make_overdue(alert)

    record = alert_supervise(alert=alert, note="请于3个工作日内完成研判并反馈", actor=world.office)

    assert Supervision.objects.get() == record and record.due == Deadline.objects.get(pk=deadline.pk).due
    assert Notification.objects.filter(recipient=world.housing, subject__startswith="督办").exists()
    assert AuditEntry.objects.filter(action="monitoring.alert.supervise", object_id=str(alert.pk)).exists()
    assert list(selectors.alerts_for(actor=world.office, overdue=True)) == [alert]


def test_an_alert_still_within_its_triage_time_cannot_be_supervised(world):
    with pytest.raises(ValidationError) as error:
        alert_supervise(alert=ingested(world), note="请尽快研判", actor=world.office)
    assert "逾期" in error.value.message_dict["alert"][0]
    assert not Supervision.objects.exists()


@pytest.mark.parametrize("who", ["housing", "jiwei", "sc_office"])
def test_only_the_lead_office_of_the_region_supervises(world, who):
    alert = ingested(world)
    make_overdue(alert)

    with pytest.raises(AccessDenied):
        alert_supervise(alert=alert, note="督办", actor=getattr(world, who))
