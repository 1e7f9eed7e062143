"""Handling an alert: dispatch by hand, triage (confirm → clue, dismiss, return) and supervision (督办)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record
from lianjian.cases.services import clue_register
from lianjian.cases.services.common import lead_office_of
from lianjian.core import permissions
from lianjian.deadlines.models import DeadlineStatus
from lianjian.deadlines.services import deadline_cancel, deadline_meet
from lianjian.notifications.services import notification_send
from lianjian.org import access
from lianjian.org.models import Unit
from lianjian.trading.models import Entity

from ..models import Alert, AlertState, Supervision
from .common import ALERT_FLOW, notify_units, triage_deadline, triage_deadline_open
from .dispatch import unit_officers

CLUE_SOURCE = "monitoring"
TITLE_MAX = 200


def _text(value):
    return (value or "").strip()


def alert_dispatch(*, alert, unit, actor):
    """The lead office hands an alert nobody was found competent for (or one a unit returned) to ``unit``."""
    errors = {}
    if not isinstance(unit, Unit) or not unit.is_active:
        errors["unit"] = _("请选择承办单位")
    elif unit.is_oversight:
        errors["unit"] = _("纪检监察、审计、公安单位只读，不能承办预警")
    elif alert.region_id is not None and not (alert.region.contains(unit.region)
                                              or unit.region.contains(alert.region)):
        errors["unit"] = _("承办单位“%(unit)s”不在本预警所在地区“%(region)s”") % {"unit": unit, "region": alert.region}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        alert = ALERT_FLOW.fire(alert, "dispatch", actor=actor, updates={
            "unit": unit, "region": alert.region or unit.region, "dispatched_at": timezone.now(),
            "dispatch_basis": _("牵头单位分办（%(person)s）") % {"person": actor}})
        triage_deadline_open(alert)
        notify_units({unit: [alert]}, subject=_("新分办风险预警 %(n)d 条，请及时研判"), actor=actor)
    return alert


def _close_deadline(alert, actor):
    deadline = triage_deadline(alert)
    if deadline is not None:
        deadline_meet(deadline=deadline, actor=actor)


def alert_confirm(*, alert, actor, note=""):
    """An officer of the competent unit confirms the alert: it becomes a clue (问题线索) of the cases module, in
    the same transaction, so there is never a confirmed alert without its clue or a clue twice."""
    note = _text(note)
    with transaction.atomic():
        alert = ALERT_FLOW.fire(alert, "confirm", actor=actor, updates={
            "triaged_by": actor, "triaged_at": timezone.now(), "triage_note": note})
        lines = [
            _("指标：%(code)s %(name)s") % {"code": alert.indicator, "name": alert.indicator_name},
            _("标段：%(lot)s") % {"lot": alert.lot or alert.lot_code},
            _("预警等级：%(severity)s；风险分值：%(score).2f") % {"severity": alert.get_severity_display(),
                                                      "score": alert.score},
            _("涉及主体：%(codes)s") % {"codes": "、".join(alert.entities) or "—"},
        ]
        if alert.basis:
            lines.append(_("依据：%(basis)s") % {"basis": alert.basis})
        if note:
            lines.append(_("研判意见：%(note)s") % {"note": note})
        title = _("数据监测预警：%(alert)s") % {"alert": alert}
        clue = clue_register(
            source=CLUE_SOURCE, source_object=alert, title=title[:TITLE_MAX], description="\n".join(lines),
            unit=alert.unit, actor=actor, region=alert.region, lot=alert.lot,
            entities=list(Entity.objects.filter(credit_code__in=alert.entities)),
        )
        alert.clue = clue
        alert.save(update_fields=["clue_type", "clue_id", "updated_at"])
        _close_deadline(alert, actor)
    return alert


def alert_dismiss(*, alert, reason, actor):
    """An officer of the competent unit rules the alert out, saying why; it stays dismissed unless later runs
    bring materially different evidence."""
    reason = _text(reason)
    if not reason:
        raise ValidationError({"reason": _("请填写排除理由（如：经核实，相同MAC地址系同一招标代理机构电脑所致）")})
    with transaction.atomic():
        alert = ALERT_FLOW.fire(alert, "dismiss", actor=actor, updates={
            "triaged_by": actor, "triaged_at": timezone.now(), "dismiss_reason": reason})
        _close_deadline(alert, actor)
    return alert


def alert_return(*, alert, reason, actor):
    """The unit says the alert is outside its remit and hands it back to the lead office to dispatch again."""
    reason = _text(reason)
    if not reason:
        raise ValidationError({"reason": _("请说明退回理由（如：不属于本部门监管的行业领域）")})
    unit = alert.unit
    with transaction.atomic():
        alert = ALERT_FLOW.fire(alert, "return", actor=actor, detail={"reason": reason}, updates={
            "unit": None, "dispatch_basis": "", "dispatched_at": None})
        deadline = triage_deadline(alert)
        if deadline is not None:
            deadline_cancel(deadline=deadline, reason=_("退回牵头单位：%(reason)s") % {"reason": reason}, actor=actor)
        office = lead_office_of(alert.region) if alert.region_id else None
        if office is not None:
            notification_send(
                recipients=unit_officers(office),
                subject=_("%(unit)s 退回风险预警，请重新分办") % {"unit": unit},
                body=_("%(alert)s\n退回理由：%(reason)s") % {"alert": alert, "reason": reason},
                link=alert.get_absolute_url(), actor=actor)
    return alert


def alert_supervise(*, alert, note, actor):
    """The lead office presses the competent unit on an alert whose triage deadline has run out (督办): the
    unit's officers are told, and the 督办 is recorded and shown on the alert."""
    permissions.require(actor, "supervise", alert)
    note = _text(note)
    errors = {}
    if not note:
        errors["note"] = _("请填写督办意见（如：请于3个工作日内完成研判并反馈）")
    deadline = triage_deadline(alert) if alert.state == AlertState.PENDING else None
    if deadline is None or deadline.status != DeadlineStatus.OVERDUE:
        errors["alert"] = _("只能督办研判已逾期的预警：%(alert)s") % {"alert": alert}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        # Lock the alert so a 督办 never lands on an alert being triaged at the same moment.
        locked = Alert.objects.select_for_update().get(pk=alert.pk)
        if locked.state_version != alert.state_version:
            raise ValidationError(_("%(alert)s 已被他人处理，请刷新后重试") % {"alert": alert}, code="stale_transition")
        record = Supervision.objects.create(alert=alert, unit=access.actor_unit(actor), by=actor, note=note,
                                            due=deadline.due)
        audit_record(actor=actor, action="monitoring.alert.supervise", obj=alert,
                     after={"supervision": record.pk, "note": note, "due": deadline.due})
        notification_send(
            recipients=unit_officers(alert.unit),
            subject=_("督办：风险预警研判已逾期（到期日 %(due)s）") % {"due": deadline.due.isoformat()},
            body=_("%(alert)s\n督办意见：%(note)s") % {"alert": alert, "note": note},
            link=alert.get_absolute_url(), actor=actor)
    return record
