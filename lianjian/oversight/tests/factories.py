"""A city's trading record as oversight readers see it: two lots in 杭州 and one in 宁波 (outside their reach)."""

from types import SimpleNamespace

from lianjian.experts.tests.factories import (
    BidFactory,
    EntityFactory,
    LotFactory,
    TenderProjectFactory,
)
from lianjian.org.models import RoleCode, UnitType
from lianjian.org.tests.factories import UnitFactory, actor, city


def oversight_world():
    hz, nb = city(), city("330200", "宁波市")
    units = SimpleNamespace(
        office=UnitFactory(name="杭州市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=hz),
        centre=UnitFactory(name="杭州市公共资源交易中心", type=UnitType.TRADING_CENTRE, region=hz),
        housing=UnitFactory(name="杭州市住房和城乡建设局", region=hz),
        discipline=UnitFactory(name="杭州市纪委监委派驻纪检监察组", type=UnitType.DISCIPLINE, region=hz),
        audit=UnitFactory(name="杭州市审计局", type=UnitType.AUDIT, region=hz),
    )
    lot = LotFactory(tender_project=TenderProjectFactory(name="钱塘江堤防加固工程"), name="堤防加固一标段",
                     supervising_unit=units.housing, region=hz)
    other_lot = LotFactory(name="西溪绿道二标段", supervising_unit=units.housing, region=hz)
    ningbo_lot = LotFactory(name="甬江隧道标段", region=nb)
    bidder = EntityFactory(name="浙江围标嫌疑建设有限公司")
    BidFactory(lot=lot, bidder=bidder, upload_ip="10.1.1.8")
    BidFactory(lot=other_lot, bidder=bidder, upload_ip="10.1.1.8")
    BidFactory(lot=ningbo_lot, bidder=bidder, upload_ip="10.1.1.8")
    return SimpleNamespace(
        city=hz, units=units, lot=lot, other_lot=other_lot, ningbo_lot=ningbo_lot, bidder=bidder,
        jiwei=actor(units.discipline, RoleCode.OVERSIGHT, username="jiwei", full_name="纪检干部甲"),
        jiwei2=actor(units.discipline, RoleCode.OVERSIGHT, username="jiwei2", full_name="纪检干部乙"),
        jiwei_head=actor(units.discipline, RoleCode.UNIT_HEAD, RoleCode.OVERSIGHT, username="jiwei_head",
                         full_name="纪检组长"),
        auditor=actor(units.audit, RoleCode.OVERSIGHT, username="shenji", full_name="审计干部"),
        office=actor(units.office, RoleCode.OFFICE_STAFF, username="office"),
        centre=actor(units.centre, RoleCode.CENTRE_STAFF, username="centre"),
        housing=actor(units.housing, RoleCode.SUPERVISOR_OFFICER, RoleCode.UNIT_HEAD, username="zjj"),
    )
