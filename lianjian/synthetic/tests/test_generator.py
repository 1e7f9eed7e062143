"""The generated market: reproducible, valid identifiers, consistent dates, every planted pattern really in the data,
clean lots really clean."""

import datetime
import os
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from stdnum.cn import uscc

from lianjian import synthetic
from lianjian.synthetic import columns, generate_market, identifiers, patterns
from lianjian.trading.importing.fields import field_for_header

from .conftest import LOTS, SEED

CODE_COLUMNS = ("TENDERER_CODE", "TENDER_AGENCY_CODE", "WIN_BIDDER_CODE", "CONTRACT_PARTY_CODE")
TRANSFER_SECTORS = {"land_mineral", "state_property"}


def _dt(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S") if text else None


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def _price(row):
    return float(row["BID_PRICE"])


def test_the_same_seed_gives_byte_identical_files(market, tmp_path):
    again = generate_market(seed=SEED, lots=LOTS, out_dir=tmp_path)
    for name in ("market.csv", "ground_truth.json"):
        assert (tmp_path / name).read_bytes() == (market.summary.out_dir / name).read_bytes()
    for name in ("lots", "bids", "entities"):
        assert pq.read_table(again.files[name]).equals(pq.read_table(market.summary.files[name]))


def test_another_seed_gives_another_market(market, tmp_path):
    generate_market(seed=SEED + 1, lots=LOTS, out_dir=tmp_path)
    assert (tmp_path / "market.csv").read_bytes() != (market.summary.out_dir / "market.csv").read_bytes()


def test_every_header_is_a_column_the_trading_importer_reads_as_intended():
    assert len(set(columns.CSV_COLUMNS)) == len(columns.CSV_COLUMNS)
    for header in columns.CSV_COLUMNS:
        assert field_for_header(header) == columns.CANONICAL[header], header


def test_the_generator_runs_without_django():
    """The package alone, loaded without the ``lianjian`` package's own __init__ (which starts Celery, and Celery
    imports Django), generates a market without importing Django."""
    package_dir = Path(synthetic.__file__).resolve().parent.parent
    code = (
        "import sys, tempfile, types\n"
        f"stub = types.ModuleType('lianjian'); stub.__path__ = [{str(package_dir)!r}]; sys.modules['lianjian'] = stub\n"
        "import lianjian.synthetic as s\n"
        "s.generate_market(seed=1, lots=60, out_dir=tempfile.mkdtemp(), parquet=False)\n"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')], 'django imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={"PATH": os.environ.get("PATH", "")})


def test_every_credit_code_is_valid_including_the_organisation_code_check(market):
    codes = set()
    for lot in market.lots.values():
        codes.update(lot.head[c] for c in CODE_COLUMNS if lot.head[c])
        codes.update(b["BIDDER_ORG_CODE"] for b in lot.bids)
    assert len(codes) > 300
    for code in codes:
        assert uscc.is_valid(code), code
        assert identifiers.org_code_check(code[8:16]) == code[16], code


def test_names_and_codes_identify_entities_one_to_one(market):
    by_code = {}
    for lot in market.lots.values():
        for bid in lot.bids:
            by_code.setdefault(bid["BIDDER_ORG_CODE"], set()).add(bid["BIDDER_NAME"])
    assert all(len(names) == 1 for names in by_code.values())
    assert len({next(iter(n)) for n in by_code.values()}) == len(by_code)


def test_dates_follow_the_statutory_order(market):
    for lot in market.lots.values():
        h = lot.head
        notice, docs, deadline, opening = (_dt(h["NOTICE_SEND_TIME"]), _dt(h["DOC_GET_START_TIME"]),
                                           _dt(h["BID_DOC_REFER_END_TIME"]), _dt(h["BID_OPEN_TIME"]))
        assert _date(h["APPROVAL_DATE"]) < notice.date() <= docs.date()
        assert deadline - docs >= datetime.timedelta(days=20)
        assert opening == deadline
        awarded, signed = _dt(h["WIN_NOTICE_SEND_TIME"]), _date(h["CONTRACT_SIGN_TIME"])
        if h["TENDER_PROJECT_TYPE"] not in TRANSFER_SECTORS:
            start, end = _dt(h["EVALUATION_START_TIME"]), _dt(h["EVALUATION_END_TIME"])
            published, publicity_end = _dt(h["PUBLICITY_START_TIME"]), _dt(h["PUBLICITY_END_TIME"])
            assert opening < start < end < published
            assert (published.date() - end.date()).days <= 3
            assert publicity_end - published >= datetime.timedelta(days=3)
            assert publicity_end < awarded
        else:
            assert awarded >= opening
        assert datetime.timedelta(0) <= signed - awarded.date() <= datetime.timedelta(days=30)
        assert all(_dt(b["SUBMIT_TIME"]) < deadline for b in lot.bids)
        finished = _date(h["FINISH_TIME"])
        assert finished is None or finished > signed


def test_lots_have_three_to_fifteen_bidders_and_span_the_four_sectors_and_several_years(market):
    counts = [len(lot.bids) for lot in market.lots.values()]
    assert min(counts) >= 3 and max(counts) <= 15 and 5 < sum(counts) / len(counts) < 9
    sectors = Counter(lot.head["TENDER_PROJECT_TYPE"].split(".")[0] for lot in market.lots.values())
    assert set(sectors) == {"construction", "government_procurement", "land_mineral", "state_property"}
    years = {lot.head["NOTICE_SEND_TIME"][:4] for lot in market.lots.values()}
    assert years == {"2021", "2022", "2023", "2024"}
    assert len(market.lots) == LOTS and sum(counts) == market.summary.bids


def test_prices_are_below_the_control_price_in_tenders_and_above_the_reserve_in_transfers(market):
    for lot in market.lots.values():
        control = float(lot.head["CONTROL_PRICE"])
        estimate = float(lot.head["CONTRACT_RECKON_PRICE"])
        prices = [_price(b) for b in lot.bids]
        if lot.head["TENDER_PROJECT_TYPE"] in TRANSFER_SECTORS:
            assert min(prices) > control
            assert float(lot.head["BID_AMOUNT"]) == max(prices)
        else:
            assert max(prices) < control <= estimate
            assert float(lot.head["MARGIN_AMOUNT"]) <= 0.02 * estimate


def test_the_winner_is_the_first_ranked_valid_bid_and_the_contract_follows_the_award(market):
    for lot in market.lots.values():
        winner = lot.head["WIN_BIDDER_CODE"]
        ranked = {b["BIDDER_ORG_CODE"]: b for b in lot.bids if b["CANDIDATE_RANK"]}
        assert ranked[winner]["CANDIDATE_RANK"] == "1" and ranked[winner]["IS_REJECTED"] == "否"
        assert lot.head["CONTRACT_PARTY_CODE"] == winner
        assert lot.head["BID_AMOUNT"] == lot.head["CONTRACT_PRICE"] == ranked[winner]["BID_PRICE"]
        if lot.head["EVALUATING_METHOD"] in ("经评审的最低投标价法", "最低评标价法"):
            valid = [_price(b) for b in lot.bids if b["IS_REJECTED"] == "否"]
            assert _price(ranked[winner]) == min(valid)


def test_estimates_are_spread_like_a_lognormal_market(market):
    works = sorted(float(lot.head["CONTRACT_RECKON_PRICE"]) for lot in market.lots.values()
                   if lot.head["TENDER_PROJECT_CLASSIFY_CODE"] == "A")
    median = works[len(works) // 2]
    assert 3_000_000 < median < 12_000_000
    assert works[-1] / works[0] > 50


# --- planted patterns ---------------------------------------------------------------------------------------------


def _bids_of(market, lot_code, codes):
    return [b for b in market.lots[lot_code].bids if b["BIDDER_ORG_CODE"] in set(codes)]


def _patterns(market, kind):
    found = [p for p in market.truth["patterns"] if p["type"] == kind]
    assert found, f"no {kind} planted"
    return found


def test_all_seven_pattern_types_are_planted_and_documented(market):
    kinds = {p["type"] for p in market.truth["patterns"]}
    assert kinds == set(patterns.STATUTES)
    for pattern in market.truth["patterns"]:
        assert pattern["lots"] and pattern["bidders"] and pattern["signal"]["fields"] and pattern["statute"]
        assert all(code in market.lots for code in pattern["lots"])


def test_the_device_ring_really_shares_one_mac_cpu_and_disk_in_each_of_its_lots(market):
    for ring in _patterns(market, patterns.SHARED_DEVICE):
        assert 4 <= len(ring["bidders"]) <= 6
        values = ring["signal"]["values"]
        for lot_code, present in ring["signal"]["per_lot"].items():
            assert len(present) >= 2 and set(present) <= set(ring["bidders"])
            for bid in market.lots[lot_code].bids:
                sharing = bid["BIDDER_ORG_CODE"] in present
                assert (bid["MAC_ADDRESS"] == values["MAC_ADDRESS"]) is sharing
                assert (bid["CPU_ID"] == values["CPU_ID"]) is sharing
                assert (bid["HARD_DISK_SERIAL_NUMBER"] == values["HARD_DISK_SERIAL_NUMBER"]) is sharing


def test_rotating_winners_take_turns_across_the_series(market):
    for group in _patterns(market, patterns.ROTATING_WINNERS):
        winners = [market.lots[code].head["WIN_BIDDER_CODE"] for code in group["lots"]]
        assert winners == group["signal"]["sequence"]
        n = len(group["bidders"])
        assert winners == [group["bidders"][k % n] for k in range(len(winners))]
        for code in group["lots"]:
            assert len(_bids_of(market, code, group["bidders"])) == n


def test_cover_bidders_always_lose_just_above_the_designated_winner(market):
    losers = set()
    for ring in _patterns(market, patterns.COVER_BIDDING):
        low, high = ring["signal"]["ratio_range"]
        winner, covers = ring["signal"]["winner"], ring["signal"]["covers"]
        losers.update(covers)
        for code in ring["lots"]:
            lot = market.lots[code]
            assert lot.head["WIN_BIDDER_CODE"] == winner
            winning = _price(_bids_of(market, code, [winner])[0])
            for bid in _bids_of(market, code, covers):
                assert low - 1e-4 <= _price(bid) / winning <= high + 1e-4
    assert not losers & {lot.head["WIN_BIDDER_CODE"] for lot in market.lots.values()}


def test_regular_price_gaps_are_constant_differences_or_ratios(market):
    kinds = set()
    for group in _patterns(market, patterns.REGULAR_PRICE_GAPS):
        for code, signal in group["signal"]["per_lot"].items():
            prices = sorted(_price(b) for b in market.lots[code].bids)
            assert {b["BIDDER_ORG_CODE"] for b in market.lots[code].bids} == set(group["bidders"])
            kinds.add(signal["kind"])
            if signal["kind"] == "difference":
                assert all(abs((b - a) - signal["value"]) < 0.011 for a, b in zip(prices, prices[1:]))
            else:
                assert all(abs(b / a - signal["value"]) < 1e-6 for a, b in zip(prices, prices[1:]))
            assert patterns.is_regular(prices)
    assert kinds == {"difference", "ratio"}


@pytest.mark.parametrize("kind", [patterns.SHARED_BOND_ACCOUNT, patterns.SHARED_PROJECT_MANAGER,
                                  patterns.SHARED_DOCUMENT_AUTHOR])
def test_shared_accounts_managers_and_authors_appear_in_every_members_bid_and_nowhere_else_in_the_lot(market, kind):
    for group in _patterns(market, kind):
        values = group["signal"]["values"]
        for code in group["lots"]:
            for bid in market.lots[code].bids:
                member = bid["BIDDER_ORG_CODE"] in group["bidders"]
                for field, value in values.items():
                    assert (bid[field] == value) is member, (code, field)


# --- clean lots -----------------------------------------------------------------------------------------------------


def test_clean_lots_share_no_fingerprint_and_show_no_price_pattern(market):
    planted = {code for p in market.truth["patterns"] for code in p["lots"]}
    clean = market.truth["clean_lots"]
    assert set(clean) == set(market.lots) - planted and len(clean) == market.truth["clean_lot_count"]
    for code in clean:
        lot = market.lots[code]
        for field in patterns.FINGERPRINT_FIELDS:
            values = [b[field] for b in lot.bids if b[field]]
            assert len(values) == len(set(values)), (code, field)
        people = defaultdict(set)
        for bid in lot.bids:
            for field in ("BID_MANAGER", "BIDDER_CONTACTOR", "BID_DOC_AUTHOR", "BID_DOC_PREPARER"):
                if bid[field]:
                    people[bid[field]].add(bid["BIDDER_ORG_CODE"])
        assert all(len(firms) == 1 for firms in people.values()), code
        assert not patterns.is_regular([_price(b) for b in lot.bids]), code


def test_pattern_firms_never_bid_in_clean_lots(market):
    members = {code for p in market.truth["patterns"] for code in p["bidders"]}
    for code in market.truth["clean_lots"]:
        assert not members & {b["BIDDER_ORG_CODE"] for b in market.lots[code].bids}


# --- Parquet, sizes, errors -----------------------------------------------------------------------------------------


def test_the_parquet_tables_hold_the_same_market(market):
    files = market.summary.files
    lots = pq.read_table(files["lots"]).to_pylist()
    bids = pq.read_table(files["bids"])
    entities = pq.read_table(files["entities"])
    assert len(lots) == LOTS and bids.num_rows == market.summary.bids
    assert entities.num_rows == market.summary.entities
    sample = lots[7]
    head = market.lots[sample["lot_code"]].head
    assert sample["winner_code"] == head["WIN_BIDDER_CODE"] and sample["bids"] == len(
        market.lots[sample["lot_code"]].bids)
    assert sum(bids.column("is_winner").to_pylist()) == LOTS


def test_a_market_too_small_for_its_patterns_is_refused_with_the_minimum(tmp_path):
    with pytest.raises(ValueError, match=f"at least {patterns.minimum_lots()} lots"):
        generate_market(seed=1, lots=20, out_dir=tmp_path)


def test_the_smallest_allowed_market_still_plants_every_pattern(tmp_path):
    from .conftest import read_market

    generate_market(seed=3, lots=patterns.minimum_lots(), out_dir=tmp_path, parquet=False)
    _lots, truth = read_market(tmp_path)
    assert {p["type"] for p in truth["patterns"]} == set(patterns.STATUTES)
    assert len(truth["clean_lots"]) >= patterns.MIN_CLEAN_LOTS


# --- a market as known at one moment ------------------------------------------------------------------------------

AS_OF = datetime.datetime(2024, 9, 1, 12, 0)


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory):
    from .conftest import read_market

    out = tmp_path_factory.mktemp("as_of")
    generate_market(seed=SEED, lots=LOTS, out_dir=out, as_of=AS_OF, parquet=False)
    return read_market(out)


def test_a_market_as_of_a_moment_shows_nothing_that_happened_later(snapshot):
    lots, truth = snapshot
    pending = [lot for lot in lots.values() if not lot.head["BID_OPEN_TIME"] or _dt(lot.head["BID_OPEN_TIME"]) > AS_OF]
    assert pending and all(not lot.bids for lot in pending)
    assert all(not lot.head["NOTICE_SEND_TIME"] or _dt(lot.head["NOTICE_SEND_TIME"]) <= AS_OF for lot in lots.values())
    assert any(not lot.head["NOTICE_SEND_TIME"] for lot in pending)
    assert any(lot.head["NOTICE_SEND_TIME"] for lot in pending)
    for lot in lots.values():
        h = lot.head
        for column in ("EVALUATION_START_TIME", "EVALUATION_END_TIME", "PUBLICITY_START_TIME",
                       "WIN_NOTICE_SEND_TIME"):
            assert not h[column] or _dt(h[column]) <= AS_OF, (lot.code, column)
        assert not h["CONTRACT_SIGN_TIME"] or _date(h["CONTRACT_SIGN_TIME"]) <= AS_OF.date()
        if not h["EVALUATION_END_TIME"] and h["TENDER_PROJECT_TYPE"] not in TRANSFER_SECTORS:
            assert not h["WIN_BIDDER_CODE"] and all(not b["CANDIDATE_RANK"] for b in lot.bids)
    planted = {code for p in truth["patterns"] for code in p["lots"]}
    assert planted and all(lots[code].head["WIN_BIDDER_CODE"] for code in planted)
    assert all(lots[code].bids for code in truth["clean_lots"])


def test_a_moment_hides_events_but_changes_no_lot(market, snapshot):
    lots, _truth = snapshot
    assert set(lots) == set(market.lots)
    for code, lot in lots.items():
        full = market.lots[code]
        assert lot.head["BID_SECTION_NAME"] == full.head["BID_SECTION_NAME"]
        assert lot.head["BID_OPEN_TIME"] in ("", full.head["BID_OPEN_TIME"])
        if lot.head["CONTRACT_CODE"]:
            later = {"FINISH_TIME", "SETTLE_PRICE"}
            assert {k: v for k, v in lot.head.items() if k not in later} == {
                k: v for k, v in full.head.items() if k not in later}
            bid_columns = [[b[c] for c in columns.BID] for b in lot.bids]
            assert bid_columns == [[b[c] for c in columns.BID] for b in full.bids]
