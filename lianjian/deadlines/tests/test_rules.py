"""The seeded rule table (rules.md §1, §2, §3, §8)."""

import pytest

from lianjian.deadlines.models import DeadlineRule, TimeUnit
from lianjian.deadlines.rule_data import RULES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code, count, unit", [
    ("complaint_accept", 3, TimeUnit.WORKING_DAYS),
    ("complaint_decide", 30, TimeUnit.WORKING_DAYS),
    ("gp_complaint_review", 5, TimeUnit.WORKING_DAYS),
    ("gp_complaint_copies", 8, TimeUnit.WORKING_DAYS),
    ("gp_complaint_decide", 30, TimeUnit.WORKING_DAYS),
    ("penalty_hearing_request", 5, TimeUnit.WORKING_DAYS),
    ("penalty_decision", 90, TimeUnit.CALENDAR_DAYS),
    ("penalty_service", 7, TimeUnit.WORKING_DAYS),
    ("crime_transfer_approval", 3, TimeUnit.CALENDAR_DAYS),
    ("crime_transfer_police", 24, TimeUnit.HOURS),
    ("transfer_accept_report", 5, TimeUnit.WORKING_DAYS),
    ("transfer_result_report", 10, TimeUnit.WORKING_DAYS),
    ("liaison_change_report", 3, TimeUnit.WORKING_DAYS),
    ("random_inspection_publish", 10, TimeUnit.WORKING_DAYS),
    ("case_transfer", 5, TimeUnit.WORKING_DAYS),
    ("quarterly_project_list", 30, TimeUnit.QUARTER_DAY),
    ("joint_meeting", 6, TimeUnit.MONTHS),
])
def test_the_statutory_rules_are_seeded_with_their_numbers(code, count, unit):
    rule = DeadlineRule.objects.get(code=code)
    assert (rule.count, rule.unit) == (count, unit)


def test_every_seeded_rule_cites_its_source():
    # Other domains add their own rules in their migrations; those must cite a source too.
    assert {r[0] for r in RULES} <= set(DeadlineRule.objects.values_list("code", flat=True))
    for rule in DeadlineRule.objects.all():
        assert "《" in rule.source and "》" in rule.source, rule.code
        assert rule.code == rule.code.lower() and " " not in rule.code


def test_a_rule_describes_its_length_in_words():
    assert DeadlineRule.objects.get(code="complaint_accept").describe() == "3 工作日"
    assert DeadlineRule.objects.get(code="penalty_decision_copy").describe() == "当日"
    assert DeadlineRule.objects.get(code="quarterly_project_list").describe() == "每季度最后一个月 30 日前"


def test_an_administrator_adapts_a_rule_in_the_django_admin_and_it_is_audited(client):
    from lianjian.audit.models import AuditEntry
    from lianjian.org.tests.factories import UserFactory

    rule = DeadlineRule.objects.get(code="random_inspection_publish")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(f"/admin/deadlines/deadlinerule/{rule.pk}/change/", {
        "name": rule.name, "count": 20, "unit": rule.unit, "due_soon_days": 5, "source": rule.source,
        "note": "海口：20 个工作日", "is_active": "on",
    })
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.count == 20 and rule.code == "random_inspection_publish"
    assert AuditEntry.objects.filter(action="deadlines.deadline_rule.change", object_id=str(rule.pk)).exists()
