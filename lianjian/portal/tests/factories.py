"""Builders for portal tests: a city with a lead office and a housing bureau, and a complaint carried through to a
decision by the complaints services (so the source is exactly what production publishes from)."""

from types import SimpleNamespace

from lianjian.complaints.services import complaint_accept, complaint_decide
from lianjian.complaints.tests.factories import identity, submit
from lianjian.experts.tests.factories import (
    EntityFactory,
    LotFactory,
    TenderProjectFactory,
)
from lianjian.org.models import PowerKind, RoleCode, UnitType
from lianjian.org.tests.factories import UnitFactory, actor, city, published_list

FILER_NAME = "欧阳明珠"
FILER_PHONE = "13987654321"
FILER_EMAIL = "mingzhu@example.com"
FILER_ID = "11010519491231002X"
FILER_ADDRESS = "杭州市西湖区文三路99号"


def build_world():
    hz = city()
    nb = city("330200", "宁波市")
    office = UnitFactory(name="杭州市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=hz)
    housing = UnitFactory(name="杭州市住房和城乡建设局", region=hz)
    nb_office = UnitFactory(name="宁波市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=nb)
    power_list = published_list(housing, ("QT-housing-01", PowerKind.OTHER))
    lot = LotFactory(tender_project=TenderProjectFactory(tenderer=EntityFactory(is_bidder=False, is_tenderer=True)),
                     supervising_unit=housing, region=hz)
    return SimpleNamespace(
        city=hz, nb=nb, office_unit=office, housing_unit=housing, lot=lot, item=power_list.items.get(),
        office=actor(office, RoleCode.OFFICE_STAFF, username="office"),
        housing=actor(housing, RoleCode.SUPERVISOR_OFFICER, username="zjj", full_name="住建干部甲"),
        nb_office=actor(nb_office, RoleCode.OFFICE_STAFF, username="nboffice"),
        jiwei=actor(UnitFactory(type=UnitType.DISCIPLINE, region=hz), RoleCode.OVERSIGHT, username="jiwei"),
    )


def filer():
    return identity(name=FILER_NAME, phone=FILER_PHONE, email=FILER_EMAIL, id_number=FILER_ID,
                    address=FILER_ADDRESS)


def received_complaint(world, **overrides):
    return submit(world.city, lot=world.lot, ident=filer(), **overrides)


def decided_complaint(world, *, decision_text=None, **overrides):
    """A complaint by 欧阳明珠 decided by the housing bureau; by default the decision text names the filer and her
    phone, as careless drafting does."""
    complaint = received_complaint(world, **overrides)
    complaint = complaint_accept(complaint=complaint, power_item=world.item, actor=world.housing)
    text = decision_text or (f"经查，投诉人{FILER_NAME}（电话{FILER_PHONE}）反映的第一中标候选人业绩造假问题属实，"
                             f"责令招标人重新评标。")
    return complaint_decide(complaint=complaint, outcome="upheld", decision_text=text,
                            legal_basis="《中华人民共和国招标投标法实施条例》第六十一条", actor=world.housing)
