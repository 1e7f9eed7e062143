"""Scheduled exchanges: opened with their deadline (by the periodic job, or by a unit when the event happens),
submitted as an uploaded file or as data the system generates, and signed for by each recipient unit."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.deadlines.selectors import deadlines_for_object
from lianjian.deadlines.services import deadline_meet, deadline_open
from lianjian.notifications.services import notification_send
from lianjian.org.models import Unit

from ..generators import GENERATORS, lots_opened
from ..models import Exchange, ExchangeReceipt, ExchangeSchedule, ExchangeState, Trigger
from ..workflows import EXCHANGE_FLOW

# How many past days the daily job looks at, so that a day the job did not run (server down over a weekend) is
# still opened when it next runs; opening is idempotent, so looking back costs nothing.
DAILY_LOOKBACK_DAYS = 7
TITLE_MAX_LENGTH = Exchange._meta.get_field("title").max_length
MAX_FILE_BYTES = 20 * 1024 * 1024


def _quarter_start(day):
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _quarter_end(day):
    start = _quarter_start(day)
    next_start = datetime.date(start.year + (start.month == 10), (start.month + 2) % 12 + 1, 1)
    return next_start - datetime.timedelta(days=1)


def _periods(schedule, unit, today):
    """(period start, period end, deadline start, title) of the periods due for ``unit`` up to ``today``."""
    if schedule.trigger == Trigger.DAILY:
        for back in range(DAILY_LOOKBACK_DAYS, 0, -1):
            day = today - datetime.timedelta(days=back)
            # Only days with openings have a log to send; the log is due the day after (rule bid_opening_log).
            if lots_opened(unit=unit, day=day).exists():
                yield day, day, day, _("%(day)s 开标项目工作日志") % {"day": day.isoformat()}
    elif schedule.trigger == Trigger.QUARTERLY:
        start = _quarter_start(today)
        quarter = (start.month - 1) // 3 + 1
        yield start, _quarter_end(today), start, _("%(year)d 年第 %(q)d 季度招投标项目一览表") % {
            "year": start.year, "q": quarter}


def _open(*, schedule, unit, period_start, period_end, start, title, recurring, actor):
    exchange = Exchange.objects.create(schedule=schedule, sender_unit=unit, title=title[:TITLE_MAX_LENGTH],
                                       period_start=period_start, period_end=period_end, recurring=recurring)
    deadline_open(subject=exchange, rule=schedule.deadline_rule, start=start, responsible_unit=unit,
                  title=exchange.title, actor=actor)
    audit_record(actor=actor, action="sharing.exchange.open", obj=exchange, after=snapshot(exchange))
    return exchange


def exchanges_open_due(*, today=None):
    """Open every scheduled (daily, quarterly) exchange now due, with its deadline. Safe to run repeatedly and
    concurrently: an exchange already opened for a unit and period is left alone. Returns how many were opened."""
    today = today or timezone.localdate()
    opened = 0
    for schedule in ExchangeSchedule.objects.filter(is_active=True).exclude(trigger=Trigger.EVENT):
        for unit in Unit.objects.filter(is_active=True, type__in=schedule.sender_types).select_related("region"):
            for period_start, period_end, start, title in _periods(schedule, unit, today):
                if Exchange.objects.filter(schedule=schedule, sender_unit=unit, period_start=period_start,
                                           recurring=True).exists():
                    continue
                try:
                    with transaction.atomic():
                        _open(schedule=schedule, unit=unit, period_start=period_start, period_end=period_end,
                              start=start, title=title, recurring=True, actor=None)
                except IntegrityError:
                    # Another run opened it between the check and the insert.
                    continue
                opened += 1
    return opened


def exchange_open_event(*, schedule, title, event_date, actor):
    """Open an event-driven exchange for the actor's unit (a complaint handled, a penalty decided, a project
    approved); the deadline runs from ``event_date``."""
    probe = Exchange(schedule=schedule, sender_unit=actor.unit)
    permissions.require(actor, "open_event", probe)
    title = (title or "").strip()
    errors = {}
    if schedule.trigger != Trigger.EVENT or not schedule.is_active:
        errors["schedule"] = _("“%(schedule)s”不是随事项报送的计划，或已停用") % {"schedule": schedule}
    if not title:
        errors["title"] = _("请填写报送事项")
    elif len(title) > TITLE_MAX_LENGTH:
        errors["title"] = _("报送事项不能超过 %(n)d 个字符") % {"n": TITLE_MAX_LENGTH}
    if not isinstance(event_date, datetime.date):
        errors["event_date"] = _("请填写事项办结（决定）日期")
    elif event_date > timezone.localdate():
        errors["event_date"] = _("事项办结（决定）日期 %(day)s 不能晚于今天") % {"day": event_date}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return _open(schedule=schedule, unit=actor.unit, period_start=event_date, period_end=event_date,
                     start=event_date, title=title, recurring=False, actor=actor)


def _recipients(exchange):
    return (Unit.objects.filter(is_active=True, region=exchange.sender_unit.region,
                                type__in=exchange.schedule.recipient_types)
            .exclude(pk=exchange.sender_unit_id))


def exchange_submit(*, exchange, actor, file=None, note="", generate=False):
    """Submit the exchange: an uploaded file, or (``generate``) the data the system writes for schedules that have
    a generator. Closes the deadline, hands a receipt to each recipient unit and notifies its people."""
    permissions.require(actor, "submit", exchange)
    generator = GENERATORS.get(exchange.schedule.generator)
    errors = {}
    if generate and generator is None:
        errors["generate"] = _("“%(schedule)s”不能由系统生成，请上传文件") % {"schedule": exchange.schedule}
    if not generate and file is None:
        errors["file"] = _("请上传报送文件") if generator is None else _("请上传报送文件，或选择由系统生成")
    if file is not None and file.size > MAX_FILE_BYTES:
        errors["file"] = _("文件“%(name)s”超过 %(mb)d MB") % {"name": file.name, "mb": MAX_FILE_BYTES // 1024 // 1024}
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    updates = {"note": (note or "").strip(), "submitted_at": now, "submitted_by": actor}
    if generate:
        updates["data"] = generator(unit=exchange.sender_unit, day=exchange.period_start)
    with transaction.atomic():
        exchange = EXCHANGE_FLOW.fire(exchange, "submit", actor=actor, updates=updates)
        if file is not None:
            exchange.file.save(file.name, file, save=False)
            Exchange.objects.filter(pk=exchange.pk).update(file=exchange.file.name)
        for deadline in deadlines_for_object(exchange).filter(state__in=("open", "paused")):
            deadline_meet(deadline=deadline, actor=actor, at=now)
        recipients = list(_recipients(exchange))
        ExchangeReceipt.objects.bulk_create([ExchangeReceipt(exchange=exchange, unit=unit) for unit in recipients])
        notification_send(
            recipients=[p for unit in recipients for p in unit.people.filter(is_active=True)],
            subject=_("收到信息报送：%(title)s（%(unit)s）") % {"title": exchange.title, "unit": exchange.sender_unit},
            body=exchange.note, link=exchange.get_absolute_url(), actor=actor,
        )
    return exchange


def exchange_receive(*, receipt, actor):
    """The recipient unit confirms receipt (签收); a second confirmation is refused."""
    permissions.require(actor, "receive", receipt)
    if receipt.exchange.state != ExchangeState.SUBMITTED:
        raise ValidationError({"receipt": _("该信息尚未报送，不能签收")})
    now = timezone.now()
    with transaction.atomic():
        updated = ExchangeReceipt.objects.filter(pk=receipt.pk, received_at__isnull=True).update(
            received_at=now, received_by=actor)
        if updated != 1:
            raise ValidationError({"receipt": _("%(unit)s 已签收过该信息") % {"unit": receipt.unit}},
                                  code="stale_transition")
        receipt.refresh_from_db()
        audit_record(actor=actor, action="sharing.exchange.receive", obj=receipt, after={"received_at": now})
    return receipt
