import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from lianjian.audit.models import AuditEntry
from lianjian.jobs.models import Job, JobStatus
from lianjian.jobs.services import job_claim, jobs_fail_abandoned

from .factories import JobFactory

pytestmark = pytest.mark.django_db


def _crashed(job, *, attempts=1, minutes_ago=60):
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, worker="dead-host:1:0", attempts=attempts,
                                         heartbeat_at=timezone.now() - timedelta(minutes=minutes_ago))
    job.refresh_from_db()
    return job


def test_of_two_claimers_holding_the_same_queued_job_only_one_wins():
    job = JobFactory()
    first, second = Job.objects.get(pk=job.pk), Job.objects.get(pk=job.pk)
    assert job_claim(job=first, worker="a") is True
    assert job_claim(job=second, worker="b") is False
    job.refresh_from_db()
    assert (job.status, job.worker, job.attempts) == (JobStatus.RUNNING, "a", 1)


def test_of_two_claimers_of_a_crashed_job_only_one_resumes_it():
    job = _crashed(JobFactory())
    first, second = Job.objects.get(pk=job.pk), Job.objects.get(pk=job.pk)
    assert job_claim(job=first, worker="a") is True
    assert job_claim(job=second, worker="b") is False
    job.refresh_from_db()
    assert (job.worker, job.attempts) == ("a", 2)
    assert AuditEntry.objects.filter(action="jobs.job.resume", object_id=str(job.pk)).count() == 1


def test_a_running_job_with_a_fresh_heartbeat_cannot_be_claimed():
    job = _crashed(JobFactory(), minutes_ago=0)
    assert job_claim(job=job, worker="b") is False


def test_a_job_that_crashed_on_every_attempt_is_failed_instead_of_resumed(settings):
    settings.LIANJIAN_JOB_MAX_ATTEMPTS = 3
    job = _crashed(JobFactory(), attempts=3)
    assert job_claim(job=job, worker="b") is False
    assert [j.pk for j in jobs_fail_abandoned()] == [job.pk]
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "3 次" in job.message
    assert AuditEntry.objects.filter(action="jobs.job.fail", object_id=str(job.pk)).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers: PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_two_threads_claiming_the_same_job_at_once_on_postgresql_never_both_win():
    for _round in range(5):
        job = JobFactory()
        barrier = threading.Barrier(2)
        results = []

        def claim(name, job_id=job.pk):
            try:
                mine = Job.objects.get(pk=job_id)
                barrier.wait(timeout=5)
                results.append(job_claim(job=mine, worker=name))
            finally:
                connections.close_all()

        threads = [threading.Thread(target=claim, args=(name,)) for name in ("a", "b")]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=10)
        assert sorted(results) == [False, True]
        assert Job.objects.get(pk=job.pk).attempts == 1
