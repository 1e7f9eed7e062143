"""Reads of the credit domain, each scoped to what the actor may see. ``exposure_entries`` is the one public read:
it returns only the public fields of published entries in force."""

from django.db.models import Q
from django.utils import timezone

from lianjian.core import permissions
from lianjian.org import access
from lianjian.trading.models import Entity

from .models import (
    AppliedMeasure, CreditList, CreditRecord, CreditScore, ListEntry, ListState, Memorandum, RepairApplication,
    RestrictionCheck, RestrictionHit,
)
from .scoring import active_on_q, with_credit
from .services.records import scheme_for

# The only fields of a list entry the exposure board (曝光台) may show; internal notes, the listing officer and
# repair applications are never published.
PUBLIC_ENTRY_FIELDS = ("pk", "credit_list", "entity__name", "entity__credit_code", "legal_basis", "document_no",
                       "facts", "starts_on", "ends_on", "unit__name")


def actor_scheme(actor):
    return scheme_for(access.actor_region(actor))


def entities(*, actor, q="", credit_class="", on=None):
    """Market entities with their score and class under the actor's scheme, searchable by name or code."""
    rows = permissions.scope(actor, "view", Entity.objects.all())
    if q:
        rows = rows.filter(Q(name__icontains=q) | Q(credit_code__icontains=q))
    rows = with_credit(rows, scheme=actor_scheme(actor), on=on)
    if credit_class:
        rows = rows.filter(credit_class=credit_class)
    return rows.order_by("credit_score", "name")


def records(*, actor, entity=None, q="", source=""):
    rows = permissions.scope(actor, "view", CreditRecord.objects.select_related("entity", "item", "unit"))
    if entity is not None:
        rows = rows.filter(entity=entity)
    if q:
        rows = rows.filter(Q(entity__name__icontains=q) | Q(entity__credit_code__icontains=q)
                           | Q(document_no__icontains=q))
    if source:
        rows = rows.filter(source=source)
    return rows


def score_history(*, actor, entity):
    return permissions.scope(actor, "view", CreditScore.objects.filter(entity=entity).select_related("scheme"))


def entries(*, actor, credit_list="", state="", q="", entity=None):
    rows = permissions.scope(actor, "view", ListEntry.objects.select_related("entity", "expert", "unit",
                                                                             "memorandum"))
    if credit_list:
        rows = rows.filter(credit_list=credit_list)
    if state:
        rows = rows.filter(state=state)
    if entity is not None:
        rows = rows.filter(entity=entity)
    if q:
        rows = rows.filter(Q(entity__name__icontains=q) | Q(entity__credit_code__icontains=q)
                           | Q(expert__name__icontains=q) | Q(document_no__icontains=q))
    return rows


def applied_measures(*, actor, entry=None, entity=None, state=""):
    rows = permissions.scope(actor, "view", AppliedMeasure.objects.select_related(
        "entry__entity", "entry__expert", "measure__memorandum"))
    if entry is not None:
        rows = rows.filter(entry=entry)
    if entity is not None:
        rows = rows.filter(entry__entity=entity)
    if state:
        rows = rows.filter(state=state)
    return rows


def hits(*, actor, lot="", q=""):
    rows = permissions.scope(actor, "view", RestrictionHit.objects.select_related(
        "lot", "entity", "expert", "applied_measure__measure", "applied_measure__entry"))
    if lot:
        rows = rows.filter(lot__code=lot)
    if q:
        rows = rows.filter(Q(entity__name__icontains=q) | Q(expert__name__icontains=q) | Q(lot__code__icontains=q))
    return rows


def checks(*, actor, lot=""):
    rows = permissions.scope(actor, "view", RestrictionCheck.objects.select_related("lot", "checked_by"))
    return rows.filter(lot__code=lot) if lot else rows


def repairs(*, actor, state="", q=""):
    rows = permissions.scope(actor, "view", RepairApplication.objects.select_related(
        "entry__entity", "entry__expert", "unit"))
    if state:
        rows = rows.filter(state=state)
    if q:
        rows = rows.filter(Q(entry__entity__name__icontains=q) | Q(applicant__icontains=q))
    return rows


def memoranda():
    """Reference data every member reads (the measure page lists it)."""
    return Memorandum.objects.filter(is_active=True).prefetch_related("measures")


def exposure_entries(*, q=""):
    """Published blacklist entries in force today, as dicts of public fields only (no actor: the public reads)."""
    rows = ListEntry.objects.filter(active_on_q(timezone.localdate()), credit_list=CreditList.BLACKLIST,
                                    state=ListState.LISTED, published=True, entity__isnull=False)
    if q:
        rows = rows.filter(Q(entity__name__icontains=q) | Q(entity__credit_code__icontains=q))
    return rows.order_by("-starts_on", "-pk").values(*PUBLIC_ENTRY_FIELDS)
