"""Case workflow 立案 → 调查 → 告知 → (听证) → (法制审核/集体讨论) → 决定 → 送达 → 执行 → 结案, on the deadline
machinery (rules.md §8: decision within 90 days of registering, hearing request within 5 working days of notice,
service within 7 working days; the decision is copied to every member unit, seed 002 §12)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.credit.models import RecordSource
from lianjian.credit.services import credit_record_add
from lianjian.deadlines.services import deadline_cancel, deadline_meet, deadline_open
from lianjian.notifications.models import Category
from lianjian.notifications.services import notification_send
from lianjian.org.models import PowerKind, Unit
from lianjian.org.services import power_item_check

from ..models import (
    Case,
    CaseParty,
    CaseState,
    ClueOutcome,
    ClueState,
    DecisionKind,
    PenaltyDecision,
    TransferState,
)
from ..reference_data import (
    CASE_HANDLERS_MIN,
    CASE_HANDLERS_SOURCE,
    CREDIT_ITEM_BY_VIOLATION,
    CREDIT_ITEM_DEFAULT,
)
from ..workflows import CASE_FLOW
from .common import raise_if, require_text, resolve_entities, staff_of, text
from .transfers import active_deadline

TITLE_MAX = Case._meta.get_field("title").max_length
DOC_NUMBER_MAX = PenaltyDecision._meta.get_field("document_number").max_length


def _date_not_future(errors, field, value, label, after=None):
    if value is None:
        errors[field] = _("请填写%(label)s") % {"label": label}
    elif value > timezone.localdate():
        errors[field] = _("%(label)s不能晚于今天") % {"label": label}
    elif after is not None and value < after:
        errors[field] = _("%(label)s不能早于 %(date)s") % {"label": label, "date": after}


def case_register(*, unit, title, facts, handlers, registered_on, actor, clue=None, transfer=None, lot=None,
                  parties=(), is_major=False):
    """Register a case (立案) of ``unit``; from a disposed clue assigned to it or a transfer it accepted.
    The 90-day decision clock starts on the registration date."""
    errors = {}
    title = require_text(errors, "title", title, _("案由"), TITLE_MAX)
    facts = require_text(errors, "facts", facts, _("案情摘要"))
    handlers = list(dict.fromkeys(handlers or ()))
    if len(handlers) < CASE_HANDLERS_MIN:
        errors["handlers"] = _("承办人不得少于 %(n)d 人。依据：%(source)s") % {"n": CASE_HANDLERS_MIN,
                                                                      "source": CASE_HANDLERS_SOURCE}
    elif any(h.unit_id != unit.pk for h in handlers):
        errors["handlers"] = _("承办人须为本单位执法人员：%(names)s 不属于 %(unit)s") % {
            "names": "、".join(str(h) for h in handlers if h.unit_id != unit.pk), "unit": unit}
    _date_not_future(errors, "registered_on", registered_on, _("立案日期"))
    if clue is not None and (clue.state != ClueState.DISPOSED or clue.outcome_unit_id != unit.pk
                             or clue.outcome not in (ClueOutcome.VIOLATION, ClueOutcome.PENALTY)):
        errors["clue"] = _("线索“%(clue)s”未经核查交由本单位立案查处") % {"clue": clue}
    if transfer is not None and (transfer.to_unit_id != unit.pk or transfer.state != TransferState.ACCEPTED):
        errors["transfer"] = _("移送“%(t)s”未由本单位受理") % {"t": transfer}
    raise_if(errors)
    pairs = resolve_entities(parties, "parties")
    case = Case(unit=unit, title=title, facts=facts, registered_on=registered_on, registered_by=actor, clue=clue,
                transfer=transfer, lot=lot or (clue.lot if clue is not None else None), is_major=is_major)
    permissions.require(actor, "register", case)
    with transaction.atomic():
        case.save()
        case.handlers.set(handlers)
        CaseParty.objects.bulk_create([CaseParty(case=case, credit_code=c, entity=e, name=str(e) if e else c)
                                       for c, e in pairs])
        audit_record(actor=actor, action="cases.case.register", obj=case,
                     after={**snapshot(case), "handlers": [h.pk for h in handlers], "parties": [c for c, _e in pairs]})
        deadline_open(subject=case, rule="penalty_decision", start=registered_on, responsible_unit=unit,
                      title=_("作出处罚决定：%(t)s") % {"t": title}, actor=actor)
    return case


def case_investigate(*, case, actor):
    return CASE_FLOW.fire(case, "investigate", actor=actor)


def case_notify(*, case, notified_on, summary, actor):
    """Advance notice (事先告知) of the intended penalty: the party may state, defend and ask for a hearing
    within the window of rule ``penalty_hearing_request``."""
    errors = {}
    summary = require_text(errors, "summary", summary, _("调查终结报告"))
    _date_not_future(errors, "notified_on", notified_on, _("告知日期"), after=case.registered_on)
    raise_if(errors)
    with transaction.atomic():
        case = CASE_FLOW.fire(case, "notify", actor=actor, updates={"notified_on": notified_on,
                                                                    "investigation_summary": summary})
        deadline_open(subject=case, rule="penalty_hearing_request", start=notified_on, responsible_unit=case.unit,
                      title=_("当事人申请听证期限：%(t)s") % {"t": case.title}, actor=actor)
    return case


def case_request_hearing(*, case, requested_on, actor):
    """Record the party's hearing request; refused when made after the window closed."""
    deadline = active_deadline(case, "penalty_hearing_request")
    errors = {}
    _date_not_future(errors, "requested_on", requested_on, _("申请日期"), after=case.notified_on)
    if not errors and deadline is not None and requested_on > deadline.due:
        errors["requested_on"] = _("申请听证期限已于 %(due)s 届满") % {"due": deadline.due}
    raise_if(errors)
    with transaction.atomic():
        case = CASE_FLOW.fire(case, "request_hearing", actor=actor, updates={"hearing_requested_on": requested_on})
        if deadline is not None:
            deadline_meet(deadline=deadline, actor=actor, at=requested_on)
    return case


def case_review(*, case, opinion, actor):
    """Legal review and collective discussion (法制审核/集体讨论), required before deciding a major case."""
    errors = {}
    opinion = require_text(errors, "opinion", opinion, _("法制审核/集体讨论意见"))
    raise_if(errors)
    return CASE_FLOW.fire(case, "review", actor=actor, updates={"review_opinion": opinion})


def benchmark_propose(*, benchmark, base_amount):
    """The fine range the discretion benchmark proposes for ``base_amount`` (None when it needs a base)."""
    return benchmark.fine_range(base_amount)


def _decision_errors(case, data):
    errors = {}
    kind = data["kind"]
    if kind not in DecisionKind.values:
        errors["kind"] = _("请选择决定类型")
        return errors
    number = require_text(errors, "document_number", data["document_number"], _("决定书文号"), DOC_NUMBER_MAX)
    if number and PenaltyDecision.objects.filter(document_number=number).exists():
        errors["document_number"] = _("决定书文号“%(n)s”已被使用") % {"n": number}
    require_text(errors, "reasons", data["reasons"], _("理由和依据"))
    _date_not_future(errors, "decided_on", data["decided_on"], _("决定日期"), after=case.notified_on)
    if case.is_major and case.state != CaseState.REVIEWING:
        errors["kind"] = _("重大案件须经法制审核和集体讨论后方可作出决定")
    hearing = active_deadline(case, "penalty_hearing_request")
    if hearing is not None and data["decided_on"] and data["decided_on"] <= hearing.due:
        errors["decided_on"] = _("当事人陈述、申辩和申请听证的期限至 %(due)s 届满，届满前不能作出决定") % {
            "due": hearing.due}
    if kind == DecisionKind.PENALTY:
        benchmark, base, fine = data["benchmark"], data["base_amount"], data["fine_amount"]
        if benchmark is None:
            errors["benchmark"] = _("给予行政处罚须适用裁量基准")
        elif fine is None and not text(data["other_measures"]):
            errors["fine_amount"] = _("请填写罚款金额或其他处罚")
        elif fine is not None:
            bounds = benchmark.fine_range(base)
            if bounds is None:
                errors["base_amount"] = _("裁量基准按“%(base)s”计罚，请填写计罚基数") % {"base": benchmark.base_label}
            elif not bounds[0] <= fine <= bounds[1]:
                errors["fine_amount"] = _("罚款 %(fine)s 元超出裁量基准“%(b)s”的幅度 %(low).2f–%(high).2f 元") % {
                    "fine": fine, "b": benchmark, "low": bounds[0], "high": bounds[1]}
    elif kind == DecisionKind.TOLERATED:
        if data["tolerance_item"] is None:
            errors["tolerance_item"] = _("容错免罚须选择容错清单事项")
        if not text(data["credit_commitment"]):
            errors["credit_commitment"] = _("容错免罚须当事人主动纠错并作出公开信用承诺")
    return errors


def case_decide(*, case, kind, document_number, decided_on, power_item, reasons, actor, benchmark=None,
                base_amount=None, fine_amount=None, other_measures="", tolerance_item=None, credit_commitment=""):
    """Decide the case, citing an item of the unit's published power list (refused otherwise). A penalty follows
    the discretion benchmark; a tolerated violation ends with no penalty, no score and no publication. A penalty
    is copied to every member unit of the region on the day of decision."""
    permissions.require(actor, "decide", case)
    item = power_item_check(unit=case.unit, power_item=power_item, kinds=[PowerKind.PENALTY])
    data = {"kind": kind, "document_number": document_number, "decided_on": decided_on, "reasons": reasons,
            "benchmark": benchmark, "base_amount": base_amount, "fine_amount": fine_amount,
            "other_measures": other_measures, "tolerance_item": tolerance_item,
            "credit_commitment": credit_commitment}
    raise_if(_decision_errors(case, data))
    tolerated = kind == DecisionKind.TOLERATED
    penalty = kind == DecisionKind.PENALTY
    with transaction.atomic():
        hearing = active_deadline(case, "penalty_hearing_request")
        if hearing is not None:
            deadline_cancel(deadline=hearing, reason=_("当事人在期限内未申请听证"), actor=actor)
        case = CASE_FLOW.fire(case, "decide", actor=actor)
        decision = PenaltyDecision.objects.create(
            case=case, kind=kind, document_number=text(document_number), decided_on=decided_on, power_item=item,
            benchmark=benchmark if penalty else None, circumstance=benchmark.circumstance if penalty else "",
            base_amount=base_amount if penalty else None, fine_amount=fine_amount if penalty else None,
            other_measures=text(other_measures), tolerance_item=tolerance_item if tolerated else None,
            credit_commitment=text(credit_commitment) if tolerated else "", reasons=text(reasons),
            publish=penalty, counts_for_score=penalty, created_by=actor)
        audit_record(actor=actor, action="cases.decision.create", obj=decision, after=snapshot(decision))
        decide_clock = active_deadline(case, "penalty_decision")
        if decide_clock is not None:
            deadline_meet(deadline=decide_clock, actor=actor, at=decided_on)
        deadline_open(subject=case, rule="penalty_service", start=decided_on, responsible_unit=case.unit,
                      title=_("送达决定书：%(t)s") % {"t": case.title}, actor=actor)
        if penalty:
            _copy_to_members(case, decision, actor)
            _score_parties(case, decision, actor)
    return case


def _score_parties(case, decision, actor):
    """A penalty lowers each penalised market entity's credit score (seed 004 §(五)2): the credit record cites the
    decision, so one decision scores each party once."""
    prefix = decision.benchmark.code.split("_")[0] if decision.benchmark else ""
    item = CREDIT_ITEM_BY_VIOLATION.get(prefix, CREDIT_ITEM_DEFAULT)
    for party in case.parties.select_related("entity").filter(entity__isnull=False):
        credit_record_add(entity=party.entity, kind=item, source=RecordSource.PENALTY_DECISION,
                          source_object=decision, decided_on=decision.decided_on,
                          document_no=decision.document_number, description=case.title, actor=actor)


def _copy_to_members(case, decision, actor):
    copy = deadline_open(subject=case, rule="penalty_decision_copy", start=decision.decided_on,
                         responsible_unit=case.unit, title=_("抄送处罚决定：%(t)s") % {"t": case.title}, actor=actor)
    region = case.unit.region
    members = Unit.objects.filter(is_active=True, region__code__startswith=region.subtree_prefix).exclude(pk=case.unit_id)
    notification_send(
        recipients=staff_of(*members), subject=_("行政处罚决定抄送：%(n)s") % {"n": decision.document_number},
        body=_("%(unit)s 作出行政处罚决定 %(n)s：%(title)s。") % {
            "unit": case.unit, "n": decision.document_number, "title": case.title},
        link=case.get_absolute_url(), actor=actor, category=Category.CASE)
    deadline_meet(deadline=copy, actor=actor)


def case_serve(*, case, served_on, actor):
    decision = case.decision
    errors = {}
    _date_not_future(errors, "served_on", served_on, _("送达日期"), after=decision.decided_on)
    raise_if(errors)
    with transaction.atomic():
        case = CASE_FLOW.fire(case, "serve", actor=actor)
        PenaltyDecision.objects.filter(pk=decision.pk).update(served_on=served_on)
        audit_record(actor=actor, action="cases.decision.serve", obj=decision, after={"served_on": served_on})
        deadline = active_deadline(case, "penalty_service")
        if deadline is not None:
            deadline_meet(deadline=deadline, actor=actor, at=served_on)
    return case


def case_execute(*, case, executed_on, actor):
    decision = case.decision
    errors = {}
    if decision.kind != DecisionKind.PENALTY:
        errors["executed_on"] = _("不予处罚的案件无需执行，送达后即可结案")
    else:
        _date_not_future(errors, "executed_on", executed_on, _("执行完毕日期"), after=decision.served_on)
    raise_if(errors)
    with transaction.atomic():
        case = CASE_FLOW.fire(case, "execute", actor=actor)
        PenaltyDecision.objects.filter(pk=decision.pk).update(executed_on=executed_on)
        audit_record(actor=actor, action="cases.decision.execute", obj=decision, after={"executed_on": executed_on})
    return case


def case_close(*, case, summary, actor):
    """Close the case (结案): a penalty only once executed."""
    errors = {}
    summary = require_text(errors, "summary", summary, _("结案报告"))
    if case.state == CaseState.SERVED and case.decision.kind == DecisionKind.PENALTY:
        errors["summary"] = _("行政处罚尚未执行完毕，不能结案")
    raise_if(errors)
    if case.state not in (CaseState.SERVED, CaseState.EXECUTED):
        raise ValidationError({"summary": _("案件尚未送达决定书，不能结案")})
    return CASE_FLOW.fire(case, "close", actor=actor, updates={"closed_on": timezone.localdate(),
                                                               "closing_summary": summary})
