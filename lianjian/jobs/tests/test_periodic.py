from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from lianjian.jobs.models import Job, JobStatus, PeriodicRun
from lianjian.jobs.services import periodic_enqueue_due
from lianjian.jobs.tasks import RUN_PERIODIC, beat_schedule, run_periodic

pytestmark = pytest.mark.django_db


def test_jobs_work_runs_a_due_periodic_task_once_per_period():
    call_command("jobs", "work", "--once")
    call_command("jobs", "work", "--once")
    ticks = Job.objects.filter(kind="tests.tick")
    assert ticks.count() == 1
    assert ticks.get().status == JobStatus.SUCCEEDED
    assert PeriodicRun.objects.get(name="tests.tick").last_job == ticks.get()


def test_several_pollers_at_once_queue_a_periodic_task_only_once():
    first = periodic_enqueue_due(names=["tests.tick"], dispatch=False)
    second = periodic_enqueue_due(names=["tests.tick"], dispatch=False)
    assert len(first) == 1 and second == []


def test_a_periodic_task_is_due_again_once_its_period_has_passed():
    periodic_enqueue_due(names=["tests.tick"], dispatch=False)
    PeriodicRun.objects.filter(name="tests.tick").update(last_run_at=timezone.now() - timedelta(hours=1))
    assert len(periodic_enqueue_due(names=["tests.tick"], dispatch=False)) == 1
    assert Job.objects.filter(kind="tests.tick").count() == 2


def test_the_celery_beat_schedule_is_built_from_the_same_registry():
    entry = beat_schedule()["lianjian-periodic-tests.tick"]
    assert entry == {"task": RUN_PERIODIC, "schedule": timedelta(hours=1), "args": ("tests.tick",)}


def test_the_celery_periodic_task_shares_the_once_per_period_guard(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run_periodic("tests.tick")
        run_periodic("tests.tick")
    job = Job.objects.get(kind="tests.tick")
    assert job.status == JobStatus.SUCCEEDED
