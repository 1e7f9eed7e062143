"""A review fixture whose figures are worked out by hand in ``EXPECTED`` (period 2025-01-01 to 2025-06-30,
judged on 2025-07-10)."""

import datetime
from types import SimpleNamespace

from lianjian.deadlines.models import DeadlineState
from lianjian.deadlines.tests.factories import DeadlineFactory, rule
from lianjian.org.models import RoleCode, UnitType
from lianjian.org.tests.factories import UnitFactory, actor, city

PERIOD = (datetime.date(2025, 1, 1), datetime.date(2025, 6, 30))
TODAY = datetime.date(2025, 7, 10)

# unit: (rank, decided, met, missed, overdue, pending, rate)
EXPECTED = {
    "杭州市水利局": (1, 2, 2, 0, 0, 0, 1.0),
    "杭州市住房和城乡建设局": (2, 4, 3, 1, 0, 0, 0.75),
    "杭州市交通运输局": (3, 3, 2, 0, 1, 1, 2 / 3),
    "杭州市林业水利局": (4, 0, 0, 0, 0, 1, None),
}


def _deadline(unit, code, due, state):
    return DeadlineFactory(responsible_unit=unit, rule=rule(code), start=due - datetime.timedelta(days=3), due=due,
                           due_soon_from=due - datetime.timedelta(days=1), state=state)


def review_world():
    hz = city()
    units = SimpleNamespace(
        office=UnitFactory(name="杭州市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=hz),
        housing=UnitFactory(name="杭州市住房和城乡建设局", region=hz),
        transport=UnitFactory(name="杭州市交通运输局", region=hz),
        water=UnitFactory(name="杭州市水利局", region=hz),
        forestry=UnitFactory(name="杭州市林业水利局", region=hz),
        discipline=UnitFactory(name="杭州市纪委监委派驻纪检监察组", type=UnitType.DISCIPLINE, region=hz),
        ningbo_office=UnitFactory(name="宁波市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE,
                                  region=city("330200", "宁波市")),
    )
    d = datetime.date
    # 住建局: complaints 2 of 3 on time, one transfer on time; a cancelled one and one due after the period ignored.
    _deadline(units.housing, "complaint_accept", d(2025, 3, 1), DeadlineState.MET)
    _deadline(units.housing, "complaint_accept", d(2025, 3, 5), DeadlineState.MET)
    _deadline(units.housing, "complaint_accept", d(2025, 3, 10), DeadlineState.MISSED)
    _deadline(units.housing, "case_transfer", d(2025, 4, 1), DeadlineState.MET)
    _deadline(units.housing, "case_transfer", d(2025, 4, 2), DeadlineState.CANCELLED)
    _deadline(units.housing, "complaint_accept", d(2025, 8, 1), DeadlineState.OPEN)
    # 交通局: one complaint still open past its due date (overdue), a transfer and an unmapped rule on time, an
    # assistance letter with its clock stopped (pending, not counted).
    _deadline(units.transport, "complaint_accept", d(2025, 5, 1), DeadlineState.OPEN)
    _deadline(units.transport, "case_transfer", d(2025, 6, 30), DeadlineState.MET)
    _deadline(units.transport, "objection_reply", d(2025, 6, 15), DeadlineState.MET)
    _deadline(units.transport, "assistance_letter_return", d(2025, 6, 20), DeadlineState.PAUSED)
    # 水利局: two liaison reports on time.
    _deadline(units.water, "liaison_change_report", d(2025, 2, 1), DeadlineState.MET)
    _deadline(units.water, "liaison_change_report", d(2025, 2, 3), DeadlineState.MET)
    # 林业水利局: nothing decided yet.
    _deadline(units.forestry, "case_transfer", d(2025, 6, 30), DeadlineState.PAUSED)
    return SimpleNamespace(
        city=hz, units=units,
        office=actor(units.office, RoleCode.OFFICE_STAFF, username="office"),
        housing=actor(units.housing, RoleCode.SUPERVISOR_OFFICER, username="zjj"),
        transport=actor(units.transport, RoleCode.SUPERVISOR_OFFICER, username="jtj"),
        jiwei=actor(units.discipline, RoleCode.OVERSIGHT, username="jiwei"),
        ningbo=actor(units.ningbo_office, RoleCode.OFFICE_STAFF, username="nb_office"),
    )
