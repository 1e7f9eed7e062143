"""Factories for random inspection: items citing a published 行政检查 item, officers, objects, plans and tasks."""

import datetime
import itertools

from django.utils import timezone

from lianjian.inspections import services
from lianjian.inspections.models import InspectionObject, Inspector, ObjectKind, SamplingClass
from lianjian.org.models import PowerKind, RoleCode, Sector, UnitType
from lianjian.org.tests.factories import PowerItemFactory, UnitFactory, actor, city, published_list

_serial = itertools.count(1)


def lead_office(region=None):
    unit = UnitFactory(type=UnitType.LEAD_OFFICE, region=region or city(), name=f"测试公管办{next(_serial)}")
    return unit, actor(unit, RoleCode.OFFICE_STAFF)


def supervisor(region=None, name=None):
    return UnitFactory(type=UnitType.INDUSTRY_SUPERVISOR, region=region or city(),
                       name=name or f"测试住建局{next(_serial)}")


def sector(code="construction.housing"):
    return Sector.objects.get(code=code)


def item(unit, *, name=None, sector_code="construction.housing"):
    head = actor(unit, RoleCode.UNIT_HEAD)
    power_list = published_list(unit)
    power_item = PowerItemFactory(power_list=power_list, kind=PowerKind.INSPECTION,
                                  name="对招标投标活动的监督检查")
    return services.item_create(unit=unit, power_item=power_item, name=name or f"招标投标活动检查{next(_serial)}",
                                sector=sector(sector_code) if sector_code else None, actor=head)


def inspector(unit, *, valid_days=365, specialties=("construction",), person=None):
    """An officer of ``unit`` in the pool, certificate valid for ``valid_days`` more days."""
    officer = Inspector.objects.create(
        person=person or actor(unit, RoleCode.INSPECTOR), unit=unit, certificate_no=f"ZF{next(_serial):08d}",
        certificate_valid_until=timezone.localdate() + datetime.timedelta(days=valid_days))
    officer.specialties.set(Sector.objects.filter(code__in=specialties))
    return officer


def sampling_class(code):
    return SamplingClass.objects.get(code=code)


def inspection_object(*, region=None, risk="A", credit="A", entity=None, lot=None, kind=None, name=None,
                      sector_code="construction.housing", last_inspected_on=None):
    kind = kind or (ObjectKind.LOT if lot is not None else ObjectKind.ENTITY)
    return InspectionObject.objects.create(
        kind=kind, name=name or (entity.name if entity else f"检查对象{next(_serial)}"), region=region or city(),
        sector=sector(sector_code) if sector_code else None, entity=entity, lot=lot,
        risk_class=sampling_class(risk), credit_class=sampling_class(credit), last_inspected_on=last_inspected_on)


def plan_with_task(*, office_actor, items, ratios=None, team_size=None, object_kind=ObjectKind.ENTITY):
    today = timezone.localdate()
    plan = services.plan_create(year=today.year, title=f"{today.year}年度双随机抽查计划", actor=office_actor,
                                ratios=ratios)
    task = services.task_create(plan=plan, title="招标投标活动联合抽查", items=items, object_kind=object_kind,
                                scheduled_start=today.replace(month=1, day=1), scheduled_end=today.replace(month=12, day=31),
                                team_size=team_size, actor=office_actor)
    return plan, task
