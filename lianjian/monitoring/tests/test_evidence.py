from lianjian.monitoring.evidence import evidence_view


def test_the_shared_mac_is_marked_in_every_bid_row_and_shown_as_a_fact():
    evidence = {"fields": ["mac_address"], "shared": {"mac_address": "00:1A"},
                "bids": [{"bidder": "甲", "mac_address": "00:1A", "upload_ip": "10.0.0.1"},
                         {"bidder": "乙", "mac_address": "00:1A", "upload_ip": "10.0.0.2"}]}

    facts, (table,) = evidence_view(evidence)

    assert facts[0].label == "网卡MAC地址" and facts[0].value == "00:1A" and facts[0].marked
    assert table.columns == ["投标人", "网卡MAC地址", "上传IP地址"]
    assert [[c.marked for c in row] for row in table.rows] == [[False, True, False], [False, True, False]]


def test_bids_with_prices_are_sorted_and_show_the_gap_to_the_next_lower_price():
    evidence = {"bids": [{"bidder": "乙", "price": 1_050_000}, {"bidder": "甲", "price": 1_000_000},
                         {"bidder": "丙", "price": 1_100_000}]}

    _facts, (table,) = evidence_view(evidence)

    assert table.columns[-2:] == ["与上一报价差额（元）", "差额比例"]
    assert [[c.value for c in row] for row in table.rows] == [
        ["甲", 1000000, "", ""], ["乙", 1050000, "50,000.00", "5.000%"], ["丙", 1100000, "50,000.00", "4.762%"]]


def test_any_other_evidence_is_listed_as_facts_whatever_its_shape():
    facts, tables = evidence_view({"cv": 0.012345678, "lowest_two": [1, 2], "window": {"from": "a", "to": "b"},
                                   "note": None})

    assert tables == []
    assert [(f.label, f.value) for f in facts] == [("cv", "0.0123"), ("lowest_two", "1、2"),
                                                   ("window", "from：a；to：b"), ("note", "—")]
