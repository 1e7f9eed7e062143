from types import SimpleNamespace

import pytest

from lianjian.experts.tests.factories import EntityFactory, LotFactory, TenderProjectFactory
from lianjian.org.models import PowerKind, RoleCode, Sector, UnitType
from lianjian.org.tests.factories import UnitFactory, actor, city, published_list


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(db):
    """杭州市 with a lead office, a housing bureau (房屋建筑) and a finance bureau (政府采购), each with a published
    power list; 宁波市 with its own housing bureau. One housing lot supervised by the housing bureau."""
    hz = city()
    nb = city("330200", "宁波市")
    housing_sector = Sector.objects.get(code="construction.housing")
    gp_sector = Sector.objects.get(code="government_procurement")
    units = SimpleNamespace(
        office=UnitFactory(name="杭州市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=hz),
        housing=UnitFactory(name="杭州市住房和城乡建设局", region=hz),
        finance=UnitFactory(name="杭州市财政局", region=hz),
        transport=UnitFactory(name="杭州市交通运输局", region=hz),
        discipline=UnitFactory(name="杭州市纪委监委派驻纪检监察组", type=UnitType.DISCIPLINE, region=hz),
        nb_housing=UnitFactory(name="宁波市住房和城乡建设局", region=nb),
    )
    units.housing.sectors.add(housing_sector)
    units.finance.sectors.add(gp_sector)
    units.nb_housing.sectors.add(housing_sector)
    lists = {key: published_list(getattr(units, key), (f"QT-{key}-01", PowerKind.OTHER))
             for key in ("housing", "finance", "transport", "office")}
    lot = LotFactory(tender_project=TenderProjectFactory(tenderer=EntityFactory(is_bidder=False, is_tenderer=True)),
                     supervising_unit=units.housing, region=hz)
    return SimpleNamespace(
        city=hz, nb=nb, units=units, lot=lot, housing_sector=housing_sector, gp_sector=gp_sector,
        items={key: power_list.items.get() for key, power_list in lists.items()},
        office=actor(units.office, RoleCode.OFFICE_STAFF, username="office"),
        housing=actor(units.housing, RoleCode.SUPERVISOR_OFFICER, username="zjj", full_name="住建干部甲"),
        housing2=actor(units.housing, RoleCode.SUPERVISOR_OFFICER, username="zjj2", full_name="住建干部乙"),
        housing_head=actor(units.housing, RoleCode.UNIT_HEAD, username="zjj_head"),
        finance=actor(units.finance, RoleCode.SUPERVISOR_OFFICER, username="czj"),
        transport=actor(units.transport, RoleCode.SUPERVISOR_OFFICER, username="jtj"),
        jiwei=actor(units.discipline, RoleCode.OVERSIGHT, username="jiwei"),
        nb_housing=actor(units.nb_housing, RoleCode.SUPERVISOR_OFFICER, username="nbzjj"),
    )
