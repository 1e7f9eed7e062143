"""Credit repair (信用修复): application → review → decision. Only after the minimum period may a listing end
early (rules.md §7); approval removes the entry and stops every measure at once."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.core.workflow import StaleTransition, Transition, Workflow

from ..models import CreditList, ListEntry, ListState, RepairApplication, RepairState
from .lists import end_listing

REPAIR_WORKFLOW = Workflow(
    name="credit.repair",
    states=dict(RepairState.choices),
    transitions=[
        Transition("review", (RepairState.SUBMITTED,), RepairState.REVIEWING, "review", gettext_lazy("受理审核")),
        Transition("approve", (RepairState.REVIEWING,), RepairState.APPROVED, "decide", gettext_lazy("准予修复")),
        Transition("reject", (RepairState.REVIEWING,), RepairState.REJECTED, "decide", gettext_lazy("不予修复")),
    ],
)
REPAIRABLE_LISTS = (CreditList.BLACKLIST, CreditList.WATCH)


def _check_repairable(entry, today):
    if entry.credit_list not in REPAIRABLE_LISTS:
        raise ValidationError({"entry": _("%(list)s无需信用修复") % {"list": entry.get_credit_list_display()}})
    if entry.state != ListState.LISTED:
        raise ValidationError({"entry": _("该名单记录已移出，无需修复")})
    if today < entry.earliest_removal_on:
        raise ValidationError({"entry": _("未满最短公示期，最早可于 %(date)s 申请信用修复")
                               % {"date": entry.earliest_removal_on.isoformat()}})


def repair_submit(*, entry, applicant, applicant_contact, reason, commitment, actor):
    """Register an application received from the listed subject; the listing unit's officers do so."""
    permissions.require(actor, "submit", RepairApplication(entry=entry, unit=entry.unit))
    errors = {}
    for field, label, value in (("applicant", _("申请人"), applicant),
                                ("applicant_contact", _("申请人联系方式"), applicant_contact),
                                ("reason", _("修复理由（整改情况）"), reason)):
        if not (value or "").strip():
            errors[field] = _("请填写%(label)s") % {"label": label}
    if not commitment:
        errors["commitment"] = _("申请人须作出信用承诺")
    if errors:
        raise ValidationError(errors)
    _check_repairable(entry, timezone.localdate())
    if RepairApplication.objects.filter(entry=entry, state__in=[RepairState.SUBMITTED, RepairState.REVIEWING]).exists():
        raise ValidationError({"entry": _("该名单记录已有正在办理的修复申请")})
    try:
        with transaction.atomic():
            application = RepairApplication.objects.create(
                entry=entry, applicant=applicant.strip()[:200], applicant_contact=applicant_contact.strip()[:100],
                reason=reason.strip(), commitment=True, unit=entry.unit, submitted_by=actor)
            audit_record(actor=actor, action="credit.repair.submit", obj=application, after=snapshot(application))
    except IntegrityError:
        raise StaleTransition(_("该名单记录刚刚已由他人登记修复申请，请刷新后查看"), code="stale_transition") from None
    return application


def repair_review(*, application, opinion, actor):
    if not (opinion or "").strip():
        raise ValidationError({"review_opinion": _("请填写审核意见")})
    with transaction.atomic():
        return REPAIR_WORKFLOW.fire(application, "review", actor=actor, updates={"review_opinion": opinion.strip()})


def repair_decide(*, application, approve, opinion, actor):
    """Approve (the entry is removed and its measures stop today) or reject. The second of two heads deciding
    the same application gets StaleTransition."""
    if not (opinion or "").strip():
        raise ValidationError({"decision_opinion": _("请填写决定意见")})
    today = timezone.localdate()
    with transaction.atomic():
        if approve:
            entry = ListEntry.objects.select_for_update().get(pk=application.entry_id)
            _check_repairable(entry, today)
        application = REPAIR_WORKFLOW.fire(
            application, "approve" if approve else "reject", actor=actor,
            updates={"decision_opinion": opinion.strip(), "decided_at": timezone.now()})
        if approve:
            end_listing(entry=entry, state=ListState.REMOVED, actor=actor, reason=_("信用修复移出"), today=today)
    return application
