import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lianjian.core.permissions import AccessDenied
from lianjian.core.workflow import InvalidTransition
from lianjian.credit import selectors, services
from lianjian.credit.models import (
    AppliedMeasure, CreditList, ListState, MeasureState, RepairState, RestrictionHit,
)
from lianjian.experts.tests.factories import expert
from lianjian.notifications.models import Notification
from lianjian.org.models import Sector
from lianjian.trading.models import Award

from .factories import BidFactory, LotFactory, blacklist, memorandum_457

TODAY = timezone.localdate()


def _repairable(world, entity):
    """A listing that started 4 months ago, so its 3-month minimum has passed."""
    return blacklist(world.housing, entity=entity, starts_on=TODAY - datetime.timedelta(days=125))


def test_blacklisting_applies_every_measure_of_the_memorandum_and_forces_class_d(world):
    entry = blacklist(world.office, entity=world.bidders[0])
    assert entry.measures.count() == memorandum_457().measures.count() == 8
    assert services.credit_class_of(entity=world.bidders[0]) == "D"
    assert [m.measure.activity for m in services.credit_restrictions_for(entity=world.bidders[0],
                                                                        activity="bidding")] == ["bidding"]
    assert not services.credit_restrictions_for(entity=world.bidders[1], activity="bidding").exists()


def test_a_listing_period_outside_the_rules_months_is_refused_citing_the_rule(world):
    with pytest.raises(ValidationError) as error:
        blacklist(world.office, entity=world.bidders[0], months=48)
    assert "rules.md §7" in error.value.message_dict["ends_on"][0]


def test_a_subject_is_listed_once_and_a_blacklisting_needs_a_memorandum(world):
    blacklist(world.office, entity=world.bidders[0])
    with pytest.raises(ValidationError) as error:
        blacklist(world.office, entity=world.bidders[0])
    assert "已在" in error.value.message_dict["entity"][0]
    with pytest.raises(ValidationError) as error:
        blacklist(world.office, entity=world.bidders[1], memorandum=None)
    assert "memorandum" in error.value.message_dict


def test_listing_checks_the_lots_in_progress_and_notifies_the_supervising_unit_once(world):
    blacklist(world.office, entity=world.bidders[0])
    hits = RestrictionHit.objects.filter(lot=world.lot)
    assert hits.count() == 1 and hits.get().roles == "bidder"
    assert Notification.objects.filter(recipient=world.housing, subject__contains=world.lot.code).count() == 1

    again = services.credit_check_lot(lot=world.lot, actor=world.centre)
    assert [h.pk for h in again] == [hits.get().pk]
    assert RestrictionHit.objects.filter(lot=world.lot).count() == 1
    assert Notification.objects.filter(recipient=world.housing, subject__contains=world.lot.code).count() == 1


def test_a_lot_check_finds_the_winner_the_agency_and_a_drawn_expert(world):
    listed = world.bidders[0]
    blacklist(world.office, entity=listed)
    lot = LotFactory(supervising_unit=world.units.housing, region=world.city,
                     tender_project__agency=listed)
    BidFactory(lot=lot, bidder=listed)
    Award.objects.create(lot=lot, winner=listed)
    hits = services.credit_check_lot(lot=lot, actor=world.housing)
    assert len(hits) == 1 and set(hits[0].roles.split(",")) == {"agency", "bidder", "winner"}

    person = expert(world.office, name="失信专家")
    entry = blacklist(world.office, expert=person, document_no="杭建信〔2025〕9号")
    assert [m.measure.activity for m in entry.measures.all()].count("expert") == 1
    assert selectors.exposure_entries().filter(pk=entry.pk).count() == 0  # the board shows entities only


def test_a_government_procurement_lot_is_checked_against_the_procurement_measure(world):
    lot = LotFactory(supervising_unit=world.units.housing, region=world.city,
                     tender_project__sector=Sector.objects.get(code="government_procurement"))
    BidFactory(lot=lot, bidder=world.bidders[1])
    blacklist(world.office, entity=world.bidders[1])
    hit = RestrictionHit.objects.get(lot=lot)
    assert hit.applied_measure.measure.activity == "government_procurement"


def test_oversight_readers_may_not_run_a_check_or_list_anyone(world):
    with pytest.raises(AccessDenied):
        services.credit_check_lot(lot=world.lot, actor=world.jiwei)
    with pytest.raises(AccessDenied):
        blacklist(world.jiwei, entity=world.bidders[0])


def test_repair_is_refused_before_the_minimum_period(world):
    entry = blacklist(world.office, entity=world.bidders[0])
    with pytest.raises(ValidationError) as error:
        services.repair_submit(entry=entry, applicant="杭州投标建设有限公司0", applicant_contact="0571-1",
                               reason="已整改", commitment=True, actor=world.office)
    assert "最短公示期" in error.value.message_dict["entry"][0]


def test_approved_repair_removes_the_entry_and_stops_every_measure_at_once(world):
    entry = _repairable(world, world.bidders[0])
    application = services.repair_submit(entry=entry, applicant="杭州投标建设有限公司0", applicant_contact="0571-1",
                                         reason="已整改并作出信用承诺", commitment=True, actor=world.housing)
    with pytest.raises(InvalidTransition):
        services.repair_decide(application=application, approve=True, opinion="同意", actor=world.housing_head)
    application = services.repair_review(application=application, opinion="材料齐全", actor=world.housing)
    with pytest.raises(AccessDenied):  # the decision is the listing unit head's
        services.repair_decide(application=application, approve=True, opinion="同意", actor=world.housing)
    services.repair_decide(application=application, approve=True, opinion="同意修复", actor=world.housing_head)

    entry.refresh_from_db()
    application.refresh_from_db()
    assert application.state == RepairState.APPROVED and entry.state == ListState.REMOVED
    assert not AppliedMeasure.objects.filter(entry=entry, state=MeasureState.ACTIVE).exists()
    assert not services.credit_restrictions_for(entity=world.bidders[0], activity="bidding").exists()
    assert services.credit_class_of(entity=world.bidders[0]) == "A"
    assert services.credit_class_of(entity=world.bidders[0], on=TODAY - datetime.timedelta(days=1)) == "D"


def test_expired_listings_end_and_their_measures_stop(world):
    entry = blacklist(world.office, entity=world.bidders[0], starts_on=TODAY - datetime.timedelta(days=200),
                      months=3)
    assert services.list_entries_expire() == 1
    entry.refresh_from_db()
    assert entry.state == ListState.EXPIRED
    assert set(entry.measures.values_list("state", flat=True)) == {MeasureState.STOPPED}
    assert services.list_entries_expire() == 0


def test_the_exposure_board_shows_published_entries_in_force_and_no_internal_field(world):
    shown = blacklist(world.office, entity=world.bidders[0])
    blacklist(world.office, entity=world.bidders[1], published=False, document_no="杭建信〔2025〕10号")
    rows = list(selectors.exposure_entries())
    assert [r["pk"] for r in rows] == [shown.pk]
    assert "internal_note" not in rows[0] and "13800000000" not in str(rows[0])


def test_watch_and_red_lists_carry_no_measures(world):
    entry = services.list_entry_add(credit_list=CreditList.RED, entity=world.bidders[1], legal_basis="评先表彰",
                                    document_no="杭政〔2025〕1号", facts="诚信经营", starts_on=TODAY,
                                    ends_on=TODAY.replace(year=TODAY.year + 2), actor=world.office)
    assert not entry.measures.exists() and services.credit_class_of(entity=world.bidders[1]) == "A"
