import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from lianjian.audit.models import AuditEntry
from lianjian.cases.models import Clue
from lianjian.complaints import services
from lianjian.complaints.models import Complaint, ComplaintKind, ComplaintState
from lianjian.core.permissions import AccessDenied
from lianjian.core.workflow import StaleTransition
from lianjian.deadlines.models import Deadline, DeadlineState
from lianjian.deadlines.services import deadline_resume

from .factories import complaint_data, identity, submit

pytestmark = pytest.mark.django_db


def _deadline(complaint, code):
    return Deadline.objects.get(object_id=complaint.pk, rule__code=code, content_type__model="complaint")


def _received(y, m, d):
    return timezone.make_aware(datetime.datetime(y, m, d, 10, 0))


def test_accepting_cites_the_power_list_assigns_the_officer_and_meets_the_acceptance_clock(world):
    complaint = submit(world.city, lot=world.lot)
    complaint = services.complaint_accept(complaint=complaint, power_item=world.items["housing"], actor=world.housing)
    assert complaint.state == ComplaintState.ACCEPTED and complaint.power_item == world.items["housing"]
    assert list(complaint.officers.all()) == [world.housing]
    assert _deadline(complaint, "complaint_accept").state == DeadlineState.MET
    assert _deadline(complaint, "complaint_decide").state == DeadlineState.OPEN


def test_accepting_must_cite_an_item_of_the_handling_units_own_power_list(world):
    complaint = submit(world.city, lot=world.lot)
    with pytest.raises(ValidationError) as err:
        services.complaint_accept(complaint=complaint, power_item=world.items["finance"], actor=world.housing)
    assert "不在“杭州市住房和城乡建设局”的权责清单内" in err.value.message_dict["power_item"][0]
    assert Complaint.objects.get(pk=complaint.pk).state == ComplaintState.RECEIVED


def test_another_units_officer_cannot_accept(world):
    complaint = submit(world.city, lot=world.lot)
    with pytest.raises(AccessDenied):
        services.complaint_accept(complaint=complaint, power_item=world.items["housing"], actor=world.transport)


def test_the_second_of_two_officers_working_from_the_same_read_is_told_it_was_already_handled(world):
    complaint = submit(world.city, lot=world.lot)
    first, second = Complaint.objects.get(pk=complaint.pk), Complaint.objects.get(pk=complaint.pk)
    services.complaint_accept(complaint=first, power_item=world.items["housing"], actor=world.housing)
    with pytest.raises(StaleTransition, match="已被他人处理"):
        services.complaint_reject(complaint=second, reasons=["vague"], note="", power_item=world.items["housing"],
                                  actor=world.housing2)
    assert AuditEntry.objects.filter(action__in=["complaint.accept", "complaint.reject"]).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_officers_accepting_at_the_same_moment_produce_exactly_one_acceptance(world):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; real concurrency is exercised on PostgreSQL")
    complaint = submit(world.city, lot=world.lot)
    barrier = threading.Barrier(2)
    outcomes = []

    def officer(person):
        try:
            obj = Complaint.objects.get(pk=complaint.pk)
            barrier.wait()
            services.complaint_accept(complaint=obj, power_item=world.items["housing"], actor=person)
            outcomes.append("ok")
        except StaleTransition:
            outcomes.append("stale")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=officer, args=(p,)) for p in (world.housing, world.housing2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == ["ok", "stale"]
    assert AuditEntry.objects.filter(action="complaint.accept").count() == 1
    assert Complaint.objects.get(pk=complaint.pk).officers.count() == 1


def test_non_acceptance_gives_the_statutory_reasons_as_the_reply_and_closes_the_clocks(world):
    complaint = submit(world.city, lot=world.lot)
    complaint = services.complaint_reject(complaint=complaint, reasons=["out_of_time"], note="收到时已超过10日。",
                                          power_item=world.items["housing"], actor=world.housing)
    assert complaint.state == ComplaintState.REJECTED
    assert complaint.reply_text == "经审查，决定不予受理。理由：超过投诉时效；收到时已超过10日。"
    assert _deadline(complaint, "complaint_accept").state == DeadlineState.MET
    assert _deadline(complaint, "complaint_decide").state == DeadlineState.CANCELLED


def test_non_acceptance_needs_a_statutory_reason(world):
    complaint = submit(world.city, lot=world.lot)
    with pytest.raises(ValidationError) as err:
        services.complaint_reject(complaint=complaint, reasons=["不喜欢"], note="", power_item=world.items["housing"],
                                  actor=world.housing)
    assert "七部委令第11号第十二条" in err.value.message_dict["reasons"][0]


def _registered(world, received_at, **overrides):
    """A complaint an officer registered from the window, received at ``received_at``."""
    data = complaint_data(world.city, known_on=timezone.localdate(received_at), **overrides)
    return services.complaint_submit(data=data, identity=identity(), actor=world.office, channel="window",
                                     received_at=received_at)


def test_the_acceptance_clock_counts_working_days_after_receipt_across_a_weekend(world):
    # Received Sunday 2025-10-12 (rules.md §0): 3 working days → Wednesday 2025-10-15.
    complaint = _registered(world, _received(2025, 10, 12))
    assert _deadline(complaint, "complaint_accept").due == datetime.date(2025, 10, 15)


def test_expert_review_stops_the_decision_clock_and_resuming_moves_the_due_date_by_the_working_days_lost(world):
    complaint = _registered(world, _received(2025, 9, 1), lot=world.lot)
    complaint = services.complaint_accept(complaint=complaint, power_item=world.items["housing"], actor=world.housing)
    # 30 working days from Monday 2025-09-01, across 国庆 2025 (make-up days 09-28 and 10-11 count) → 10-17.
    assert _deadline(complaint, "complaint_decide").due == datetime.date(2025, 10, 17)
    services.complaint_pause_clock(complaint=complaint, reason="expert_review", actor=world.housing)
    paused = _deadline(complaint, "complaint_decide")
    assert paused.state == DeadlineState.PAUSED and paused.pauses.get().reason == "专家评审"
    # The expert review ran from Wednesday 2025-09-10 to Monday 09-15: 3 working days (Thu, Fri, Mon) stood still.
    paused.pauses.update(start=_received(2025, 9, 10))
    deadline_resume(deadline=paused, actor=world.housing, at=_received(2025, 9, 15))
    assert _deadline(complaint, "complaint_decide").due == datetime.date(2025, 10, 22)


def test_the_clock_can_only_be_stopped_for_a_statutory_reason(world):
    complaint = submit(world.city, lot=world.lot)
    complaint = services.complaint_accept(complaint=complaint, power_item=world.items["housing"], actor=world.housing)
    with pytest.raises(ValidationError, match="检验、检测、鉴定、专家评审"):
        services.complaint_pause_clock(complaint=complaint, reason="holiday", actor=world.housing)


def test_only_the_assigned_officer_or_the_unit_head_may_decide(world):
    complaint = submit(world.city, lot=world.lot)
    complaint = services.complaint_accept(complaint=complaint, power_item=world.items["housing"], actor=world.housing)
    with pytest.raises(AccessDenied):
        services.complaint_decide(complaint=complaint, outcome="upheld", decision_text="责令改正。",
                                  legal_basis="招标投标法实施条例第六十一条", actor=world.housing2)
    services.complaint_assign(complaint=complaint, officers=[world.housing2], actor=world.housing_head)
    complaint = services.complaint_decide(complaint=complaint, outcome="upheld", decision_text="责令改正。",
                                          legal_basis="招标投标法实施条例第六十一条", actor=world.housing2)
    assert complaint.state == ComplaintState.DECIDED


def test_decision_and_reply_close_the_matter_and_meet_the_decision_clock(world):
    complaint = submit(world.city, lot=world.lot)
    complaint = services.complaint_accept(complaint=complaint, power_item=world.items["housing"], actor=world.housing)
    complaint = services.complaint_decide(complaint=complaint, outcome="not_upheld", decision_text="投诉事项不成立。",
                                          legal_basis="七部委令第11号第二十条", actor=world.housing)
    assert _deadline(complaint, "complaint_decide").state == DeadlineState.MET
    complaint = services.complaint_reply(complaint=complaint, reply_text="经查，投诉事项不成立。", actor=world.housing)
    assert complaint.state == ComplaintState.REPLIED and complaint.replied_at is not None


def test_a_decision_without_legal_basis_is_refused(world):
    complaint = submit(world.city, lot=world.lot)
    complaint = services.complaint_accept(complaint=complaint, power_item=world.items["housing"], actor=world.housing)
    with pytest.raises(ValidationError) as err:
        services.complaint_decide(complaint=complaint, outcome="upheld", decision_text="成立", legal_basis=" ",
                                  actor=world.housing)
    assert err.value.message_dict == {"legal_basis": ["请写明处理决定的法律依据"]}


def test_a_wrongly_routed_complaint_is_transferred_and_the_receiving_units_clocks_start(world):
    complaint = submit(world.city, sector=None)
    assert complaint.handling_unit == world.units.office
    complaint = services.complaint_transfer(complaint=complaint, to_unit=world.units.transport,
                                            reason="属交通工程", actor=world.office)
    assert complaint.handling_unit == world.units.transport and complaint.state == ComplaintState.RECEIVED
    transfer = complaint.transfers.get()
    assert transfer.on_time and transfer.from_unit == world.units.office
    active = Deadline.objects.filter(object_id=complaint.pk, state=DeadlineState.OPEN)
    assert {d.responsible_unit for d in active} == {world.units.transport}
    with pytest.raises(AccessDenied):
        services.complaint_accept(complaint=complaint, power_item=world.items["office"], actor=world.office)


def test_a_procurement_complaint_gets_one_correction_notice_that_stops_the_clocks(world):
    complaint = submit(world.city, kind=ComplaintKind.GP_COMPLAINT, objection_raised_on=timezone.localdate())
    complaint = services.complaint_request_correction(complaint=complaint, items="补充质疑答复", actor=world.finance)
    assert complaint.state == ComplaintState.CORRECTION
    assert _deadline(complaint, "gp_complaint_decide").state == DeadlineState.PAUSED
    complaint = services.complaint_correct(complaint=complaint, actor=world.finance)
    assert _deadline(complaint, "gp_complaint_review").state == DeadlineState.OPEN
    with pytest.raises(ValidationError, match="补正只能通知一次"):
        services.complaint_request_correction(complaint=complaint, items="再补充", actor=world.finance)


def test_a_construction_complaint_cannot_be_sent_back_for_correction(world):
    complaint = submit(world.city, lot=world.lot)
    with pytest.raises(ValidationError, match="只有政府采购投诉可以通知补正"):
        services.complaint_request_correction(complaint=complaint, items="补充", actor=world.housing)


def test_withdrawal_cancels_the_open_clocks(world):
    complaint = submit(world.city, lot=world.lot)
    complaint = services.complaint_withdraw(complaint=complaint, reason="投诉人申请撤诉", actor=world.housing)
    assert complaint.state == ComplaintState.WITHDRAWN
    assert set(Deadline.objects.filter(object_id=complaint.pk).values_list("state", flat=True)) == {"cancelled"}


def test_a_complaint_revealing_a_violation_becomes_one_clue_of_the_handling_unit(world):
    complaint = submit(world.city, lot=world.lot)
    complaint = services.complaint_accept(complaint=complaint, power_item=world.items["housing"], actor=world.housing)
    clue = services.complaint_open_clue(complaint=complaint, title="疑似业绩造假", description="投诉反映业绩造假。",
                                        actor=world.housing)
    assert clue.source == "complaint" and clue.unit == world.units.housing and clue.lot == world.lot
    assert Clue.objects.get(pk=clue.pk).object_id == complaint.pk
    with pytest.raises(ValidationError, match="已转为问题线索"):
        services.complaint_open_clue(complaint=complaint, title="再转", description="重复", actor=world.housing)
