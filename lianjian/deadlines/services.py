"""Opening, pausing, resuming and closing deadlines; recomputing provisional ones; sending reminders.

Other domains open a deadline from inside their own services, passing their actor (None for system work such as
imports) and the item it belongs to, and close it with :func:`deadline_meet` when the item is done.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.notifications.services import notification_send
from lianjian.workdays.selectors import work_calendar

from .compute import compute_due
from .models import (
    Deadline, DeadlinePause, DeadlineReminder, DeadlineRule, DeadlineState, DeadlineStatus, TimeUnit,
)
from .workflow import deadline_flow

TITLE_MAX_LENGTH = Deadline._meta.get_field("title").max_length
REASON_MAX_LENGTH = DeadlinePause._meta.get_field("reason").max_length
NOTIFICATION_SUBJECT_MAX_LENGTH = 200
REMINDED_STATUSES = (DeadlineStatus.DUE_SOON, DeadlineStatus.OVERDUE)


def _moment(at, field="at"):
    """An aware datetime: now when ``at`` is None; a date means the start of that local day."""
    if at is None:
        return timezone.now()
    if isinstance(at, datetime.datetime):
        return at if timezone.is_aware(at) else timezone.make_aware(at)
    if isinstance(at, datetime.date):
        return timezone.make_aware(datetime.datetime.combine(at, datetime.time.min))
    raise ValidationError({field: _("时间“%(value)s”无效") % {"value": at}})


def _resolve_rule(rule):
    if isinstance(rule, DeadlineRule):
        return rule
    found = DeadlineRule.objects.filter(code=rule).first()
    if found is None:
        raise ValidationError({"rule": _("未知的期限规则“%(code)s”") % {"code": rule}})
    if not found.is_active:
        raise ValidationError({"rule": _("期限规则“%(rule)s”已停用") % {"rule": found}})
    return found


def _closed_pauses(deadline):
    return list(deadline.pauses.filter(end__isnull=False).values_list("start", "end"))


def _compute(deadline, *, pauses, calendar=None):
    rule = deadline.rule
    return compute_due(
        unit=rule.unit, count=rule.count, due_soon_days=rule.due_soon_days, start=deadline.start,
        start_at=deadline.start_at, pauses=pauses, calendar=calendar or work_calendar(),
    )


def rule_problems(*, unit, count):
    """Problems with a rule's length, as (field, message) pairs (empty when it is acceptable)."""
    if unit == TimeUnit.QUARTER_DAY and not 1 <= count <= 31:
        return [("count", _("“季度末月第 N 日”的 N 应在 1 到 31 之间"))]
    if unit in (TimeUnit.HOURS, TimeUnit.MONTHS, TimeUnit.WORKING_DAYS) and count < 1:
        return [("count", _("时限至少为 1"))]
    return []


def deadline_rule_save(*, rule, actor):
    """Create or change a rule (the admin's form). Deadlines already opened keep their due dates."""
    permissions.require(actor, "change", rule)
    problems = rule_problems(unit=rule.unit, count=rule.count)
    if problems:
        raise ValidationError(dict(problems))
    with transaction.atomic():
        before = snapshot(DeadlineRule.objects.get(pk=rule.pk)) if rule.pk else None
        rule.save()
        action = "deadlines.deadline_rule.change" if before else "deadlines.deadline_rule.create"
        audit_record(actor=actor, action=action, obj=rule, before=before, after=snapshot(rule))
    return rule


def deadline_rule_due(*, rule, start):
    """The due date a rule gives for ``start`` without recording anything (e.g. to check that a complaint was
    filed in time). Returns an object with ``due``, ``due_at`` and ``provisional``."""
    rule = _resolve_rule(rule)
    if not isinstance(start, datetime.date):
        raise ValidationError({"start": _("起算日期无效：%(value)s") % {"value": start}})
    start_at = _moment(start, "start") if isinstance(start, datetime.datetime) else None
    start_date = timezone.localdate(start_at) if start_at else start
    if rule.unit == TimeUnit.HOURS and start_at is None:
        raise ValidationError({"start": _("“%(rule)s”按小时计算，起算时间须精确到时刻") % {"rule": rule}})
    return compute_due(unit=rule.unit, count=rule.count, due_soon_days=rule.due_soon_days, start=start_date,
                       start_at=start_at, pauses=[], calendar=work_calendar())


def deadline_open(*, subject, rule, start, responsible_unit, assignee=None, title="", actor):
    """Start the clock on ``subject`` under ``rule`` (a DeadlineRule or its code). ``start`` is a date, or a
    datetime when the moment matters (hour-based rules). ``actor`` None is system work."""
    rule = _resolve_rule(rule)
    title = (title or rule.name).strip()
    errors = {}
    if subject is None or not isinstance(getattr(subject, "pk", None), int):
        errors["subject"] = _("期限必须关联一个已保存的事项")
    if responsible_unit is None:
        errors["responsible_unit"] = _("请指定责任单位")
    elif assignee is not None and assignee.unit_id != responsible_unit.pk:
        errors["assignee"] = _("承办人“%(person)s”不属于责任单位“%(unit)s”") % {"person": assignee,
                                                                      "unit": responsible_unit}
    if len(title) > TITLE_MAX_LENGTH:
        errors["title"] = _("事项名称不能超过 %(n)d 个字符") % {"n": TITLE_MAX_LENGTH}
    if isinstance(start, datetime.datetime):
        start_at = _moment(start, "start")
        start_date = timezone.localdate(start_at)
    elif isinstance(start, datetime.date):
        start_at, start_date = None, start
    else:
        start_at = start_date = None
        errors["start"] = _("起算日期无效：%(value)s") % {"value": start}
    if start_date is not None and start_at is None and rule.unit == TimeUnit.HOURS:
        errors["start"] = _("“%(rule)s”按小时计算，起算时间须精确到时刻") % {"rule": rule}
    if errors:
        raise ValidationError(errors)
    deadline = Deadline(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk, rule=rule, title=title,
        responsible_unit=responsible_unit, assignee=assignee, start=start_date, start_at=start_at,
        opened_by=actor if actor is not None and actor.pk else None,
    )
    if actor is not None:
        permissions.require(actor, "open", deadline)
    for field, value in _compute(deadline, pauses=[]).fields().items():
        setattr(deadline, field, value)
    with transaction.atomic():
        deadline.save()
        audit_record(actor=actor, action="deadlines.deadline.open", obj=deadline, after=snapshot(deadline))
    return deadline


def deadline_pause(*, deadline, reason, actor, at=None):
    """Stop the clock (检验、检测、鉴定、专家评审、补正 …) from ``at`` (default now)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写暂停计时的原因（如：专家评审）")})
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError({"reason": _("暂停原因不能超过 %(n)d 个字符") % {"n": REASON_MAX_LENGTH}})
    at = _moment(at)
    if timezone.localdate(at) < deadline.start:
        raise ValidationError({"at": _("暂停时间不能早于起算日 %(start)s") % {"start": deadline.start}})
    last = deadline.pauses.filter(end__isnull=False).order_by("-end").first()
    if last is not None and at < last.end:
        raise ValidationError({"at": _("暂停时间不能早于上一次恢复计时的时间 %(end)s")
                                     % {"end": f"{timezone.localtime(last.end):%Y-%m-%d %H:%M}"}})
    with transaction.atomic():
        deadline = deadline_flow.fire(deadline, "pause", actor=actor, detail={"reason": reason, "at": at})
        DeadlinePause.objects.create(deadline=deadline, start=at, reason=reason,
                                     started_by=actor if actor.pk else None)
    return deadline


def _open_pause_until(deadline, at):
    """The open pause (if any) and the due-date fields as if it ended at ``at``."""
    open_pause = deadline.pauses.filter(end__isnull=True).first()
    if open_pause is None:
        return None, {}
    if at < open_pause.start:
        raise ValidationError({"at": _("恢复时间不能早于暂停时间 %(start)s")
                                     % {"start": f"{timezone.localtime(open_pause.start):%Y-%m-%d %H:%M}"}})
    computed = _compute(deadline, pauses=_closed_pauses(deadline) + [(open_pause.start, at)])
    return open_pause, computed.fields()


def _close_pause(pause, at, actor):
    if pause is not None:
        DeadlinePause.objects.filter(pk=pause.pk, end__isnull=True).update(
            end=at, ended_by=actor if actor is not None and actor.pk else None
        )


def deadline_resume(*, deadline, actor, at=None):
    """Restart the clock; the due date moves back by the working (or calendar) days it stood still."""
    at = _moment(at)
    with transaction.atomic():
        pause, updates = _open_pause_until(deadline, at)
        before = {"due": deadline.due, "due_at": deadline.due_at}
        deadline = deadline_flow.fire(deadline, "resume", actor=actor, updates=updates,
                                      detail={"at": at, "before": before})
        _close_pause(pause, at, actor)
    return deadline


def deadline_meet(*, deadline, actor, at=None):
    """Record that the item was done at ``at`` (default now): met when on or before the due date, else missed.
    A paused clock is first resumed at ``at``."""
    at = _moment(at)
    with transaction.atomic():
        pause, updates = _open_pause_until(deadline, at) if deadline.state == DeadlineState.PAUSED else (None, {})
        due, due_at = updates.get("due", deadline.due), updates.get("due_at", deadline.due_at)
        on_time = at <= due_at if due_at is not None else timezone.localdate(at) <= due
        deadline = deadline_flow.fire(deadline, "meet" if on_time else "miss", actor=actor,
                                      updates={**updates, "met_at": at})
        _close_pause(pause, at, actor)
    return deadline


def deadline_cancel(*, deadline, reason, actor):
    """Close a deadline that no longer applies (item withdrawn, merged, handed elsewhere)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写撤销期限的原因")})
    at = timezone.now()
    with transaction.atomic():
        pause = deadline.pauses.filter(end__isnull=True).first()
        deadline = deadline_flow.fire(deadline, "cancel", actor=actor, detail={"reason": reason})
        _close_pause(pause, at, actor)
    return deadline


def deadline_recompute_provisional(*, year):
    """After ``year``'s official schedule is loaded: recompute every active provisional deadline whose period
    touches that year. Returns how many changed. Rows are locked, so an officer acting on one at the same moment
    is told it changed (StaleTransition) rather than overwriting the new due date."""
    calendar = work_calendar()
    changed = 0
    with transaction.atomic():
        candidates = (
            Deadline.objects.active()
            .filter(provisional=True, start__year__lte=year, due__year__gte=year)
            .select_related("rule")
            .select_for_update(of=("self",))
        )
        for deadline in candidates:
            fields = _compute(deadline, pauses=_closed_pauses(deadline), calendar=calendar).fields()
            before = {name: getattr(deadline, name) for name in fields}
            if before == fields:
                continue
            Deadline.objects.filter(pk=deadline.pk).update(**fields, state_version=F("state_version") + 1)
            audit_record(actor=None, action="deadlines.deadline.recompute", obj=deadline, before=before,
                         after=fields, detail={"year": year})
            changed += 1
    return changed


def _reminder_recipients(deadline):
    if deadline.assignee is not None and deadline.assignee.is_active:
        return [deadline.assignee]
    return list(deadline.responsible_unit.people.filter(is_active=True))


def _reminder_text(deadline):
    if deadline.status == DeadlineStatus.OVERDUE:
        subject = _("期限已逾期：%(title)s（到期日 %(due)s）")
    else:
        subject = _("期限即将到期：%(title)s（到期日 %(due)s）")
    subject = subject % {"title": deadline.title, "due": deadline.due.isoformat()}
    if len(subject) > NOTIFICATION_SUBJECT_MAX_LENGTH:
        subject = subject[: NOTIFICATION_SUBJECT_MAX_LENGTH - 1] + "…"
    lines = [
        _("事项：%(title)s") % {"title": deadline.title},
        _("期限规则：%(rule)s（%(length)s）") % {"rule": deadline.rule, "length": deadline.rule.describe()},
        _("责任单位：%(unit)s") % {"unit": deadline.responsible_unit},
        _("起算日：%(start)s；到期日：%(due)s") % {"start": deadline.start.isoformat(), "due": deadline.due.isoformat()},
    ]
    if deadline.due_at is not None:
        lines.append(_("到期时间：%(at)s") % {"at": f"{timezone.localtime(deadline.due_at):%Y-%m-%d %H:%M}"})
    if deadline.provisional:
        lines.append(_("到期日为暂定：所涉年度的节假日安排尚未载入，载入后将自动重算。"))
    return subject, "\n".join(lines)


def deadline_send_reminders(*, today=None):
    """Notify the assignee (or, when there is none, the responsible unit's people) of each running deadline that
    is due soon or overdue, once per status and due date. Safe to run repeatedly and concurrently. Returns how
    many deadlines were reminded about."""
    pending = (
        Deadline.objects.filter(state=DeadlineState.OPEN)
        .with_status(today=today)
        .filter(status__in=REMINDED_STATUSES)
        .without_reminder()
        .select_related("rule", "responsible_unit", "assignee", "content_type")
        .order_by("due", "pk")
    )
    sent = 0
    for deadline in pending:
        recipients = _reminder_recipients(deadline)
        subject, body = _reminder_text(deadline)
        try:
            with transaction.atomic():
                DeadlineReminder.objects.create(deadline=deadline, status=deadline.status, due=deadline.due,
                                                recipients=len(recipients))
                notification_send(recipients=recipients, subject=subject, body=body, link=deadline.link(),
                                  category="deadline", actor=None)
        except IntegrityError:
            # A concurrent run recorded this reminder first and sends it; skipping keeps it to one message.
            continue
        sent += 1
    return sent
