"""Reads of the case domain, each scoped to what the actor may see."""

from django.db.models import Q

from lianjian.core import permissions
from lianjian.deadlines.models import DeadlineStatus
from lianjian.deadlines.selectors import deadlines_for, deadlines_for_object

from .models import Case, Clue, DiscretionBenchmark, ToleranceItem, Transfer


def clues_for(*, actor, q="", state="", source="", action="view"):
    qs = permissions.scope(actor, action, Clue.objects.all()).select_related("unit", "region", "lot", "outcome_unit")
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(description__icontains=q) | Q(entities__credit_code__icontains=q)
                       | Q(lot__code__icontains=q)).distinct()
    if state:
        qs = qs.filter(state=state)
    if source:
        qs = qs.filter(source=source)
    return qs


def clue_get(*, actor, pk):
    return permissions.scope(actor, "view", Clue.objects.all()).select_related(
        "unit", "region", "lot", "outcome_unit", "registered_by").filter(pk=pk).first()


def cases_for(*, actor, q="", state="", action="view"):
    qs = permissions.scope(actor, action, Case.objects.all()).select_related("unit", "clue", "lot")
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(parties__name__icontains=q) | Q(parties__credit_code__icontains=q)
                       | Q(decision__document_number__icontains=q)).distinct()
    if state:
        qs = qs.filter(state=state)
    return qs


def case_get(*, actor, pk):
    return permissions.scope(actor, "view", Case.objects.all()).select_related(
        "unit__region", "clue", "lot", "transfer", "registered_by").filter(pk=pk).first()


def transfers_for(*, actor, q="", state="", kind="", direction="", action="view"):
    qs = permissions.scope(actor, action, Transfer.objects.all()).select_related("from_unit", "to_unit")
    unit = getattr(actor, "unit", None)
    if direction == "in":
        qs = qs.filter(to_unit=unit)
    elif direction == "out":
        qs = qs.filter(from_unit=unit)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(facts__icontains=q))
    if state:
        qs = qs.filter(state=state)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def transfer_get(*, actor, pk):
    return permissions.scope(actor, "view", Transfer.objects.all()).select_related(
        "from_unit", "to_unit", "clue", "case", "received_by", "created_by").filter(pk=pk).first()


def overdue_steps(*, actor):
    """Overdue deadlines of clues, cases and transfers the actor may see (the lead office's overdue list)."""
    return deadlines_for(actor=actor, status=DeadlineStatus.OVERDUE).filter(
        content_type__app_label="cases").select_related("responsible_unit", "rule")


def deadlines_of(obj):
    """The deadlines of an item the caller has already been allowed to see."""
    return deadlines_for_object(obj).select_related("rule", "responsible_unit")


def benchmarks():
    return DiscretionBenchmark.objects.filter(is_active=True)


def tolerance_items():
    return ToleranceItem.objects.filter(is_active=True)
