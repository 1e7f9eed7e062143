"""Meetings and their agenda: regular meetings every half year, ad-hoc requests, proposals signed by the unit
head, compilation by the office and approval by the convener (seed 004 §(一); seeds 000, 002 §(一))."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.deadlines.services import deadline_open
from lianjian.notifications.services import notification_send
from lianjian.org.models import RoleCode, Unit, UnitType

from ..models import (
    AgendaItem,
    AgendaSource,
    AgendaState,
    Meeting,
    MeetingKind,
    MeetingState,
)
from .common import (
    AGENDA_FLOW,
    MEETING_FLOW,
    REGULAR_MEETING_RULE,
    member_people,
    raise_if,
    text,
)

TITLE_MAX = Meeting._meta.get_field("title").max_length
OPEN_REGULAR_STATES = (MeetingState.PLANNED, MeetingState.COMPILED, MeetingState.APPROVED)


def _notify(recipients, subject, body, link, actor):
    recipients = list(recipients)
    transaction.on_commit(lambda: notification_send(recipients=recipients, subject=subject, body=body, link=link,
                                                    actor=actor))


def _locked_meeting(meeting):
    """Re-read the meeting under a row lock, so an action that depends on its state waits for a concurrent
    transition (compiling, approving) and then sees its outcome."""
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _regular_title(due):
    half = _("上半年") if due.month <= 6 else _("下半年")
    return _("%(year)d年%(half)s联席会议") % {"year": due.year, "half": half}


def meetings_schedule_regular(*, today=None):
    """For every active lead office with no regular meeting in preparation, schedule the next one: its clock
    (rule ``joint_meeting``, every half year) runs from the last regular meeting held, or from today for the
    first; the deadline reminders warn the office as it runs out. Members are asked for agenda items. Safe to
    run repeatedly and in two workers at once. Returns the meetings created."""
    today = today or timezone.localdate()
    created = []
    for lead in Unit.objects.filter(type=UnitType.LEAD_OFFICE, is_active=True).select_related("region"):
        if Meeting.objects.filter(unit=lead, kind=MeetingKind.REGULAR, state__in=OPEN_REGULAR_STATES).exists():
            continue
        last = (Meeting.objects.filter(unit=lead, kind=MeetingKind.REGULAR, state=MeetingState.HELD)
                .order_by("-held_on").values_list("held_on", flat=True).first())
        try:
            with transaction.atomic():
                meeting = Meeting.objects.create(unit=lead, kind=MeetingKind.REGULAR, title=_("定期联席会议"))
                deadline = deadline_open(subject=meeting, rule=REGULAR_MEETING_RULE, start=last or today,
                                         responsible_unit=lead, actor=None,
                                         title=_("召开定期联席会议：%(unit)s") % {"unit": lead})
                meeting.title = _regular_title(deadline.due)
                meeting.save(update_fields=["title"])
                audit_record(actor=None, action="meetings.meeting.schedule", obj=meeting, after=snapshot(meeting),
                             detail={"due": deadline.due, "from": last or today})
                _notify(member_people(lead), _("征集议题：%(t)s") % {"t": meeting.title},
                        _("%(unit)s 将于 %(due)s 前召开%(t)s。需提请会议研究的事项，请经本单位主要负责人签字后报送联席会议办公室。")
                        % {"unit": lead, "due": deadline.due.isoformat(), "t": meeting.title},
                        meeting.get_absolute_url(), None)
        except IntegrityError:
            # Another worker scheduled this office's meeting between our check and our insert.
            continue
        created.append(meeting)
    return created


def meeting_request(*, lead_unit, title, reasons, actor, planned_on=None):
    """Ask the convener for an ad-hoc meeting (seed 002 §(一): 遇到重大风险、突出问题或其他必要情况，可由牵头部门或
    成员单位提请召开). The reasons are required."""
    meeting = Meeting(unit=lead_unit, kind=MeetingKind.AD_HOC, title=text(title), reasons=text(reasons),
                      requested_by_unit=getattr(actor, "unit", None), planned_on=planned_on,
                      state=MeetingState.REQUESTED, created_by=actor)
    permissions.require(actor, "request", meeting)
    errors = {}
    if lead_unit is None or lead_unit.type != UnitType.LEAD_OFFICE:
        errors["lead_unit"] = _("请选择召集会议的牵头单位")
    if not meeting.title:
        errors["title"] = _("请填写会议名称")
    elif len(meeting.title) > TITLE_MAX:
        errors["title"] = _("会议名称不能超过 %(n)d 个字符") % {"n": TITLE_MAX}
    if not meeting.reasons:
        errors["reasons"] = _("请写明提请召开临时会议的理由")
    if planned_on is not None and planned_on < timezone.localdate():
        errors["planned_on"] = _("建议会议日期 %(d)s 已过") % {"d": planned_on.isoformat()}
    raise_if(errors)
    with transaction.atomic():
        meeting.save()
        audit_record(actor=actor, action="meetings.meeting.request", obj=meeting, after=snapshot(meeting))
        conveners = lead_unit.people.filter(is_active=True, roles__code=RoleCode.UNIT_HEAD)
        _notify(conveners, _("提请召开临时联席会议：%(t)s") % {"t": meeting.title},
                _("%(unit)s 提请召开临时联席会议。理由：%(r)s") % {"unit": meeting.requested_by_unit,
                                                       "r": meeting.reasons},
                meeting.get_absolute_url(), actor)
    return meeting


def meeting_decide_request(*, meeting, approve, actor, note=""):
    """The convener agrees to the ad-hoc meeting (it then collects agenda items) or declines it with reasons."""
    note = text(note)
    if not approve and not note:
        raise ValidationError({"note": _("不予召开的，请写明理由")})
    with transaction.atomic():
        meeting = MEETING_FLOW.fire(meeting, "approve_request" if approve else "reject_request", actor=actor,
                                    updates={"convener_note": note})
        _notify(member_people(meeting.unit) if approve else meeting.unit.people.filter(is_active=True),
                (_("临时联席会议将召开，请报送议题：%(t)s") if approve else _("临时联席会议不予召开：%(t)s"))
                % {"t": meeting.title}, note or meeting.reasons, meeting.get_absolute_url(), actor)
    return meeting


def meeting_update(*, meeting, actor, planned_on=None, location=""):
    """The office fixes the date and place of a meeting not yet held."""
    permissions.require(actor, "update", meeting)
    errors = {}
    if meeting.state in (MeetingState.HELD, MeetingState.REJECTED):
        errors["meeting"] = _("%(m)s 状态为“%(s)s”，不能修改") % {"m": meeting, "s": meeting.get_state_display()}
    if planned_on is not None and not isinstance(planned_on, datetime.date):
        errors["planned_on"] = _("会议日期无效")
    location = text(location)
    if len(location) > Meeting._meta.get_field("location").max_length:
        errors["location"] = _("会议地点过长")
    raise_if(errors)
    with transaction.atomic():
        before = snapshot(meeting, ["planned_on", "location"])
        Meeting.objects.filter(pk=meeting.pk).update(planned_on=planned_on, location=location)
        meeting.refresh_from_db()
        audit_record(actor=actor, action="meetings.meeting.update", obj=meeting, before=before,
                     after=snapshot(meeting, ["planned_on", "location"]))
    return meeting


def _item_errors(title, description):
    errors = {}
    if not title:
        errors["title"] = _("请填写议题")
    elif len(title) > AgendaItem._meta.get_field("title").max_length:
        errors["title"] = _("议题不能超过 %(n)d 个字符") % {"n": AgendaItem._meta.get_field("title").max_length}
    if not description:
        errors["description"] = _("请填写情况说明")
    return errors


def _require_collecting(meeting):
    if meeting.state != MeetingState.PLANNED:
        raise ValidationError({"meeting": _("%(m)s 当前状态为“%(s)s”，不再接收议题") % {
            "m": meeting, "s": meeting.get_state_display()}})


def agenda_propose(*, meeting, title, description, actor):
    """An officer of a member unit drafts an item; it goes nowhere until the unit head signs it."""
    item = AgendaItem(meeting=meeting, unit=getattr(actor, "unit", None), title=text(title),
                      description=text(description), proposed_by=actor)
    permissions.require(actor, "propose", item)
    raise_if(_item_errors(item.title, item.description))
    with transaction.atomic():
        _require_collecting(_locked_meeting(meeting))
        item.save()
        audit_record(actor=actor, action="meetings.agenda_item.propose", obj=item, after=snapshot(item))
        heads = item.unit.people.filter(is_active=True, roles__code=RoleCode.UNIT_HEAD).exclude(pk=actor.pk)
        _notify(heads, _("待签字议题：%(t)s") % {"t": item.title},
                _("%(person)s 拟向%(m)s提交议题，请审阅签字后报送联席会议办公室。") % {"person": actor, "m": meeting},
                item.get_absolute_url(), actor)
    return item


def agenda_sign_off(*, item, actor):
    """The unit head signs the item (经部门主要领导签字) and it reaches the office."""
    with transaction.atomic():
        _require_collecting(_locked_meeting(item.meeting))
        item = AGENDA_FLOW.fire(item, "sign_off", actor=actor,
                                updates={"signed_off_by": actor, "signed_off_at": timezone.now()})
        office = item.meeting.unit.people.filter(is_active=True, roles__code=RoleCode.OFFICE_STAFF)
        _notify(office, _("收到议题：%(t)s") % {"t": item.title},
                _("%(unit)s 报送议题“%(t)s”（负责人 %(head)s 已签字）。") % {"unit": item.unit, "t": item.title,
                                                                "head": actor},
                item.get_absolute_url(), actor)
    return item


def agenda_withdraw(*, item, actor):
    with transaction.atomic():
        _require_collecting(_locked_meeting(item.meeting))
        return AGENDA_FLOW.fire(item, "withdraw", actor=actor)


def agenda_from_gap(*, meeting, gap, actor):
    """Send a power-list gap or overlap straight to a meeting's agenda (seed 002 §(四): 由监管责任牵头部门或涉及部门
    向市公管办提请召开联席会议协调解决). The sender is the office itself or a unit head, so the item is signed off
    as it is created. ``gap`` comes from :func:`lianjian.meetings.selectors.power_gap_get`, read for this actor."""
    now = timezone.now()
    item = AgendaItem(meeting=meeting, unit=getattr(actor, "unit", None), title=gap.title[:200],
                      description=gap.detail, source=AgendaSource.POWER_GAP, source_ref=gap.key,
                      state=AgendaState.SUBMITTED, proposed_by=actor, signed_off_by=actor, signed_off_at=now)
    permissions.require(actor, "send_gap", item)
    try:
        with transaction.atomic():
            _require_collecting(_locked_meeting(meeting))
            item.save()
            audit_record(actor=actor, action="meetings.agenda_item.from_power_gap", obj=item, after=snapshot(item),
                         detail={"gap": gap.key, "category": gap.category})
    except IntegrityError:
        raise ValidationError({"gap": _("该问题已列入%(m)s的议题") % {"m": meeting}}) from None
    return item


def meeting_compile(*, meeting, actor):
    """The office compiles every signed item into the agenda and passes it to the convener (seed 004:
    联席会议办公室对各部门提交和讨论事项进行汇总后列入联席会议议题交召集人审定)."""
    with transaction.atomic():
        # Locking the meeting first waits out a head signing an item at this moment, so that item is compiled too.
        locked = _locked_meeting(meeting)
        submitted = list(AgendaItem.objects.filter(meeting=meeting, state=AgendaState.SUBMITTED)
                         .values_list("pk", flat=True))
        # A meeting moved by someone else since it was read is reported as such by fire() below.
        if not submitted and locked.state_version == meeting.state_version and meeting.state == MeetingState.PLANNED:
            permissions.require(actor, "compile", meeting)
            raise ValidationError({"meeting": _("%(m)s 没有已签字报送的议题，无法汇总") % {"m": meeting}})
        meeting = MEETING_FLOW.fire(meeting, "compile", actor=actor, detail={"items": submitted})
        AgendaItem.objects.filter(pk__in=submitted).update(state=AgendaState.COMPILED,
                                                           state_version=F("state_version") + 1)
        conveners = meeting.unit.people.filter(is_active=True, roles__code=RoleCode.UNIT_HEAD)
        _notify(conveners, _("议程待审定：%(t)s") % {"t": meeting.title},
                _("联席会议办公室已汇总 %(n)d 项议题，请审定是否列入会议议程。") % {"n": len(submitted)},
                meeting.get_absolute_url(), actor)
    return meeting


def agenda_strike(*, item, reason, actor):
    """The convener keeps a compiled item off the agenda, with the reason."""
    reason = text(reason)
    if not reason:
        raise ValidationError({"note": _("请写明不列入议程的理由")})
    with transaction.atomic():
        meeting = _locked_meeting(item.meeting)
        if meeting.state != MeetingState.COMPILED:
            raise ValidationError({"meeting": _("%(m)s 不在待审定状态") % {"m": meeting}})
        return AGENDA_FLOW.fire(item, "strike", actor=actor, updates={"note": reason})


def meeting_return_agenda(*, meeting, reason, actor):
    """The convener sends the compiled agenda back to the office; the items return to its pile."""
    reason = text(reason)
    if not reason:
        raise ValidationError({"note": _("请写明退回理由")})
    with transaction.atomic():
        meeting = MEETING_FLOW.fire(meeting, "return_agenda", actor=actor, updates={"convener_note": reason})
        AgendaItem.objects.filter(meeting=meeting, state=AgendaState.COMPILED).update(
            state=AgendaState.SUBMITTED, state_version=F("state_version") + 1)
    return meeting


def meeting_approve_agenda(*, meeting, actor, note=""):
    """The convener approves the agenda: the compiled items not struck off are the meeting's agenda."""
    with transaction.atomic():
        if not AgendaItem.objects.filter(meeting=meeting, state=AgendaState.COMPILED).exists():
            permissions.require(actor, "approve_agenda", meeting)
            raise ValidationError({"meeting": _("议程中没有议题：请退回办公室重新汇总")})
        meeting = MEETING_FLOW.fire(meeting, "approve_agenda", actor=actor, updates={"convener_note": text(note)})
        _notify(member_people(meeting.unit), _("会议议程已审定：%(t)s") % {"t": meeting.title},
                _("%(t)s 议程已由召集人审定。会议日期：%(d)s") % {
                    "t": meeting.title, "d": meeting.planned_on.isoformat() if meeting.planned_on else _("另行通知")},
                meeting.get_absolute_url(), actor)
    return meeting
