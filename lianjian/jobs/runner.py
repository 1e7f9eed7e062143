"""Running one job, and the polling worker loop behind ``lianjian jobs work``.

A run claims the job (see :func:`services.job_claim`), calls its handler with a :class:`JobContext` and records
the outcome. While the handler works a heartbeat thread keeps ``heartbeat_at`` fresh; if the process dies the
heartbeat stops and, once stale, another worker claims the job again and the handler resumes from its last
checkpoint. A process that is interrupted (Ctrl-C, SIGTERM, a crash) records nothing, which is exactly what
lets the job be resumed.
"""

import logging
import os
import socket
import threading
import time
import uuid

from django.db import OperationalError, connections
from django.utils import timezone
from django.utils.translation import gettext as _

from . import conf, registry, services
from .models import Job, JobStatus

logger = logging.getLogger(__name__)


class JobInterrupted(Exception):
    """The running job was cancelled or taken over by another worker; the handler must stop."""


def worker_id():
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class JobContext:
    """What a handler gets: its parameters, where it stopped last time, and ways to report progress."""

    def __init__(self, job, worker, reporter=None):
        self.job = job
        self.worker = worker
        self.params = job.params or {}
        self.checkpoint = job.checkpoint
        self.actor = job.created_by
        self._reporter = reporter
        self._last_write = 0.0
        self._lost = threading.Event()

    def _held(self):
        return Job.objects.filter(pk=self.job.pk, status=JobStatus.RUNNING, worker=self.worker)

    def _write(self, **values):
        matched = self._held().update(heartbeat_at=timezone.now(), **values)
        if matched != 1:
            self._lost.set()
            raise JobInterrupted(f"job {self.job.pk} is no longer held by {self.worker}")
        self._last_write = time.monotonic()

    def _remember(self, done, total, message):
        if done is not None:
            self.job.progress_done = max(0, int(done))
        if total is not None:
            self.job.progress_total = max(0, int(total))
        if message is not None:
            self.job.message = str(message)[: services.MESSAGE_MAX_LENGTH]
        if self._reporter is not None:
            self._reporter.update(self.job)

    def progress(self, done, total=None, message=None):
        """Report ``done`` of ``total`` items. Written to the database at most every
        LIANJIAN_JOB_PROGRESS_WRITE_SECONDS (and always when done reaches total); raises JobInterrupted if the
        job was cancelled or taken over meanwhile."""
        self._remember(done, total, message)
        finished = self.job.progress_total is not None and self.job.progress_done >= self.job.progress_total
        if finished or time.monotonic() - self._last_write >= conf.progress_write_seconds():
            self._write(progress_done=self.job.progress_done, progress_total=self.job.progress_total,
                        message=self.job.message)

    def save_checkpoint(self, state, *, done=None, total=None, message=None):
        """Store the resume state (JSON) now, with optional progress. Call it inside the same
        ``transaction.atomic()`` as the work it records so that work and checkpoint commit together: after a
        crash the handler resumes exactly after the last committed step and nothing is done twice."""
        self._remember(done, total, message)
        self._write(checkpoint=state, progress_done=self.job.progress_done,
                    progress_total=self.job.progress_total, message=self.job.message)
        self.checkpoint = state
        self.job.checkpoint = state

    def is_cancelled(self):
        """True once the job was cancelled (or taken over by another worker): stop at the next safe point."""
        if self._lost.is_set():
            return True
        if not self._held().exists():
            self._lost.set()
        return self._lost.is_set()


class _Heartbeat(threading.Thread):
    """Keeps the claim alive while a handler is busy between progress calls."""

    def __init__(self, ctx):
        super().__init__(name=f"lianjian-job-{ctx.job.pk}-heartbeat", daemon=True)
        self.ctx = ctx
        self.stopped = threading.Event()

    def run(self):
        try:
            while not self.stopped.wait(conf.heartbeat_seconds()):
                try:
                    alive = self.ctx._held().update(heartbeat_at=timezone.now())
                except OperationalError:
                    logger.warning("heartbeat of job %s could not be written; retrying", self.ctx.job.pk)
                    continue
                if not alive:
                    self.ctx._lost.set()
                    return
        finally:
            connections.close_all()

    def stop(self):
        self.stopped.set()
        self.join(timeout=5)


def run_job(job, *, worker=None, reporter=None):
    """Claim and run ``job`` (a Job or its id). Returns the finished job, or None when this call did not get it
    (someone else holds it, or it is no longer queued)."""
    if not isinstance(job, Job):
        job = Job.objects.filter(pk=job).first()
        if job is None:
            return None
    worker = worker or worker_id()
    if not services.job_claim(job=job, worker=worker):
        return None
    handler = registry.get_handler(job.kind)
    if handler is None:
        missing = LookupError(_("未知的任务类型“%(kind)s”：本进程未注册该处理程序") % {"kind": job.kind})
        services.job_fail(job=job, worker=worker, exc=missing)
        job.refresh_from_db()
        return job
    ctx = JobContext(job, worker, reporter)
    heartbeat = _Heartbeat(ctx)
    heartbeat.start()
    outcome = exc = result = None
    try:
        result = handler.func(ctx)
        outcome = "succeed"
    except JobInterrupted:
        logger.info("job %s stopped: cancelled or taken over", job.pk)
    except Exception as error:
        outcome, exc = "fail", error
    finally:
        heartbeat.stop()
    if outcome == "succeed":
        services.job_succeed(job=job, worker=worker, result=result)
    elif outcome == "fail":
        services.job_fail(job=job, worker=worker, exc=exc)
    job.refresh_from_db()
    if reporter is not None:
        reporter.finish(job)
    return job


def run_next(*, worker, reporter=None, batch=20):
    """Run the oldest claimable job, if any. Returns the finished job or None when nothing was claimed."""
    for job in Job.objects.filter(services.claimable_q()).order_by("created_at", "id")[:batch]:
        finished = run_job(job, worker=worker, reporter=reporter)
        if finished is not None:
            return finished
    return None


def work(*, once=False, reporter=None):
    """Poll the database for work for ever or, with ``once``, until nothing claimable is left.

    Each round queues due periodic tasks, fails jobs that crashed too often and runs one claimable job.
    Returns the number of jobs run.
    """
    worker = worker_id()
    ran = 0
    while True:
        services.periodic_enqueue_due(dispatch=False)
        services.jobs_fail_abandoned()
        finished = run_next(worker=worker, reporter=reporter)
        if finished is not None:
            ran += 1
            continue
        if once:
            return ran
        time.sleep(conf.poll_seconds())
