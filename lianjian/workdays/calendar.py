"""Working-day arithmetic over a calendar passed in as data (no database access here).

Counting conventions (rules.md §0):

* "N working days after D": D is day 0 whatever kind of day it is; the working days strictly after D are counted,
  make-up weekend working days (调休上班) included. ``chinese_calendar.find_workday`` treats the next working day
  as day 0 when D is a holiday and so lands one day late; it is deliberately not used.
* "N days" (calendar days, 民法典 第201、203条): the start day is not counted; when the last day is not a working
  day the period ends on the next working day.
* "N months" (民法典 第202条): the corresponding day of the final month, or its last day when it has none, then the
  same holiday rule.
* Paused intervals (检验、检测、鉴定、专家评审、补正) stop the clock: a pause from P to R excludes the days strictly
  after P up to and including R, so R becomes day 0 of the resumed count, just as D is of the first.

Years whose official State Council schedule is not loaded are computed on weekends plus the fixed-date statutory
holidays below, and every result that depends on such a year is marked provisional.
"""

import calendar as _stdlib_calendar
import datetime
from dataclasses import dataclass, field

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class FixedHoliday:
    month: int
    day: int
    name: str


# The statutory holidays fixed to Gregorian dates, per 《全国年节及纪念日放假办法》第二条 as revised by 国务院令第795号
# (2024-11-10, in force 2025-01-01): 元旦 1月1日; 劳动节 5月1日、2日; 国庆节 10月1日、2日、3日. The lunar holidays
# (春节, 清明, 端午, 中秋) and the 调休 swaps cannot be known before the State Council publishes the year's schedule.
FALLBACK_HOLIDAYS_SOURCE = "《全国年节及纪念日放假办法》第二条（2024年国务院令第795号修订）"
FALLBACK_HOLIDAYS = (
    FixedHoliday(1, 1, "元旦"),
    FixedHoliday(5, 1, "劳动节"),
    FixedHoliday(5, 2, "劳动节"),
    FixedHoliday(10, 1, "国庆节"),
    FixedHoliday(10, 2, "国庆节"),
    FixedHoliday(10, 3, "国庆节"),
)


@dataclass(frozen=True)
class DueDate:
    """A computed last day; ``provisional`` when a year it depends on has no loaded official schedule."""

    date: datetime.date
    provisional: bool


def as_date(value):
    """The calendar date of a date or datetime (an aware datetime is taken in its own time zone)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


@dataclass(frozen=True)
class WorkCalendar:
    """An immutable working-day calendar.

    ``holidays`` and ``makeup_workdays`` are the dates that differ from the Monday–Friday rule; ``loaded_years``
    are the years whose official schedule they fully describe. ``pauses`` arguments below are iterables of
    (start, end) date pairs; each excludes the days in (start, end].
    """

    holidays: frozenset = frozenset()
    makeup_workdays: frozenset = frozenset()
    loaded_years: frozenset = frozenset()
    fallback_holidays: tuple = FALLBACK_HOLIDAYS
    _fallback_days: frozenset = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        for name in ("holidays", "makeup_workdays", "loaded_years"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        object.__setattr__(self, "_fallback_days", frozenset((h.month, h.day) for h in self.fallback_holidays))

    def is_loaded(self, year):
        return year in self.loaded_years

    def is_fallback_holiday(self, d):
        return not self.is_loaded(d.year) and (d.month, d.day) in self._fallback_days

    def is_working_day(self, d):
        d = as_date(d)
        if d in self.makeup_workdays:
            return True
        if d in self.holidays or self.is_fallback_holiday(d):
            return False
        return d.weekday() < 5

    def is_provisional(self, d):
        return not self.is_loaded(as_date(d).year)

    def unloaded_years(self, first, last):
        """The years from ``first`` to ``last`` (dates, inclusive) that lack a loaded schedule."""
        return [year for year in range(as_date(first).year, as_date(last).year + 1) if not self.is_loaded(year)]

    def _provisional_between(self, first, last):
        return bool(self.unloaded_years(first, last))

    def next_working_day(self, d):
        """``d`` itself when it is a working day, otherwise the first working day after it."""
        d = as_date(d)
        while not self.is_working_day(d):
            d += ONE_DAY
        return d

    def add_working_days(self, start, n, pauses=()):
        """The ``n``-th working day strictly after ``start``, skipping paused days."""
        start = as_date(start)
        if n < 0:
            raise ValueError("n must be zero or positive")
        paused = _PauseSet(pauses)
        d = start
        counted = 0
        while counted < n:
            d += ONE_DAY
            if self.is_working_day(d) and not paused.contains(d):
                counted += 1
        return DueDate(d, n > 0 and self._provisional_between(start + ONE_DAY, d))

    def subtract_working_days(self, end, n):
        """The ``n``-th working day strictly before ``end`` (``end`` itself when n is 0)."""
        d = as_date(end)
        if n < 0:
            raise ValueError("n must be zero or positive")
        counted = 0
        while counted < n:
            d -= ONE_DAY
            if self.is_working_day(d):
                counted += 1
        return d

    def working_days_between(self, a, b):
        """Working days in (a, b]; negative when b is before a."""
        a, b = as_date(a), as_date(b)
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        d = a
        while d < b:
            d += ONE_DAY
            if self.is_working_day(d):
                count += 1
        return count

    def paused_working_days(self, pauses):
        """How many working days the given pauses stopped the clock for (overlaps counted once)."""
        paused = _PauseSet(pauses)
        return sum(1 for d in paused.days() if self.is_working_day(d))

    def _end_on_working_day(self, last):
        due = self.next_working_day(last)
        return DueDate(due, self._provisional_between(last, due))

    def add_calendar_days(self, start, n, pauses=()):
        """Civil-code day periods: the ``n``-th unpaused day after ``start``, moved to the next working day when
        it is not one. ``n`` = 0 means the start day itself (e.g. "on decision")."""
        start = as_date(start)
        if n < 0:
            raise ValueError("n must be zero or positive")
        paused = _PauseSet(pauses)
        d = start
        counted = 0
        while counted < n:
            d += ONE_DAY
            if not paused.contains(d):
                counted += 1
        return self._end_on_working_day(d)

    def add_months(self, start, n, pauses=()):
        """Civil-code month periods (民法典 第202条), lengthened by the calendar days paused in between."""
        start = as_date(start)
        if n < 0:
            raise ValueError("n must be zero or positive")
        months = start.month - 1 + n
        year, month = start.year + months // 12, months % 12 + 1
        last = datetime.date(year, month, min(start.day, _stdlib_calendar.monthrange(year, month)[1]))
        paused = _PauseSet(pauses)
        # Lengthening the period can bring further paused days inside it; stop once the end no longer moves.
        extended = last
        while (candidate := last + datetime.timedelta(days=paused.count_within(start, extended))) != extended:
            extended = candidate
        return self._end_on_working_day(extended)

    def quarter_day(self, start, day):
        """Day ``day`` of the last month of the quarter containing ``start`` (the quarter's following one when
        that day has already passed), moved to the next working day when it is not one."""
        start = as_date(start)
        year, month = start.year, (start.month - 1) // 3 * 3 + 3
        while True:
            last = datetime.date(year, month, min(day, _stdlib_calendar.monthrange(year, month)[1]))
            if last >= start:
                return self._end_on_working_day(last)
            month += 3
            if month > 12:
                year, month = year + 1, 3


class _PauseSet:
    """The days excluded by pauses: for each (start, end) pair, the days in (start, end]."""

    def __init__(self, pauses):
        self.intervals = sorted((as_date(s), as_date(e)) for s, e in pauses if as_date(e) > as_date(s))

    def contains(self, d):
        return any(s < d <= e for s, e in self.intervals)

    def days(self):
        seen = set()
        for s, e in self.intervals:
            d = s + ONE_DAY
            while d <= e:
                seen.add(d)
                d += ONE_DAY
        return seen

    def count_within(self, start, end):
        return sum(1 for d in self.days() if start < d <= end)
