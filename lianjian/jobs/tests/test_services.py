import pytest
from django.core.exceptions import ValidationError

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.jobs.models import Job, JobStatus
from lianjian.jobs.runner import run_job
from lianjian.jobs.services import job_cancel, job_enqueue, job_retry
from lianjian.notifications.models import Notification
from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import UnitFactory, UserFactory

from .factories import JobFactory
from .handlers import create_rows_table, rows_written

pytestmark = pytest.mark.django_db


def _enqueue_and_run(capture, kind, params, actor=None):
    with capture(execute=True):
        job = job_enqueue(kind=kind, params=params, actor=actor)
    job.refresh_from_db()
    return job


def test_an_enqueued_job_runs_inline_after_commit_and_succeeds_at_100_percent(django_capture_on_commit_callbacks):
    officer = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        job = job_enqueue(kind="tests.count", params={"n": 5}, actor=officer)
        assert Job.objects.get(pk=job.pk).status == JobStatus.QUEUED
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert (job.progress_done, job.progress_total, job.percent) == (5, 5, 100)
    assert job.result == {"counted": 5}
    assert job.unit == officer.unit
    assert job.attempts == 1 and job.finished_at is not None
    actions = list(AuditEntry.objects.filter(object_id=str(job.pk)).values_list("action", flat=True))
    assert actions == ["jobs.job.enqueue", "jobs.job.succeed"]


def test_the_creator_is_notified_when_a_job_finishes(django_capture_on_commit_callbacks):
    officer = UserFactory()
    job = _enqueue_and_run(django_capture_on_commit_callbacks, "tests.count", {"n": 2}, officer)
    notification = Notification.objects.get(recipient=officer)
    assert "已完成" in notification.subject
    assert notification.link == f"/jobs/{job.pk}/"


def test_a_handler_that_raises_fails_the_job_with_the_error_recorded_and_audited(django_capture_on_commit_callbacks):
    officer = UserFactory()
    job = _enqueue_and_run(django_capture_on_commit_callbacks, "tests.fail", {}, officer)
    assert job.status == JobStatus.FAILED
    assert job.message == "第 3 行缺少项目编号"
    assert "ValueError" in job.error and "第 3 行缺少项目编号" in job.error
    assert job.progress_done == 2
    entry = AuditEntry.objects.get(action="jobs.job.fail", object_id=str(job.pk))
    assert entry.detail["error"] == "第 3 行缺少项目编号"
    assert "失败" in Notification.objects.get(recipient=officer).subject


def test_an_unknown_kind_is_rejected_naming_the_field():
    with pytest.raises(ValidationError) as excinfo:
        job_enqueue(kind="no.such.kind", params={}, actor=UserFactory())
    assert "kind" in excinfo.value.message_dict
    assert not Job.objects.exists()


def test_params_that_are_not_a_json_object_are_rejected_naming_the_field():
    with pytest.raises(ValidationError) as excinfo:
        job_enqueue(kind="tests.count", params={"when": object()}, actor=UserFactory())
    assert "params" in excinfo.value.message_dict


def test_an_officer_cannot_start_a_job_for_another_unit():
    with pytest.raises(AccessDenied):
        job_enqueue(kind="tests.count", params={}, actor=UserFactory(), unit=UnitFactory())


def test_nothing_runs_when_the_enqueuing_transaction_is_never_committed():
    job = job_enqueue(kind="tests.count", params={}, actor=UserFactory())
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED


def test_a_cancelled_queued_job_is_never_run():
    job = JobFactory()
    job_cancel(job=job, actor=job.created_by)
    assert run_job(job.pk) is None
    job.refresh_from_db()
    assert job.status == JobStatus.CANCELLED
    assert AuditEntry.objects.filter(action="jobs.job.cancel", object_id=str(job.pk)).exists()


def test_a_running_job_cancelled_midway_stops_and_is_not_marked_succeeded(django_capture_on_commit_callbacks):
    officer = UserFactory()
    job = _enqueue_and_run(django_capture_on_commit_callbacks, "tests.cancelled_midway", {}, officer)
    assert job.status == JobStatus.CANCELLED
    assert job.progress_done <= 3
    assert job.result is None
    assert not AuditEntry.objects.filter(action="jobs.job.succeed", object_id=str(job.pk)).exists()


def test_a_cancel_during_a_step_rolls_that_step_back(django_capture_on_commit_callbacks):
    create_rows_table()
    job = _enqueue_and_run(django_capture_on_commit_callbacks, "tests.rows", {"n": 6, "cancel_at": 3},
                           UserFactory())
    assert job.status == JobStatus.CANCELLED
    assert [idx for idx, _ in rows_written()] == [0, 1, 2]
    assert job.checkpoint == {"next": 3}


def test_a_retried_job_resumes_from_its_checkpoint_without_repeating_work(django_capture_on_commit_callbacks):
    create_rows_table()
    officer = UserFactory()
    job = _enqueue_and_run(django_capture_on_commit_callbacks, "tests.rows", {"n": 6, "cancel_at": 3}, officer)
    assert job.status == JobStatus.CANCELLED
    with django_capture_on_commit_callbacks(execute=True):
        job_retry(job=job, actor=officer)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert job.result == {"rows": 3, "resumed_from": 3}
    assert [idx for idx, _ in rows_written()] == [0, 1, 2, 3, 4, 5]


def test_a_finished_job_cannot_be_cancelled(django_capture_on_commit_callbacks):
    officer = UserFactory()
    job = _enqueue_and_run(django_capture_on_commit_callbacks, "tests.count", {}, officer)
    with pytest.raises(ValidationError):
        job_cancel(job=job, actor=officer)


def test_a_succeeded_job_cannot_be_retried(django_capture_on_commit_callbacks):
    officer = UserFactory()
    job = _enqueue_and_run(django_capture_on_commit_callbacks, "tests.count", {}, officer)
    with pytest.raises(ValidationError):
        job_retry(job=job, actor=officer)


def test_a_colleague_may_watch_but_not_cancel_someone_elses_job():
    job = JobFactory()
    colleague = UserFactory(unit=job.unit)
    with pytest.raises(AccessDenied):
        job_cancel(job=job, actor=colleague)


def test_an_administrator_may_cancel_any_job():
    job = JobFactory()
    admin = UserFactory(roles=[RoleCode.ADMIN])
    assert job_cancel(job=job, actor=admin).status == JobStatus.CANCELLED


def test_a_job_whose_handler_is_not_registered_in_the_runner_fails_with_a_clear_message():
    job = JobFactory(kind="retired.kind")
    finished = run_job(job.pk)
    assert finished.status == JobStatus.FAILED
    assert "retired.kind" in finished.message and "未注册" in finished.message


def test_a_runner_whose_job_was_taken_over_stops_and_records_nothing(django_capture_on_commit_callbacks):
    job = _enqueue_and_run(django_capture_on_commit_callbacks, "tests.taken_over", {}, UserFactory())
    assert (job.status, job.worker, job.result) == (JobStatus.RUNNING, "other-host:1:resumed", None)
    assert job.checkpoint == {"next": 2}
    assert not AuditEntry.objects.filter(action__in=["jobs.job.succeed", "jobs.job.fail"]).exists()
