"""Reads of the expert domain, each limited to what the actor may see. Drawn lists go through
:func:`extraction_picks`, which keeps a sealed list from everyone outside the drawing trading centre."""

from django.db.models import Count, Q

from lianjian.core import permissions
from lianjian.core.permissions import scope
from lianjian.org import access
from lianjian.trading.models import Lot

from .models import (
    Assessment, CommitteeRule, ConflictDeclaration, EvaluationRecord, Expert, ExpertPenalty, ExpertStatusChange,
    Extraction, ExtractionPick, Specialty,
)
from .policies import may_see_picks


def specialties(*, actor, active_only=True):
    qs = scope(actor, "view", Specialty.objects.select_related("parent"))
    return qs.filter(is_active=True) if active_only else qs


def committee_rules(*, actor):
    return scope(actor, "view", CommitteeRule.objects.select_related("sector"))


def experts(*, actor, q="", status="", specialty=None, region=None):
    """The pool within the actor's region, searchable by name, employer, title or masked ID; ``specialty`` also
    matches the specialties below it."""
    qs = scope(actor, "view", Expert.objects.select_related("region", "employer", "employer_unit")
               .prefetch_related("specialties"))
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(employer_name__icontains=q) | Q(employer__name__icontains=q)
                       | Q(employer_unit__name__icontains=q) | Q(title__icontains=q)
                       | Q(id_number_masked__icontains=q))
    if status:
        qs = qs.filter(status=status)
    if specialty is not None:
        qs = qs.filter(specialties__code__startswith=specialty.code).distinct()
    if region is not None:
        qs = qs.filter(region__code__startswith=region.subtree_prefix)
    return qs.order_by("region__code", "name", "pk")


def declarations(*, actor, expert):
    return scope(actor, "view", ConflictDeclaration.objects.filter(expert=expert).select_related("entity"))


def penalties(*, actor, expert):
    return scope(actor, "view", ExpertPenalty.objects.filter(expert=expert))


def status_changes(*, actor, expert):
    return scope(actor, "view", ExpertStatusChange.objects.filter(expert=expert).select_related("changed_by"))


def assessments(*, actor, expert):
    return scope(actor, "view", Assessment.objects.filter(expert=expert).select_related("assessed_by"))


def evaluation_records(*, actor, expert=None, lot=None):
    qs = scope(actor, "view", EvaluationRecord.objects.select_related("expert", "lot", "recorded_by"))
    if expert is not None:
        qs = qs.filter(expert=expert)
    if lot is not None:
        qs = qs.filter(lot=lot)
    return qs


def extractions(*, actor, q="", lot=None, status=""):
    """Draws on lots the actor can see (the lists themselves may still be sealed)."""
    qs = scope(actor, "view", Extraction.objects.select_related("lot", "requested_by", "requested_unit")
               .annotate(primaries=Count("picks", filter=Q(picks__role="primary"))))
    if lot is not None:
        qs = qs.filter(lot=lot)
    if q:
        qs = qs.filter(Q(lot__code__icontains=q) | Q(lot__name__icontains=q))
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at", "-pk")


def extraction_picks(*, actor, extraction):
    """The experts met by a draw, or nothing while the list is sealed for this actor (superusers included)."""
    if not may_see_picks(actor, extraction):
        return ExtractionPick.objects.none()
    return scope(actor, "view", ExtractionPick.objects.filter(extraction=extraction)
                 .select_related("expert", "expert__region", "specialty")).order_by("order")


def drawable_lots(*, actor, q=""):
    """Lots whose committee the actor may draw: visible lots in the actor's trading-centre region."""
    if not permissions.can(actor, "draw", model=Extraction):
        return Lot.objects.none()
    lots = scope(actor, "view", Lot.objects.select_related("tender_project", "region", "supervising_unit"))
    if not actor.is_superuser:
        lots = lots.filter(access.region_subtree_q(access.actor_region(actor), "region"))
    if q:
        lots = lots.filter(Q(code__icontains=q) | Q(name__icontains=q))
    return lots.order_by("-bid_open_at", "code")
