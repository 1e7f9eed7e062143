"""Reading deadlines: always through the permission scope, always with their current status annotated."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, IntegerField, Q, Value, When

from lianjian.core import permissions

from .models import Deadline, DeadlineRule, DeadlineStatus

# Most urgent first: overdue, due soon, running, paused, then closed ones.
_URGENCY = Case(
    When(status=DeadlineStatus.OVERDUE, then=Value(0)),
    When(status=DeadlineStatus.DUE_SOON, then=Value(1)),
    When(status=DeadlineStatus.ON_TIME, then=Value(2)),
    When(status=DeadlineStatus.PAUSED, then=Value(3)),
    default=Value(4),
    output_field=IntegerField(),
)


def _annotated(queryset, today):
    return queryset.with_status(today=today).select_related(
        "rule", "responsible_unit", "assignee", "content_type"
    ).prefetch_related("subject")


def deadlines_for(*, actor, status=None, query="", assigned_to_me=False, today=None, action="view"):
    """The deadlines the actor may see (own unit; the lead office and oversight readers across their region),
    most urgent first. ``status`` is one DeadlineStatus value or a list of them."""
    qs = _annotated(permissions.scope(actor, action, Deadline.objects.all()), today)
    if status:
        qs = qs.filter(status__in=[status] if isinstance(status, str) else list(status))
    query = (query or "").strip()
    if query:
        qs = qs.filter(Q(title__icontains=query) | Q(rule__name__icontains=query))
    if assigned_to_me:
        qs = qs.filter(assignee=actor)
    return qs.annotate(urgency=_URGENCY).order_by("urgency", "due", "pk")


def deadlines_all(*, status=None, today=None):
    """Every deadline, unscoped: for the operator's console only."""
    qs = _annotated(Deadline.objects.all(), today)
    if status:
        qs = qs.filter(status=status)
    return qs.annotate(urgency=_URGENCY).order_by("urgency", "due", "pk")


def deadlines_overdue(*, actor, today=None):
    return deadlines_for(actor=actor, status=DeadlineStatus.OVERDUE, today=today)


def deadlines_for_object(obj, *, today=None):
    """Every deadline of one item, oldest first. Unscoped: the caller has already checked that its actor may see
    ``obj``."""
    qs = Deadline.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
    return _annotated(qs, today).order_by("start", "pk")


def deadline_get(*, actor, pk, today=None):
    """One deadline the actor may see, or None."""
    return _annotated(permissions.scope(actor, "view", Deadline.objects.filter(pk=pk)), today).first()


def deadline_counts(*, actor, today=None):
    """How many of the actor's visible deadlines are in each status (for the dashboard)."""
    rows = (
        permissions.scope(actor, "view", Deadline.objects.all()).with_status(today=today)
        .values("status").annotate(n=Count("pk")).order_by()
    )
    counts = {status: 0 for status in DeadlineStatus.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def deadline_rules(*, active_only=True):
    qs = DeadlineRule.objects.all()
    return qs.filter(is_active=True) if active_only else qs
