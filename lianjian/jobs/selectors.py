from django.db.models import Q

from lianjian.core import permissions

from .models import Job


def jobs_for(*, actor, status=None, kind=None):
    """Jobs the actor may see (their own, their unit's; all for administrators), newest first."""
    qs = permissions.scope(actor, "view", Job.objects.select_related("created_by", "unit"))
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(Q(kind__icontains=kind) | Q(message__icontains=kind))
    return qs.order_by("-created_at", "-id")


def job_get(*, actor, pk):
    return jobs_for(actor=actor).filter(pk=pk).first()


def queue_health(*, now=None):
    """Figures for the health endpoint: queued jobs, the oldest one's wait, and running jobs whose runner stopped
    sending heartbeats. No actor: the numbers say nothing about anyone's work."""
    from django.db.models import Count, Min, Q
    from django.utils import timezone

    from . import conf
    from .models import Job, JobStatus

    now = now or timezone.now()
    stale_before = now - timezone.timedelta(seconds=conf.stale_seconds())
    figures = Job.objects.aggregate(
        queued=Count("id", filter=Q(status=JobStatus.QUEUED)),
        oldest_queued=Min("created_at", filter=Q(status=JobStatus.QUEUED)),
        stalled=Count("id", filter=Q(status=JobStatus.RUNNING, heartbeat_at__lt=stale_before)),
    )
    oldest = figures.pop("oldest_queued")
    figures["oldest_queued_seconds"] = int((now - oldest).total_seconds()) if oldest else 0
    return figures
