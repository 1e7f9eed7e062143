"""Turning a rule, a start and the pauses so far into a due date; pure, the calendar is passed in."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .models import TimeUnit


@dataclass(frozen=True)
class Computed:
    due: datetime.date
    due_at: datetime.datetime | None
    due_soon_from: datetime.date
    provisional: bool

    def fields(self):
        return {"due": self.due, "due_at": self.due_at, "due_soon_from": self.due_soon_from,
                "provisional": self.provisional}


def local_date(moment):
    return timezone.localdate(moment) if isinstance(moment, datetime.datetime) else moment


def _paused_duration(start_at, pauses):
    # Summing is exact because the services allow one open pause at a time, so pauses never overlap.
    total = datetime.timedelta()
    for begin, end in pauses:
        begin = max(begin, start_at)
        if end > begin:
            total += end - begin
    return total


def compute_due(*, unit, count, due_soon_days, start, start_at, pauses, calendar):
    """``pauses`` are closed (begin, end) pairs of aware datetimes; day-based rules use their local dates."""
    if unit == TimeUnit.HOURS:
        due_at = start_at + datetime.timedelta(hours=count) + _paused_duration(start_at, pauses)
        due = timezone.localdate(due_at)
        return Computed(due, due_at, calendar.subtract_working_days(due, due_soon_days), False)
    day_pauses = [(local_date(begin), local_date(end)) for begin, end in pauses]
    if unit == TimeUnit.WORKING_DAYS:
        result = calendar.add_working_days(start, count, day_pauses)
    elif unit == TimeUnit.CALENDAR_DAYS:
        result = calendar.add_calendar_days(start, count, day_pauses)
    elif unit == TimeUnit.MONTHS:
        result = calendar.add_months(start, count, day_pauses)
    elif unit == TimeUnit.QUARTER_DAY:
        # A fixed day of the calendar (the quarter's report date): stopping the clock does not move it.
        result = calendar.quarter_day(start, count)
    else:
        raise ValueError(f"unknown time unit {unit!r}")
    return Computed(result.date, None, calendar.subtract_working_days(result.date, due_soon_days), result.provisional)
