"""Procedure, credit, expert and near-duplicate indicators on a hand-built market where each should fire once."""

import pyarrow as pa
import pytest

from lianjian.analytics import run_suite
from lianjian.analytics.schema import SchemaError

from .conftest import small_market


@pytest.fixture(scope="module")
def found():
    return run_suite(small_market())


def _where(found, code):
    return sorted((f.lot_code, f.entities) for f in found if f.indicator == code)


def test_procedure_indicators_fire_on_the_lots_that_break_the_statutory_numbers(found):
    assert _where(found, "PROC-SHORTPERIOD") == [("L2", ("B4",))]
    assert _where(found, "PROC-FEWBIDS") == [("L2", ("B4",))]
    assert _where(found, "PROC-NEARCAP") == [("L2", ("B4",))]
    assert _where(found, "PROC-LATECONTRACT") == [("L2", ("B4",))]
    assert _where(found, "PROC-CHANGE") == [("L1", ("B1",))]
    assert _where(found, "PROC-SPLIT") == [("L3", ("T3",)), ("L4", ("T3",))]


def test_a_short_period_finding_shows_the_dates_and_the_statutory_minimum(found):
    finding = next(f for f in found if f.indicator == "PROC-SHORTPERIOD")
    assert finding.evidence["days"] == 12
    assert finding.evidence["min_days"] == 20
    assert finding.evidence["bid_deadline_at"].startswith("2025-03-13")


def test_restricted_and_watched_parties_are_reported_on_every_lot_they_bid_in(found):
    assert _where(found, "CRD-RESTRICTED") == [("L1", ("B3",)), ("L3", ("B3",)), ("L4", ("B3",))]
    assert _where(found, "CRD-WATCHED") == [("L5", ("B6",))]
    assert _where(found, "CRD-LEGAL") == [("L5", ("B6", "B7"))]


def test_experts_with_a_conflict_a_favourite_or_outlying_scores_are_reported(found):
    assert _where(found, "CRD-EXPERT-COI") == [("L1", ("B9",))]
    assert _where(found, "CRD-EXPERT-FAVOUR") == [("L1", ("B2",)), ("L3", ("B2",)), ("L4", ("B2",))]
    favour = next(f for f in found if f.indicator == "CRD-EXPERT-FAVOUR")
    assert favour.evidence["expert_id"] == "E2"
    assert favour.evidence["mean_margin"] == pytest.approx(25.0)
    assert [f.evidence["expert_id"] for f in found if f.indicator == "CRD-EXPERT-OUTLIER"] == ["E2"] * 3


def test_near_duplicate_bid_texts_are_found_by_minhash_and_distinct_texts_are_not(found):
    duplicates = [f for f in found if f.indicator == "C40-DOC"]
    assert [(f.lot_code, f.entities) for f in duplicates] == [("L1", ("B1", "B2"))]
    assert duplicates[0].evidence["text_similarity"] >= 0.9
    assert duplicates[0].evidence["method"] == "MinHash"


def test_every_finding_carries_the_bids_it_is_about(found):
    for finding in found:
        assert finding.evidence["bids"], finding
        assert all("price" in bid and "bidder_code" in bid for bid in finding.evidence["bids"])


def test_thresholds_given_to_the_run_override_the_registry(found):
    assert _where(found, "PROC-CHANGE")
    relaxed = run_suite(small_market(), thresholds={"PROC-CHANGE": {"max_change": 0.5}}, families=["procedure"])
    assert _where(relaxed, "PROC-CHANGE") == []


def test_a_bids_table_without_prices_is_refused_naming_the_column():
    with pytest.raises(SchemaError, match="price"):
        run_suite({"bids": pa.table({"lot_code": ["L1"], "bidder_code": ["B1"]})})


def test_progress_is_reported_from_start_to_end():
    seen = []
    run_suite(small_market(), progress=lambda done, total, message: seen.append((done, total)))
    assert seen[0][0] == 1 and seen[-1][0] == seen[-1][1]
