"""The working-day arithmetic on a calendar passed in as data (rules.md §0)."""

import datetime

import chinese_calendar
import pytest

from lianjian.workdays.calendar import FALLBACK_HOLIDAYS, DueDate, WorkCalendar

from .calendars import package_calendar as cal

D = datetime.date


def test_national_day_2025_is_eight_days_off_with_two_makeup_weekend_days():
    assert not any(cal.is_working_day(D(2025, 10, day)) for day in range(1, 9))
    assert cal.is_working_day(D(2025, 9, 28))  # Sunday, worked in lieu
    assert cal.is_working_day(D(2025, 10, 11))  # Saturday, worked in lieu
    assert cal.is_working_day(D(2025, 10, 9))


def test_spring_festival_2026_runs_from_15_to_23_february_with_two_makeup_saturdays():
    assert not any(cal.is_working_day(D(2026, 2, day)) for day in range(15, 24))
    assert D(2026, 2, 14).weekday() == 5 and cal.is_working_day(D(2026, 2, 14))
    assert D(2026, 2, 28).weekday() == 5 and cal.is_working_day(D(2026, 2, 28))
    assert cal.is_working_day(D(2026, 2, 24))


def test_a_complaint_received_on_sunday_12_october_2025_is_due_three_working_days_later_on_the_15th():
    assert cal.add_working_days(D(2025, 10, 12), 3) == DueDate(D(2025, 10, 15), provisional=False)


def test_a_start_on_a_holiday_is_day_zero_and_only_working_days_after_it_count():
    # 1 October is a holiday: the first working day after it (9 October) is day 1.
    assert cal.add_working_days(D(2025, 10, 1), 1).date == D(2025, 10, 9)
    assert cal.add_working_days(D(2025, 10, 1), 3).date == D(2025, 10, 11)


def test_chinese_calendar_find_workday_is_one_day_late_from_a_holiday_which_is_why_it_is_not_used():
    assert chinese_calendar.find_workday(1, D(2025, 10, 1)) == D(2025, 10, 10)
    assert cal.add_working_days(D(2025, 10, 1), 1).date == D(2025, 10, 9)


def test_make_up_saturdays_count_as_working_days():
    assert cal.add_working_days(D(2025, 9, 30), 3).date == D(2025, 10, 11)


def test_zero_working_days_is_the_start_itself():
    assert cal.add_working_days(D(2025, 10, 3), 0) == DueDate(D(2025, 10, 3), provisional=False)


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        cal.add_working_days(D(2025, 10, 3), -1)


def test_a_period_reaching_an_unloaded_year_skips_the_fixed_date_holidays_and_is_provisional():
    due = cal.add_working_days(D(2026, 12, 28), 5)
    # 29, 30, 31 December; 1 January 2027 (元旦, fixed date) skipped; the weekend skipped; 4 and 5 January.
    assert due == DueDate(D(2027, 1, 5), provisional=True)
    assert cal.unloaded_years(D(2026, 12, 29), due.date) == [2027]


def test_a_period_inside_loaded_years_is_not_provisional_even_when_the_start_year_is_unloaded():
    assert not cal.add_working_days(D(2026, 12, 1), 10).provisional


def test_the_fallback_holidays_are_the_gregorian_dates_of_the_national_holiday_regulation():
    assert [(h.month, h.day) for h in FALLBACK_HOLIDAYS] == [(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)]
    assert [d for d in (D(2027, 10, n) for n in range(1, 6)) if not cal.is_working_day(d)] == [
        D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3),
    ]
    assert cal.is_working_day(D(2027, 10, 4)) and cal.is_provisional(D(2027, 10, 4))
    assert cal.is_fallback_holiday(D(2027, 5, 1)) and not cal.is_fallback_holiday(D(2025, 5, 1))


def test_rows_present_for_an_unloaded_year_are_honoured_before_the_fallback():
    partial = WorkCalendar(holidays={D(2027, 2, 8)}, makeup_workdays={D(2027, 1, 2)})
    assert not partial.is_working_day(D(2027, 2, 8))
    assert partial.is_working_day(D(2027, 1, 2))
    assert not partial.is_working_day(D(2027, 1, 1))


def test_working_days_between_counts_the_working_days_after_the_first_date_up_to_the_second():
    assert cal.working_days_between(D(2025, 9, 30), D(2025, 10, 11)) == 3
    assert cal.working_days_between(D(2025, 10, 11), D(2025, 9, 30)) == -3
    assert cal.working_days_between(D(2025, 10, 1), D(2025, 10, 8)) == 0


def test_calendar_day_periods_do_not_count_the_start_day_and_move_off_a_holiday_to_the_next_working_day():
    assert cal.add_calendar_days(D(2025, 3, 3), 3).date == D(2025, 3, 6)
    # 26 September + 5 days = 1 October, a holiday: the period ends on 9 October.
    assert cal.add_calendar_days(D(2025, 9, 26), 5).date == D(2025, 10, 9)
    # Ending on a make-up Saturday: that is a working day, so the period ends there.
    assert cal.add_calendar_days(D(2025, 10, 4), 7).date == D(2025, 10, 11)
    assert cal.add_calendar_days(D(2025, 10, 4), 0).date == D(2025, 10, 9)


def test_calendar_day_periods_ending_in_an_unloaded_year_are_provisional():
    assert cal.add_calendar_days(D(2026, 12, 1), 90) == DueDate(D(2027, 3, 1), provisional=True)
    assert not cal.add_calendar_days(D(2026, 9, 1), 90).provisional


def test_month_periods_end_on_the_corresponding_day_or_the_last_day_of_a_shorter_month():
    assert cal.add_months(D(2025, 1, 31), 1).date == D(2025, 2, 28)
    assert cal.add_months(D(2025, 3, 15), 6).date == D(2025, 9, 15)
    # 1 April + 6 months = 1 October, a holiday: the period ends on 9 October.
    assert cal.add_months(D(2025, 4, 1), 6).date == D(2025, 10, 9)


def test_a_quarterly_deadline_falls_on_the_given_day_of_the_quarters_last_month():
    assert cal.quarter_day(D(2025, 4, 10), 30).date == D(2025, 6, 30)
    assert cal.quarter_day(D(2025, 6, 30), 30).date == D(2025, 6, 30)
    assert cal.quarter_day(D(2025, 12, 31), 30).date == D(2026, 3, 30)
    # 30 March 2025 is a Sunday: the next working day.
    assert cal.quarter_day(D(2025, 1, 5), 30).date == D(2025, 3, 31)


def test_a_pause_across_national_day_only_adds_the_working_days_it_stopped_the_clock_for():
    start = D(2025, 9, 26)
    assert cal.add_working_days(start, 5).date == D(2025, 10, 10)
    pause = [(D(2025, 9, 29), D(2025, 10, 9))]
    # Paused working days in (29 Sep, 9 Oct]: 30 September and 9 October.
    assert cal.paused_working_days(pause) == 2
    assert cal.add_working_days(start, 5, pause).date == D(2025, 10, 13)
    assert cal.add_working_days(cal.add_working_days(start, 5).date, 2).date == D(2025, 10, 13)


def test_a_pause_after_the_due_date_does_not_move_it():
    assert cal.add_working_days(D(2025, 3, 3), 3, [(D(2025, 3, 10), D(2025, 3, 20))]).date == D(2025, 3, 6)


def test_calendar_day_and_month_periods_are_lengthened_by_paused_days():
    assert cal.add_calendar_days(D(2025, 3, 3), 3, [(D(2025, 3, 4), D(2025, 3, 6))]).date == D(2025, 3, 10)
    assert cal.add_months(D(2025, 3, 3), 1, [(D(2025, 3, 4), D(2025, 3, 6))]).date == D(2025, 4, 7)


def test_subtracting_working_days_steps_back_over_holidays():
    assert cal.subtract_working_days(D(2025, 10, 10), 2) == D(2025, 9, 30)
    assert cal.subtract_working_days(D(2025, 10, 10), 0) == D(2025, 10, 10)
