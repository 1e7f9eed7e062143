"""Two people at once, on PostgreSQL (SQLite serialises writers itself, so there is nothing to race there)."""

import threading

import pytest
from django.db import connection, connections

from lianjian.audit.models import AuditEntry
from lianjian.cases.models import Clue
from lianjian.core.workflow import StaleTransition
from lianjian.monitoring.models import Alert
from lianjian.monitoring.services import alert_confirm, alert_ingest

from .factories import ingested, mac_finding

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _race(work):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; real concurrency is exercised on PostgreSQL")
    barrier = threading.Barrier(2)
    outcomes = []

    def person(arg):
        try:
            prepared = work["prepare"](arg)
            barrier.wait()
            work["act"](prepared, arg)
            outcomes.append("ok")
        except StaleTransition:
            outcomes.append("stale")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=person, args=(arg,)) for arg in work["args"]]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return sorted(outcomes)


def test_two_officers_confirming_the_same_alert_at_once_make_one_clue_and_the_second_is_told(world):
    alert = ingested(world)

    outcomes = _race({
        "args": [world.housing, world.housing2],
        "prepare": lambda officer: Alert.objects.get(pk=alert.pk),
        "act": lambda seen, officer: alert_confirm(alert=seen, actor=officer, note=str(officer)),
    })

    assert outcomes == ["ok", "stale"]
    assert Clue.objects.count() == 1
    assert AuditEntry.objects.filter(action="monitoring.alert.confirm").count() == 1


def test_two_runs_loading_the_same_finding_at_once_leave_one_alert(world):
    finding = mac_finding(world.lot, world.bidders)

    outcomes = _race({
        "args": ["run A", "run B"],
        "prepare": lambda source: finding,
        "act": lambda f, source: alert_ingest(findings=[f], source=source),
    })

    assert outcomes == ["ok", "ok"]
    alert = Alert.objects.get()
    assert alert.runs_seen == 2
    assert alert.unit == world.units.housing
