"""Two officers running the same draw, or committing the same task, at the same moment: exactly one succeeds
(PostgreSQL, real connections)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from lianjian.core.workflow import StaleTransition
from lianjian.experts.tests.factories import EntityFactory
from lianjian.inspections import services
from lianjian.inspections.models import Assignment, Draw, DrawStatus, InspectionTask
from lianjian.inspections.tests import factories as f

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers: PostgreSQL only"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def race(model, pk, act):
    barrier = threading.Barrier(2)
    outcomes = []

    def run():
        try:
            obj = model.objects.get(pk=pk)
            barrier.wait(timeout=5)
            act(obj)
            outcomes.append("ok")
        except StaleTransition:
            outcomes.append("stale")
        except ValidationError as exc:
            outcomes.append(f"invalid: {exc}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return sorted(outcomes)


@pytest.fixture
def task_and_office():
    unit = f.supervisor()
    _office, office_actor = f.lead_office()
    for _ in range(2):
        f.inspector(unit)
    f.inspection_object(entity=EntityFactory(), credit="D")
    _plan, task = f.plan_with_task(office_actor=office_actor, items=[f.item(unit)])
    return task, office_actor


def test_two_officers_running_the_same_draw_at_once_record_it_once(task_and_office):
    task, office_actor = task_and_office
    draw = services.draw_commit(task=task, actor=office_actor)
    outcomes = race(Draw, draw.pk, lambda d: services.draw_execute(draw=d, actor=office_actor))
    assert outcomes == ["ok", "stale"]
    assert Assignment.objects.filter(draw=draw).count() == 2
    assert Draw.objects.get(pk=draw.pk).status == DrawStatus.DRAWN


def test_two_officers_committing_the_same_task_at_once_open_one_attempt(task_and_office):
    task, office_actor = task_and_office
    outcomes = race(InspectionTask, task.pk, lambda t: services.draw_commit(task=t, actor=office_actor))
    assert outcomes == ["ok", "stale"]
    assert Draw.objects.filter(task=task).count() == 1
