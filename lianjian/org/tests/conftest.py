from types import SimpleNamespace

import pytest

from lianjian.org.models import RoleCode, UnitType

from .factories import UnitFactory, actor, city, county


@pytest.fixture
def world(db):
    """杭州市 with two districts: each level has a lead office and a housing bureau; the city also has a finance
    bureau and a discipline-inspection group. One officer per role that the tests need."""
    hz = city()
    xs = county("330109", "萧山区")
    yh = county("330110", "余杭区")
    units = SimpleNamespace(
        office=UnitFactory(name="杭州市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=hz),
        housing=UnitFactory(name="杭州市住房和城乡建设局", region=hz),
        finance=UnitFactory(name="杭州市财政局", region=hz),
        discipline=UnitFactory(name="杭州市纪委监委派驻纪检监察组", type=UnitType.DISCIPLINE, region=hz),
        xs_office=UnitFactory(name="萧山区公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=xs),
        xs_housing=UnitFactory(name="萧山区住房和城乡建设局", region=xs),
        yh_office=UnitFactory(name="余杭区公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=yh),
        yh_housing=UnitFactory(name="余杭区住房和城乡建设局", region=yh),
    )
    return SimpleNamespace(
        city=hz, xs=xs, yh=yh, units=units,
        office=actor(units.office, RoleCode.OFFICE_STAFF, username="office"),
        housing_head=actor(units.housing, RoleCode.UNIT_HEAD, RoleCode.SUPERVISOR_OFFICER, username="zjj_head"),
        housing_officer=actor(units.housing, RoleCode.SUPERVISOR_OFFICER, username="zjj"),
        finance_head=actor(units.finance, RoleCode.UNIT_HEAD, username="czj_head"),
        jiwei=actor(units.discipline, RoleCode.OVERSIGHT, username="jiwei"),
        xs_office=actor(units.xs_office, RoleCode.OFFICE_STAFF, username="xs_office"),
        xs_head=actor(units.xs_housing, RoleCode.UNIT_HEAD, username="xs_head"),
        xs_admin=actor(units.xs_office, RoleCode.ADMIN, username="xs_admin"),
        yh_head=actor(units.yh_housing, RoleCode.UNIT_HEAD, username="yh_head"),
        city_admin=actor(units.office, RoleCode.ADMIN, username="city_admin"),
    )
