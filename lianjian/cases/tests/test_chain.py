"""The chain clue → joint verification → case → decision, and the outcomes that leave it."""

import datetime
import hashlib
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lianjian.cases import services
from lianjian.cases.models import (
    CaseState,
    ClueOutcome,
    ClueSource,
    ClueState,
    DecisionKind,
    EvidenceFile,
    TransferKind,
    TransferState,
)
from lianjian.cases.selectors import cases_for, clues_for
from lianjian.core.workflow import StaleTransition
from lianjian.deadlines.models import Deadline, DeadlineState
from lianjian.notifications.models import Notification
from lianjian.org.models import PowerKind
from lianjian.org.tests.factories import PowerItemFactory, published_list

from .factories import (
    benchmark,
    clue,
    disposed_clue,
    lot_in,
    notified_case,
    registered_case,
    verified_clue,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def test_the_trading_centre_reports_a_witnessed_problem_with_hashed_evidence(place, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    lot = lot_in(place)
    found = services.witness_report_file(
        unit=place.centre, lot=lot, observed_at=timezone.now() - datetime.timedelta(hours=1), place="开标室",
        summary="两名投标代表使用同一 U 盾", title="开标现场异常", actor=place.centre_staff,
        files=[SimpleUploadedFile("现场照片.jpg", b"photo-bytes")])
    assert found.source == ClueSource.WITNESSING and found.lot == lot
    evidence = EvidenceFile.objects.get(report=found.source_object)
    assert evidence.sha256 == hashlib.sha256(b"photo-bytes").hexdigest() and evidence.size == 11


def test_a_witnessing_report_without_evidence_is_refused(place):
    with pytest.raises(ValidationError) as error:
        services.witness_report_file(unit=place.centre, lot=None, observed_at=timezone.now(), place="", summary="情况",
                                     title="异常", actor=place.centre_staff, files=[])
    assert "files" in error.value.message_dict


def test_only_the_lead_office_assigns_a_joint_verification_of_several_units(place):
    found = clue(place)
    with pytest.raises(PermissionDenied):
        services.verification_assign(clue=found, members=[place.housing, place.water], due_on=TODAY(),
                                     instructions="", actor=place.housing_officer)
    with pytest.raises(ValidationError) as error:
        services.verification_assign(clue=found, members=[place.housing], due_on=TODAY(), instructions="",
                                     actor=place.office_staff)
    assert "members" in error.value.message_dict
    services.verification_assign(clue=found, members=[place.housing, place.water], due_on=TODAY(),
                                 instructions="核查", actor=place.office_staff)
    found.refresh_from_db()
    assert found.state == ClueState.VERIFYING
    assert Notification.objects.filter(recipient=place.water_officer, link=found.get_absolute_url()).exists()
    # The members now see the clue they verify.
    assert found in clues_for(actor=place.water_officer)


def test_a_second_officer_assigning_the_same_clue_gets_a_stale_transition(place):
    found = clue(place)
    stale = type(found).objects.get(pk=found.pk)
    services.verification_assign(clue=found, members=[place.housing, place.water], due_on=TODAY(),
                                 instructions="", actor=place.office_staff)
    with pytest.raises(StaleTransition):
        services.verification_assign(clue=stale, members=[place.housing, place.water], due_on=TODAY(),
                                     instructions="", actor=place.office_staff)


def test_an_unfounded_clue_closes_with_reasons(place):
    found = verified_clue(place)
    with pytest.raises(ValidationError) as error:
        services.clue_conclude(clue=found, outcome=ClueOutcome.UNFOUNDED, reason="", actor=place.office_staff)
    assert "reason" in error.value.message_dict
    found, transfer = services.clue_conclude(clue=found, outcome=ClueOutcome.UNFOUNDED, reason="经核查，机器码不同",
                                             actor=place.office_staff)
    assert found.state == ClueState.UNFOUNDED and transfer is None


def test_a_clue_cannot_be_concluded_before_the_team_reports(place):
    found = clue(place)
    services.verification_assign(clue=found, members=[place.housing, place.water], due_on=TODAY(),
                                 instructions="", actor=place.office_staff)
    found.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.clue_conclude(clue=found, outcome=ClueOutcome.UNFOUNDED, reason="无", actor=place.office_staff)
    assert "outcome" in error.value.message_dict


def test_a_violation_must_go_to_a_competent_supervisor_not_to_the_police(place):
    found = verified_clue(place)
    with pytest.raises(ValidationError) as error:
        services.clue_conclude(clue=found, outcome=ClueOutcome.VIOLATION, reason="属实", unit=place.police,
                               actor=place.office_staff)
    assert "unit" in error.value.message_dict


def test_the_competent_unit_registers_a_case_from_the_clue_with_a_90_day_clock(place):
    case = registered_case(place)
    assert case.state == CaseState.REGISTERED and case.clue.outcome_unit == place.housing
    clock = Deadline.objects.get(object_id=case.pk, rule__code="penalty_decision")
    # 90 calendar days, the last day moved past a holiday (民法典 第203条).
    assert case.registered_on + datetime.timedelta(days=90) <= clock.due <= case.registered_on + datetime.timedelta(
        days=98)


def test_a_case_needs_two_handlers_of_the_unit(place):
    found, _transfer = disposed_clue(place)
    with pytest.raises(ValidationError) as error:
        services.case_register(unit=place.housing, title="案", facts="事实", handlers=[place.housing_officer],
                               registered_on=TODAY(), actor=place.housing_officer, clue=found)
    assert "不得少于 2 人" in error.value.message_dict["handlers"][0]


def test_another_unit_cannot_register_a_case_from_a_clue_assigned_elsewhere(place):
    found, _transfer = disposed_clue(place)
    with pytest.raises(ValidationError) as error:
        services.case_register(unit=place.water, title="案", facts="事实", handlers=[place.water_officer,
                               place.water_officer2], registered_on=TODAY(), actor=place.water_officer, clue=found)
    assert "clue" in error.value.message_dict


def _decide(place, case, **overrides):
    fields = {"case": case, "kind": DecisionKind.PENALTY, "document_number": "杭建罚〔2026〕1号",
              "decided_on": TODAY(), "power_item": place.penalty_item, "reasons": "违反招标投标法第三十二条",
              "benchmark": benchmark(), "base_amount": Decimal(1000000), "fine_amount": Decimal(7000),
              "actor": place.housing_head}
    return services.case_decide(**{**fields, **overrides})


def test_a_penalty_citing_no_power_item_is_refused(place):
    case = notified_case(place)
    with pytest.raises(ValidationError) as error:
        _decide(place, case, power_item=None)
    assert "power_item" in error.value.message_dict
    other_unit_item = published_list(place.water, ("SL-1", PowerKind.PENALTY)).items.get()
    with pytest.raises(ValidationError):
        _decide(place, case, power_item=other_unit_item)
    with pytest.raises(ValidationError):
        _decide(place, case, power_item=place.inspection_item)
    case.refresh_from_db()
    assert case.state == CaseState.NOTIFIED


def test_a_fine_outside_the_discretion_benchmark_is_refused_with_the_range(place):
    case = notified_case(place)
    with pytest.raises(ValidationError) as error:
        _decide(place, case, fine_amount=Decimal(20000))
    assert "6000.00–8000.00" in error.value.message_dict["fine_amount"][0]


def test_a_decision_waits_for_the_hearing_window(place):
    case = notified_case(place, days_ago=0)
    with pytest.raises(ValidationError) as error:
        _decide(place, case)
    assert "decided_on" in error.value.message_dict


def test_a_hearing_requested_after_the_window_is_refused(place):
    case = notified_case(place, days_ago=20)
    with pytest.raises(ValidationError) as error:
        services.case_request_hearing(case=case, requested_on=TODAY(), actor=place.housing_officer)
    assert "已于" in error.value.message_dict["requested_on"][0]


def test_only_the_unit_head_decides(place):
    case = notified_case(place)
    with pytest.raises(PermissionDenied):
        _decide(place, case, actor=place.housing_officer)


def test_a_major_case_is_decided_only_after_legal_review(place):
    case = notified_case(place, is_major=True)
    with pytest.raises(ValidationError):
        _decide(place, case)
    case = services.case_review(case=case, opinion="经集体讨论同意", actor=place.housing_officer)
    case = _decide(place, case)
    assert case.state == CaseState.DECIDED


def test_a_penalty_is_decided_served_executed_closed_and_copied_to_member_units(place):
    case = _decide(place, notified_case(place))
    assert case.decision.publish and case.decision.counts_for_score
    assert Notification.objects.filter(recipient=place.water_officer, link=case.get_absolute_url()).exists()
    copy = Deadline.objects.get(object_id=case.pk, rule__code="penalty_decision_copy")
    assert copy.state == DeadlineState.MET
    assert Deadline.objects.get(object_id=case.pk, rule__code="penalty_decision").state == DeadlineState.MET
    case = services.case_serve(case=case, served_on=TODAY(), actor=place.housing_officer)
    with pytest.raises(ValidationError):
        services.case_close(case=case, summary="结案", actor=place.housing_head)
    case = services.case_execute(case=case, executed_on=TODAY(), actor=place.housing_officer)
    case = services.case_close(case=case, summary="罚款已缴纳", actor=place.housing_head)
    assert case.state == CaseState.CLOSED


def test_a_tolerated_violation_closes_without_penalty_score_or_publication(place):
    from lianjian.cases.models import ToleranceItem

    case = notified_case(place)
    with pytest.raises(ValidationError) as error:
        _decide(place, case, kind=DecisionKind.TOLERATED, tolerance_item=ToleranceItem.objects.first())
    assert "credit_commitment" in error.value.message_dict
    case = _decide(place, case, kind=DecisionKind.TOLERATED, tolerance_item=ToleranceItem.objects.first(),
                   credit_commitment="本公司承诺立即改正并不再发生")
    decision = case.decision
    assert (decision.publish, decision.counts_for_score, decision.fine_amount) == (False, False, None)
    assert not Deadline.objects.filter(object_id=case.pk, rule__code="penalty_decision_copy").exists()
    case = services.case_serve(case=case, served_on=TODAY(), actor=place.housing_officer)
    with pytest.raises(ValidationError):
        services.case_execute(case=case, executed_on=TODAY(), actor=place.housing_officer)
    case = services.case_close(case=case, summary="容错免罚", actor=place.housing_head)
    assert case.state == CaseState.CLOSED


def test_discipline_referrals_are_visible_to_the_discipline_unit_only(place):
    found, transfer = disposed_clue(place, outcome=ClueOutcome.DISCIPLINE, unit=place.discipline)
    assert transfer.kind == TransferKind.TRANSFER and transfer.confidential
    services.transfer_send(transfer=transfer, actor=place.office_staff)
    assert found in clues_for(actor=place.discipline_officer)
    assert found in clues_for(actor=place.discipline_reader)
    assert found not in clues_for(actor=place.police_officer)
    assert found not in clues_for(actor=place.police_reader)
    from lianjian.cases.selectors import transfers_for
    assert transfer in transfers_for(actor=place.discipline_reader)
    assert transfer not in transfers_for(actor=place.police_reader)
    assert transfer not in transfers_for(actor=place.housing_officer)


def test_police_readers_see_no_case_or_clue_that_was_not_referred_to_them(place):
    case = registered_case(place)
    assert not clues_for(actor=place.police_reader).exists()
    assert case not in cases_for(actor=place.police_reader)


def test_a_suspected_crime_goes_to_the_police_after_the_heads_approval_with_a_team_of_two(place):
    found = verified_clue(place)
    found, transfer = services.clue_conclude(clue=found, outcome=ClueOutcome.CRIME, reason="涉嫌串通投标罪",
                                             unit=place.police, team=[place.office_staff], actor=place.office_staff)
    assert transfer.kind == TransferKind.CRIME and transfer.confidential
    office_head = type(place.office_staff).objects.create(username="officehead", unit=place.office)
    from lianjian.org.models import Role
    office_head.roles.set(Role.objects.filter(code__in=["unit_head"]))
    with pytest.raises(ValidationError):
        services.transfer_send(transfer=transfer, actor=place.office_staff)
    with pytest.raises(ValidationError) as error:
        services.transfer_approve(transfer=transfer, actor=office_head)
    assert "2 名以上" in error.value.message_dict["team"][0]
    transfer.team.add(office_head)
    transfer = services.transfer_approve(transfer=transfer, actor=office_head)
    police_clock = Deadline.objects.get(object_id=transfer.pk, rule__code="crime_transfer_police")
    assert police_clock.due_at is not None
    transfer = services.transfer_send(transfer=transfer, actor=place.office_staff)
    transfer = services.transfer_receive(transfer=transfer, actor=place.police_officer)
    transfer = services.transfer_refuse(transfer=transfer, reason="不构成犯罪", actor=place.police_officer)
    assert transfer.state == TransferState.REFUSED
    assert Deadline.objects.get(object_id=transfer.pk, rule__code="police_transfer_review").state == DeadlineState.MET


def test_penalty_item_from_an_unpublished_list_is_refused(place):
    case = notified_case(place)
    draft_item = PowerItemFactory(power_list__unit=place.housing, power_list__status="draft")
    with pytest.raises(ValidationError):
        _decide(place, case, power_item=draft_item)


def test_a_penalty_for_collusion_scores_the_penalised_bidder_once_and_drops_its_credit_class(place):
    from lianjian.cases.models import CaseParty
    from lianjian.credit.models import CreditRecord, RecordSource
    from lianjian.credit.services import credit_class_of
    from lianjian.experts.tests.factories import EntityFactory

    bidder = EntityFactory(name="杭州围标建设有限公司")
    case = notified_case(place)
    CaseParty.objects.create(case=case, credit_code=bidder.credit_code, name=bidder.name, entity=bidder)
    assert credit_class_of(entity=bidder) == "A"

    _decide(place, case)

    record = CreditRecord.objects.get(entity=bidder)
    assert (record.source, record.document_no) == (RecordSource.PENALTY_DECISION, "杭建罚〔2026〕1号")
    assert record.item.code == "collusion"
    assert credit_class_of(entity=bidder) == "B"
