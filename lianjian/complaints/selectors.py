"""Reads of the complaints domain, scoped to what the actor may see. The filer's identity is never read here: it
comes only through ``complaint_identity_reveal``, which checks the assignment and writes the audit log."""

from django.db.models import Q

from lianjian.core import permissions
from lianjian.deadlines.models import Deadline

from .models import Complaint, ComplaintAttachment, ComplaintTransfer
from .services.common import complaint_deadlines, normalise_tracking_code


def complaints(*, actor, q="", kind="", state="", channel="", unit=None, mine=False):
    rows = permissions.scope(actor, "view", Complaint.objects.all()).select_related(
        "region", "sector", "lot", "handling_unit")
    if q:
        rows = rows.filter(Q(tracking_code__icontains=normalise_tracking_code(q)) | Q(title__icontains=q)
                           | Q(respondent_name__icontains=q) | Q(project_reference__icontains=q)
                           | Q(lot__code__icontains=q))
    if kind:
        rows = rows.filter(kind=kind)
    if state:
        rows = rows.filter(state=state)
    if channel:
        rows = rows.filter(channel=channel)
    if unit is not None:
        rows = rows.filter(handling_unit=unit)
    if mine:
        rows = rows.filter(officers=actor)
    return rows.order_by("-received_at", "-pk")


def attachments(*, actor, complaint):
    return permissions.scope(actor, "view", ComplaintAttachment.objects.filter(complaint=complaint))


def transfers(*, actor, complaint):
    return permissions.scope(actor, "view", ComplaintTransfer.objects.filter(complaint=complaint)).select_related(
        "from_unit", "to_unit", "transferred_by")


def deadlines(*, actor, complaint):
    ids = complaint_deadlines(complaint).values("pk")
    return permissions.scope(actor, "view", Deadline.objects.filter(pk__in=ids)).with_status().select_related(
        "rule", "responsible_unit").order_by("pk")


def tracked(*, tracking_code):
    """The complaint a filer follows with their tracking code (no account): exact match only."""
    code = normalise_tracking_code(tracking_code)
    if not code:
        return None
    return Complaint.objects.select_related("handling_unit").filter(tracking_code=code).first()
