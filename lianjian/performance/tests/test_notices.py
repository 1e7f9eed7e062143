"""Accountability notices: for units that failed their duties, once per period, notified and audit-logged."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.notifications.models import Notification
from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import actor
from lianjian.performance import services
from lianjian.performance.models import AccountabilityNotice

from .factories import PERIOD, TODAY, review_world

pytestmark = pytest.mark.django_db


def _issue(world, unit, person=None, reason="未按期回告投诉受理结果"):
    return services.accountability_notice_issue(unit=unit, period_start=PERIOD[0], period_end=PERIOD[1],
                                                reason=reason, actor=person or world.office, today=TODAY)


def test_the_lead_office_notifies_a_unit_with_an_overdue_item_and_records_its_figures(world):
    notice = _issue(world, world.units.transport)

    assert (notice.decided, notice.met, notice.missed, notice.overdue) == (3, 2, 0, 1)
    assert notice.issuing_unit == world.units.office
    assert Notification.objects.filter(recipient=world.transport, subject__startswith="效能通报").exists()
    assert AuditEntry.objects.filter(action="performance.notice.issue", object_id=str(notice.pk)).exists()


def test_a_unit_that_met_every_deadline_is_not_notified(world):
    with pytest.raises(ValidationError) as refused:
        _issue(world, world.units.water)
    assert "没有逾期办结或超期未办" in refused.value.message_dict["unit"][0]


def test_a_unit_is_notified_once_per_period(world):
    _issue(world, world.units.housing)

    with pytest.raises(ValidationError) as again:
        _issue(world, world.units.housing)
    assert "已被通报过" in again.value.message_dict["unit"][0]
    assert AccountabilityNotice.objects.count() == 1


def test_an_empty_reason_and_a_reversed_period_are_named_and_nothing_is_written(world):
    with pytest.raises(ValidationError) as refused:
        services.accountability_notice_issue(unit=world.units.housing, period_start=PERIOD[1],
                                             period_end=PERIOD[0], reason=" ", actor=world.office)
    assert set(refused.value.message_dict) == {"period_end", "reason"}
    assert not AccountabilityNotice.objects.exists()


def test_only_the_lead_office_of_the_units_region_issues_notices(world):
    for person in (world.housing, world.jiwei, world.ningbo):
        with pytest.raises(AccessDenied):
            _issue(world, world.units.transport, person=person)
    assert not AccountabilityNotice.objects.exists()


def test_the_notified_unit_reads_its_notice_and_other_bureaus_do_not(world, client):
    notice = _issue(world, world.units.transport)

    client.force_login(world.transport)
    assert client.get(f"/performance/notices/{notice.pk}/").status_code == 200
    client.force_login(world.housing)
    assert client.get(f"/performance/notices/{notice.pk}/").status_code == 404


def test_the_notice_page_issues_a_notice_and_shows_errors_next_to_the_form(world, client):
    client.force_login(world.office)
    url = f"/performance/notices/new/{world.units.water.pk}/"

    refused = client.post(url, {"period_start": "2025-01-01", "period_end": "2025-06-30", "reason": "通报"})
    issued = client.post(f"/performance/notices/new/{world.units.housing.pk}/",
                         {"period_start": "2025-01-01", "period_end": "2025-06-30", "reason": "投诉逾期受理"})

    assert "没有逾期办结或超期未办" in refused.content.decode()
    assert issued.status_code == 302 and AccountabilityNotice.objects.get().unit == world.units.housing


def test_the_notice_api_issues_and_refuses_an_oversight_reader(world, client):
    payload = {"unit": world.units.housing.pk, "period_start": "2025-01-01", "period_end": "2025-06-30",
               "reason": "投诉逾期受理"}
    client.force_login(world.jiwei)
    assert client.post("/api/v1/performance/notices/", payload, content_type="application/json").status_code == 403

    client.force_login(world.office)
    response = client.post("/api/v1/performance/notices/", payload, content_type="application/json")
    assert response.status_code == 201 and response.json()["missed"] == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_officers_issuing_the_same_notice_at_once_record_it_once():
    if connection.vendor != "postgresql":
        pytest.skip("needs two real connections (PostgreSQL)")
    world = review_world()
    colleague = actor(world.units.office, RoleCode.OFFICE_STAFF, username="office2")
    barrier, outcomes = threading.Barrier(2), []

    def issue(person):
        try:
            barrier.wait()
            outcomes.append(_issue(world, world.units.housing, person=person))
        except ValidationError as exc:
            outcomes.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(p,)) for p in (world.office, colleague)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert sorted(type(o).__name__ for o in outcomes) == ["AccountabilityNotice", "ValidationError"]
    assert AccountabilityNotice.objects.count() == 1
