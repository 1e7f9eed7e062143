"""The synthetic market's planted patterns are all found, with the evidence that proves them, and the 第40条
family never fires on a lot the generator kept clean."""

from collections import defaultdict

import pytest

# The indicator that must report each planted pattern.
EXPECTED = {
    "shared_device": "C40-DEVICE", "rotating_winners": "NET-ROTATION", "cover_bidding": "NET-COVER",
    "regular_price_gaps": "C40-PRICE", "shared_bond_account": "C40-BOND", "shared_project_manager": "C40-PM",
    "shared_document_author": "C40-AUTHOR",
}
FIELD_NAMES = {"MAC_ADDRESS": "mac_address", "CPU_ID": "cpu_id", "HARD_DISK_SERIAL_NUMBER": "disk_serial",
               "MARGIN_PAY_ACCOUNT": "bond_payer_account", "BID_MANAGER": "project_manager",
               "REGIST_CERTIFICATE": "project_manager_cert", "BID_DOC_AUTHOR": "file_author",
               "BID_DOC_PREPARER": "file_preparer"}


def _by_lot(findings, code):
    out = defaultdict(list)
    for f in findings:
        if f.indicator == code:
            out[f.lot_code].append(f)
    return out


def test_the_market_plants_every_pattern_type(market):
    _tables, truth = market
    assert {p["type"] for p in truth["patterns"]} == set(EXPECTED)


@pytest.mark.parametrize("pattern_type", sorted(EXPECTED))
def test_every_lot_of_each_planted_pattern_is_found_by_its_indicator(market, market_findings, pattern_type):
    _tables, truth = market
    found = _by_lot(market_findings, EXPECTED[pattern_type])
    for pattern in (p for p in truth["patterns"] if p["type"] == pattern_type):
        for lot in pattern["lots"]:
            assert found.get(lot), f"{pattern['id']} not found on {lot}"


def test_shared_identifiers_are_reported_with_the_planted_values_and_the_bids_carrying_them(market, market_findings):
    _tables, truth = market
    for pattern in truth["patterns"]:
        values = pattern["signal"].get("values")
        if not values or pattern["type"] not in EXPECTED:
            continue
        found = _by_lot(market_findings, EXPECTED[pattern["type"]])
        for lot in pattern["lots"]:
            finding = found[lot][0]
            shared = finding.evidence["shared"]
            for field, value in values.items():
                assert shared[FIELD_NAMES[field]] == value
            assert set(finding.entities) <= set(pattern["bidders"])
            assert len(finding.entities) >= 2
            assert {b["bidder_code"] for b in finding.evidence["bids"]} == set(finding.entities)
            for bid in finding.evidence["bids"]:
                for field, value in values.items():
                    assert bid[FIELD_NAMES[field]] == value
            per_lot = pattern["signal"].get("per_lot", {}).get(lot)
            if per_lot:
                assert set(finding.entities) == set(per_lot)


def test_rotation_evidence_gives_the_winner_sequence_of_the_group(market, market_findings):
    _tables, truth = market
    found = _by_lot(market_findings, "NET-ROTATION")
    for pattern in (p for p in truth["patterns"] if p["type"] == "rotating_winners"):
        evidence = found[pattern["lots"][0]][0].evidence
        assert set(evidence["group"]) == set(pattern["bidders"])
        assert evidence["series"] == sorted(pattern["lots"])
        order = sorted(range(len(pattern["lots"])), key=lambda i: pattern["lots"][i])
        assert evidence["winners"] == [pattern["signal"]["sequence"][i] for i in order]


def test_cover_bidding_evidence_gives_each_cover_price_as_a_ratio_of_the_winner(market, market_findings):
    _tables, truth = market
    found = _by_lot(market_findings, "NET-COVER")
    for pattern in (p for p in truth["patterns"] if p["type"] == "cover_bidding"):
        signal = pattern["signal"]
        for lot in pattern["lots"]:
            evidence = found[lot][0].evidence
            assert evidence["winner"] == signal["winner"]
            assert set(evidence["covers"]) == set(signal["covers"])
            for cover, ratio in signal["per_lot"][lot].items():
                assert evidence["ratios"][cover] == pytest.approx(ratio, abs=1e-4)


def test_regular_prices_are_reported_with_their_planted_difference_or_ratio(market, market_findings):
    _tables, truth = market
    found = _by_lot(market_findings, "C40-PRICE")
    for pattern in (p for p in truth["patterns"] if p["type"] == "regular_price_gaps"):
        for lot, planted in pattern["signal"]["per_lot"].items():
            evidence = found[lot][0].evidence
            assert evidence["pattern"] == planted["kind"]
            assert evidence["value"] == pytest.approx(planted["value"], rel=1e-3)
            assert set(found[lot][0].entities) == set(pattern["bidders"])


def test_no_clean_lot_is_flagged_by_the_article_40_family(market, market_findings):
    _tables, truth = market
    clean = set(truth["clean_lots"])
    flagged = [f for f in market_findings if f.indicator.startswith("C40-") and f.lot_code in clean]
    assert flagged == []


def test_network_indicators_stay_off_the_clean_lots_of_the_market(market, market_findings):
    _tables, truth = market
    clean = set(truth["clean_lots"])
    assert [f for f in market_findings if f.indicator in ("NET-ROTATION", "NET-COVER") and f.lot_code in clean] == []
