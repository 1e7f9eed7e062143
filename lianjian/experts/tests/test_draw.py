"""Drawing a committee: recusal from the data, committee rules, shortfalls, redraws and who may draw."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.experts import recusal, services
from lianjian.experts.models import Extraction, ExtractionStatus, PickRole, RelationType
from lianjian.org.models import Sector, User
from lianjian.org.tests.factories import RegionFactory

from .factories import (
    BidFactory, EntityFactory, LotFactory, TenderProjectFactory, declare, expert, id_number, penalise,
)

pytestmark = pytest.mark.django_db


def _drawn(extraction):
    return set(extraction.picks.filter(role__in=[PickRole.PRIMARY, PickRole.RESERVE])
               .values_list("expert_id", flat=True))


def _recused(extraction):
    return {p.expert_id: p for p in extraction.picks.filter(role=PickRole.RECUSED)}


def test_planted_conflicts_are_never_drawn_and_each_is_recorded_with_its_reason(world):
    office = world.office
    employed_by_bidder = expert(office, employer=world.bidders[0])
    employed_by_tenderer = expert(office, employer=world.tenderer)
    close_relative = expert(office)
    declare(office, close_relative, world.bidders[1], RelationType.CLOSE_RELATIVE)
    supervisor_staff = expert(office, employer_unit=world.units.housing, employer_name="")
    penalised_before = expert(office)
    penalise(office, penalised_before)
    clean = [expert(office) for _ in range(7)]

    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, reserves=2, actor=world.centre)

    planted = {
        employed_by_bidder.pk: (recusal.EMPLOYER_BIDDER, world.bidders[0].name),
        employed_by_tenderer.pk: (recusal.EMPLOYER_TENDERER, world.tenderer.name),
        close_relative.pk: ("declared_close_relative", world.bidders[1].name),
        supervisor_staff.pk: (recusal.SUPERVISING_UNIT, world.units.housing.name),
        penalised_before.pk: (recusal.PENALISED, "评标中违反评标纪律"),
    }
    assert _drawn(extraction) == {e.pk for e in clean}
    recused = _recused(extraction)
    assert set(recused) == set(planted)
    for expert_id, (code, words) in planted.items():
        assert recused[expert_id].recusal_codes == [code]
        assert words in recused[expert_id].recusal_reason
    assert extraction.picks.filter(role=PickRole.PRIMARY).count() == 5
    assert extraction.picks.filter(role=PickRole.RESERVE).count() == 2


def test_staff_of_the_agency_and_an_employer_known_only_by_name_are_recused(world):
    office = world.office
    agency_staff = expert(office, employer=world.agency)
    by_name = expert(office, employer_name=world.bidders[2].name)
    for _ in range(5):
        expert(office)
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre)
    recused = _recused(extraction)
    assert recused[agency_staff.pk].recusal_codes == [recusal.EMPLOYER_AGENCY]
    assert recused[by_name.pk].recusal_codes == [recusal.EMPLOYER_BIDDER]


def test_a_consortium_member_counts_as_a_bidder(world):
    member = EntityFactory(name="联合体成员设计院")
    world.lot.bids.first().consortium_members.add(member)
    employee = expert(world.office, employer=member)
    for _ in range(5):
        expert(world.office)
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre)
    assert employee.pk in _recused(extraction)


def test_an_expired_declaration_no_longer_bars_the_expert(world):
    today = timezone.localdate()
    former = expert(world.office)
    declare(world.office, former, world.bidders[0], RelationType.ECONOMIC_INTEREST,
            declared_on=today - datetime.timedelta(days=400), valid_until=today - datetime.timedelta(days=1))
    for _ in range(4):
        expert(world.office)
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre)
    assert former.pk in _drawn(extraction)


def _procurement_lot(world):
    lot = LotFactory(tender_project=TenderProjectFactory(
        tenderer=world.tenderer, sector=Sector.objects.get(code="government_procurement")), region=world.city,
        category="goods")
    BidFactory(lot=lot, bidder=world.bidders[0])
    return lot


def test_government_procurement_bars_a_former_employee_for_three_years_after_leaving(world):
    today = timezone.localdate()
    lot = _procurement_lot(world)
    left_two_years_ago = expert(world.office, specialties=["B0201"])
    declare(world.office, left_two_years_ago, world.bidders[0], RelationType.FORMER_EMPLOYER,
            declared_on=today - datetime.timedelta(days=800), valid_until=today - datetime.timedelta(days=700),
            relation_ended_on=today - datetime.timedelta(days=730))
    left_four_years_ago = expert(world.office, specialties=["B0201"])
    declare(world.office, left_four_years_ago, world.bidders[0], RelationType.FORMER_EMPLOYER,
            declared_on=today - datetime.timedelta(days=1500), valid_until=today - datetime.timedelta(days=1400),
            relation_ended_on=today - datetime.timedelta(days=1461))
    for _ in range(4):
        expert(world.office, specialties=["B0201"])
    extraction = services.extraction_draw(lot=lot, counts={"B02": 5}, actor=world.centre)
    assert _recused(extraction)[left_two_years_ago.pk].recusal_codes == ["declared_former_employer"]
    assert left_four_years_ago.pk in _drawn(extraction)


def test_the_same_lapsed_former_employment_does_not_bar_outside_government_procurement(world):
    today = timezone.localdate()
    former = expert(world.office)
    declare(world.office, former, world.bidders[0], RelationType.FORMER_EMPLOYER,
            declared_on=today - datetime.timedelta(days=800), valid_until=today - datetime.timedelta(days=700),
            relation_ended_on=today - datetime.timedelta(days=730))
    for _ in range(4):
        expert(world.office)
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre)
    assert former.pk in _drawn(extraction)


def test_a_request_for_a_parent_specialty_draws_from_the_specialties_below_it(world):
    structures = [expert(world.office, specialties=["A0102"]) for _ in range(3)]
    workers = [expert(world.office, specialties=["A0101"]) for _ in range(2)]
    expert(world.office, specialties=["B0201"])
    extraction = services.extraction_draw(lot=world.lot, counts={"A01": 5}, actor=world.centre)
    assert _drawn(extraction) == {e.pk for e in structures + workers}


def test_suspended_blacklisted_and_out_of_province_experts_are_not_candidates(world):
    suspended = expert(world.office)
    services.expert_change_status(expert=suspended, transition="suspend", reason="长期无法联系", actor=world.office)
    blacklisted = expert(world.office)
    services.expert_blacklist(expert=blacklisted, reason="评标中收受好处", actor=world.office)
    shanghai = RegionFactory(code="310000", name="上海市")
    outsider = services.expert_create(name="外省专家", id_number=id_number(), region=shanghai,
                                      phone="13900002222", employer_name="上海某院",
                                      specialties=[suspended.specialties.get()],
                                      actor=User.objects.create_superuser("root", password="x"))
    pool = [expert(world.office) for _ in range(5)]
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre)
    met = set(extraction.picks.values_list("expert_id", flat=True))
    assert met == {e.pk for e in pool}
    assert not met & {suspended.pk, blacklisted.pk, outsider.pk}


def test_one_expert_with_two_requested_specialties_is_drawn_at_most_once(world):
    both = [expert(world.office, specialties=["A0101", "A0501"]) for _ in range(6)]
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 3, "A0501": 2}, actor=world.centre)
    drawn = list(extraction.picks.values_list("expert_id", flat=True))
    assert len(drawn) == len(set(drawn)) == 5
    assert set(drawn) <= {e.pk for e in both}


@pytest.mark.parametrize("counts,reps,message", [
    ({"A0101": 4}, 0, "5 人以上"),
    ({"A0101": 6}, 0, "单数"),
    ({"A0101": 3}, 2, "2/3"),
])
def test_committee_rules_reject_a_bad_composition_with_a_clear_message(world, counts, reps, message):
    for _ in range(8):
        expert(world.office)
    with pytest.raises(ValidationError) as error:
        services.extraction_draw(lot=world.lot, counts=counts, tenderer_representatives=reps, actor=world.centre)
    assert any(message in m for m in error.value.message_dict["counts"])
    assert not Extraction.objects.exists()


def test_four_experts_and_one_tenderer_representative_make_a_valid_committee(world):
    for _ in range(4):
        expert(world.office)
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 4}, tenderer_representatives=1,
                                          actor=world.centre)
    assert extraction.picks.filter(role=PickRole.PRIMARY).count() == 4


@pytest.mark.parametrize("counts,message", [
    ({}, "至少填写一个专业"),
    ({"Z9999": 5}, "不存在"),
    ({"A0101": 0}, "正整数"),
    ({"A0101": "五"}, "正整数"),
])
def test_bad_counts_are_rejected_naming_the_specialty(world, counts, message):
    with pytest.raises(ValidationError) as error:
        services.extraction_draw(lot=world.lot, counts=counts, actor=world.centre)
    assert any(message in m for m in error.value.message_dict["counts"])


def test_not_enough_eligible_experts_is_a_clear_error_and_nothing_is_recorded(world):
    for _ in range(4):
        expert(world.office)
    expert(world.office, employer=world.bidders[0])
    with pytest.raises(ValidationError) as error:
        services.extraction_draw(lot=world.lot, counts={"A0101": 5}, reserves=1, actor=world.centre)
    [message] = error.value.message_dict["counts"]
    assert "A0101" in message and "需 6 人" in message and "仅 4 人" in message and "1 人须回避" in message
    assert not Extraction.objects.exists()
    assert not AuditEntry.objects.filter(action="experts.extraction.draw").exists()


def test_a_redraw_needs_a_reason_and_keeps_the_earlier_draw_as_superseded(world):
    for _ in range(12):
        expert(world.office)
    first = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre)
    with pytest.raises(ValidationError) as error:
        services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre)
    assert "原因" in error.value.message_dict["reason"][0]
    second = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre,
                                      reason="两名正选专家电话无法接通")
    first.refresh_from_db()
    assert first.status == ExtractionStatus.SUPERSEDED and first.picks.count() == 5
    assert second.attempt == 2 and second.supersedes == first and second.status == ExtractionStatus.DRAWN
    actions = list(AuditEntry.objects.filter(object_type="experts.extraction").values_list("action", flat=True))
    assert actions.count("experts.extraction.draw") == 2 and "experts.extraction.supersede" in actions


def test_the_audit_entry_of_a_draw_carries_digests_but_no_names(world):
    pool = [expert(world.office) for _ in range(5)]
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre)
    entry = AuditEntry.objects.get(action="experts.extraction.draw")
    assert entry.after["result_hash"] == extraction.result_hash
    body = str(entry.after) + str(entry.detail)
    assert all(e.name not in body for e in pool) and "seed" not in entry.after


def test_only_trading_centre_staff_of_the_lots_region_may_draw(world):
    for _ in range(5):
        expert(world.office)
    for outsider in (world.housing, world.office, world.jiwei, world.xs_centre):
        with pytest.raises(AccessDenied):
            services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=outsider)


def test_no_draw_after_the_evaluation_has_ended(world):
    for _ in range(5):
        expert(world.office)
    world.lot.evaluation_finished_at = timezone.now() - datetime.timedelta(hours=1)
    world.lot.save()
    with pytest.raises(ValidationError, match="评标已于"):
        services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre)
