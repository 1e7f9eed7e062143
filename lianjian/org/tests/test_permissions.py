"""Who sees and changes what across units and regions."""

import datetime
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from openpyxl import Workbook

from lianjian.core import permissions
from lianjian.core.permissions import AccessDenied
from lianjian.org import selectors, services
from lianjian.org.models import LiaisonKind, PowerKind, PowerListStatus, RoleCode, UnitType

from .factories import PowerItemFactory, PowerListFactory, UserFactory, actor, published_list

pytestmark = pytest.mark.django_db


def _draft_with_item(unit, code="CF-DRAFT-001"):
    draft = PowerListFactory(unit=unit, status=PowerListStatus.DRAFT)
    PowerItemFactory(power_list=draft, code=code, name="草稿中的事项")
    return draft


# --- confidential rows stay with their unit ---------------------------------------------------------------------


def test_an_officer_of_one_unit_never_sees_another_units_draft_list_or_its_items(world):
    draft = _draft_with_item(world.units.housing)
    stranger = world.finance_head
    assert draft not in selectors.power_lists(actor=stranger)
    assert not selectors.power_items(actor=stranger).filter(power_list=draft).exists()
    assert not permissions.can(stranger, "view", draft)
    assert not permissions.can(stranger, "view", draft.items.get())


def test_the_owning_unit_and_its_regions_lead_office_see_the_draft(world):
    draft = _draft_with_item(world.units.housing)
    assert draft in selectors.power_lists(actor=world.housing_officer)
    assert draft in selectors.power_lists(actor=world.office)


def test_a_county_lead_office_does_not_see_a_city_units_draft_nor_another_countys(world):
    city_draft = _draft_with_item(world.units.housing)
    other_county_draft = _draft_with_item(world.units.yh_housing, code="CF-YH-001")
    visible = selectors.power_lists(actor=world.xs_office)
    assert city_draft not in visible and other_county_draft not in visible


def test_published_lists_are_visible_to_every_member(world):
    published = published_list(world.units.housing, ("CF-001", PowerKind.PENALTY))
    assert published in selectors.power_lists(actor=world.yh_head)


# --- regions: the lead office sees its subtree ------------------------------------------------------------------


def test_the_city_lead_office_sees_every_unit_and_person_of_its_subtree(world):
    units = set(selectors.units(actor=world.office))
    assert {world.units.xs_housing, world.units.yh_housing, world.units.finance} <= units
    assert world.yh_head in selectors.people(actor=world.office)


def test_a_county_officer_sees_their_county_and_the_levels_above_but_not_another_county(world):
    units = set(selectors.units(actor=world.xs_head))
    assert world.units.xs_office in units and world.units.office in units
    assert world.units.yh_housing not in units
    people = selectors.people(actor=world.xs_head)
    assert world.yh_head not in people
    assert world.office in people


def test_a_county_officer_cannot_maintain_another_countys_people(world):
    assert world.yh_head not in selectors.writable_people(actor=world.xs_head)
    assert world.yh_head not in selectors.writable_people(actor=world.xs_admin)
    with pytest.raises(AccessDenied):
        services.person_update(person=world.yh_head, title="越权修改", actor=world.xs_head)
    with pytest.raises(AccessDenied):
        services.person_update(person=world.yh_head, title="越权修改", actor=world.xs_admin)


def test_a_unit_head_maintains_only_the_people_of_their_own_unit(world):
    colleague = actor(world.units.xs_housing, RoleCode.SUPERVISOR_OFFICER)
    services.person_update(person=colleague, title="招投标管理科科长", actor=world.xs_head)
    assert set(selectors.writable_people(actor=world.xs_head)) == {world.xs_head, colleague}
    with pytest.raises(AccessDenied):
        services.person_update(person=world.office, title="越权", actor=world.xs_head)


def test_a_county_administrator_maintains_units_only_in_their_county(world):
    assert world.units.xs_housing in selectors.writable_units(actor=world.xs_admin)
    assert world.units.yh_housing not in selectors.writable_units(actor=world.xs_admin)
    with pytest.raises(AccessDenied):
        services.unit_update(unit=world.units.yh_housing, phone="0571-80000000", actor=world.xs_admin)
    with pytest.raises(AccessDenied):
        services.unit_update(unit=world.units.xs_housing, region=world.yh, actor=world.xs_admin)


# --- oversight readers read everything in reach and change nothing ---------------------------------------------


def _xlsx():
    workbook = Workbook()
    workbook.active.append(["事项编码", "权力类型", "事项名称", "设定依据"])
    workbook.active.append(["CF-1", "行政处罚", "事项", "依据"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def test_an_oversight_reader_reads_drafts_people_and_liaisons_of_the_region(world):
    draft = _draft_with_item(world.units.xs_housing)
    assert draft in selectors.power_lists(actor=world.jiwei)
    assert world.xs_head in selectors.people(actor=world.jiwei)
    assert world.units.yh_housing in selectors.units(actor=world.jiwei)


def test_every_write_service_refuses_an_oversight_reader_even_one_who_heads_their_unit(world):
    reader = actor(world.units.discipline, RoleCode.OVERSIGHT, RoleCode.UNIT_HEAD)
    own_unit = world.units.discipline
    colleague = actor(own_unit, RoleCode.OVERSIGHT)
    draft = _draft_with_item(own_unit)
    item = draft.items.get()
    published = published_list(world.units.finance, ("CF-1", PowerKind.PENALTY))
    attempts = [
        lambda: services.region_create(code="330127", name="淳安县", parent=world.city, actor=reader),
        lambda: services.region_update(region=world.xs, name="萧山", actor=reader),
        lambda: services.unit_create(name="新单位", type=UnitType.MEMBER, region=world.city, actor=reader),
        lambda: services.unit_update(unit=own_unit, phone="0571-80000000", actor=reader),
        lambda: services.unit_set_sectors(unit=own_unit, sectors=[], actor=reader),
        lambda: services.person_create(unit=own_unit, username="newbie", full_name="新人", actor=reader),
        lambda: services.person_update(person=colleague, title="改", actor=reader),
        lambda: services.person_set_roles(person=colleague, roles=[RoleCode.OVERSIGHT], actor=reader),
        lambda: services.person_deactivate(person=colleague, actor=reader),
        lambda: services.liaison_change(unit=own_unit, kind=LiaisonKind.LIAISON_OFFICER, person=colleague,
                                        effective_on=datetime.date(2025, 3, 3), actor=reader),
        lambda: services.power_list_create_draft(unit=world.units.finance, actor=reader),
        lambda: services.power_item_add(power_list=draft, code="X", kind=PowerKind.PENALTY, name="n",
                                        legal_basis="b", actor=reader),
        lambda: services.power_item_update(power_item=item, name="改", actor=reader),
        lambda: services.power_item_remove(power_item=item, actor=reader),
        lambda: services.power_list_publish(power_list=draft, actor=reader),
        lambda: services.power_list_publish(power_list=published, actor=reader),
        lambda: services.power_list_import_xlsx(power_list=draft, file=_xlsx(), actor=reader),
    ]
    for attempt in attempts:
        with pytest.raises(AccessDenied):
            attempt()


# --- the liaison mechanism: a unit head changes their own unit's liaison ------------------------------------------


def test_a_unit_head_changes_their_own_units_liaison_but_not_another_units(world):
    own = actor(world.units.housing, RoleCode.SUPERVISOR_OFFICER)
    services.liaison_change(unit=world.units.housing, kind=LiaisonKind.LIAISON_OFFICER, person=own,
                            effective_on=datetime.date(2025, 3, 3), actor=world.housing_head)
    other = actor(world.units.finance, RoleCode.SUPERVISOR_OFFICER)
    with pytest.raises(AccessDenied):
        services.liaison_change(unit=world.units.finance, kind=LiaisonKind.LIAISON_OFFICER, person=other,
                                effective_on=datetime.date(2025, 3, 3), actor=world.housing_head)


def test_an_ordinary_officer_cannot_change_even_their_own_units_liaison(world):
    with pytest.raises(AccessDenied):
        services.liaison_change(unit=world.units.housing, kind=LiaisonKind.LIAISON_OFFICER,
                                person=world.housing_officer, effective_on=datetime.date(2025, 3, 3),
                                actor=world.housing_officer)


# --- anonymous and inactive callers ----------------------------------------------------------------------------


def test_an_anonymous_visitor_gets_nothing_from_the_scoped_selectors(world):
    _draft_with_item(world.units.housing)
    anonymous = AnonymousUser()
    assert not selectors.units(actor=anonymous).exists()
    assert not selectors.people(actor=anonymous).exists()
    assert not selectors.power_lists(actor=anonymous).exists()


def test_an_anonymous_visitor_sees_only_published_items_on_the_public_selector(world):
    _draft_with_item(world.units.housing, code="CF-DRAFT-9")
    published_list(world.units.finance, ("CF-PUB-1", PowerKind.PENALTY))
    codes = set(selectors.published_power_items().values_list("code", flat=True))
    assert codes == {"CF-PUB-1"}


def test_a_person_without_a_unit_holding_a_unit_head_role_owns_nothing(world):
    loose = UserFactory(unit=None, roles=[RoleCode.UNIT_HEAD])
    orphan_draft = PowerListFactory(unit=world.units.housing)
    assert not permissions.can(loose, "change", orphan_draft)
    assert not selectors.power_lists(actor=loose).filter(status=PowerListStatus.DRAFT).exists()
