"""Processing a complaint: acceptance or non-acceptance, the one-time 补正 of a procurement complaint, transfer to
the competent unit, assignment, stopping the clock, the decision and the reply to the filer.

Every state change goes through :data:`COMPLAINT_WORKFLOW`, so of two officers acting on one complaint the second
gets ``StaleTransition``; the deadlines of the step are met, paused or cancelled in the same transaction.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record
from lianjian.cases.models import Clue, ClueSource
from lianjian.cases.services import clue_register
from lianjian.core import permissions
from lianjian.core.permissions import AccessDenied
from lianjian.deadlines.models import DeadlineState
from lianjian.deadlines.services import (
    deadline_cancel, deadline_meet, deadline_pause, deadline_resume, deadline_rule_due,
)
from lianjian.org.models import Unit
from lianjian.org.services import power_item_check

from ..models import ComplaintIdentity, ComplaintKind, ComplaintState, ComplaintTransfer, DecisionOutcome
from ..policies import may_see_identity
from ..rule_data import KIND_RULES, NON_ACCEPTANCE_REASONS, PAUSE_REASONS, TRANSFER_RULE
from ..workflow import COMPLAINT_WORKFLOW
from .common import active_deadline, complaint_deadlines, markup_errors
from .intake import _notify_unit, _open_deadlines

CORRECTION_REASON = "补正"


def _required_text(value, field, message, limit=None):
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    if limit and len(value) > limit:
        raise ValidationError({field: _("不能超过 %(n)d 个字") % {"n": limit}})
    return value


def _meet(complaint, step, actor):
    deadline = active_deadline(complaint, KIND_RULES[complaint.kind][step])
    if deadline is not None:
        deadline_meet(deadline=deadline, actor=actor)


def _cancel_all(complaint, reason, actor):
    for deadline in complaint_deadlines(complaint).filter(state__in=(DeadlineState.OPEN, DeadlineState.PAUSED)):
        deadline_cancel(deadline=deadline, reason=reason, actor=actor)


def _check_power_item(complaint, power_item):
    return power_item_check(unit=complaint.handling_unit, power_item=power_item)


def complaint_accept(*, complaint, power_item, actor):
    """Accept: cites an item of the handling unit's power list; the accepting officer is assigned. The decision
    clock keeps running from receipt (七部委令第11号 第11条)."""
    permissions.require(actor, "accept", complaint)
    item = _check_power_item(complaint, power_item)
    with transaction.atomic():
        complaint = COMPLAINT_WORKFLOW.fire(complaint, "accept", actor=actor,
                                            updates={"accepted_at": timezone.now(), "power_item": item})
        complaint.officers.add(actor)
        _meet(complaint, "accept", actor)
    return complaint


def complaint_reject(*, complaint, reasons, note, power_item, actor):
    """Not accepted, on grounds of 七部委令第11号 第12条 (``reasons``: codes of NON_ACCEPTANCE_REASONS). The grounds
    become the reply the filer reads with the tracking code."""
    permissions.require(actor, "reject", complaint)
    reasons = list(dict.fromkeys(reasons or []))
    unknown = [r for r in reasons if r not in NON_ACCEPTANCE_REASONS]
    if not reasons or unknown:
        raise ValidationError({"reasons": _("请选择不予受理的理由（七部委令第11号第十二条）")})
    note = (note or "").strip()
    errors = markup_errors({"note": note}, {"note": _("说明")})
    if errors:
        raise ValidationError(errors)
    item = _check_power_item(complaint, power_item)
    lines = [str(NON_ACCEPTANCE_REASONS[r]) for r in reasons] + ([note] if note else [])
    reply = _("经审查，决定不予受理。理由：%(reasons)s") % {"reasons": "；".join(lines)}
    now = timezone.now()
    with transaction.atomic():
        complaint = COMPLAINT_WORKFLOW.fire(complaint, "reject", actor=actor, updates={
            "rejection_reasons": reasons, "reply_text": reply, "replied_at": now, "power_item": item})
        complaint.officers.add(actor)
        _meet(complaint, "accept", actor)
        _cancel_all(complaint, _("不予受理"), actor)
    return complaint


def complaint_request_correction(*, complaint, items, actor):
    """The one-time 补正 notice of a procurement complaint (财政部令第94号 第21条第（一）项): the clocks stop until
    the filer supplies what is missing."""
    permissions.require(actor, "correction", complaint)
    if complaint.kind != ComplaintKind.GP_COMPLAINT:
        raise ValidationError({"items": _("只有政府采购投诉可以通知补正；其他投诉要件不全的，应作出不予受理决定")})
    if complaint.correction_requested_at is not None:
        raise ValidationError({"items": _("该投诉已于 %(at)s 通知过补正，补正只能通知一次") % {
            "at": f"{timezone.localtime(complaint.correction_requested_at):%Y-%m-%d}"}})
    items = _required_text(items, "items", _("请写明需要补正的事项"))
    errors = markup_errors({"items": items}, {"items": _("补正事项")})
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        complaint = COMPLAINT_WORKFLOW.fire(complaint, "request_correction", actor=actor, updates={
            "correction_requested_at": timezone.now(), "correction_items": items})
        for deadline in complaint_deadlines(complaint).filter(state=DeadlineState.OPEN):
            deadline_pause(deadline=deadline, reason=CORRECTION_REASON, actor=actor)
    return complaint


def complaint_correct(*, complaint, actor):
    """The filer supplied the missing material: the clocks run again."""
    permissions.require(actor, "correction", complaint)
    with transaction.atomic():
        complaint = COMPLAINT_WORKFLOW.fire(complaint, "correct", actor=actor,
                                            updates={"corrected_at": timezone.now(), "requirement_problems": []})
        for deadline in complaint_deadlines(complaint).filter(state=DeadlineState.PAUSED):
            deadline_resume(deadline=deadline, actor=actor)
    return complaint


def complaint_transfer(*, complaint, to_unit, reason, actor):
    """Hand a wrongly routed complaint to the competent unit. The transfer is on time when made within the
    ``case_transfer`` rule from receipt; the receiving unit's clocks start on the day it receives the file."""
    permissions.require(actor, "transfer", complaint)
    reason = _required_text(reason, "reason", _("请写明移送理由"), limit=300)
    if not isinstance(to_unit, Unit) or not to_unit.is_active:
        raise ValidationError({"to_unit": _("请选择有效的移入单位")})
    if to_unit.pk == complaint.handling_unit_id:
        raise ValidationError({"to_unit": _("移入单位与当前承办单位相同")})
    if not permissions.can(actor, "view", to_unit):
        raise ValidationError({"to_unit": _("“%(unit)s”不在本单位可移送的范围内") % {"unit": to_unit}})
    now = timezone.now()
    due = deadline_rule_due(rule=TRANSFER_RULE, start=timezone.localdate(complaint.received_at)).due
    from_unit = complaint.handling_unit
    with transaction.atomic():
        _cancel_all(complaint, _("移送至%(unit)s") % {"unit": to_unit}, actor)
        complaint = COMPLAINT_WORKFLOW.fire(complaint, "transfer", actor=actor, updates={"handling_unit": to_unit},
                                            detail={"from_unit": from_unit.pk, "to_unit": to_unit.pk})
        complaint.officers.clear()
        ComplaintTransfer.objects.create(complaint=complaint, from_unit=from_unit, to_unit=to_unit, reason=reason,
                                         transferred_at=now, transferred_by=actor, due=due,
                                         on_time=timezone.localdate(now) <= due)
        _open_deadlines(complaint, start=timezone.localdate(now), actor=None)
        _notify_unit(complaint, subject=_("移送来的%(kind)s：%(code)s") % {
            "kind": complaint.get_kind_display(), "code": complaint.tracking_code})
    return complaint


def complaint_assign(*, complaint, officers, actor):
    """The unit head names the officers who handle the complaint (and alone may read the filer's identity)."""
    permissions.require(actor, "assign", complaint)
    officers = list(officers)
    strangers = [str(o) for o in officers if o.unit_id != complaint.handling_unit_id or not o.is_active]
    if not officers or strangers:
        raise ValidationError({"officers": _("承办人须为承办单位的在职人员：%(names)s") % {
            "names": "、".join(strangers) or _("未选择")}})
    with transaction.atomic():
        before = sorted(complaint.officers.values_list("pk", flat=True))
        complaint.officers.set(officers)
        audit_record(actor=actor, action="complaint.assign", obj=complaint, before={"officers": before},
                     after={"officers": sorted(o.pk for o in officers)})
    return complaint


def complaint_pause_clock(*, complaint, reason, actor):
    """Stop the decision clock for 检验、检测、鉴定、专家评审 (条例 第61条; 财政部令第94号)."""
    permissions.require(actor, "pause", complaint)
    if reason not in PAUSE_REASONS:
        raise ValidationError({"reason": _("请选择暂停计时的原因：%(choices)s") % {
            "choices": "、".join(str(v) for v in PAUSE_REASONS.values())}})
    if complaint.state != ComplaintState.ACCEPTED:
        raise ValidationError({"reason": _("只有办理中的事项可以暂停计时")})
    deadline = active_deadline(complaint, KIND_RULES[complaint.kind]["decide"])
    if deadline is None or deadline.state != DeadlineState.OPEN:
        raise ValidationError({"reason": _("处理期限未在计时中，无需暂停")})
    return deadline_pause(deadline=deadline, reason=str(PAUSE_REASONS[reason]), actor=actor)


def complaint_resume_clock(*, complaint, actor):
    permissions.require(actor, "resume", complaint)
    deadline = active_deadline(complaint, KIND_RULES[complaint.kind]["decide"])
    if deadline is None or deadline.state != DeadlineState.PAUSED:
        raise ValidationError({"reason": _("处理期限没有暂停，无需恢复")})
    return deadline_resume(deadline=deadline, actor=actor)


def complaint_decide(*, complaint, outcome, decision_text, legal_basis, actor):
    """The written decision, with its legal basis; it closes the decision clock (met or missed)."""
    permissions.require(actor, "decide", complaint)
    errors = {}
    if outcome not in DecisionOutcome.values:
        errors["outcome"] = _("请选择处理结果")
    decision_text = (decision_text or "").strip()
    legal_basis = (legal_basis or "").strip()
    if not decision_text:
        errors["decision_text"] = _("请填写处理决定")
    if not legal_basis:
        errors["legal_basis"] = _("请写明处理决定的法律依据")
    errors.update(markup_errors({"decision_text": decision_text, "legal_basis": legal_basis},
                                {"decision_text": _("处理决定"), "legal_basis": _("法律依据")}))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        complaint = COMPLAINT_WORKFLOW.fire(complaint, "decide", actor=actor, updates={
            "outcome": outcome, "decision_text": decision_text, "legal_basis": legal_basis,
            "decided_at": timezone.now()})
        _meet(complaint, "decide", actor)
    return complaint


def complaint_reply(*, complaint, reply_text, actor):
    """Feedback to the filer, read on the tracking page; the matter is closed."""
    permissions.require(actor, "reply", complaint)
    reply_text = _required_text(reply_text, "reply_text", _("请填写答复内容"))
    errors = markup_errors({"reply_text": reply_text}, {"reply_text": _("答复内容")})
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        complaint = COMPLAINT_WORKFLOW.fire(complaint, "reply", actor=actor, updates={
            "reply_text": reply_text, "replied_at": timezone.now()})
    return complaint


def complaint_withdraw(*, complaint, reason, actor):
    """The filer withdrew (撤诉): recorded by the handling unit; open clocks are cancelled."""
    permissions.require(actor, "withdraw", complaint)
    reason = _required_text(reason, "reason", _("请填写撤回理由"), limit=200)
    with transaction.atomic():
        complaint = COMPLAINT_WORKFLOW.fire(complaint, "withdraw", actor=actor, updates={"withdrawn_reason": reason})
        _cancel_all(complaint, _("投诉举报人撤回"), actor)
    return complaint


def complaint_identity_reveal(*, complaint, actor, shown_in):
    """The filer's identity for an assigned officer of the handling unit, each reading written to the audit log
    (without the identity itself). None for an anonymous report."""
    if not may_see_identity(actor, complaint):
        raise AccessDenied(_("只有承办单位指定的承办人可以查看投诉举报人身份信息：%(code)s") % {
            "code": complaint.tracking_code})
    identity = ComplaintIdentity.objects.filter(complaint=complaint).first()
    audit_record(actor=actor, action="complaint.identity_reveal", obj=complaint,
                 detail={"shown_in": shown_in, "anonymous": identity is None})
    return identity


def complaint_open_clue(*, complaint, title, description, actor):
    """A complaint that reveals a violation becomes a clue of the cases domain (source 投诉举报), owned by the
    handling unit. One clue per complaint: the complaint row is locked so two officers cannot both open one."""
    permissions.require(actor, "clue", complaint)
    if complaint.state not in (ComplaintState.ACCEPTED, ComplaintState.DECIDED, ComplaintState.REPLIED):
        raise ValidationError({"title": _("只有已受理的投诉举报可以转为问题线索")})
    entities = [complaint.respondent_credit_code] if complaint.respondent_credit_code else []
    with transaction.atomic():
        locked = type(complaint).objects.select_for_update().get(pk=complaint.pk)
        if clue_of(locked) is not None:
            raise ValidationError({"title": _("该投诉举报已转为问题线索：%(clue)s") % {"clue": clue_of(locked)}})
        clue = clue_register(source=ClueSource.COMPLAINT, source_object=locked, title=title, description=description,
                             unit=locked.handling_unit, actor=actor, region=locked.region, lot=locked.lot,
                             entities=entities)
        audit_record(actor=actor, action="complaint.open_clue", obj=locked, detail={"clue": clue.pk})
    return clue


def clue_of(complaint):
    return Clue.objects.filter(content_type=ContentType.objects.get_for_model(complaint),
                               object_id=complaint.pk).first()
