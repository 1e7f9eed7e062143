"""The console command, the calendar page and the API."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from lianjian.org.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _run(*args, capsys):
    call_command("workdays", *args)
    return capsys.readouterr().out.strip()


def test_the_add_command_prints_the_due_date(capsys):
    assert _run("add", "2025-09-30", "3", capsys=capsys) == "2025-10-11"
    assert _run("add", "2025-10-12", "3", capsys=capsys) == "2025-10-15"


def test_the_add_command_says_plainly_when_the_due_date_is_provisional(capsys):
    assert _run("add", "2026-12-28", "5", capsys=capsys) == "2027-01-05（暂定：2027 年节假日安排尚未载入）"


def test_the_add_command_counts_calendar_days_on_request(capsys):
    assert _run("add", "2025-09-26", "5", "--calendar-days", capsys=capsys) == "2025-10-09"


def test_the_is_command_names_the_day(capsys):
    assert _run("is", "2025-10-01", capsys=capsys) == "2025-10-01 休息日（国庆节，法定节假日）"
    assert _run("is", "2025-09-28", capsys=capsys) == "2025-09-28 工作日（国庆节，调休上班）"
    assert "暂定" in _run("is", "2027-01-01", capsys=capsys)


def test_the_years_command_lists_the_loaded_years(capsys):
    lines = _run("years", capsys=capsys).splitlines()
    assert lines[0].startswith("2004") and lines[-1].startswith("2026")


def test_the_calendar_page_needs_a_login(client):
    response = client.get(reverse("workdays:calendar"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_calendar_page_lists_the_years_holidays_and_make_up_days(client):
    client.force_login(UserFactory())
    html = client.get(reverse("workdays:calendar"), {"year": 2025}).content.decode()
    assert "2025-10-08" in html and "2025-10-11" in html and "调休上班" in html
    assert "chinesecalendar" in html


def test_the_calendar_page_marks_a_year_without_an_official_schedule_as_provisional(client):
    client.force_login(UserFactory())
    html = client.get(reverse("workdays:calendar"), {"year": 2027}).content.decode()
    assert "2027 年的官方节假日安排尚未载入" in html


def test_the_calculator_shows_the_due_date(client):
    client.force_login(UserFactory())
    html = client.get(reverse("workdays:calendar"),
                      {"start": "2026-12-28", "days": "5", "unit": "working_days"}).content.decode()
    assert "<strong>2027-01-05</strong>" in html and "2027 年节假日安排尚未载入" in html


def test_the_calculator_explains_bad_input_next_to_the_field(client):
    client.force_login(UserFactory())
    html = client.get(reverse("workdays:calendar"), {"start": "2025-02-30", "days": "-1"}).content.decode()
    assert html.count('role="alert"') == 2


def test_the_api_adds_working_days():
    api = APIClient()
    api.force_authenticate(UserFactory())
    body = api.get("/api/v1/workdays/add", {"start": "2025-09-30", "days": 3}).json()
    assert body["due"] == "2025-10-11" and body["provisional"] is False
    body = api.get("/api/v1/workdays/add", {"start": "2026-12-28", "days": 5}).json()
    assert body == {"start": "2026-12-28", "days": 5, "unit": "working_days", "due": "2027-01-05",
                    "provisional": True, "unloaded_years": [2027]}


def test_the_api_refuses_bad_input_with_the_field_named():
    api = APIClient()
    api.force_authenticate(UserFactory())
    response = api.get("/api/v1/workdays/add", {"start": "yesterday", "days": 3})
    assert response.status_code == 400 and "start" in response.json()


def test_the_api_answers_whether_a_day_is_a_working_day():
    api = APIClient()
    api.force_authenticate(UserFactory())
    body = api.get("/api/v1/workdays/day", {"date": "2025-10-11"}).json()
    assert body["working_day"] is True and body["kind"] == "makeup_workday" and body["name"] == "国庆节"


def test_the_api_refuses_anonymous_callers():
    assert APIClient().get("/api/v1/workdays/add", {"start": "2025-09-30", "days": 3}).status_code in (401, 403)
