"""Transfers (移送), assistance letters (协助办理函) and 310号令 crime transfers, each step on the deadline machinery:
transfer within 5 working days; the receiver returns an out-of-remit transfer within 5, reports acceptance within
5 of deciding and the result within 10 of finishing (seed 004 §(四)); crime: the head decides within 3 days,
transfer within 24 hours, the police examine within 3 days (rules.md §8)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.deadlines.models import ACTIVE_STATES, Deadline
from lianjian.deadlines.services import deadline_cancel, deadline_meet, deadline_open
from lianjian.notifications.models import Category
from lianjian.notifications.services import notification_send
from lianjian.org.models import Unit, UnitType

from ..models import Transfer, TransferKind, TransferMaterial, TransferState
from ..reference_data import CRIME_TEAM_MIN, CRIME_TEAM_SOURCE
from ..workflows import TRANSFER_FLOW
from .common import raise_if, require_text, staff_of, text

TITLE_MAX = Transfer._meta.get_field("title").max_length
MATERIAL_NAME_MAX = TransferMaterial._meta.get_field("name").max_length
CONFIDENTIAL_RECEIVERS = {UnitType.DISCIPLINE, UnitType.POLICE}
# Deadline rule codes of lianjian/deadlines/rule_data.py, by step and kind.
RETURN_RULE = {TransferKind.TRANSFER: "transfer_return", TransferKind.ASSISTANCE: "assistance_letter_return",
               TransferKind.CRIME: "police_transfer_review"}


def active_deadline(subject, rule):
    return Deadline.objects.filter(content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk,
                                   rule__code=rule, state__in=ACTIVE_STATES).first()


def _materials(materials):
    rows, errors = [], []
    for number, row in enumerate(materials or (), start=1):
        name, copies, pages = (list(row) + [1, None])[:3]
        name = text(name)
        if not name:
            errors.append(_("材料清单第 %(n)d 行：请填写材料名称") % {"n": number})
        elif len(name) > MATERIAL_NAME_MAX:
            errors.append(_("材料清单第 %(n)d 行：材料名称过长") % {"n": number})
        try:
            copies = int(copies or 1)
            pages = int(pages) if pages not in (None, "") else None
            if copies < 1 or (pages is not None and pages < 1):
                raise ValueError
        except (TypeError, ValueError):
            errors.append(_("材料清单第 %(n)d 行：份数、页数须为正整数") % {"n": number})
            continue
        rows.append((name, copies, pages))
    if not rows and not errors:
        errors.append(_("请至少列出一项移送材料"))
    return rows, errors


def transfer_create(*, kind, from_unit, to_unit, title, facts, request, discovered_on, materials, actor,
                    clue=None, case=None, team=()):
    """Draft a transfer or assistance letter with its material list; the send deadline starts from the day the
    matter was received or discovered (crime: the head's 3-day decision starts now)."""
    errors = {}
    if kind not in TransferKind.values:
        errors["kind"] = _("请选择类型")
    title = require_text(errors, "title", title, _("事由"), TITLE_MAX)
    facts = require_text(errors, "facts", facts, _("案件基本情况"))
    request = require_text(errors, "request", request, _("移送（协助）事项及理由"))
    if not isinstance(to_unit, Unit):
        errors["to_unit"] = _("请选择接收单位")
    elif to_unit == from_unit:
        errors["to_unit"] = _("接收单位不能是本单位")
    elif kind == TransferKind.CRIME and to_unit.type != UnitType.POLICE:
        errors["to_unit"] = _("涉嫌犯罪案件应移送公安机关，“%(unit)s”不是公安机关") % {"unit": to_unit}
    if discovered_on is None:
        errors["discovered_on"] = _("请填写收到或发现之日")
    elif discovered_on > timezone.localdate():
        errors["discovered_on"] = _("收到或发现之日不能晚于今天")
    rows, material_errors = _materials(materials)
    if material_errors:
        errors["materials"] = material_errors
    raise_if(errors)
    transfer = Transfer(kind=kind, from_unit=from_unit, to_unit=to_unit, clue=clue, case=case, title=title,
                        facts=facts, request=request, discovered_on=discovered_on, created_by=actor,
                        confidential=kind == TransferKind.CRIME or to_unit.type in CONFIDENTIAL_RECEIVERS)
    permissions.require(actor, "create", transfer)
    with transaction.atomic():
        transfer.save()
        TransferMaterial.objects.bulk_create(
            [TransferMaterial(transfer=transfer, name=n, copies=c, pages=p) for n, c, p in rows])
        transfer.team.set(team)
        audit_record(actor=actor, action="cases.transfer.create", obj=transfer,
                     after={**snapshot(transfer), "materials": rows, "team": [u.pk for u in team]})
        if kind == TransferKind.CRIME:
            deadline_open(subject=transfer, rule="crime_transfer_approval", start=timezone.now(),
                          responsible_unit=from_unit, title=_("批准移送：%(t)s") % {"t": title}, actor=actor)
        elif kind == TransferKind.TRANSFER:
            deadline_open(subject=transfer, rule="case_transfer", start=discovered_on, responsible_unit=from_unit,
                          title=_("完成移送：%(t)s") % {"t": title}, actor=actor)
    return transfer


def transfer_approve(*, transfer, actor):
    """The head approves a crime transfer (310号令第五条): the case team must have at least two members; the
    24-hour clock for handing it to the police starts now."""
    members = transfer.team.count()
    if members < CRIME_TEAM_MIN:
        raise ValidationError({"team": _("专案组须由 %(n)d 名以上行政执法人员组成（现有 %(m)d 名）。依据：%(source)s") % {
            "n": CRIME_TEAM_MIN, "m": members, "source": CRIME_TEAM_SOURCE}})
    now = timezone.now()
    with transaction.atomic():
        transfer = TRANSFER_FLOW.fire(transfer, "approve", actor=actor, updates={"approved_at": now})
        deadline_meet(deadline=active_deadline(transfer, "crime_transfer_approval"), actor=actor, at=now)
        deadline_open(subject=transfer, rule="crime_transfer_police", start=now, responsible_unit=transfer.from_unit,
                      title=_("移送公安：%(t)s") % {"t": transfer.title}, actor=actor)
    return transfer


def transfer_send(*, transfer, actor):
    """Send the transfer with its material list; the receiver is told and signs the receipt."""
    if transfer.kind == TransferKind.CRIME and transfer.state != TransferState.APPROVED:
        raise ValidationError({"state": _("涉嫌犯罪案件须经本机关负责人批准后方可移送公安机关")})
    now = timezone.now()
    with transaction.atomic():
        transfer = TRANSFER_FLOW.fire(transfer, "send", actor=actor, updates={"sent_at": now})
        rule = {TransferKind.CRIME: "crime_transfer_police", TransferKind.TRANSFER: "case_transfer"}.get(transfer.kind)
        deadline = active_deadline(transfer, rule) if rule else None
        if deadline is not None:
            deadline_meet(deadline=deadline, actor=actor, at=now)
        notification_send(
            recipients=staff_of(transfer.to_unit),
            subject=_("收到%(kind)s：%(title)s") % {"kind": transfer.get_kind_display(), "title": transfer.title},
            body=_("%(unit)s 发来%(kind)s，请签收并办理。") % {"unit": transfer.from_unit,
                                                      "kind": transfer.get_kind_display()},
            link=transfer.get_absolute_url(), actor=actor, category=Category.CASE)
    return transfer


def transfer_receive(*, transfer, actor, at=None):
    """Sign the receipt (回执): the receiver's clock for returning (or, for the police, examining) starts. ``at``
    is when the paper receipt was signed, if it is entered afterwards (default now)."""
    now = timezone.now()
    if at is not None:
        if at > now:
            raise ValidationError({"at": _("签收时间不能晚于现在")})
        if transfer.sent_at and at < transfer.sent_at:
            raise ValidationError({"at": _("签收时间不能早于发送时间 %(t)s") % {
                "t": f"{timezone.localtime(transfer.sent_at):%Y-%m-%d %H:%M}"}})
        now = at
    with transaction.atomic():
        transfer = TRANSFER_FLOW.fire(transfer, "receive", actor=actor, updates={"received_at": now,
                                                                                "received_by": actor})
        deadline_open(subject=transfer, rule=RETURN_RULE[transfer.kind], start=timezone.localdate(now),
                      responsible_unit=transfer.to_unit, title=_("审查：%(t)s") % {"t": transfer.title}, actor=actor)
        _tell_sender(transfer, _("已签收"), actor)
    return transfer


def _tell_sender(transfer, what, actor, detail=""):
    notification_send(
        recipients=staff_of(transfer.from_unit),
        subject=_("%(unit)s %(what)s：%(title)s") % {"unit": transfer.to_unit, "what": what, "title": transfer.title},
        body=detail or str(what), link=transfer.get_absolute_url(), actor=actor, category=Category.CASE)


def _decision_date(decided_on, errors, field="decided_on", after=None):
    if decided_on is None:
        errors[field] = _("请填写日期")
    elif decided_on > timezone.localdate():
        errors[field] = _("日期不能晚于今天")
    elif after is not None and decided_on < after:
        errors[field] = _("日期不能早于 %(d)s") % {"d": after}


def transfer_return(*, transfer, reason, actor):
    """Return a transfer or assistance letter outside the receiver's remit, with written reasons."""
    errors = {}
    reason = require_text(errors, "reason", reason, _("退回理由"))
    if transfer.kind == TransferKind.CRIME:
        errors["reason"] = _("公安机关对移送的涉嫌犯罪案件应作出立案或不予立案的决定")
    raise_if(errors)
    with transaction.atomic():
        transfer = TRANSFER_FLOW.fire(transfer, "return", actor=actor, updates={
            "decision_reason": reason, "decided_on": timezone.localdate()})
        deadline_meet(deadline=active_deadline(transfer, RETURN_RULE[transfer.kind]), actor=actor)
        _tell_sender(transfer, _("已退回"), actor, reason)
    return transfer


def transfer_accept(*, transfer, decided_on, actor, reason=""):
    """Accept (受理; for the police 立案) and report it to the sender. The report is due 5 working days after the
    decision, so a decision recorded late shows as a missed report."""
    errors = {}
    _decision_date(decided_on, errors, after=timezone.localdate(transfer.received_at) if transfer.received_at else None)
    raise_if(errors)
    with transaction.atomic():
        transfer = TRANSFER_FLOW.fire(transfer, "accept", actor=actor, updates={
            "decided_on": decided_on, "decision_reason": text(reason)})
        review = active_deadline(transfer, RETURN_RULE[transfer.kind])
        if transfer.kind == TransferKind.CRIME:
            deadline_meet(deadline=review, actor=actor, at=decided_on)
        else:
            # The return window only applies to matters outside the receiver's remit; accepted, it lapses.
            deadline_cancel(deadline=review, reason=_("已受理，不再退回"), actor=actor)
        if transfer.kind == TransferKind.TRANSFER:
            report = deadline_open(subject=transfer, rule="transfer_accept_report", start=decided_on,
                                   responsible_unit=transfer.to_unit, actor=actor,
                                   title=_("回告受理结果：%(t)s") % {"t": transfer.title})
            deadline_meet(deadline=report, actor=actor)
        _tell_sender(transfer, _("已受理"), actor, text(reason))
    return transfer


def transfer_refuse(*, transfer, reason, actor):
    """The police decide not to open a criminal case (不予立案), with reasons; the sender may ask for review."""
    errors = {}
    reason = require_text(errors, "reason", reason, _("不予立案理由"))
    if transfer.kind != TransferKind.CRIME:
        errors["reason"] = _("只有涉嫌犯罪案件移送可作出不予立案决定，其他移送请受理或退回")
    raise_if(errors)
    with transaction.atomic():
        transfer = TRANSFER_FLOW.fire(transfer, "refuse", actor=actor, updates={
            "decision_reason": reason, "decided_on": timezone.localdate()})
        deadline_meet(deadline=active_deadline(transfer, "police_transfer_review"), actor=actor)
        _tell_sender(transfer, _("不予立案"), actor, reason)
    return transfer


def transfer_report_result(*, transfer, handled_on, result, actor):
    """Report the result to the sender; due 10 working days after handling ended (seed 004)."""
    errors = {}
    result = require_text(errors, "result", result, _("办理结果"))
    _decision_date(handled_on, errors, "handled_on", after=transfer.decided_on)
    raise_if(errors)
    with transaction.atomic():
        transfer = TRANSFER_FLOW.fire(transfer, "report_result", actor=actor, updates={
            "handled_on": handled_on, "result": result})
        if transfer.kind == TransferKind.TRANSFER:
            report = deadline_open(subject=transfer, rule="transfer_result_report", start=handled_on,
                                   responsible_unit=transfer.to_unit, actor=actor,
                                   title=_("回告办理结果：%(t)s") % {"t": transfer.title})
            deadline_meet(deadline=report, actor=actor)
        _tell_sender(transfer, _("已回告办理结果"), actor, result)
    return transfer
