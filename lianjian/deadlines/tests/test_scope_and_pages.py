"""Who sees which deadlines, the "my deadlines" page, its export, the detail page and the API."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from lianjian.deadlines.models import Deadline, DeadlineState
from lianjian.deadlines.selectors import deadline_counts, deadlines_for, deadlines_for_object, deadlines_overdue
from lianjian.org.models import RoleCode, UnitType
from lianjian.org.tests.factories import UnitFactory, UserFactory, city

from .factories import DeadlineFactory, lead_office_staff, officer

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2025, 10, 14)


@pytest.fixture
def two_units():
    a, b = officer(), officer()
    mine = DeadlineFactory(responsible_unit=a.unit, title="甲单位的期限")
    theirs = DeadlineFactory(responsible_unit=b.unit, title="乙单位的期限")
    return a, b, mine, theirs


def test_an_officer_of_unit_a_never_sees_unit_bs_deadlines(two_units, client):
    a, b, mine, theirs = two_units
    assert list(deadlines_for(actor=a, today=TODAY)) == [mine]
    assert list(deadlines_for(actor=b, today=TODAY)) == [theirs]
    client.force_login(a)
    page = client.get(reverse("deadlines:mine")).content.decode()
    assert "甲单位的期限" in page and "乙单位的期限" not in page
    assert client.get(reverse("deadlines:detail", args=[theirs.pk])).status_code == 404
    api = APIClient()
    api.force_authenticate(a)
    assert [row["id"] for row in api.get("/api/v1/deadlines/").json()["results"]] == [mine.pk]
    assert api.get(f"/api/v1/deadlines/{theirs.pk}/").status_code == 404


def test_the_lead_office_sees_every_deadline_of_its_region_but_not_beyond(two_units):
    _, _, mine, theirs = two_units
    elsewhere = DeadlineFactory(responsible_unit=UnitFactory(region=city("330200", "宁波市")))
    lead = lead_office_staff()
    assert set(deadlines_for(actor=lead, today=TODAY)) == {mine, theirs}
    assert elsewhere not in set(deadlines_for(actor=lead_office_staff(city("330300", "温州市")), today=TODAY))


def test_oversight_readers_see_their_region(two_units):
    _, _, mine, theirs = two_units
    reader = UserFactory(unit=UnitFactory(type=UnitType.DISCIPLINE), roles=[RoleCode.OVERSIGHT])
    assert set(deadlines_for(actor=reader, today=TODAY)) == {mine, theirs}


def test_overdue_and_counts_follow_the_date(two_units):
    a, _, mine, _ = two_units
    assert list(deadlines_overdue(actor=a, today=D(2025, 10, 16))) == [mine]
    assert deadline_counts(actor=a, today=TODAY)["due_soon"] == 1
    assert deadline_counts(actor=a, today=D(2025, 10, 16))["overdue"] == 1


def test_the_deadlines_of_one_item_are_listed_for_it(two_units):
    _, _, mine, _ = two_units
    assert list(deadlines_for_object(mine.subject, today=TODAY)) == [mine]


def test_the_page_needs_a_login(client):
    assert client.get(reverse("deadlines:mine")).status_code == 302


def test_the_page_shows_status_badges_and_filters_by_status(client):
    actor = officer()
    DeadlineFactory(responsible_unit=actor.unit, title="已逾期事项", due=D(2025, 1, 6), due_soon_from=D(2025, 1, 3))
    DeadlineFactory(responsible_unit=actor.unit, title="已办结事项", state=DeadlineState.MET)
    DeadlineFactory(responsible_unit=actor.unit, title="暂定事项", due=D(2099, 1, 5), due_soon_from=D(2099, 1, 4),
                    provisional=True)
    client.force_login(actor)
    html = client.get(reverse("deadlines:mine")).content.decode()
    assert 'class="badge overdue"' in html and 'class="badge met"' in html and 'class="badge provisional"' in html
    assert html.index("已逾期事项") < html.index("暂定事项") < html.index("已办结事项")
    filtered = client.get(reverse("deadlines:mine"), {"status": "met"}).content.decode()
    assert "已办结事项" in filtered and "已逾期事项" not in filtered


def test_the_page_searches_and_shows_only_my_assignments_on_request(client):
    actor = officer()
    DeadlineFactory(responsible_unit=actor.unit, title="投诉甲", assignee=actor)
    DeadlineFactory(responsible_unit=actor.unit, title="投诉乙")
    client.force_login(actor)
    assert "投诉乙" not in client.get(reverse("deadlines:mine"), {"mine": "on"}).content.decode()
    html = client.get(reverse("deadlines:mine"), {"q": "投诉乙"}).content.decode()
    assert "投诉乙" in html and "投诉甲" not in html


def test_the_page_is_paginated_by_fifty(client):
    actor = officer()
    DeadlineFactory.create_batch(51, responsible_unit=actor.unit)
    client.force_login(actor)
    first = client.get(reverse("deadlines:mine")).content.decode()
    assert first.count("<tr>") == 51 and "第 1 / 2 页" in first
    assert client.get(reverse("deadlines:mine"), {"page": 2}).content.decode().count("<tr>") == 2


def test_the_export_is_an_excel_workbook_of_the_filtered_list(client):
    actor = officer()
    DeadlineFactory(responsible_unit=actor.unit, title="导出事项", state=DeadlineState.MET)
    DeadlineFactory(responsible_unit=actor.unit, title="不导出")
    client.force_login(actor)
    response = client.get(reverse("deadlines:export"), {"status": "met"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0][:2] == ("事项", "期限规则") and len(rows) == 2 and rows[1][0] == "导出事项"


def test_an_officer_pauses_resumes_and_closes_a_deadline_from_its_page(client):
    actor = officer()
    deadline = DeadlineFactory(responsible_unit=actor.unit)
    client.force_login(actor)
    url = reverse("deadlines:detail", args=[deadline.pk])
    assert "暂停计时" in client.get(url).content.decode()
    client.post(reverse("deadlines:act", args=[deadline.pk, "pause"]), {"reason": "专家评审", "state_version": 0})
    deadline.refresh_from_db()
    assert deadline.state == DeadlineState.PAUSED and deadline.pauses.get().reason == "专家评审"
    client.post(reverse("deadlines:act", args=[deadline.pk, "resume"]), {"state_version": 1})
    client.post(reverse("deadlines:act", args=[deadline.pk, "meet"]), {"state_version": 2})
    deadline.refresh_from_db()
    assert deadline.state in (DeadlineState.MET, DeadlineState.MISSED)


def test_acting_on_an_outdated_page_is_refused_with_a_message(client):
    actor = officer()
    deadline = DeadlineFactory(responsible_unit=actor.unit, state_version=3)
    client.force_login(actor)
    response = client.post(reverse("deadlines:act", args=[deadline.pk, "meet"]), {"state_version": 2}, follow=True)
    assert "已被他人处理" in response.content.decode()
    assert Deadline.objects.get(pk=deadline.pk).state == DeadlineState.OPEN


def test_a_reader_gets_no_action_buttons_and_cannot_post(client):
    deadline = DeadlineFactory(responsible_unit=officer().unit)
    lead = lead_office_staff()
    client.force_login(lead)
    html = client.get(reverse("deadlines:detail", args=[deadline.pk])).content.decode()
    assert "办结</button>" not in html
    response = client.post(reverse("deadlines:act", args=[deadline.pk, "meet"]), {"state_version": 0}, follow=True)
    assert "无权执行" in response.content.decode()
    assert Deadline.objects.get(pk=deadline.pk).state == DeadlineState.OPEN


def test_the_api_lists_with_status_and_refuses_an_unknown_status():
    actor = officer()
    deadline = DeadlineFactory(responsible_unit=actor.unit, due=D(2025, 1, 6), due_soon_from=D(2025, 1, 3))
    api = APIClient()
    api.force_authenticate(actor)
    body = api.get("/api/v1/deadlines/", {"status": "overdue"}).json()
    assert body["count"] == 1 and body["results"][0]["status"] == "overdue"
    assert body["results"][0]["rule"] == "random_inspection_publish"
    detail = api.get(f"/api/v1/deadlines/{deadline.pk}/").json()
    assert detail["due"] == "2025-01-06" and detail["subject_type"] == "org.powerlist"
    assert api.get("/api/v1/deadlines/", {"status": "late"}).status_code == 400


def test_the_list_command_shows_overdue_deadlines(capsys):
    DeadlineFactory(title="逾期未报", due=D(2025, 1, 6), due_soon_from=D(2025, 1, 3))
    DeadlineFactory(title="尚未到期", due=D(2099, 1, 5), due_soon_from=D(2099, 1, 2))
    call_command("deadlines", "list", "--overdue")
    out = capsys.readouterr().out
    assert "逾期未报" in out and "尚未到期" not in out and "共 1 项" in out
