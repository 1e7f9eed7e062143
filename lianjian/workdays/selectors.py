"""Reading the holiday table, and the process-wide WorkCalendar built from it."""

from django.db.models import Count, Max

from .calendar import ONE_DAY, WorkCalendar
from .models import CalendarYear, DayKind, Holiday

_cached = (None, None)


def _fingerprint():
    """Changes whenever a row is added, edited or removed: auto_now stamps every save, and counts catch
    deletions. Two small aggregate queries instead of rebuilding from ~900 rows on every call."""
    holidays = Holiday.objects.aggregate(n=Count("pk"), at=Max("updated_at"))
    years = CalendarYear.objects.aggregate(n=Count("pk"), at=Max("updated_at"))
    return holidays["n"], holidays["at"], years["n"], years["at"]


def _build():
    holidays, makeups = set(), set()
    for date, kind in Holiday.objects.values_list("date", "kind"):
        (makeups if kind == DayKind.MAKEUP_WORKDAY else holidays).add(date)
    years = CalendarYear.objects.values_list("year", flat=True)
    return WorkCalendar(holidays=holidays, makeup_workdays=makeups, loaded_years=years)


def work_calendar():
    """The calendar as the database holds it now, cached per process until the table changes."""
    global _cached
    key = _fingerprint()
    cached_key, calendar = _cached
    if cached_key == key:
        return calendar
    calendar = _build()
    # One tuple assignment, so a concurrent reader sees either the old pair or the new one, never a mix.
    _cached = (key, calendar)
    return calendar


def due_date(*, start, days, unit="working_days"):
    """``days`` working days (or civil-code calendar days) after ``start``: the DueDate and the years without a
    loaded schedule that make it provisional."""
    calendar = work_calendar()
    if unit == "calendar_days":
        due = calendar.add_calendar_days(start, days)
    else:
        due = calendar.add_working_days(start, days)
    return due, (calendar.unloaded_years(start + ONE_DAY, due.date) if due.provisional else [])


def day_info(d):
    """What the calendar says about one date: working or not, the special-day row if any, provisional or not."""
    calendar = work_calendar()
    special = Holiday.objects.filter(date=d).first()
    return {
        "date": d,
        "working_day": calendar.is_working_day(d),
        "kind": special.kind if special else "",
        "kind_label": special.get_kind_display() if special else "",
        "name": special.name if special else "",
        "fallback_holiday": calendar.is_fallback_holiday(d),
        "provisional": calendar.is_provisional(d),
    }


def calendar_years():
    return CalendarYear.objects.order_by("year")


def special_days(*, year):
    """The year's holidays and make-up working days, in date order."""
    return Holiday.objects.filter(date__year=year).order_by("date")


def calendar_year(year):
    return CalendarYear.objects.filter(year=year).first()
