"""Minutes, decisions and the follow-up tasks they become; progress reports, completion, and the office's
supervision notices (seed 004: 各成员单位要按照职责分工，认真落实联席会议议定事项……联席会议办公室负责督促检查会议
决定事项的贯彻落实情况，并及时通报到各成员单位)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.deadlines.models import DeadlineState, DeadlineStatus
from lianjian.deadlines.selectors import deadlines_for_object
from lianjian.deadlines.services import deadline_meet, deadline_open

from ..models import (
    Decision,
    FollowUpTask,
    MeetingKind,
    ProgressReport,
    SupervisionNotice,
    TaskState,
)
from ..selectors import tasks_with_status
from .common import (
    FOLLOW_UP_RULE,
    MEETING_FLOW,
    REGULAR_MEETING_RULE,
    TASK_FLOW,
    member_people,
    member_units,
    raise_if,
    text,
)
from .meetings import _notify

TASK_TITLE_MAX = FollowUpTask._meta.get_field("title").max_length
NOTICE_TITLE_MAX = SupervisionNotice._meta.get_field("title").max_length


def _decision_errors(meeting, decisions):
    """Errors of the decision rows, each naming its row (第N项议定事项)."""
    allowed = set(member_units(meeting.unit).values_list("pk", flat=True))
    errors = []
    for number, (decision_text, units) in enumerate(decisions, start=1):
        if not text(decision_text):
            errors.append(_("第%(n)d项议定事项：请填写事项内容") % {"n": number})
        if not units:
            errors.append(_("第%(n)d项议定事项：请指定至少一个责任单位") % {"n": number})
        outside = [str(u) for u in units if u.pk not in allowed]
        if outside:
            errors.append(_("第%(n)d项议定事项：%(units)s 不是本联席会议的成员单位") % {
                "n": number, "units": "、".join(outside)})
    return errors


def meeting_record_minutes(*, meeting, held_on, minutes, decisions, actor):
    """Record that the meeting was held: the minutes (纪要) and the decisions (议定事项), each given as
    ``(text, [units])``. Every named unit gets a follow-up task whose clock (rule ``meeting_follow_up``) starts on
    the day of the meeting, and is told so. A regular meeting's half-yearly deadline is met."""
    minutes = text(minutes)
    decisions = [(text(t), list(units)) for t, units in decisions]
    errors = {}
    if not isinstance(held_on, datetime.date):
        errors["held_on"] = _("请填写召开日期")
    elif held_on > timezone.localdate():
        errors["held_on"] = _("召开日期 %(d)s 晚于今天") % {"d": held_on.isoformat()}
    if not minutes:
        errors["minutes"] = _("请填写会议纪要")
    decision_errors = _decision_errors(meeting, decisions)
    if decision_errors:
        errors["decisions"] = decision_errors
    raise_if(errors)
    created = []
    with transaction.atomic():
        meeting = MEETING_FLOW.fire(meeting, "record_minutes", actor=actor,
                                    updates={"held_on": held_on, "minutes": minutes},
                                    detail={"decisions": len(decisions)})
        for number, (decision_text, units) in enumerate(decisions, start=1):
            decision = Decision.objects.create(meeting=meeting, number=number, text=decision_text)
            audit_record(actor=actor, action="meetings.decision.create", obj=decision, after=snapshot(decision))
            title = decision_text if len(decision_text) <= TASK_TITLE_MAX else decision_text[:TASK_TITLE_MAX - 1] + "…"
            for unit in dict.fromkeys(units):
                task = FollowUpTask.objects.create(decision=decision, unit=unit, title=title)
                task.deadline = deadline_open(subject=task, rule=FOLLOW_UP_RULE, start=held_on, responsible_unit=unit,
                                              title=_("落实议定事项：%(t)s") % {"t": title}, actor=actor)
                task.save(update_fields=["deadline"])
                audit_record(actor=actor, action="meetings.task.create", obj=task, after=snapshot(task))
                created.append(task)
                _notify(unit.people.filter(is_active=True), _("联席会议议定事项交办：%(t)s") % {"t": title},
                        _("%(m)s（%(d)s）议定：%(t)s。请于 %(due)s 前办结并报告进展。") % {
                            "m": meeting, "d": held_on.isoformat(), "t": decision_text,
                            "due": task.deadline.due.isoformat()},
                        task.get_absolute_url(), actor)
        if meeting.kind == MeetingKind.REGULAR:
            for deadline in deadlines_for_object(meeting):
                if deadline.rule.code == REGULAR_MEETING_RULE and deadline.is_active:
                    deadline_meet(deadline=deadline, actor=actor, at=held_on)
    return meeting, created


def task_report_progress(*, task, progress, actor):
    """The responsible unit reports how far it has come."""
    permissions.require(actor, "report", task)
    progress = text(progress)
    errors = {}
    if task.state != TaskState.OPEN:
        errors["task"] = _("%(t)s 已办结，不能再报告进展") % {"t": task}
    if not progress:
        errors["text"] = _("请填写进展情况")
    raise_if(errors)
    with transaction.atomic():
        report = ProgressReport.objects.create(task=task, text=progress, reported_by=actor)
        audit_record(actor=actor, action="meetings.progress_report.create", obj=report, after=snapshot(report))
    return report


def task_complete(*, task, note, actor):
    """The responsible unit reports the task done; its deadline is met (or missed, when late)."""
    note = text(note)
    if not note:
        permissions.require(actor, "complete", task)
        raise ValidationError({"completion_note": _("请填写办结情况")})
    with transaction.atomic():
        now = timezone.now()
        task = TASK_FLOW.fire(task, "complete", actor=actor, updates={"completed_at": now, "completion_note": note})
        if task.deadline is not None and task.deadline.state in (DeadlineState.OPEN, DeadlineState.PAUSED):
            deadline_meet(deadline=task.deadline, actor=actor, at=now)
    return task


def notice_issue(*, tasks, title, body, actor):
    """The office issues a notice (通报) on overdue tasks to every member unit of its mechanism. ``tasks`` must be
    overdue and supervised by the actor's office; the default text lists them."""
    tasks = list(tasks)
    notice = SupervisionNotice(unit=getattr(actor, "unit", None), title=text(title), body=text(body),
                               issued_by=actor)
    permissions.require(actor, "issue", notice)
    errors = {}
    if not tasks:
        errors["tasks"] = [_("请选择要通报的逾期督办事项")]
    else:
        status = dict(tasks_with_status(FollowUpTask.objects.filter(pk__in=[t.pk for t in tasks]))
                      .values_list("pk", "deadline_status"))
        problems = []
        for task in tasks:
            if not permissions.can(actor, "supervise", task):
                problems.append(_("“%(t)s”不属于本办公室督办的事项") % {"t": task})
            elif task.state != TaskState.OPEN or status.get(task.pk) != DeadlineStatus.OVERDUE:
                problems.append(_("“%(t)s”未逾期，无需通报") % {"t": task})
        if problems:
            errors["tasks"] = problems
    if not notice.title:
        notice.title = _("关于联席会议议定事项逾期未办结情况的通报")
    elif len(notice.title) > NOTICE_TITLE_MAX:
        errors["title"] = _("标题不能超过 %(n)d 个字符") % {"n": NOTICE_TITLE_MAX}
    raise_if(errors)
    if not notice.body:
        lines = [_("截至 %(d)s，下列联席会议议定事项已超过办理期限仍未办结：") % {"d": timezone.localdate().isoformat()}]
        lines += [_("%(n)d. %(unit)s：%(t)s（到期日 %(due)s）") % {
            "n": n, "unit": t.unit, "t": t.title, "due": t.deadline.due.isoformat() if t.deadline else "—"}
            for n, t in enumerate(tasks, start=1)]
        lines.append(_("请相关单位抓紧办理，并及时向联席会议办公室报告进展。"))
        notice.body = "\n".join(lines)
    recipients = list(member_people(notice.unit))
    with transaction.atomic():
        notice.recipients = len(recipients)
        notice.save()
        notice.tasks.set(tasks)
        audit_record(actor=actor, action="meetings.notice.issue", obj=notice, after=snapshot(notice),
                     detail={"tasks": [t.pk for t in tasks]})
        _notify(recipients, notice.title, notice.body, notice.get_absolute_url(), actor)
    return notice
