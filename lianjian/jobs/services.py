"""State changes of background jobs.

People enqueue, cancel and retry jobs; runners (a thread, a Celery worker, ``lianjian jobs work``) claim, finish
and fail them. Every runner-side change is a conditional UPDATE on the job's status and its holder, so two runners
can never both run a job and a runner that lost its job (cancelled, or taken over after it stalled) cannot
overwrite what happened since.
"""

import json
import traceback
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record
from lianjian.core import permissions
from lianjian.notifications.models import Category
from lianjian.notifications.services import notification_send
from lianjian.org import access

from . import backends, conf, registry
from .models import ACTIVE_STATUSES, Job, JobStatus, PeriodicRun

MESSAGE_MAX_LENGTH = Job._meta.get_field("message").max_length
ERROR_MAX_LENGTH = 8000


def _stale_before(now):
    return now - timedelta(seconds=conf.stale_seconds())


def claimable_q(now=None):
    """Queued jobs, and running jobs whose runner stopped sending heartbeats (it crashed) and that have attempts
    left."""
    now = now or timezone.now()
    return Q(status=JobStatus.QUEUED) | Q(
        status=JobStatus.RUNNING, heartbeat_at__lt=_stale_before(now), attempts__lt=conf.max_attempts()
    )


def _validate_params(params):
    if not isinstance(params, dict):
        raise ValidationError({"params": _("参数须为键值对（JSON 对象）")})
    try:
        json.dumps(params)
    except (TypeError, ValueError) as exc:
        raise ValidationError({"params": _("参数无法保存为 JSON：%(error)s") % {"error": exc}}) from None


def job_enqueue(*, kind, params=None, actor, unit=None, dispatch=True):
    """Queue a job of a registered ``kind``. The domain service that calls this has already checked that the
    actor may do the underlying work. ``actor`` None means the system (periodic tasks, the command line).
    ``dispatch`` False leaves the job for the caller to run (``lianjian jobs run``) or for ``jobs work``."""
    params = {} if params is None else params
    if registry.get_handler(kind) is None:
        raise ValidationError({"kind": _("未知的任务类型“%(kind)s”") % {"kind": kind}})
    _validate_params(params)
    if actor is not None:
        permissions.require(actor, "create", model=Job)
        own_unit = access.actor_unit(actor)
        if unit is not None and unit != own_unit and not access.is_admin(actor):
            raise permissions.AccessDenied(_("只能为本单位发起后台任务：%(unit)s") % {"unit": unit})
        unit = unit or own_unit
    with transaction.atomic():
        job = Job.objects.create(kind=kind, params=params, created_by=actor, unit=unit)
        audit_record(actor=actor, action="jobs.job.enqueue", obj=job, after={"kind": kind, "params": params})
        if dispatch:
            backends.dispatch(job.pk)
    return job


def job_cancel(*, job, actor):
    """Stop a queued or running job. A running handler notices at its next progress write or is_cancelled()."""
    permissions.require(actor, "cancel", job)
    with transaction.atomic():
        now = timezone.now()
        matched = Job.objects.filter(pk=job.pk, status__in=ACTIVE_STATUSES).update(
            status=JobStatus.CANCELLED, finished_at=now, state_version=F("state_version") + 1,
            message=_("已由 %(actor)s 取消") % {"actor": actor},
        )
        if matched != 1:
            job.refresh_from_db()
            raise ValidationError(
                _("%(job)s 当前状态为“%(status)s”，不能取消") % {"job": job, "status": job.get_status_display()},
                code="invalid_transition",
            )
        before = job.status
        job.refresh_from_db()
        audit_record(actor=actor, action="jobs.job.cancel", obj=job, before={"status": before},
                     after={"status": job.status})
    return job


def job_retry(*, job, actor):
    """Queue a failed or cancelled job again; it resumes from its last checkpoint."""
    permissions.require(actor, "retry", job)
    with transaction.atomic():
        matched = Job.objects.filter(
            pk=job.pk, status__in=[JobStatus.FAILED, JobStatus.CANCELLED], state_version=job.state_version
        ).update(
            status=JobStatus.QUEUED, error="", message="", finished_at=None, worker="", attempts=0,
            state_version=F("state_version") + 1,
        )
        if matched != 1:
            job.refresh_from_db()
            raise ValidationError(
                _("%(job)s 当前状态为“%(status)s”，不能重新运行") % {"job": job, "status": job.get_status_display()},
                code="invalid_transition",
            )
        before = job.status
        job.refresh_from_db()
        audit_record(actor=actor, action="jobs.job.retry", obj=job, before={"status": before},
                     after={"status": job.status, "checkpoint": job.checkpoint})
        backends.dispatch(job.pk)
    return job


def job_claim(*, job, worker):
    """Take ``job`` for ``worker`` if it is queued, or running with a stale heartbeat (its runner crashed).

    One conditional UPDATE on status and state_version: of any number of simultaneous claimers exactly one
    matches the row. On success ``job`` is refreshed and True returned; the handler then resumes from
    ``job.checkpoint``.
    """
    now = timezone.now()
    resumed = job.status == JobStatus.RUNNING
    with transaction.atomic():
        matched = Job.objects.filter(claimable_q(now), pk=job.pk, state_version=job.state_version).update(
            status=JobStatus.RUNNING, worker=worker, attempts=F("attempts") + 1, heartbeat_at=now,
            started_at=Coalesce(F("started_at"), Value(now)), state_version=F("state_version") + 1,
        )
        if matched != 1:
            return False
        previous_worker = job.worker
        job.refresh_from_db()
        if resumed:
            audit_record(actor=None, action="jobs.job.resume", obj=job,
                         before={"worker": previous_worker}, after={"worker": worker, "attempts": job.attempts},
                         detail={"checkpoint": job.checkpoint})
    return True


def _held(job, worker):
    return Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING, worker=worker)


def _notify_creator(job, subject):
    if job.created_by is None:
        return
    notification_send(recipients=[job.created_by], subject=subject, body=job.message or job.error[:500],
                      link=reverse("jobs:detail", args=[job.pk]), category=Category.JOB)


def job_succeed(*, job, worker, result):
    """Record the handler's result. Returns False if the worker no longer held the job (it was cancelled or
    taken over), in which case nothing is written."""
    with transaction.atomic():
        total = max(job.progress_total or 0, job.progress_done)
        matched = _held(job, worker).update(
            status=JobStatus.SUCCEEDED, result=result, finished_at=timezone.now(), heartbeat_at=timezone.now(),
            progress_done=total, progress_total=total, message=job.message, state_version=F("state_version") + 1,
        )
        if matched != 1:
            return False
        job.refresh_from_db()
        audit_record(actor=job.created_by, action="jobs.job.succeed", obj=job, after={"status": job.status},
                     detail={"worker": worker, "attempts": job.attempts, "result": result})
        _notify_creator(job, _("后台任务“%(job)s”已完成") % {"job": job.kind_label})
    return True


def error_text(exc):
    if isinstance(exc, ValidationError):
        return "；".join(exc.messages)
    return str(exc) or exc.__class__.__name__


def job_fail(*, job, worker, exc):
    """Record that the handler raised ``exc``; the message says what went wrong, the error keeps the traceback."""
    message = error_text(exc)[:MESSAGE_MAX_LENGTH]
    error = "".join(traceback.format_exception(exc))[-ERROR_MAX_LENGTH:]
    with transaction.atomic():
        matched = _held(job, worker).update(
            status=JobStatus.FAILED, error=error, message=message, finished_at=timezone.now(),
            state_version=F("state_version") + 1,
        )
        if matched != 1:
            return False
        job.refresh_from_db()
        audit_record(actor=job.created_by, action="jobs.job.fail", obj=job, after={"status": job.status},
                     detail={"worker": worker, "attempts": job.attempts, "error": message})
        _notify_creator(job, _("后台任务“%(job)s”失败") % {"job": job.kind_label})
    return True


def jobs_fail_abandoned():
    """Fail running jobs whose runner crashed on every one of the allowed attempts, so that a job that kills its
    process is not resumed forever. Returns the jobs failed."""
    now = timezone.now()
    failed = []
    candidates = Job.objects.filter(
        status=JobStatus.RUNNING, heartbeat_at__lt=_stale_before(now), attempts__gte=conf.max_attempts()
    )
    for job in candidates:
        message = _("运行 %(n)d 次均中断，已停止重试") % {"n": job.attempts}
        with transaction.atomic():
            matched = Job.objects.filter(pk=job.pk, state_version=job.state_version).update(
                status=JobStatus.FAILED, message=message, error=message, finished_at=now,
                state_version=F("state_version") + 1,
            )
            if matched != 1:
                continue
            job.refresh_from_db()
            audit_record(actor=job.created_by, action="jobs.job.fail", obj=job, after={"status": job.status},
                         detail={"attempts": job.attempts, "error": message})
            _notify_creator(job, _("后台任务“%(job)s”失败") % {"job": job.kind_label})
        failed.append(job)
    return failed


def _period_grace(every):
    # A scheduler that fires exactly every period would otherwise miss every other run by a few milliseconds.
    return min(every / 20, timedelta(minutes=1))


def periodic_enqueue_due(*, names=None, dispatch=True):
    """Queue each registered periodic task (or those in ``names``) whose period has elapsed. Any number of workers
    and Celery beat may call this at once: the conditional update on its PeriodicRun row lets one of them win."""
    tasks = registry.periodic_tasks()
    queued = []
    for name, task in tasks.items():
        if names is not None and name not in names:
            continue
        now = timezone.now()
        run, _created = PeriodicRun.objects.get_or_create(name=name)
        due_before = now - task.every + _period_grace(task.every)
        with transaction.atomic():
            matched = PeriodicRun.objects.filter(
                Q(last_run_at__isnull=True) | Q(last_run_at__lte=due_before), pk=run.pk
            ).update(last_run_at=now)
            if matched != 1:
                continue
            job = job_enqueue(kind=name, params={}, actor=None, dispatch=dispatch)
            PeriodicRun.objects.filter(pk=run.pk).update(last_job=job)
        queued.append(job)
    return queued
