"""Job handlers that exist only for the tests; production handlers live in each app's jobs.py."""

import time
from datetime import timedelta

from django.db import connection, transaction

from lianjian.jobs.models import Job
from lianjian.jobs.registry import job_handler, periodic
from lianjian.jobs.services import job_cancel

ROWS_TABLE = "jobs_test_row"


class SimulatedCrash(BaseException):
    """Stands for the process dying mid-run: like a kill, it is not an Exception, so the runner records nothing."""


def create_rows_table():
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {ROWS_TABLE} (idx integer PRIMARY KEY, attempt integer NOT NULL)")


def rows_written():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT idx, attempt FROM {ROWS_TABLE} ORDER BY idx")
        return cursor.fetchall()


@job_handler("tests.rows", label="测试：逐行写入")
def write_rows(ctx):
    """Writes one row per index, committing each row together with the checkpoint that says it is done.

    On a run that starts from scratch, ``crash_at`` makes the process "die" before that row and ``cancel_at``
    has another officer cancel the job just before that row, whose checkpoint write then fails and rolls the row
    back.
    """
    n = int(ctx.params["n"])
    start = (ctx.checkpoint or {}).get("next", 0)
    for i in range(start, n):
        if start == 0 and i == ctx.params.get("crash_at"):
            raise SimulatedCrash
        if start == 0 and i == ctx.params.get("cancel_at"):
            job_cancel(job=Job.objects.get(pk=ctx.job.pk), actor=ctx.actor)
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"INSERT INTO {ROWS_TABLE} (idx, attempt) VALUES (%s, %s)", [i, ctx.job.attempts])
            ctx.save_checkpoint({"next": i + 1}, done=i + 1, total=n, message=f"已写入第 {i + 1} 行")
    return {"rows": n - start, "resumed_from": start}


@job_handler("tests.count", label="测试：计数")
def count(ctx):
    n = int(ctx.params.get("n", 3))
    for i in range(n):
        ctx.progress(i + 1, n, f"第 {i + 1} 项")
    return {"counted": n}


@job_handler("tests.fail", label="测试：出错")
def fail(ctx):
    ctx.progress(2, 10, "正在校验")
    raise ValueError("第 3 行缺少项目编号")


@job_handler("tests.cancelled_midway", label="测试：中途取消")
def cancelled_midway(ctx):
    """Another officer presses 取消 while item 3 is being processed; the handler checks between items."""
    for i in range(10):
        if i == 3:
            job_cancel(job=Job.objects.get(pk=ctx.job.pk), actor=ctx.actor)
        if ctx.is_cancelled():
            return {"stopped_at": i}
        ctx.progress(i + 1, 10)
    return {"stopped_at": None}


@job_handler("tests.quiet", label="测试：长时间无进度")
def quiet(ctx):
    """Busy for a while without reporting progress or touching the database."""
    time.sleep(float(ctx.params.get("seconds", 1)))
    return {"slept": True}


@job_handler("tests.taken_over", label="测试：被接管")
def taken_over(ctx):
    """While this runner stalls at step 2, another worker decides it crashed and takes the job over."""
    for i in range(5):
        if i == 2:
            Job.objects.filter(pk=ctx.job.pk).update(worker="other-host:1:resumed")
        ctx.save_checkpoint({"next": i + 1}, done=i + 1, total=5)
    return {"steps": 5}


@periodic("tests.tick", every=timedelta(hours=1), label="测试：每小时")
def tick(ctx):
    return {"ticked": True}
