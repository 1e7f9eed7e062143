"""A generated market goes into the platform through the trading importer, whole and without row errors."""

import datetime
import json

import pytest
from django.utils import timezone

from lianjian.org.models import RegionLevel, UnitType
from lianjian.org.tests.factories import RegionFactory, UnitFactory, city
from lianjian.synthetic import DEMO_REGION_CODES, DEMO_SUPERVISORS, generate_market
from lianjian.synthetic.demo import build_demo_market, demo_market_dir
from lianjian.synthetic.loading import load_into_db
from lianjian.trading.models import Award, Bid, Contract, Entity, ImportStatus, Lot, Stage

pytestmark = pytest.mark.django_db

LOTS = 50
LOTS_DEMO = 200


@pytest.fixture
def demo_city(db):
    """The regions and supervising units the generator refers to, as lianjian.org.demo builds them."""
    hz = city()
    for code in DEMO_REGION_CODES[1:]:
        RegionFactory(code=code, name=f"区县{code}", level=RegionLevel.COUNTY, parent=hz)
    return {name: UnitFactory(name=name, region=hz, type=UnitType.INDUSTRY_SUPERVISOR)
            for name in sorted(set(DEMO_SUPERVISORS.values()))}


@pytest.fixture
def generated(tmp_path):
    return generate_market(seed=11, lots=LOTS, out_dir=tmp_path)


def test_the_generated_csv_imports_cleanly_through_the_trading_importer(demo_city, generated):
    run = load_into_db(out_dir=generated.out_dir)
    assert run.status == ImportStatus.SUCCEEDED, run.errors[:5]
    assert run.rows_bad == 0 and run.rows_read == generated.bids
    assert Lot.objects.count() == LOTS and Award.objects.count() == LOTS and Contract.objects.count() == LOTS
    assert Bid.objects.count() == generated.bids
    assert Entity.objects.filter(is_bidder=True).exists() and Entity.objects.filter(is_tenderer=True).exists()
    assert not Lot.objects.filter(supervising_unit__isnull=True).exists()


def test_the_planted_ring_is_visible_in_the_imported_bids(demo_city, generated):
    load_into_db(out_dir=generated.out_dir)
    truth = json.loads((generated.out_dir / "ground_truth.json").read_text(encoding="utf-8"))
    ring = next(p for p in truth["patterns"] if p["type"] == "shared_device")
    mac = ring["signal"]["values"]["MAC_ADDRESS"]
    for lot_code, present in ring["signal"]["per_lot"].items():
        sharing = Bid.objects.filter(lot__code=lot_code, mac_address=mac)
        assert set(sharing.values_list("bidder__credit_code", flat=True)) == set(present)


def test_importing_the_same_market_again_changes_nothing(demo_city, generated):
    load_into_db(out_dir=generated.out_dir)
    again = load_into_db(out_dir=generated.out_dir)
    assert again.status == ImportStatus.SUCCEEDED
    counts = again.counts["market.csv"]["counts"]
    assert not any(entry.get("created") or entry.get("updated") for entry in counts.values())


def test_the_demo_market_is_generated_under_data_dir_and_loaded_with_lots_still_to_come(demo_city, settings,
                                                                                          tmp_path):
    settings.DATA_DIR = tmp_path
    as_of = datetime.datetime(2026, 6, 30, 10, 0)
    built = build_demo_market(lots=LOTS_DEMO, seed=5, as_of=as_of)
    assert built.out_dir == demo_market_dir(lots=LOTS_DEMO, seed=5) and built.out_dir.parent == tmp_path / "synthetic"
    assert (built.out_dir / "ground_truth.json").exists() and built.summary.files["csv"].parent == built.out_dir
    assert built.run.status == ImportStatus.SUCCEEDED and built.summary.bids == Bid.objects.count()
    assert [p.name for p in (tmp_path / "synthetic").iterdir()] == [built.out_dir.name]
    unannounced = Lot.objects.filter(notice_published_at__isnull=True)
    assert unannounced.exists() and set(unannounced.values_list("stage", flat=True)) == {Stage.REGISTERED}
    assert not unannounced.filter(bids__isnull=False).exists()
    assert Lot.objects.filter(bid_open_at__gt=as_of.replace(tzinfo=timezone.get_current_timezone()),
                              bids__isnull=True).exists()
    later = build_demo_market(lots=LOTS_DEMO, seed=5, as_of=as_of + datetime.timedelta(days=60))
    assert Lot.objects.count() == LOTS_DEMO and later.summary.bids == Bid.objects.count() > built.summary.bids


def test_the_demo_market_needs_the_demo_city(db, settings, tmp_path):
    from django.core.exceptions import ImproperlyConfigured

    settings.DATA_DIR = tmp_path
    with pytest.raises(ImproperlyConfigured, match="lianjian demo"):
        build_demo_market(lots=40)
