"""Factories for deadlines. ``DeadlineFactory`` writes rows directly (for list, scope and status tests); tests
of the computation go through ``deadline_open``."""

import datetime

import factory

from lianjian.deadlines.models import Deadline, DeadlineRule, DeadlineState
from lianjian.org.models import RoleCode, UnitType
from lianjian.org.tests.factories import PowerListFactory, UnitFactory, UserFactory, city


def rule(code):
    """A seeded rule (the data migration loads them into every test database)."""
    return DeadlineRule.objects.get(code=code)


def officer(unit=None, **kwargs):
    return UserFactory(unit=unit or UnitFactory(), roles=[RoleCode.SUPERVISOR_OFFICER], **kwargs)


def lead_office_staff(region=None):
    unit = UnitFactory(type=UnitType.LEAD_OFFICE, region=region or city())
    return UserFactory(unit=unit, roles=[RoleCode.OFFICE_STAFF])


class DeadlineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deadline

    responsible_unit = factory.SubFactory(UnitFactory)
    subject = factory.SubFactory(PowerListFactory)
    rule = factory.LazyFunction(lambda: rule("random_inspection_publish"))
    title = factory.Sequence(lambda n: f"公布抽查结果{n}")
    start = datetime.date(2025, 10, 12)
    due = datetime.date(2025, 10, 15)
    due_soon_from = datetime.date(2025, 10, 14)
    state = DeadlineState.OPEN
