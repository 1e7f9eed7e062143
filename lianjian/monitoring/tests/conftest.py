from types import SimpleNamespace

import pytest

from lianjian.org.models import RoleCode, UnitType
from lianjian.org.tests.factories import UnitFactory, actor, city, county

from .factories import BidFactory, EntityFactory, LotFactory


@pytest.fixture
def world(db):
    """杭州市: lead office, trading centre, housing bureau (supervises the lot), transport bureau, discipline group;
    上城区 lead office. One housing lot with three bidders."""
    hz = city()
    sc = county("330102", "上城区")
    units = SimpleNamespace(
        office=UnitFactory(name="杭州市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=hz),
        centre=UnitFactory(name="杭州市公共资源交易中心", type=UnitType.TRADING_CENTRE, region=hz),
        housing=UnitFactory(name="杭州市住房和城乡建设局", region=hz),
        transport=UnitFactory(name="杭州市交通运输局", region=hz),
        discipline=UnitFactory(name="杭州市纪委监委派驻纪检监察组", type=UnitType.DISCIPLINE, region=hz),
        sc_office=UnitFactory(name="上城区公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=sc),
    )
    lot = LotFactory(supervising_unit=units.housing, region=hz, name="杭州市第一中学改扩建工程施工")
    bidders = [BidFactory(lot=lot, bidder=EntityFactory(name=f"杭州投标建设有限公司{i}")).bidder for i in range(3)]
    return SimpleNamespace(
        city=hz, county=sc, units=units, lot=lot, bidders=bidders,
        office=actor(units.office, RoleCode.OFFICE_STAFF, username="office"),
        centre=actor(units.centre, RoleCode.CENTRE_STAFF, username="centre"),
        housing=actor(units.housing, RoleCode.SUPERVISOR_OFFICER, username="zjj"),
        housing2=actor(units.housing, RoleCode.SUPERVISOR_OFFICER, username="zjj2"),
        transport=actor(units.transport, RoleCode.SUPERVISOR_OFFICER, username="jtj"),
        jiwei=actor(units.discipline, RoleCode.OVERSIGHT, username="jiwei"),
        sc_office=actor(units.sc_office, RoleCode.OFFICE_STAFF, username="sc_office"),
    )
