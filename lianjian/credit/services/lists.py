"""Listing a subject on the 严重失信主体名单, the watch list or the red list, and ending listings: at expiry (the
periodic job) or early through credit repair. Ending a listing stops every measure it carried in the same
statement (seeds 000 §(十四), 002 §(十三): 移出名单的，应及时停止实施惩戒措施)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.org import access
from lianjian.workdays.selectors import work_calendar

from ..models import AppliedMeasure, CreditList, ListEntry, ListRule, ListState, MeasureState
from .measures import credit_check_lot, lots_in_progress_of
from .records import scheme_for, snapshot_scores

TEXT_LIMITS = {"legal_basis": 300, "document_no": 120}


def _validate_entry(*, credit_list, entity, expert, legal_basis, document_no, facts, starts_on, ends_on,
                    memorandum):
    errors = {}
    if credit_list not in CreditList.values:
        errors["credit_list"] = _("未知的名单“%(v)s”") % {"v": credit_list}
    if (entity is None) == (expert is None):
        errors["entity"] = _("请选择一个列入对象：市场主体或评标专家（二者择一）")
    for field, label, value in (("legal_basis", _("认定依据"), legal_basis), ("document_no", _("认定文书编号"),
                                                                           document_no)):
        text = (value or "").strip()
        if not text:
            errors[field] = _("请填写%(label)s") % {"label": label}
        elif len(text) > TEXT_LIMITS[field]:
            errors[field] = _("%(label)s不能超过 %(n)d 个字符") % {"label": label, "n": TEXT_LIMITS[field]}
    if not (facts or "").strip():
        errors["facts"] = _("请填写失信（守信）事实")
    if credit_list == CreditList.BLACKLIST and memorandum is None:
        errors["memorandum"] = _("严重失信主体须选择据以实施联合惩戒的备忘录")
    if credit_list != CreditList.BLACKLIST and memorandum is not None:
        errors["memorandum"] = _("只有严重失信主体名单实施联合惩戒措施")
    if memorandum is not None and not memorandum.is_active:
        errors["memorandum"] = _("备忘录“%(m)s”已失效") % {"m": memorandum.code}
    if not isinstance(starts_on, datetime.date):
        errors["starts_on"] = _("请填写列入日期")
    if not isinstance(ends_on, datetime.date):
        errors["ends_on"] = _("请填写期满日期")
    rule = ListRule.objects.filter(credit_list=credit_list).first()
    if credit_list in CreditList.values and rule is None:
        errors["credit_list"] = _("未配置该名单的期限规则")
    if errors:
        raise ValidationError(errors)
    calendar = work_calendar()
    shortest = calendar.add_months(starts_on, rule.min_months).date
    longest = calendar.add_months(starts_on, rule.max_months).date
    if not shortest <= ends_on <= longest:
        raise ValidationError({"ends_on": _("期满日期须在列入后 %(min)d 至 %(max)d 个月之间（%(a)s 至 %(b)s；%(source)s）")
                               % {"min": rule.min_months, "max": rule.max_months, "a": shortest, "b": longest,
                                  "source": rule.source}})
    subject_filter = {"entity": entity} if entity is not None else {"expert": expert}
    if ListEntry.objects.filter(credit_list=credit_list, state=ListState.LISTED, **subject_filter).exists():
        raise ValidationError({"entity": _("该对象已在%(list)s中") % {"list": CreditList(credit_list).label}})
    return shortest


def list_entry_add(*, credit_list, legal_basis, document_no, facts, starts_on, ends_on, actor, entity=None,
                   expert=None, internal_note="", published=False, memorandum=None):
    """List a market entity or an expert (失信相关人). A blacklist entry applies every measure of its memorandum
    until it ends, and the lots in progress where the subject takes part are checked at once."""
    unit = access.actor_unit(actor)
    permissions.require(actor, "list", model=ListEntry)
    if unit is None:
        raise ValidationError({"unit": _("认定人须属于一个成员单位")})
    earliest = _validate_entry(credit_list=credit_list, entity=entity, expert=expert, legal_basis=legal_basis,
                               document_no=document_no, facts=facts, starts_on=starts_on, ends_on=ends_on,
                               memorandum=memorandum)
    try:
        with transaction.atomic():
            entry = ListEntry.objects.create(
                credit_list=credit_list, entity=entity, expert=expert, legal_basis=legal_basis.strip(),
                document_no=document_no.strip(), facts=facts.strip(), internal_note=(internal_note or "").strip(),
                starts_on=starts_on, ends_on=ends_on, earliest_removal_on=earliest, published=bool(published),
                memorandum=memorandum, unit=unit, listed_by=actor if actor.pk else None,
            )
            if memorandum is not None:
                AppliedMeasure.objects.bulk_create([
                    AppliedMeasure(entry=entry, measure=m, starts_on=starts_on, ends_on=ends_on)
                    for m in memorandum.measures.all()
                ])
            audit_record(actor=actor, action="credit.entry.list", obj=entry, after=snapshot(entry),
                         detail={"measures": entry.measures.count()})
            if entity is not None:
                snapshot_scores(entity=entity, scheme=scheme_for(unit.region), dates={timezone.localdate()})
    except IntegrityError:
        raise ValidationError({"entity": _("该对象刚刚已由他人列入%(list)s") % {"list": CreditList(credit_list).label}},
                              code="stale_transition") from None
    if memorandum is not None:
        for lot in lots_in_progress_of(entry):
            credit_check_lot(lot=lot, actor=None)
    return entry


def end_listing(*, entry, state, actor, reason, today=None):
    """Move a listed entry to ``state`` (removed or expired) and stop its measures, with one conditional UPDATE
    each: a second caller finds nothing left to end. Returns whether this call ended it. Runs inside the
    caller's transaction."""
    today = today or timezone.localdate()
    ended = ListEntry.objects.filter(pk=entry.pk, state=ListState.LISTED).update(
        state=state, removed_on=today, state_version=F("state_version") + 1)
    if not ended:
        return False
    stopped = AppliedMeasure.objects.filter(entry=entry, state=MeasureState.ACTIVE).update(
        state=MeasureState.STOPPED, stopped_on=today, stop_reason=reason)
    entry.refresh_from_db()
    audit_record(actor=actor, action=f"credit.entry.{state}", obj=entry, before={"state": ListState.LISTED},
                 after={"state": state, "removed_on": today}, detail={"measures_stopped": stopped, "reason": reason})
    if entry.entity_id:
        snapshot_scores(entity=entry.entity, scheme=scheme_for(entry.unit.region), dates={today})
    return True


def list_entries_expire(*, today=None):
    """End every listing whose period is over (system work, run daily). Returns how many ended."""
    today = today or timezone.localdate()
    count = 0
    for entry in ListEntry.objects.filter(state=ListState.LISTED, ends_on__lt=today).select_related("unit__region"):
        with transaction.atomic():
            count += end_listing(entry=entry, state=ListState.EXPIRED, actor=None, reason=_("期满移出"), today=today)
    return count

