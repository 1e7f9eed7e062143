from types import SimpleNamespace

import pytest

from lianjian.org.models import RoleCode, UnitType
from lianjian.org.tests.factories import UnitFactory, actor, city, county

from .factories import BidFactory, EntityFactory, LotFactory, TenderProjectFactory



@pytest.fixture
def world(db):
    """杭州市: lead office, trading centre, housing and transport bureaus, discipline group; 萧山区 trading centre.
    One housing lot with a tenderer, an agency and three bidders, supervised by the housing bureau."""
    hz = city()
    xs = county("330109", "萧山区")
    units = SimpleNamespace(
        office=UnitFactory(name="杭州市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=hz),
        centre=UnitFactory(name="杭州市公共资源交易中心", type=UnitType.TRADING_CENTRE, region=hz),
        housing=UnitFactory(name="杭州市住房和城乡建设局", region=hz),
        transport=UnitFactory(name="杭州市交通运输局", region=hz),
        discipline=UnitFactory(name="杭州市纪委监委派驻纪检监察组", type=UnitType.DISCIPLINE, region=hz),
        xs_centre=UnitFactory(name="萧山区公共资源交易中心", type=UnitType.TRADING_CENTRE, region=xs),
    )
    tenderer = EntityFactory(name="杭州市城市建设投资集团有限公司", is_bidder=False, is_tenderer=True)
    agency = EntityFactory(name="浙江正信招标代理有限公司", is_bidder=False, is_agency=True)
    lot = LotFactory(tender_project=TenderProjectFactory(tenderer=tenderer, agency=agency),
                     supervising_unit=units.housing, region=hz)
    bidders = [BidFactory(lot=lot, bidder=EntityFactory(name=f"杭州投标建设有限公司{i}")).bidder for i in range(3)]
    return SimpleNamespace(
        city=hz, xs=xs, units=units, lot=lot, tenderer=tenderer, agency=agency, bidders=bidders,
        office=actor(units.office, RoleCode.OFFICE_STAFF, username="office"),
        centre=actor(units.centre, RoleCode.CENTRE_STAFF, username="centre"),
        centre_colleague=actor(units.centre, RoleCode.CENTRE_STAFF, username="centre2"),
        xs_centre=actor(units.xs_centre, RoleCode.CENTRE_STAFF, username="xs_centre"),
        housing=actor(units.housing, RoleCode.SUPERVISOR_OFFICER, username="zjj"),
        transport=actor(units.transport, RoleCode.SUPERVISOR_OFFICER, username="jtj"),
        jiwei=actor(units.discipline, RoleCode.OVERSIGHT, username="jiwei"),
    )
