"""Calendars for tests that need no database: built straight from the chinesecalendar package's data."""

from chinese_calendar import constants

from lianjian.workdays.calendar import WorkCalendar
from lianjian.workdays.sources import chinesecalendar_years

PACKAGE_YEARS = chinesecalendar_years()

package_calendar = WorkCalendar(
    holidays=constants.holidays.keys(),
    makeup_workdays=constants.workdays.keys(),
    loaded_years=PACKAGE_YEARS,
)
