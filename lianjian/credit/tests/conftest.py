from types import SimpleNamespace

import pytest

from lianjian.org.models import RoleCode, UnitType
from lianjian.org.tests.factories import UnitFactory, actor, city, county

from .factories import BidFactory, EntityFactory, LotFactory


@pytest.fixture
def world(db):
    """杭州市: lead office, trading centre, housing bureau (supervises the lot), discipline group; 萧山区 housing
    bureau; a housing lot with two bidders; an entity in 宁波市 whose staff see nothing of 杭州."""
    hz = city()
    xs = county("330109", "萧山区")
    nb = city("330200", "宁波市")
    units = SimpleNamespace(
        office=UnitFactory(name="杭州市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=hz),
        centre=UnitFactory(name="杭州市公共资源交易中心", type=UnitType.TRADING_CENTRE, region=hz),
        housing=UnitFactory(name="杭州市住房和城乡建设局", region=hz),
        discipline=UnitFactory(name="杭州市纪委监委派驻纪检监察组", type=UnitType.DISCIPLINE, region=hz),
        xs_housing=UnitFactory(name="萧山区住房和城乡建设局", region=xs),
        nb_housing=UnitFactory(name="宁波市住房和城乡建设局", region=nb),
    )
    lot = LotFactory(supervising_unit=units.housing, region=hz)
    bidders = [BidFactory(lot=lot, bidder=EntityFactory(name=f"杭州投标建设有限公司{i}")).bidder for i in range(2)]
    return SimpleNamespace(
        city=hz, units=units, lot=lot, bidders=bidders,
        office=actor(units.office, RoleCode.OFFICE_STAFF, username="office"),
        centre=actor(units.centre, RoleCode.CENTRE_STAFF, username="centre"),
        housing=actor(units.housing, RoleCode.SUPERVISOR_OFFICER, username="zjj"),
        housing_head=actor(units.housing, RoleCode.UNIT_HEAD, username="zjj_head"),
        jiwei=actor(units.discipline, RoleCode.OVERSIGHT, username="jiwei"),
        xs_housing=actor(units.xs_housing, RoleCode.SUPERVISOR_OFFICER, username="xs_zjj"),
        nb_housing=actor(units.nb_housing, RoleCode.SUPERVISOR_OFFICER, username="nb_zjj"),
    )
