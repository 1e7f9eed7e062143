"""Properties of the working-day arithmetic, checked against chinese_calendar where it has data."""

import datetime

import chinese_calendar
from hypothesis import given, settings
from hypothesis import strategies as st

from lianjian.workdays.calendar import ONE_DAY

from .calendars import package_calendar as cal

# Starts early enough that n working days later is still inside the package's last year.
package_dates = st.dates(datetime.date(2004, 1, 1), datetime.date(2026, 8, 31))
any_dates = st.dates(datetime.date(2004, 1, 1), datetime.date(2029, 12, 31))
counts = st.integers(min_value=0, max_value=60)


@given(any_dates, st.integers(min_value=1, max_value=60))
def test_the_result_is_a_working_day_strictly_after_the_start(d, n):
    due = cal.add_working_days(d, n).date
    assert due > d
    assert cal.is_working_day(due)


@given(any_dates, counts)
def test_more_working_days_never_give_an_earlier_date(d, n):
    assert cal.add_working_days(d, n + 1).date > cal.add_working_days(d, n).date


@given(any_dates, counts, counts)
def test_adding_a_then_b_working_days_equals_adding_a_plus_b(d, a, b):
    assert cal.add_working_days(cal.add_working_days(d, a).date, b).date == cal.add_working_days(d, a + b).date


@given(any_dates, counts)
def test_working_days_between_the_start_and_the_result_is_n(d, n):
    assert cal.working_days_between(d, cal.add_working_days(d, n).date) == n


@given(any_dates, counts)
def test_the_result_is_provisional_exactly_when_the_counted_days_reach_an_unloaded_year(d, n):
    due = cal.add_working_days(d, n)
    assert due.provisional == (n > 0 and due.date.year > 2026)


@settings(max_examples=200)
@given(package_dates, counts)
def test_the_result_agrees_with_chinese_calendar_within_its_years(d, n):
    due = cal.add_working_days(d, n).date
    assert chinese_calendar.is_workday(due) or n == 0
    assert len(chinese_calendar.get_workdays(d + ONE_DAY, due)) == n if n else due == d


@given(any_dates, counts)
def test_a_calendar_day_period_ends_on_a_working_day_no_earlier_than_n_days_after_the_start(d, n):
    due = cal.add_calendar_days(d, n).date
    assert cal.is_working_day(due)
    assert due >= d + datetime.timedelta(days=n)
    assert all(not cal.is_working_day(d + datetime.timedelta(days=k)) for k in range(n, (due - d).days))
