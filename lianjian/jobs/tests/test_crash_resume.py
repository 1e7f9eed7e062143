from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from lianjian.audit.models import AuditEntry
from lianjian.jobs.models import Job, JobStatus
from lianjian.jobs.runner import run_job
from lianjian.jobs.services import job_enqueue

from .handlers import SimulatedCrash, create_rows_table, rows_written

pytestmark = pytest.mark.django_db

N = 10


def _crashed_run(crash_at):
    """Run the job until the 'process dies' at item ``crash_at``, then let its heartbeat go stale."""
    create_rows_table()
    job = job_enqueue(kind="tests.rows", params={"n": N, "crash_at": crash_at}, actor=None, dispatch=False)
    with pytest.raises(SimulatedCrash):
        run_job(job.pk, worker="crashed-host:4242:dead")
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING
    return job


def _let_heartbeat_go_stale(job):
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(hours=1))


def test_jobs_work_resumes_a_crashed_run_from_its_checkpoint_without_doing_work_twice():
    job = _crashed_run(crash_at=4)
    assert job.checkpoint == {"next": 4}
    _let_heartbeat_go_stale(job)

    call_command("jobs", "work", "--once")

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert job.attempts == 2
    assert job.result == {"rows": N - 4, "resumed_from": 4}
    rows = rows_written()
    assert len(rows) == N
    assert [idx for idx, _ in rows] == list(range(N))
    assert [attempt for _, attempt in rows] == [1] * 4 + [2] * (N - 4)
    assert AuditEntry.objects.filter(action="jobs.job.resume", object_id=str(job.pk)).count() == 1


def test_jobs_work_leaves_a_run_alone_while_its_heartbeat_is_fresh():
    job = _crashed_run(crash_at=2)
    call_command("jobs", "work", "--once")
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING
    assert job.worker == "crashed-host:4242:dead"
    assert len(rows_written()) == 2


def test_the_progress_shown_after_a_crash_is_the_last_committed_step():
    job = _crashed_run(crash_at=7)
    assert (job.progress_done, job.progress_total) == (7, N)
    assert job.message == "已写入第 7 行"
