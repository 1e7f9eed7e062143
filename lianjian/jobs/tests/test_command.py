import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from lianjian.jobs.models import Job, JobStatus

from .factories import JobFactory

pytestmark = pytest.mark.django_db


def _jobs(*args):
    out, err = StringIO(), StringIO()
    call_command("jobs", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_run_executes_a_job_in_the_foreground_with_a_progress_bar():
    out, err = _jobs("run", "tests.count", "--param", "n=4")
    assert json.loads(out) == {"counted": 4}
    assert "[##############################] 100% 4/4" in err
    assert "已完成" in err
    assert Job.objects.get().status == JobStatus.SUCCEEDED


def test_run_exits_with_an_error_when_the_job_fails():
    with pytest.raises(CommandError, match="第 3 行缺少项目编号"):
        _jobs("run", "tests.fail")
    assert Job.objects.get().status == JobStatus.FAILED


def test_run_names_the_registered_kinds_when_the_kind_is_unknown():
    with pytest.raises(CommandError, match="tests.count"):
        _jobs("run", "no.such.kind")


def test_run_rejects_a_parameter_without_a_value():
    with pytest.raises(CommandError, match="键=值"):
        _jobs("run", "tests.count", "--param", "n")


def test_run_on_behalf_of_a_user_records_them_as_creator():
    job_owner = JobFactory().created_by
    _jobs("run", "tests.count", "--user", job_owner.username)
    assert Job.objects.filter(created_by=job_owner, status=JobStatus.SUCCEEDED).count() == 1


def test_list_and_show_print_status_and_progress():
    job = JobFactory(status=JobStatus.RUNNING, progress_done=1, progress_total=4, message="正在计数")
    listing, _ = _jobs("list")
    assert f"#{job.pk}" in listing and "运行中" in listing and "25%" in listing
    shown, _ = _jobs("show", str(job.pk))
    assert "状态: 运行中" in shown and "25% 1/4" in shown and "正在计数" in shown


def test_show_of_a_missing_job_is_an_error():
    with pytest.raises(CommandError):
        _jobs("show", "999999")


def test_work_once_drains_the_queue():
    JobFactory.create_batch(3)
    _, err = _jobs("work", "--once")
    assert Job.objects.filter(kind="tests.count", status=JobStatus.SUCCEEDED).count() == 3
    assert "已处理" in err


def test_kinds_lists_registered_handlers_and_their_schedule():
    out, _ = _jobs("kinds")
    assert "tests.count  测试：计数" in out
    assert "tests.tick" in out and "1:00:00" in out
