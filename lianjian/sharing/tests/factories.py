"""A city with its lead office, trading centre and bureaus, and two lots opened on 2025-10-09."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from lianjian.experts.tests.factories import BidFactory, LotFactory
from lianjian.org.models import RoleCode, UnitType
from lianjian.org.tests.factories import UnitFactory, actor, city

OPENING_DAY = datetime.date(2025, 10, 9)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def sharing_world():
    hz = city()
    units = SimpleNamespace(
        office=UnitFactory(name="杭州市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=hz),
        centre=UnitFactory(name="杭州市公共资源交易中心", type=UnitType.TRADING_CENTRE, region=hz),
        housing=UnitFactory(name="杭州市住房和城乡建设局", region=hz),
        transport=UnitFactory(name="杭州市交通运输局", region=hz),
        discipline=UnitFactory(name="杭州市纪委监委派驻纪检监察组", type=UnitType.DISCIPLINE, region=hz),
    )
    lots = [
        LotFactory(name="钱塘江堤防加固一标段", region=hz, supervising_unit=units.housing, bid_open_place="第一开标室",
                   bid_open_at=datetime.datetime(2025, 10, 9, 9, 30, tzinfo=SHANGHAI)),
        LotFactory(name="西溪绿道二标段", region=hz, supervising_unit=units.transport,
                   bid_open_at=datetime.datetime(2025, 10, 9, 14, 0, tzinfo=SHANGHAI)),
    ]
    for lot in lots:
        BidFactory(lot=lot)
        BidFactory(lot=lot)
    LotFactory(name="次日开标标段", region=hz, bid_open_at=datetime.datetime(2025, 10, 10, 0, 30, tzinfo=SHANGHAI))
    return SimpleNamespace(
        city=hz, units=units, lots=lots,
        office=actor(units.office, RoleCode.OFFICE_STAFF, username="office", full_name="办公室干部"),
        centre=actor(units.centre, RoleCode.CENTRE_STAFF, username="centre", full_name="中心干部"),
        housing=actor(units.housing, RoleCode.SUPERVISOR_OFFICER, username="zjj", full_name="住建干部"),
        transport=actor(units.transport, RoleCode.SUPERVISOR_OFFICER, username="jtj", full_name="交通干部"),
        transport_head=actor(units.transport, RoleCode.UNIT_HEAD, username="jtj_head", full_name="交通局长"),
        jiwei=actor(units.discipline, RoleCode.OVERSIGHT, username="jiwei", full_name="纪检干部"),
    )
