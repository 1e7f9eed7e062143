"""Units, people and rows of the case domain, built through the services as officials would."""

import datetime

from django.utils import timezone

from lianjian.cases import services
from lianjian.cases.models import (
    ClueOutcome,
    ClueSource,
    DiscretionBenchmark,
    TransferKind,
)
from lianjian.experts.tests.factories import EntityFactory, LotFactory, credit_code  # noqa: F401
from lianjian.org.models import PowerKind, RoleCode, UnitType
from lianjian.org.tests.factories import UnitFactory, actor, city, published_list


class City:
    """A city's joint-supervision mechanism: the lead office, the trading centre, a competent supervisor with a
    published power list, the enforcement team, discipline inspection and the police, with one officer each."""

    def __init__(self, code="330100", name="杭州市"):
        region = city(code, name)
        self.region = region
        self.office = UnitFactory(name=f"{name}公管办", type=UnitType.LEAD_OFFICE, region=region)
        self.centre = UnitFactory(name=f"{name}公共资源交易中心", type=UnitType.TRADING_CENTRE, region=region)
        self.housing = UnitFactory(name=f"{name}住房和城乡建设局", type=UnitType.INDUSTRY_SUPERVISOR, region=region)
        self.water = UnitFactory(name=f"{name}水利局", type=UnitType.INDUSTRY_SUPERVISOR, region=region)
        self.discipline = UnitFactory(name=f"{name}纪委监委", type=UnitType.DISCIPLINE, region=region)
        self.police = UnitFactory(name=f"{name}公安局", type=UnitType.POLICE, region=region)
        self.office_staff = actor(self.office, RoleCode.OFFICE_STAFF, username=f"office{code}")
        self.centre_staff = actor(self.centre, RoleCode.CENTRE_STAFF, username=f"centre{code}")
        self.housing_officer = actor(self.housing, RoleCode.SUPERVISOR_OFFICER, username=f"housing{code}")
        self.housing_officer2 = actor(self.housing, RoleCode.INSPECTOR, username=f"housing2{code}")
        self.housing_head = actor(self.housing, RoleCode.UNIT_HEAD, RoleCode.SUPERVISOR_OFFICER,
                                  username=f"housinghead{code}")
        self.water_officer = actor(self.water, RoleCode.SUPERVISOR_OFFICER, username=f"water{code}")
        self.water_officer2 = actor(self.water, RoleCode.INSPECTOR, username=f"water2{code}")
        self.discipline_officer = actor(self.discipline, RoleCode.INSPECTOR, username=f"discipline{code}")
        self.discipline_reader = actor(self.discipline, RoleCode.OVERSIGHT, username=f"disciplineread{code}")
        self.police_officer = actor(self.police, RoleCode.INSPECTOR, username=f"police{code}")
        self.police_reader = actor(self.police, RoleCode.OVERSIGHT, username=f"policeread{code}")
        self.power_list = published_list(self.housing, ("XZCF-0053", PowerKind.PENALTY),
                                         ("XZJC-0001", PowerKind.INSPECTION))
        self.penalty_item = self.power_list.items.get(code="XZCF-0053")
        self.inspection_item = self.power_list.items.get(code="XZJC-0001")


def lot_in(place, **kwargs):
    return LotFactory(region=place.region, supervising_unit=place.housing, **kwargs)


def clue(place, *, lot=None, entities=(), source=ClueSource.MONITORING, title="同一 IP 地址多家投标"):
    return services.clue_register(source=source, source_object=lot, title=title,
                                  description="三家投标人投标文件 MAC 地址相同", unit=place.office,
                                  actor=place.office_staff, lot=lot, entities=entities)


def verified_clue(place, **kwargs):
    found = clue(place, **kwargs)
    services.verification_assign(clue=found, members=[place.housing, place.water],
                                 due_on=timezone.localdate() + datetime.timedelta(days=10),
                                 instructions="核查投标文件制作机器码", actor=place.office_staff)
    services.verification_report(clue=found, findings="三家投标文件由同一台电脑制作", actor=place.housing_officer)
    found.refresh_from_db()
    return found


def disposed_clue(place, outcome=ClueOutcome.VIOLATION, unit=None, **kwargs):
    found = verified_clue(place, **kwargs)
    found, transfer = services.clue_conclude(clue=found, outcome=outcome, reason="串通投标属实",
                                             unit=unit or place.housing, actor=place.office_staff)
    return found, transfer


def registered_case(place, *, registered_on=None, is_major=False, parties=()):
    found, _transfer = disposed_clue(place)
    return services.case_register(
        unit=place.housing, title="某公司串通投标案", facts="三家投标文件由同一台电脑制作",
        handlers=[place.housing_officer, place.housing_officer2],
        registered_on=registered_on or timezone.localdate(), actor=place.housing_officer, clue=found,
        parties=parties, is_major=is_major)


def notified_case(place, *, days_ago=20, **kwargs):
    """A case whose party was notified ``days_ago`` days ago (the hearing window has passed by default)."""
    today = timezone.localdate()
    case = registered_case(place, registered_on=today - datetime.timedelta(days=days_ago + 5), **kwargs)
    case = services.case_investigate(case=case, actor=place.housing_officer)
    return services.case_notify(case=case, notified_on=today - datetime.timedelta(days=days_ago),
                                summary="调查终结，拟处罚款", actor=place.housing_officer)


def benchmark(code="collusion_ordinary"):
    return DiscretionBenchmark.objects.get(code=code)


def transfer(place, *, kind=TransferKind.TRANSFER, to_unit=None, discovered_on=None, team=(),
             materials=(("移送函", 1, 2), ("调查笔录", 1, 10))):
    return services.transfer_create(
        kind=kind, from_unit=place.housing, to_unit=to_unit or place.water, title="某水利工程串通投标",
        facts="投标保证金从同一账户转出", request="属水利工程，请依法查处", materials=materials,
        discovered_on=discovered_on or timezone.localdate(), team=team, actor=place.housing_officer)
