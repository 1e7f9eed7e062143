"""Registering clues, the trading centre's witnessing reports, joint verification and its conclusion."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.notifications.models import Category
from lianjian.notifications.services import notification_send
from lianjian.org.models import Region, Unit, UnitType
from lianjian.trading.models import Lot

from ..models import (
    Clue,
    ClueEntity,
    ClueOutcome,
    ClueSource,
    EvidenceFile,
    JointVerification,
    TransferKind,
    VerificationState,
    WitnessReport,
)
from ..workflows import CLUE_FLOW
from .common import (
    lead_office_of,
    raise_if,
    require_text,
    resolve_entities,
    staff_of,
    text,
)

TITLE_MAX = Clue._meta.get_field("title").max_length


def clue_register(*, source, source_object, title, description, unit, actor, region=None, lot=None, entities=()):
    """Register a clue found by ``unit`` (its owner at first) and tell the lead office. Callable from inside
    another app's transaction: nothing is written unless everything validates. Returns the clue."""
    errors = {}
    if source not in ClueSource.values:
        errors["source"] = _("未知的线索来源“%(source)s”，可选：%(values)s") % {
            "source": source, "values": "、".join(ClueSource.values)}
    title = require_text(errors, "title", title, _("线索标题"), TITLE_MAX)
    description = require_text(errors, "description", description, _("线索内容"))
    if not isinstance(unit, Unit):
        errors["unit"] = _("请指定登记线索的单位")
    if lot is not None and not isinstance(lot, Lot):
        errors["lot"] = _("标段（包）无效：%(value)s") % {"value": lot}
    if region is not None and not isinstance(region, Region):
        errors["region"] = _("行政区划无效：%(value)s") % {"value": region}
    if source_object is not None and getattr(source_object, "pk", None) is None:
        errors["source_object"] = _("线索来源事项必须是已保存的记录")
    raise_if(errors)
    pairs = resolve_entities(entities)
    region = region or (lot.region if lot is not None else unit.region)
    clue = Clue(
        source=source, title=title, description=description, unit=unit, region=region, lot=lot,
        registered_by=actor if actor is not None and actor.pk else None,
        content_type=ContentType.objects.get_for_model(source_object) if source_object is not None else None,
        object_id=source_object.pk if source_object is not None else None,
    )
    permissions.require(actor, "register", clue)
    with transaction.atomic():
        clue.save()
        ClueEntity.objects.bulk_create([ClueEntity(clue=clue, credit_code=c, entity=e) for c, e in pairs])
        audit_record(actor=actor, action="cases.clue.register", obj=clue, after=snapshot(clue),
                     detail={"entities": [c for c, _e in pairs]})
        office = lead_office_of(region)
        notification_send(
            recipients=staff_of(office), subject=_("新问题线索：%(title)s") % {"title": title},
            body=_("%(unit)s 登记了一条来自“%(source)s”的问题线索，请组织联合核查。") % {
                "unit": unit, "source": clue.get_source_display()},
            link=clue.get_absolute_url(), actor=actor, category=Category.CASE)
    return clue


def _digest(upload):
    sha, size = hashlib.sha256(), 0
    for chunk in upload.chunks():
        sha.update(chunk)
        size += len(chunk)
    upload.seek(0)
    return sha.hexdigest(), size


def witness_report_file(*, unit, lot, observed_at, place, summary, title, files, actor, entities=()):
    """The trading centre reports what it saw while witnessing, with the evidence it locked on site; the report
    becomes a clue for the lead office. Each file's SHA-256 is recorded so later tampering shows."""
    errors = {}
    summary = require_text(errors, "summary", summary, _("见证情况"))
    title = require_text(errors, "title", title, _("线索标题"), TITLE_MAX)
    if observed_at is None:
        errors["observed_at"] = _("请填写发现时间")
    elif observed_at > timezone.now():
        errors["observed_at"] = _("发现时间不能晚于现在")
    if not files:
        errors["files"] = _("请上传现场锁定的证据材料（至少一个文件）")
    raise_if(errors)
    report = WitnessReport(unit=unit, lot=lot, observed_at=observed_at, place=text(place), summary=summary,
                           reported_by=actor)
    permissions.require(actor, "report", report)
    with transaction.atomic():
        report.save()
        for upload in files:
            sha, size = _digest(upload)
            evidence = EvidenceFile.objects.create(report=report, file=upload, name=upload.name[:255], size=size,
                                                   sha256=sha, locked_by=actor)
            audit_record(actor=actor, action="cases.evidence.lock", obj=evidence, after=snapshot(evidence))
        audit_record(actor=actor, action="cases.witness_report.file", obj=report, after=snapshot(report))
        clue = clue_register(source=ClueSource.WITNESSING, source_object=report, title=title, description=summary,
                             unit=unit, actor=actor, lot=lot, entities=entities)
    return clue


def verification_assign(*, clue, members, due_on, instructions, actor):
    """The lead office forms a joint verification team from several units, with a deadline."""
    members = list(dict.fromkeys(members or ()))
    errors = {}
    if len(members) < 2:
        errors["members"] = _("联合核查须由两个及以上单位组成，请选择参加单位")
    if due_on is None:
        errors["due_on"] = _("请填写核查期限")
    elif due_on < timezone.localdate():
        errors["due_on"] = _("核查期限不能早于今天")
    raise_if(errors)
    office = getattr(actor, "unit", None)
    with transaction.atomic():
        clue = CLUE_FLOW.fire(clue, "assign", actor=actor)
        verification = JointVerification.objects.create(clue=clue, lead_unit=office, due_on=due_on,
                                                         instructions=text(instructions), assigned_by=actor)
        verification.members.set(members)
        audit_record(actor=actor, action="cases.verification.assign", obj=verification,
                     after={**snapshot(verification), "members": [m.pk for m in members]})
        notification_send(
            recipients=staff_of(*members), subject=_("联合核查任务：%(clue)s") % {"clue": clue.title},
            body=_("%(office)s 组织联合核查，请于 %(due)s 前完成。") % {"office": office, "due": due_on},
            link=clue.get_absolute_url(), actor=actor, category=Category.CASE)
    return verification


def verification_report(*, clue, findings, actor):
    """A member of the team records the joint findings (核查情况); the lead office then concludes."""
    errors = {}
    findings = require_text(errors, "findings", findings, _("核查情况"))
    raise_if(errors)
    permissions.require(actor, "report", clue)
    with transaction.atomic():
        verification = JointVerification.objects.select_for_update().get(clue=clue)
        if verification.state != VerificationState.OPEN:
            raise ValidationError({"findings": _("核查情况已报告，不能重复报告")})
        verification.findings, verification.state = findings, VerificationState.REPORTED
        verification.reported_at = timezone.now()
        verification.save(update_fields=["findings", "state", "reported_at"])
        audit_record(actor=actor, action="cases.verification.report", obj=verification,
                     after={"findings": findings})
    return verification


# The kind of unit each outcome hands the clue to (seed 000 §10, 002 §10).
OUTCOME_UNIT_TYPES = {
    ClueOutcome.VIOLATION: {UnitType.INDUSTRY_SUPERVISOR},
    ClueOutcome.PENALTY: {UnitType.INDUSTRY_SUPERVISOR, UnitType.MEMBER},
    ClueOutcome.DISCIPLINE: {UnitType.DISCIPLINE},
    ClueOutcome.CRIME: {UnitType.POLICE},
    ClueOutcome.OTHER_REGION: {UnitType.LEAD_OFFICE},
}


def _outcome_errors(clue, outcome, reason, unit, actor):
    errors = {}
    if outcome not in ClueOutcome.values:
        errors["outcome"] = _("请选择核查结论")
        return errors
    if not text(reason):
        errors["reason"] = _("请填写结论理由") if outcome != ClueOutcome.UNFOUNDED else _("查无实据了结须写明理由")
    if outcome == ClueOutcome.UNFOUNDED:
        return errors
    if unit is None:
        errors["unit"] = _("请选择承办单位")
    elif unit.type not in OUTCOME_UNIT_TYPES[outcome]:
        errors["unit"] = _("“%(outcome)s”应交由%(types)s，“%(unit)s”是%(type)s") % {
            "outcome": ClueOutcome(outcome).label, "unit": unit, "type": unit.get_type_display(),
            "types": "、".join(str(UnitType(t).label) for t in OUTCOME_UNIT_TYPES[outcome])}
    elif outcome == ClueOutcome.OTHER_REGION and unit.region.contains(clue.region):
        errors["unit"] = _("“%(unit)s”不属于其他地区，请选择有管辖权地区的牵头单位") % {"unit": unit}
    elif outcome != ClueOutcome.OTHER_REGION and not permissions.can(actor, "view", unit):
        errors["unit"] = _("“%(unit)s”不在本地区范围内") % {"unit": unit}
    return errors


def clue_conclude(*, clue, outcome, reason, actor, unit=None, team=()):
    """Conclude a verified clue. Unfounded: closed with reasons. Violation or penalty: the competent unit (or the
    enforcement team) sees the clue and opens a case. Discipline, crime and other-region: a confidential transfer
    (or, for crime, a 310号令 transfer awaiting the head's approval) is drafted for the lead office to send."""
    from .transfers import transfer_create

    errors = _outcome_errors(clue, outcome, reason, unit, actor)
    verification = JointVerification.objects.filter(clue=clue).first()
    if verification is None or verification.state != VerificationState.REPORTED:
        errors["outcome"] = _("联合核查组尚未报告核查情况，不能作出结论")
    raise_if(errors)
    reason = text(reason)
    name = "close_unfounded" if outcome == ClueOutcome.UNFOUNDED else "dispose"
    with transaction.atomic():
        clue = CLUE_FLOW.fire(clue, name, actor=actor, updates={
            "outcome": outcome, "outcome_reason": reason, "outcome_unit": unit, "concluded_at": timezone.now()})
        transfer = None
        kinds = {ClueOutcome.DISCIPLINE: TransferKind.TRANSFER, ClueOutcome.OTHER_REGION: TransferKind.TRANSFER,
                 ClueOutcome.CRIME: TransferKind.CRIME}
        if outcome in kinds:
            transfer = transfer_create(
                kind=kinds[outcome], from_unit=actor.unit, to_unit=unit, clue=clue, title=clue.title,
                facts=f"{clue.description}\n\n{verification.findings}", request=reason,
                discovered_on=timezone.localdate(), materials=[(_("问题线索及联合核查报告"), 1, None)],
                team=team if outcome == ClueOutcome.CRIME else (), actor=actor)
        elif unit is not None:
            notification_send(
                recipients=staff_of(unit), subject=_("请立案查处：%(clue)s") % {"clue": clue.title},
                body=_("经联合核查，%(outcome)s。理由：%(reason)s") % {"outcome": clue.get_outcome_display(),
                                                                "reason": reason},
                link=clue.get_absolute_url(), actor=actor, category=Category.CASE)
    return clue, transfer
