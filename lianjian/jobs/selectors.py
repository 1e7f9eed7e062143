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
