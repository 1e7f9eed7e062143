"""Factories and a small mechanism for the joint-meeting tests."""

import datetime
from types import SimpleNamespace

import factory
from django.utils import timezone

from lianjian.meetings import services
from lianjian.meetings.models import AgendaItem, Meeting, MeetingKind, MeetingState
from lianjian.org.models import RoleCode, UnitType
from lianjian.org.tests.factories import UnitFactory, actor, city, county


class MeetingFactory(factory.django.DjangoModelFactory):
    """An ad-hoc meeting by default: a lead office has at most one regular meeting in preparation."""

    class Meta:
        model = Meeting

    unit = factory.SubFactory(UnitFactory, type=UnitType.LEAD_OFFICE)
    kind = MeetingKind.AD_HOC
    title = factory.Sequence(lambda n: f"第{n}次联席会议")
    state = MeetingState.PLANNED


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    unit = factory.SubFactory(UnitFactory)
    title = factory.Sequence(lambda n: f"议题{n}")
    description = "情况说明"
    proposed_by = factory.LazyAttribute(lambda o: actor(o.unit, RoleCode.SUPERVISOR_OFFICER))


def mechanism():
    """杭州市: the lead office (an office officer and the convener), the housing bureau (an officer and its head),
    the water bureau (its head), a discipline-inspection reader; and 萧山区 with its own office and bureau."""
    hz = city()
    xs = county("330109", "萧山区")
    units = SimpleNamespace(
        office=UnitFactory(name="杭州市公共资源交易管理办公室", short_name="市公管办", type=UnitType.LEAD_OFFICE, region=hz),
        housing=UnitFactory(name="杭州市住房和城乡建设局", short_name="市住建局", region=hz),
        water=UnitFactory(name="杭州市水利局", short_name="市水利局", region=hz),
        discipline=UnitFactory(name="杭州市纪委监委派驻纪检监察组", short_name="纪检组", type=UnitType.DISCIPLINE,
                               region=hz),
        xs_office=UnitFactory(name="萧山区公共资源交易管理办公室", short_name="萧山公管办", type=UnitType.LEAD_OFFICE,
                              region=xs),
        xs_housing=UnitFactory(name="萧山区住房和城乡建设局", short_name="萧山住建局", region=xs),
    )
    return SimpleNamespace(
        city=hz, xs=xs, units=units,
        office=actor(units.office, RoleCode.OFFICE_STAFF, username="office"),
        convener=actor(units.office, RoleCode.UNIT_HEAD, username="convener"),
        officer=actor(units.housing, RoleCode.SUPERVISOR_OFFICER, username="zjj_officer"),
        head=actor(units.housing, RoleCode.UNIT_HEAD, username="zjj_head"),
        water_head=actor(units.water, RoleCode.UNIT_HEAD, username="slj_head"),
        oversight=actor(units.discipline, RoleCode.OVERSIGHT, username="jiwei"),
        xs_office=actor(units.xs_office, RoleCode.OFFICE_STAFF, username="xs_office"),
        xs_head=actor(units.xs_housing, RoleCode.UNIT_HEAD, username="xs_head"),
    )


def approved_meeting(w, *, title="住建领域串通投标问题", meeting=None):
    """A planned meeting of the city office (a new ad-hoc one by default) taken through proposal, sign-off,
    compilation and approval."""
    meeting = meeting or MeetingFactory(unit=w.units.office, kind=MeetingKind.AD_HOC)
    item = services.agenda_propose(meeting=meeting, title=title, description="近期发现多起围标线索", actor=w.officer)
    services.agenda_sign_off(item=item, actor=w.head)
    meeting = services.meeting_compile(meeting=meeting, actor=w.office)
    return services.meeting_approve_agenda(meeting=meeting, actor=w.convener)


def held_meeting(w, *, days_ago=1, units=None):
    """A meeting held ``days_ago`` days ago with one decision for ``units`` (default: the housing bureau)."""
    meeting = approved_meeting(w)
    held_on = timezone.localdate() - datetime.timedelta(days=days_ago)
    meeting, tasks = services.meeting_record_minutes(
        meeting=meeting, held_on=held_on, minutes="会议研究了住建领域串通投标问题。",
        decisions=[("开展住建领域围标串标专项整治", units or [w.units.housing])], actor=w.office)
    return meeting, tasks
