import json
import os
import socket
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils import timezone

from lianjian.jobs.models import Job, JobStatus
from lianjian.jobs.services import job_enqueue

REDIS_HOST, REDIS_PORT, REDIS_DB = "127.0.0.1", 6379, 15
REPO = Path(django_settings.BASE_DIR)
FINISHED = {JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED}


@pytest.fixture(autouse=True)
def _sqlite_readers_do_not_lock_out_the_runner_thread(request):
    """The SQLite test database is in memory with a shared cache, where a reader's table lock makes a writer in
    another thread fail at once instead of waiting (a file database in WAL mode waits). Reading uncommitted
    rows takes no such lock, so the test's polling cannot break the runner it is watching."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction") or connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA read_uncommitted = 1")
    yield
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA read_uncommitted = 0")


def _wait_until_finished(job, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in FINISHED:
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job.pk} still {job.status} after {timeout}s")


@pytest.mark.django_db(transaction=True)
def test_the_thread_backend_runs_a_job_in_the_background_after_commit(settings):
    settings.LIANJIAN_JOB_BACKEND = "thread"
    job = job_enqueue(kind="tests.count", params={"n": 4}, actor=None)
    job = _wait_until_finished(job, timeout=10)
    assert job.status == JobStatus.SUCCEEDED
    assert job.percent == 100
    assert job.result == {"counted": 4}
    assert f":{os.getpid()}:" in job.worker


@pytest.mark.django_db
def test_an_unknown_backend_is_a_configuration_error(settings):
    settings.LIANJIAN_JOB_BACKEND = "carrier-pigeon"
    with pytest.raises(ImproperlyConfigured):
        job_enqueue(kind="tests.count", params={}, actor=None)


def _redis_reachable():
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=0.5):
            return True
    except OSError:
        return False


def _subprocess_env(database_url, queue):
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}",
        "LIANJIAN_JOB_BACKEND": "celery",
        "LIANJIAN_TEST_QUEUE": queue,
        "DJANGO_SETTINGS_MODULE": "lianjian.settings",
    })
    return env


# A safety limit for the whole round trip (worker start, migration of a fresh database, job); not a timing target.
CELERY_TEST_BUDGET_SECONDS = 240


def _database_url_for_subprocesses(tmp_path):
    """The PostgreSQL test database itself or, on SQLite (whose test database lives in this process's memory), a
    file that :func:`_prepare_database` migrates."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return f"sqlite:///{tmp_path / 'celery.sqlite3'}"


def _prepare_database(url, timeout):
    if url.startswith("sqlite:"):
        subprocess.run([sys.executable, "-m", "lianjian.cli", "migrate", "-v0"], cwd=REPO, check=True,
                       timeout=timeout, env={**os.environ, "DATABASE_URL": url})


PRODUCER = """
import json, os, sys, time
import django
django.setup()
from lianjian.jobs.tests import handlers
from lianjian.celery import app
from lianjian.jobs.services import job_enqueue
app.conf.task_default_queue = os.environ["LIANJIAN_TEST_QUEUE"]
job = job_enqueue(kind="tests.count", params={"n": 6}, actor=None)
deadline = time.monotonic() + float(sys.argv[1])
while time.monotonic() < deadline:
    job.refresh_from_db()
    if job.status not in ("queued", "running"):
        break
    time.sleep(0.1)
print(json.dumps({"status": job.status, "result": job.result, "worker": job.worker, "percent": job.percent}))
"""


@pytest.mark.skipif(not _redis_reachable(), reason=f"Redis is not reachable on {REDIS_HOST}:{REDIS_PORT}")
@pytest.mark.django_db(transaction=True)
def test_a_job_queued_with_the_celery_backend_runs_on_a_real_celery_worker(tmp_path):
    deadline = time.monotonic() + CELERY_TEST_BUDGET_SECONDS
    queue = f"lianjian-test-{uuid.uuid4().hex[:12]}"
    database_url = _database_url_for_subprocesses(tmp_path)
    env = _subprocess_env(database_url, queue)
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lianjian.jobs.tests.celery_worker", "worker", "--pool=solo",
         "-Q", queue, "--without-heartbeat", "--without-gossip", "--without-mingle", "-l", "warning"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        # Migrating a fresh database runs every data migration (holidays, rules, catalogs); allow a loaded machine.
        _prepare_database(database_url, timeout=180)
        wait = deadline - time.monotonic() - 5
        produced = subprocess.run([sys.executable, "-c", PRODUCER, str(wait)], cwd=REPO, env=env,
                                  capture_output=True, text=True, timeout=wait + 2)
        assert produced.returncode == 0, produced.stderr
        outcome = json.loads(produced.stdout.strip().splitlines()[-1])
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=2)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        _forget_queue(queue)
    assert outcome["status"] == JobStatus.SUCCEEDED, worker.stdout.read().decode(errors="replace")
    assert outcome["result"] == {"counted": 6}
    assert outcome["percent"] == 100
    assert f":{worker.pid}:" in outcome["worker"]


def _forget_queue(queue):
    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB)
    keys = list(client.scan_iter(match=f"*{queue}*"))
    if keys:
        client.delete(*keys)
    client.close()



def _wait_for(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_stays_fresh_while_a_handler_reports_no_progress(settings):
    settings.LIANJIAN_JOB_BACKEND = "thread"
    settings.LIANJIAN_JOB_HEARTBEAT_SECONDS = 0.1
    job = job_enqueue(kind="tests.quiet", params={"seconds": 1.5}, actor=None)
    assert _wait_for(lambda: Job.objects.get(pk=job.pk).status == JobStatus.RUNNING, timeout=5)
    beats = {Job.objects.get(pk=job.pk).heartbeat_at}
    assert _wait_for(lambda: beats.add(Job.objects.get(pk=job.pk).heartbeat_at) or len(beats) >= 3, timeout=1.2)
    assert _wait_until_finished(job, timeout=5).status == JobStatus.SUCCEEDED


@pytest.mark.django_db(transaction=True)
def test_the_thread_backend_also_resumes_a_job_left_behind_by_a_dead_process(settings):
    settings.LIANJIAN_JOB_BACKEND = "thread"
    orphan = job_enqueue(kind="tests.count", params={"n": 2}, actor=None, dispatch=False)
    Job.objects.filter(pk=orphan.pk).update(status=JobStatus.RUNNING, worker="dead-host:1:0", attempts=1,
                                            heartbeat_at=timezone.now() - timedelta(hours=1))
    fresh = job_enqueue(kind="tests.count", params={"n": 3}, actor=None)
    assert _wait_until_finished(fresh, timeout=10).status == JobStatus.SUCCEEDED
    orphan = _wait_until_finished(orphan, timeout=10)
    assert (orphan.status, orphan.attempts) == (JobStatus.SUCCEEDED, 2)
