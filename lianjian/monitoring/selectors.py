"""Reading alerts, the watch list and tracked lots: always through the permission scope."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, F, FloatField, OuterRef, Q, Subquery, Sum, Value, When

from lianjian.core import permissions
from lianjian.deadlines.models import ACTIVE_STATES, Deadline, DeadlineStatus
from lianjian.org import access

from .models import Alert, AlertState, Severity, Supervision, TrackedLot, WatchEntry, WatchKind

OPEN_STATES = (AlertState.UNASSIGNED, AlertState.PENDING)
# Heavier alerts weigh more when ranking problem projects: a red alert counts three yellow ones.
_WEIGHT = Case(
    When(severity=Severity.HIGH, then=Value(3.0)),
    When(severity=Severity.MEDIUM, then=Value(2.0)),
    default=Value(1.0),
    output_field=FloatField(),
)


def _with_deadline(queryset):
    running = (
        Deadline.objects.filter(content_type=ContentType.objects.get_for_model(Alert), object_id=OuterRef("pk"),
                                state__in=ACTIVE_STATES)
        .with_status().order_by("-pk")
    )
    return queryset.annotate(deadline_due=Subquery(running.values("due")[:1]),
                             deadline_status=Subquery(running.values("status")[:1]))


def alerts_for(*, actor, severity="", state="", region=None, unit=None, indicator="", query="", overdue=False,
               mine=False, action="view"):
    """The alerts the actor may see, filtered, newest first, with their triage deadline's due date and status."""
    qs = permissions.scope(actor, action, Alert.objects.all())
    if severity:
        qs = qs.filter(severity=severity)
    if state == "open":
        qs = qs.filter(state__in=OPEN_STATES)
    elif state:
        qs = qs.filter(state=state)
    if region is not None:
        qs = qs.filter(access.region_subtree_q(region, "region"))
    if unit is not None:
        qs = qs.filter(unit=unit)
    if mine:
        qs = qs.filter(unit=access.actor_unit(actor))
    if indicator:
        qs = qs.filter(indicator=indicator)
    query = (query or "").strip()
    if query:
        qs = qs.filter(Q(lot_code__icontains=query) | Q(lot__name__icontains=query) | Q(indicator__icontains=query)
                       | Q(indicator_name__icontains=query) | Q(entities__icontains=query))
    qs = _with_deadline(qs.select_related("lot", "region", "unit"))
    if overdue:
        qs = qs.filter(state=AlertState.PENDING, deadline_status=DeadlineStatus.OVERDUE)
    return qs.order_by("-last_seen_at", "-pk")


def alert_get(*, actor, pk):
    """One alert the actor may see (with its deadline annotations), or None."""
    qs = permissions.scope(actor, "view", Alert.objects.filter(pk=pk))
    return _with_deadline(qs.select_related("lot__tender_project", "region", "unit", "triaged_by")).first()


def severity_counts(queryset):
    counts = dict.fromkeys(Severity.values, 0)
    counts.update({row["severity"]: row["n"] for row in queryset.order_by().values("severity").annotate(n=Count("pk"))})
    return counts


def supervisions_of(*, actor, alert):
    return permissions.scope(actor, "view", Supervision.objects.filter(alert=alert)).select_related("by", "unit")


def alerts_by_region(*, actor):
    """Rows (region code, region name, red, orange, yellow, open) of the alerts not dismissed, per region."""
    rows = (
        permissions.scope(actor, "view", Alert.objects.exclude(state=AlertState.DISMISSED))
        .filter(region__isnull=False).order_by()
        .values("region__code", "region__name")
        .annotate(
            high=Count("pk", filter=Q(severity=Severity.HIGH)),
            medium=Count("pk", filter=Q(severity=Severity.MEDIUM)),
            low=Count("pk", filter=Q(severity=Severity.LOW)),
            open=Count("pk", filter=Q(state__in=OPEN_STATES)),
        )
        .order_by("region__code")
    )
    return list(rows)


def top_problem_lots(*, actor, limit=10):
    """The lots with the heaviest alerts not dismissed (red 3, orange 2, yellow 1, times the score)."""
    return list(
        permissions.scope(actor, "view", Alert.objects.exclude(state=AlertState.DISMISSED))
        .filter(lot__isnull=False).order_by()
        .values("lot", "lot__code", "lot__name", "region__name")
        .annotate(weight=Sum(F("score") * _WEIGHT), alerts=Count("pk"),
                  high=Count("pk", filter=Q(severity=Severity.HIGH)))
        .order_by("-weight", "-alerts", "lot__code")[:limit]
    )


def alerts_for_lot(*, actor, lot):
    return permissions.scope(actor, "view", Alert.objects.filter(lot=lot)).order_by("-last_seen_at")


def watch_entries(*, actor, active=True, query=""):
    qs = permissions.scope(actor, "view", WatchEntry.objects.all()).select_related("entity", "region", "unit",
                                                                                  "added_by")
    if active is not None:
        qs = qs.filter(is_active=active)
    query = (query or "").strip()
    if query:
        qs = qs.filter(Q(entity__name__icontains=query) | Q(entity__credit_code__icontains=query)
                       | Q(person_name__icontains=query) | Q(person_cert__icontains=query)
                       | Q(reason__icontains=query))
    return qs.annotate(lots=Count("tracked_lots")).order_by("-added_at", "-pk")


def tracked_lots(*, actor, query=""):
    qs = permissions.scope(actor, "view", TrackedLot.objects.all()).select_related(
        "lot", "watch_entry__entity", "unit", "region")
    query = (query or "").strip()
    if query:
        qs = qs.filter(Q(lot__code__icontains=query) | Q(lot__name__icontains=query))
    return qs.order_by("-started_at", "-pk")


def tracking_for_lot(*, actor, lot):
    return permissions.scope(actor, "view", TrackedLot.objects.filter(lot=lot)).select_related("watch_entry__entity")


def watched_credit_codes(*, region=None):
    """Credit codes of the watch-listed entities (of ``region``'s list and those above it, or all): the input of
    the engine's "watch-listed party appears" indicator. Unscoped: for system work only."""
    qs = WatchEntry.objects.filter(is_active=True, kind=WatchKind.ENTITY)
    if region is not None:
        qs = qs.filter(region__in=access.region_ancestors(region))
    return set(qs.values_list("entity__credit_code", flat=True))
