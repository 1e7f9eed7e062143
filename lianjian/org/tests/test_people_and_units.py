import datetime

import pytest
from django.core.exceptions import ValidationError

from lianjian.audit.models import AuditEntry
from lianjian.org import selectors
from lianjian.org.models import LiaisonKind, RoleCode, Sector, Unit, UnitType
from lianjian.org.services import (
    liaison_change, person_create, person_deactivate, person_set_roles, person_update, unit_create,
    unit_set_sectors, unit_update,
)

from .factories import actor

pytestmark = pytest.mark.django_db


def test_a_person_without_a_password_is_a_contact_who_cannot_log_in(world, client):
    person = person_create(unit=world.units.housing, username="huang", full_name="黄志强", title="副局长",
                           actor=world.housing_head)
    assert not person.has_usable_password()
    assert not client.login(username="huang", password="")
    assert AuditEntry.objects.get(action="org.person.create", object_id=str(person.pk)).after["roles"] == []


def test_a_person_with_a_password_can_log_in_and_gets_the_roles(world, client):
    person = person_create(unit=world.units.housing, username="xumin", full_name="徐敏", actor=world.housing_head,
                           roles=[RoleCode.SUPERVISOR_OFFICER, RoleCode.INSPECTOR], password="Zhu-Jian-2026!")
    assert client.login(username="xumin", password="Zhu-Jian-2026!")
    assert person.has_role(RoleCode.INSPECTOR)


def test_a_weak_password_and_a_taken_username_are_reported_by_field(world):
    with pytest.raises(ValidationError) as exc:
        person_create(unit=world.units.housing, username="ZJJ", full_name="", password="123",
                      actor=world.housing_head)
    assert {"username", "full_name", "password"} <= set(exc.value.message_dict)


def test_only_an_administrator_grants_the_administrator_role(world):
    with pytest.raises(ValidationError, match="只有系统管理员"):
        person_create(unit=world.units.housing, username="sneaky", full_name="某人", roles=[RoleCode.ADMIN],
                      actor=world.housing_head)
    person = person_create(unit=world.units.office, username="ops", full_name="运维", roles=[RoleCode.ADMIN],
                           actor=world.city_admin)
    assert person.has_role(RoleCode.ADMIN)


def test_roles_that_belong_to_one_kind_of_unit_are_refused_elsewhere(world):
    with pytest.raises(ValidationError) as exc:
        person_create(unit=world.units.housing, username="x1", full_name="某人",
                      roles=[RoleCode.OVERSIGHT, RoleCode.OFFICE_STAFF], actor=world.housing_head)
    assert len(exc.value.message_dict["roles"]) == 2
    with pytest.raises(ValidationError, match="未知的角色代码"):
        person_set_roles(person=world.housing_officer, roles=["chief"], actor=world.housing_head)


def test_roles_are_replaced_and_audited(world):
    person_set_roles(person=world.housing_officer, roles=[RoleCode.INSPECTOR], actor=world.housing_head)
    world.housing_officer.refresh_from_db()
    assert set(world.housing_officer.roles.values_list("code", flat=True)) == {RoleCode.INSPECTOR}
    entry = AuditEntry.objects.get(action="org.person.set_roles")
    assert entry.before == {"roles": [RoleCode.SUPERVISOR_OFFICER]}


def test_a_current_liaison_can_neither_be_deactivated_nor_moved_before_being_replaced(world):
    liaison_change(unit=world.units.housing, kind=LiaisonKind.LIAISON_OFFICER, person=world.housing_officer,
                   effective_on=datetime.date(2025, 3, 3), actor=world.housing_head)
    with pytest.raises(ValidationError, match="请先变更联络机制人员"):
        person_deactivate(person=world.housing_officer, actor=world.housing_head)
    with pytest.raises(ValidationError, match="请先变更联络机制人员"):
        person_update(person=world.housing_officer, unit=world.units.finance, actor=world.city_admin)


def test_deactivating_keeps_the_person_but_ends_their_access(world):
    person_deactivate(person=world.housing_officer, actor=world.housing_head)
    world.housing_officer.refresh_from_db()
    assert not world.housing_officer.is_active
    assert world.housing_officer not in selectors.people(actor=world.office)
    assert world.housing_officer in selectors.people(actor=world.office, include_inactive=True)
    with pytest.raises(ValidationError, match="不能停用自己"):
        person_deactivate(person=world.housing_head, actor=world.housing_head)


def test_people_are_found_by_name_unit_or_phone(world):
    person_update(person=world.housing_officer, full_name="刘洋", mobile="139-0000-1234", actor=world.housing_head)
    assert list(selectors.people(actor=world.office, q="刘洋")) == [world.housing_officer]
    assert world.housing_officer in selectors.people(actor=world.office, q="1234")
    assert set(selectors.people(actor=world.office, q="住房和城乡建设局")) >= {world.housing_officer, world.xs_head}


def test_the_lead_office_creates_and_updates_units_of_its_region(world):
    housing = Sector.objects.get(code="construction.housing")
    unit = unit_create(name="杭州市城市管理局", short_name="市城管局", type=UnitType.INDUSTRY_SUPERVISOR,
                       region=world.city, sectors=[housing], actor=world.office)
    assert list(unit.sectors.all()) == [housing]
    unit_update(unit=unit, phone="0571-80000999", actor=world.office)
    unit_set_sectors(unit=unit, sectors=[], actor=world.office)
    assert not Unit.objects.get(pk=unit.pk).sectors.exists()
    assert AuditEntry.objects.filter(object_id=str(unit.pk), action__startswith="org.unit.").count() == 3


def test_a_unit_name_must_be_unique_and_present(world):
    with pytest.raises(ValidationError) as exc:
        unit_create(name="杭州市财政局", type=UnitType.INDUSTRY_SUPERVISOR, region=world.city, actor=world.office)
    assert "已存在" in exc.value.message_dict["name"][0]
    with pytest.raises(ValidationError):
        unit_create(name="  ", type=UnitType.INDUSTRY_SUPERVISOR, region=world.city, actor=world.office)


def test_a_person_moved_to_another_unit_keeps_only_roles_valid_there(world):
    clerk = actor(world.units.office, RoleCode.OFFICE_STAFF)
    with pytest.raises(ValidationError, match="牵头办公室工作人员"):
        person_update(person=clerk, unit=world.units.finance, actor=world.city_admin)
