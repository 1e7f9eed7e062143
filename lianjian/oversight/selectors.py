"""Reads of the channel's access log, scoped: a reader's own entries; an oversight unit's head sees the unit's."""

from django.db.models import Q

from lianjian.core import permissions

from .models import AccessLogEntry


def access_log_for(*, actor, person="", kind="", date_from=None, date_to=None, action="view"):
    entries = permissions.scope(actor, action, AccessLogEntry.objects.select_related("actor", "unit"))
    person = (person or "").strip()
    if person:
        entries = entries.filter(Q(actor__full_name__icontains=person) | Q(actor__username__icontains=person))
    if kind:
        entries = entries.filter(kind=kind)
    if date_from:
        entries = entries.filter(at__date__gte=date_from)
    if date_to:
        entries = entries.filter(at__date__lte=date_to)
    return entries.order_by("-at", "-pk")
