"""Two people acting on the same item at once: exactly one succeeds, the other is told it is stale."""

import threading

import pytest
from django.db import connection, connections

from lianjian.core.workflow import StaleTransition
from lianjian.meetings import services
from lianjian.meetings.models import (
    AgendaItem,
    AgendaState,
    FollowUpTask,
    Meeting,
    MeetingState,
    TaskState,
)
from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import actor

from .factories import MeetingFactory, held_meeting

pytestmark = pytest.mark.django_db(transaction=True)


def _race(work):
    barrier = threading.Barrier(2)
    outcomes = []

    def run(index):
        try:
            prepared = work(index, None)
            barrier.wait()
            work(index, prepared)
            outcomes.append("ok")
        except StaleTransition:
            outcomes.append("stale")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return sorted(outcomes)


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; real concurrency is exercised on PostgreSQL")


def test_two_office_officers_compiling_the_same_agenda_at_once_compile_it_once(postgres_only, w):
    meeting = MeetingFactory(unit=w.units.office)
    item = services.agenda_propose(meeting=meeting, title="议题", description="说明", actor=w.officer)
    services.agenda_sign_off(item=item, actor=w.head)
    officers = [w.office, actor(w.units.office, RoleCode.OFFICE_STAFF)]

    def work(index, prepared):
        if prepared is None:
            return Meeting.objects.get(pk=meeting.pk)
        services.meeting_compile(meeting=prepared, actor=officers[index])

    assert _race(work) == ["ok", "stale"]
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.COMPILED and meeting.state_version == 1
    assert AgendaItem.objects.get(pk=item.pk).state == AgendaState.COMPILED


def test_two_officers_completing_the_same_task_at_once_complete_it_once(postgres_only, w):
    _meeting, (task,) = held_meeting(w, days_ago=1)
    officers = [w.officer, w.head]

    def work(index, prepared):
        if prepared is None:
            return FollowUpTask.objects.select_related("deadline").get(pk=task.pk)
        services.task_complete(task=prepared, note=f"办结{index}", actor=officers[index])

    assert _race(work) == ["ok", "stale"]
    task.refresh_from_db()
    assert task.state == TaskState.DONE and task.deadline.state == "met"
