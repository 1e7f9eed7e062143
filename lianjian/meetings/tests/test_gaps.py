import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from lianjian.audit.services import audit_record, snapshot
from lianjian.core.permissions import AccessDenied
from lianjian.meetings import selectors, services
from lianjian.meetings.models import AgendaSource, AgendaState
from lianjian.meetings.selectors.gaps import NO_HOLDER, OVERLAP, UNCITED, citing_models
from lianjian.org.models import PowerKind
from lianjian.org.tests.factories import PowerItemFactory, PowerListFactory

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db

INSPECT = "对房屋建筑工程招标投标活动的行政检查"


def _list(unit, status, *names, version=None):
    power_list = PowerListFactory(unit=unit, status=status, **({"version": version} if version else {}))
    return power_list, [PowerItemFactory(power_list=power_list, kind=PowerKind.INSPECTION, name=n) for n in names]


def test_a_power_dropped_from_every_current_list_is_one_no_unit_holds(w):
    _list(w.units.housing, "superseded", INSPECT, "对围标串标的行政处罚", version=1)
    _list(w.units.housing, "published", "对围标串标的行政处罚", version=2)
    (gap,) = selectors.power_gaps(actor=w.office, category=NO_HOLDER)
    assert INSPECT in gap.title and gap.units == [w.units.housing]


def test_a_dropped_power_picked_up_by_another_unit_is_no_gap(w):
    _list(w.units.housing, "superseded", INSPECT, version=1)
    _list(w.units.housing, "published", "其他事项", version=2)
    _list(w.units.water, "published", f" {INSPECT} ")
    assert selectors.power_gaps(actor=w.office, category=NO_HOLDER) == []


def test_the_same_power_in_two_units_current_lists_is_an_overlap(w):
    _list(w.units.housing, "published", INSPECT)
    _list(w.units.water, "published", INSPECT)
    (gap,) = selectors.power_gaps(actor=w.office, category=OVERLAP)
    assert set(gap.units) == {w.units.housing, w.units.water}
    assert selectors.power_gaps(actor=w.xs_office, category=OVERLAP) == []


def _inspection_row(unit, item):
    """A row of a module that cites the power list (the inspections item list), written as a data repair would,
    outside power_item_check."""
    model = apps.get_model("inspections", "InspectionItem")
    assert model in citing_models()
    return model.objects.create(unit=unit, power_item=item, name="住建领域抽查")


def test_an_action_citing_a_power_dropped_from_the_units_list_has_no_item_behind_it(w):
    _old, (lapsed,) = _list(w.units.housing, "superseded", INSPECT, version=1)
    _new, (current,) = _list(w.units.housing, "published", "对招标代理机构的行政检查", version=2)
    row = _inspection_row(w.units.housing, lapsed)
    audit_record(actor=w.head, action="inspections.item.create", obj=row, after=snapshot(row))
    fine = _inspection_row(w.units.housing, current)
    audit_record(actor=w.head, action="inspections.item.create", obj=fine, after=snapshot(fine))
    gaps = selectors.power_gaps(actor=w.office, category=UNCITED)
    assert len(gaps) == 1 and "已不在本单位现行公布的权责清单中" in gaps[0].detail
    assert gaps[0].units == [w.units.housing]


def test_an_action_recorded_without_a_citation_or_with_another_units_item_is_found(w):
    _pl, (theirs,) = _list(w.units.water, "published", INSPECT)
    row = _inspection_row(w.units.water, theirs)
    audit_record(actor=w.head, action="inspections.item.repair", obj=row, after={"power_item": None})
    audit_record(actor=w.head, action="inspections.item.repair", obj=row, after={"power_item": theirs.pk})
    details = [g.detail for g in selectors.power_gaps(actor=w.office, category=UNCITED)]
    assert any("未引用权责清单事项" in d for d in details)
    assert any("市水利局" in d and "不在本单位权责清单内" in d for d in details)
    # A member unit sees only its own unit's actions; oversight sees the region.
    assert len(selectors.power_gaps(actor=w.head, category=UNCITED)) == 2
    assert selectors.power_gaps(actor=w.water_head, category=UNCITED) == []
    assert len(selectors.power_gaps(actor=w.oversight, category=UNCITED)) == 2


def test_the_office_sends_a_finding_to_a_meetings_agenda_in_one_step_and_only_once(w):
    _list(w.units.housing, "published", INSPECT)
    _list(w.units.water, "published", INSPECT)
    meeting = MeetingFactory(unit=w.units.office)
    (gap,) = selectors.power_gaps(actor=w.office, category=OVERLAP)
    item = services.agenda_from_gap(meeting=meeting, gap=gap, actor=w.office)
    assert (item.state, item.source, item.signed_off_by) == (AgendaState.SUBMITTED, AgendaSource.POWER_GAP, w.office)
    assert selectors.power_gap_get(actor=w.office, key=gap.key).key == gap.key
    with pytest.raises(ValidationError, match="已列入"):
        services.agenda_from_gap(meeting=meeting, gap=gap, actor=w.office)


def test_an_ordinary_officer_or_oversight_cannot_send_a_finding_to_the_agenda(w):
    _list(w.units.housing, "published", INSPECT)
    _list(w.units.water, "published", INSPECT)
    meeting = MeetingFactory(unit=w.units.office)
    (gap,) = selectors.power_gaps(actor=w.office, category=OVERLAP)
    for someone in (w.officer, w.oversight):
        with pytest.raises(AccessDenied):
            services.agenda_from_gap(meeting=meeting, gap=gap, actor=someone)


def test_a_forged_or_unknown_key_finds_nothing(w):
    assert selectors.power_gap_get(actor=w.office, key="overlap:0000") is None
    assert selectors.power_gap_get(actor=w.office, key="bogus") is None
