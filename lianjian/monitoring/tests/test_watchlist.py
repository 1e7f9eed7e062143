import pytest
from django.core.exceptions import ValidationError

from lianjian.core.permissions import AccessDenied
from lianjian.jobs.registry import periodic_tasks
from lianjian.monitoring import selectors
from lianjian.monitoring.models import TrackedLot, WatchKind
from lianjian.monitoring.services import alert_ingest, watch_entry_add, watch_entry_end, watchlist_track_lots
from lianjian.notifications.models import Notification
from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import UnitFactory, actor, city
from lianjian.trading.models import Stage

from .factories import BidFactory, EntityFactory, LotFactory


def test_watch_listing_a_bidder_puts_its_lots_under_way_in_tracking_mode_and_tells_the_supervisor(world):
    bidder = world.bidders[0]
    done = LotFactory(supervising_unit=world.units.housing, region=world.city, stage=Stage.COMPLETED)
    BidFactory(lot=done, bidder=bidder)

    entry = watch_entry_add(kind=WatchKind.ENTITY, entity=bidder, reason="2024年串通投标被处罚", actor=world.office)

    tracked = TrackedLot.objects.get()
    assert tracked.lot == world.lot and tracked.watch_entry == entry
    assert tracked.role == "投标人" and tracked.unit == world.units.housing
    assert Notification.objects.filter(recipient=world.housing, subject__contains="开启跟踪").exists()


def test_a_watch_listed_project_manager_is_followed_into_the_lots_he_manages(world):
    BidFactory(lot=world.lot, bidder=EntityFactory(), project_manager="张三", project_manager_cert="浙133000001")
    other = LotFactory(supervising_unit=world.units.housing, region=world.city)
    BidFactory(lot=other, bidder=EntityFactory(), project_manager="张三", project_manager_cert="浙133999999")

    watch_entry_add(kind=WatchKind.PERSON, person_name="张三", person_cert="浙133000001",
                    reason="同时在两个在建项目担任项目经理", actor=world.office)

    assert [t.lot for t in TrackedLot.objects.all()] == [world.lot]


def test_lots_imported_after_a_party_was_listed_are_tracked_on_the_next_ingest_or_periodic_run(world):
    bidder = world.bidders[1]
    watch_entry_add(kind=WatchKind.ENTITY, entity=bidder, reason="历史异常行为", actor=world.office)
    new_lot = LotFactory(supervising_unit=world.units.housing, region=world.city)
    BidFactory(lot=new_lot, bidder=bidder)

    counts = alert_ingest(findings=[], source="screen run")

    assert counts["tracked_lots"] == 1
    assert TrackedLot.objects.filter(lot=new_lot).exists()
    assert watchlist_track_lots() == 0
    assert "monitoring.track" in periodic_tasks()


def test_a_party_is_listed_once_per_region_and_leaves_the_list_with_a_reason(world):
    entry = watch_entry_add(kind=WatchKind.ENTITY, entity=world.bidders[0], reason="历史异常", actor=world.office)
    with pytest.raises(ValidationError) as error:
        watch_entry_add(kind=WatchKind.ENTITY, entity=world.bidders[0], reason="再次列入", actor=world.office)
    assert "已在" in error.value.message_dict["entity"][0]

    with pytest.raises(ValidationError):
        watch_entry_end(entry=entry, reason="", actor=world.office)
    watch_entry_end(entry=entry, reason="信用修复完成", actor=world.office)
    later = LotFactory(supervising_unit=world.units.housing, region=world.city)
    BidFactory(lot=later, bidder=world.bidders[0])

    assert watchlist_track_lots() == 0
    assert not TrackedLot.objects.filter(lot=later).exists()


def test_an_entry_names_what_is_missing(world):
    with pytest.raises(ValidationError) as error:
        watch_entry_add(kind=WatchKind.PERSON, person_name="", reason="", actor=world.office)
    assert set(error.value.message_dict) == {"person_name", "reason"}


def test_only_the_lead_office_keeps_the_watch_list(world):
    with pytest.raises(AccessDenied):
        watch_entry_add(kind=WatchKind.ENTITY, entity=world.bidders[0], reason="异常", actor=world.housing)


def test_the_list_is_read_below_the_region_that_keeps_it_and_not_in_other_cities(world):
    watch_entry_add(kind=WatchKind.ENTITY, entity=world.bidders[0], reason="异常", actor=world.office)
    ningbo = actor(UnitFactory(region=city("330200", "宁波市")), RoleCode.SUPERVISOR_OFFICER)

    assert selectors.watch_entries(actor=world.sc_office).count() == 1
    assert selectors.watch_entries(actor=world.housing).count() == 1
    assert selectors.watch_entries(actor=ningbo).count() == 0
    assert selectors.watched_credit_codes(region=world.county) == {world.bidders[0].credit_code}
