"""Two officers at the same moment: exactly one result. These need two real connections (PostgreSQL)."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from lianjian.core.workflow import StaleTransition
from lianjian.credit import services
from lianjian.credit.models import CreditRecord, RepairApplication, RestrictionHit
from lianjian.notifications.models import Notification
from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import actor

from .factories import blacklist, penalty

pytestmark = pytest.mark.django_db(transaction=True)


def _race(*calls):
    if connection.vendor != "postgresql":
        pytest.skip("two concurrent connections need PostgreSQL; SQLite serialises writers")
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        try:
            barrier.wait()
            call()
            outcomes.append("ok")
        except (StaleTransition, ValidationError):
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return sorted(outcomes)


def test_two_heads_deciding_one_repair_application_give_one_decision(world):
    entry = blacklist(world.housing, entity=world.bidders[0],
                      starts_on=timezone.localdate() - datetime.timedelta(days=125))
    application = services.repair_submit(entry=entry, applicant="申请人", applicant_contact="0571-1", reason="已整改",
                                         commitment=True, actor=world.housing)
    services.repair_review(application=application, opinion="齐全", actor=world.housing)
    other_head = actor(world.units.housing, RoleCode.UNIT_HEAD, username="zjj_head2")

    def decide(head, approve):
        return lambda: services.repair_decide(application=RepairApplication.objects.get(pk=application.pk),
                                              approve=approve, opinion="意见", actor=head)

    assert _race(decide(world.housing_head, True), decide(other_head, False)) == ["ok", "refused"]


def test_two_checks_of_one_lot_at_once_record_and_notify_one_hit(world):
    entry = blacklist(world.housing, entity=world.bidders[1])
    RestrictionHit.objects.all().delete()
    Notification.objects.all().delete()

    def check(who):
        return lambda: services.credit_check_lot(lot=world.lot, actor=who)

    assert _race(check(world.centre), check(world.housing)) == ["ok", "ok"]
    assert RestrictionHit.objects.filter(lot=world.lot, applied_measure__entry=entry).count() == 1
    assert Notification.objects.filter(recipient=world.housing).count() == 1


def test_the_same_decision_recorded_twice_at_once_scores_once(world):
    def record():
        return penalty(world.housing, world.bidders[0], document_no="杭建罚〔2025〕77号")

    assert _race(record, record) == ["ok", "refused"]
    assert CreditRecord.objects.filter(entity=world.bidders[0]).count() == 1
