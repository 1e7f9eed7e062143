import datetime

import pytest

from lianjian.deadlines.services import deadline_open
from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_dashboard_counts_the_officers_overdue_deadlines(client):
    officer = UserFactory(roles=[RoleCode.SUPERVISOR_OFFICER])
    deadline_open(subject=officer.unit, rule="complaint_accept", start=datetime.date(2025, 3, 3),
                  responsible_unit=officer.unit, assignee=officer, title="投诉受理审查", actor=None)
    client.force_login(officer)
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["deadline_counts"]["overdue"] == 1
    assert "投诉受理审查" in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith("/login/")
