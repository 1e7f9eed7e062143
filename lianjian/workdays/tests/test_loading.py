"""Loading a newly published year's schedule from a file: all rows valid or nothing written."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import UserFactory
from lianjian.workdays.calendar import DueDate
from lianjian.workdays.models import CalendarYear, DayKind, Holiday
from lianjian.workdays.selectors import work_calendar
from lianjian.workdays.services import calendar_year_load
from lianjian.workdays.sources import chinesecalendar_schedule, parse_schedule_file

pytestmark = pytest.mark.django_db
D = datetime.date
SOURCE = "国务院办公厅关于2027年部分节假日安排的通知（测试用）"

# An invented 2027 schedule: the official one is not published yet.
SCHEDULE_2027 = """date,kind,name
2027-01-01,holiday,元旦
2027-01-02,holiday,元旦
2027-01-03,holiday,元旦
2027-01-04,holiday,元旦
2027-01-09,makeup_workday,元旦
2027-10-01,法定节假日,国庆节
2027-10-09,调休上班,国庆节
"""


def _write(tmp_path, text, name="2027.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_csv_file_loads_the_year_and_marks_it_loaded(tmp_path):
    assert work_calendar().add_working_days(D(2026, 12, 31), 1) == DueDate(D(2027, 1, 4), True)
    loaded = calendar_year_load(rows=parse_schedule_file(_write(tmp_path, SCHEDULE_2027)), source=SOURCE)
    assert loaded.year == 2027 and loaded.source == SOURCE
    assert Holiday.objects.filter(date__year=2027).count() == 7
    calendar = work_calendar()
    assert calendar.is_loaded(2027)
    assert calendar.add_working_days(D(2026, 12, 31), 1) == DueDate(D(2027, 1, 5), False)
    assert calendar.is_working_day(D(2027, 1, 9))
    assert AuditEntry.objects.filter(action="workdays.calendar_year.load", object_id=str(loaded.pk)).exists()


def test_a_json_file_loads_too(tmp_path):
    rows = [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}]
    path = _write(tmp_path, json.dumps(rows, ensure_ascii=False), "2027.json")
    calendar_year_load(rows=parse_schedule_file(path), source=SOURCE)
    assert CalendarYear.objects.filter(year=2027).exists()


def test_a_file_with_bad_rows_names_each_one_and_writes_nothing(tmp_path):
    text = SCHEDULE_2027 + (
        "2027-02-30,holiday,春节\n"  # line 9: no such date
        "2027-02-08,rest,春节\n"  # line 10: unknown kind
        "2027-02-10,makeup_workday,春节\n"  # line 11: a Wednesday cannot be a make-up working day
        "2027-01-02,holiday,元旦\n"  # line 12: repeats line 3
    )
    with pytest.raises(ValidationError) as caught:
        calendar_year_load(rows=parse_schedule_file(_write(tmp_path, text)), source=SOURCE)
    messages = caught.value.messages
    assert any(m.startswith("第 9 行") and "2027-02-30" in m for m in messages)
    assert any(m.startswith("第 10 行") and "rest" in m for m in messages)
    assert any(m.startswith("第 11 行") and "调休上班" in m for m in messages)
    assert any(m.startswith("第 12 行") and "重复" in m for m in messages)
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert not Holiday.objects.filter(date__year=2027).exists()


def test_a_file_spanning_two_years_is_refused_unless_the_year_is_named(tmp_path):
    text = "date,kind,name\n2027-01-01,holiday,元旦\n2028-01-01,holiday,元旦\n"
    with pytest.raises(ValidationError, match="多个年份"):
        calendar_year_load(rows=parse_schedule_file(_write(tmp_path, text)), source=SOURCE)
    with pytest.raises(ValidationError, match="第 3 行：日期 2028-01-01 不属于 2027 年"):
        calendar_year_load(rows=parse_schedule_file(_write(tmp_path, text)), source=SOURCE, year=2027)


def test_a_csv_without_the_header_is_refused(tmp_path):
    with pytest.raises(ValidationError, match="表头"):
        parse_schedule_file(_write(tmp_path, "2027-01-01,holiday,元旦\n"))


def test_reloading_a_year_replaces_its_dates():
    admin = UserFactory(roles=[RoleCode.ADMIN])
    rows = chinesecalendar_schedule(2025)
    calendar_year_load(rows=rows[:3], source="部分", actor=admin)
    assert Holiday.objects.filter(date__year=2025).count() == 3
    calendar_year_load(rows=rows, source="全部", actor=admin)
    assert Holiday.objects.filter(date__year=2025).count() == len(rows)
    assert CalendarYear.objects.get(year=2025).source == "全部"


def test_a_source_is_required():
    with pytest.raises(ValidationError) as caught:
        calendar_year_load(rows=[{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}], source=" ")
    assert "source" in caught.value.message_dict


def test_only_administrators_load_a_year():
    with pytest.raises(AccessDenied):
        calendar_year_load(rows=[{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}], source=SOURCE,
                           actor=UserFactory(roles=[RoleCode.OFFICE_STAFF]))


def test_chinesecalendar_has_no_2027_data_and_says_so():
    with pytest.raises(ValidationError, match="2027"):
        chinesecalendar_schedule(2027)


def test_the_load_command_reads_a_file(tmp_path, capsys):
    call_command("workdays", "load", str(_write(tmp_path, SCHEDULE_2027)), "--source", SOURCE)
    assert "2027 年节假日安排已载入（7 个日期）" in capsys.readouterr().out
    assert CalendarYear.objects.filter(year=2027).exists()


def test_the_load_command_reports_every_bad_row_and_loads_nothing(tmp_path, capsys):
    path = _write(tmp_path, "date,kind,name\n2027-01-01,holiday,元旦\n2027-13-01,holiday,元旦\n")
    with pytest.raises(CommandError, match="未载入任何数据"):
        call_command("workdays", "load", str(path), "--source", SOURCE)
    assert "第 3 行" in capsys.readouterr().err
    assert not Holiday.objects.filter(date__year=2027).exists()


def test_the_load_command_needs_a_source_for_a_file(tmp_path):
    with pytest.raises(CommandError, match="--source"):
        call_command("workdays", "load", str(_write(tmp_path, SCHEDULE_2027)))


def test_the_load_command_can_reload_a_year_from_chinesecalendar(capsys):
    Holiday.objects.filter(date=D(2025, 10, 11)).delete()
    call_command("workdays", "load", "--from-chinesecalendar", "--year", "2025")
    assert Holiday.objects.get(date=D(2025, 10, 11)).kind == DayKind.MAKEUP_WORKDAY
