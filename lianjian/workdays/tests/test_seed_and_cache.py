"""The holiday table seeded by the migration, and the cached calendar built from it."""

import datetime

import chinese_calendar
import pytest

from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import UserFactory
from lianjian.workdays.models import CalendarYear, DayKind, Holiday
from lianjian.workdays.selectors import work_calendar
from lianjian.workdays.services import holiday_delete, holiday_save

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_migration_loads_every_year_chinesecalendar_covers():
    assert list(CalendarYear.objects.values_list("year", flat=True)) == list(range(2004, 2027))
    assert Holiday.objects.get(date=D(2025, 10, 6)).name == "中秋节"
    assert Holiday.objects.get(date=D(2025, 10, 11)).kind == DayKind.MAKEUP_WORKDAY


def test_the_seeded_calendar_agrees_with_chinese_calendar_on_every_day_from_2004_to_2026():
    calendar = work_calendar()
    day = D(2004, 1, 1)
    disagreements = []
    while day <= D(2026, 12, 31):
        if calendar.is_working_day(day) != chinese_calendar.is_workday(day):
            disagreements.append(day)
        day += datetime.timedelta(days=1)
    assert disagreements == []


def test_national_day_2025_in_the_table():
    calendar = work_calendar()
    assert all(not calendar.is_working_day(D(2025, 10, n)) for n in range(1, 9))
    assert calendar.is_working_day(D(2025, 9, 28)) and calendar.is_working_day(D(2025, 10, 11))


def test_the_spring_festival_2026_make_up_days_in_the_table():
    makeups = Holiday.objects.filter(kind=DayKind.MAKEUP_WORKDAY, name="春节", date__year=2026)
    assert list(makeups.values_list("date", flat=True)) == [D(2026, 2, 14), D(2026, 2, 28)]


def test_the_cached_calendar_is_reused_while_the_table_is_unchanged():
    assert work_calendar() is work_calendar()


def test_an_admin_edit_is_seen_by_the_next_computation():
    admin = UserFactory(roles=[RoleCode.ADMIN])
    before = work_calendar()
    assert before.is_working_day(D(2026, 12, 31))
    holiday_save(holiday=Holiday(date=D(2026, 12, 31), kind=DayKind.HOLIDAY, name="元旦"), actor=admin)
    after = work_calendar()
    assert after is not before
    assert not after.is_working_day(D(2026, 12, 31))
    holiday_delete(holiday=Holiday.objects.get(date=D(2026, 12, 31)), actor=admin)
    assert work_calendar().is_working_day(D(2026, 12, 31))


def test_a_makeup_workday_on_a_weekday_is_refused_by_the_admin_service():
    from django.core.exceptions import ValidationError

    admin = UserFactory(roles=[RoleCode.ADMIN])
    with pytest.raises(ValidationError) as caught:
        holiday_save(holiday=Holiday(date=D(2026, 12, 30), kind=DayKind.MAKEUP_WORKDAY, name="元旦"), actor=admin)
    assert "kind" in caught.value.message_dict
    assert not Holiday.objects.filter(date=D(2026, 12, 30)).exists()


def test_only_administrators_change_the_calendar():
    from lianjian.core.permissions import AccessDenied

    with pytest.raises(AccessDenied):
        holiday_save(holiday=Holiday(date=D(2026, 12, 31), kind=DayKind.HOLIDAY, name="元旦"),
                     actor=UserFactory(roles=[RoleCode.SUPERVISOR_OFFICER]))


def test_an_administrator_adds_a_date_in_the_django_admin_and_it_is_audited(client):
    from lianjian.audit.models import AuditEntry

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post("/admin/workdays/holiday/add/", {"date": "2027-02-06", "kind": "holiday", "name": "春节"})
    assert response.status_code == 302
    assert not work_calendar().is_working_day(D(2027, 2, 6))
    assert AuditEntry.objects.filter(action="workdays.holiday.create").exists()
    refused = client.post("/admin/workdays/holiday/add/", {"date": "2027-02-10", "kind": "makeup_workday",
                                                            "name": "春节"})
    assert refused.status_code == 200 and "不能登记为调休上班日" in refused.content.decode()
