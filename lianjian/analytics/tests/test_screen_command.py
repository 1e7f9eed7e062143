"""`lianjian screen`: evaluate on labelled bids; run over the trading database into alerts."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from lianjian.experts.tests.factories import BidFactory, EntityFactory, LotFactory
from lianjian.monitoring.models import Alert

CSV = "Tender,Bid_value,Winner,Collusive_competitor,Firm\n" + "".join(
    f"{t},{price},{int(k == 0)},{int(t % 2 == 0)},F{(t + k) % 7}\n"
    for t in range(1, 25) for k, price in enumerate(
        [100 + t, 101 + t, 102.5 + t, 103 + t] if t % 2 == 0 else [100 + t, 111 + 2 * t, 127 + t, 150 + 3 * t]))


def test_evaluate_prints_grouped_scores_by_tender_and_by_bidder(tmp_path):
    path = tmp_path / "bids.csv"
    path.write_text(CSV, encoding="utf-8")
    out = StringIO()
    call_command("screen", "evaluate", str(path), "--tender", "Tender", "--price", "Bid_value", "--winner",
                 "Winner", "--label", "Collusive_competitor", "--bidder", "Firm", "--folds", "2", stdout=out)
    text = out.getvalue()
    assert "96 条投标，24 个招标" in text
    lines = [line.split() for line in text.splitlines() if line.startswith(("tender", "bid "))]
    assert {(parts[0], parts[1]) for parts in lines} == {("tender", "tender"), ("bid", "tender"), ("bid", "bidder")}
    for parts in lines:
        accuracy, balanced, auc = map(float, parts[-3:])
        assert 0 <= accuracy <= 1 and 0 <= balanced <= 1 and 0 <= auc <= 1


def test_evaluate_names_a_column_that_is_not_in_the_file(tmp_path):
    path = tmp_path / "bids.csv"
    path.write_text(CSV, encoding="utf-8")
    with pytest.raises(CommandError, match="Price"):
        call_command("screen", "evaluate", str(path), "--tender", "Tender", "--price", "Price", "--label",
                     "Collusive_competitor")


def test_evaluate_names_the_row_with_an_unreadable_price(tmp_path):
    path = tmp_path / "bids.csv"
    path.write_text(CSV.replace("101.5", "x", 1).replace(",102,", ",abc,", 1), encoding="utf-8")
    with pytest.raises(CommandError, match="第 .* 行"):
        call_command("screen", "evaluate", str(path), "--tender", "Tender", "--price", "Bid_value", "--label",
                     "Collusive_competitor")


@pytest.mark.django_db
def test_run_over_the_database_stores_a_shared_device_as_one_alert_and_a_rerun_adds_none():
    lot = LotFactory(control_price=Decimal("1000000"))
    a, b, c = EntityFactory(), EntityFactory(), EntityFactory()
    BidFactory(lot=lot, bidder=a, price=Decimal("900000"), mac_address="02-1A-5E-00-00-01")
    BidFactory(lot=lot, bidder=b, price=Decimal("930000"), mac_address="02-1A-5E-00-00-01")
    BidFactory(lot=lot, bidder=c, price=Decimal("951000"), mac_address="00-E0-4C-00-00-09")
    call_command("screen", "run", stdout=StringIO(), stderr=StringIO())
    alert = Alert.objects.get(key__startswith="C40-DEVICE|")
    assert alert.key == f"C40-DEVICE|{lot.code}|{','.join(sorted([a.credit_code, b.credit_code]))}"
    before = Alert.objects.count()
    call_command("screen", "run", stdout=StringIO(), stderr=StringIO())
    assert Alert.objects.count() == before


def test_run_over_a_parquet_folder_without_bids_is_refused(tmp_path):
    with pytest.raises(CommandError, match="bids.parquet"):
        call_command("screen", "run", "--parquet", str(tmp_path), "--dry-run")
