import datetime
import json

import pyarrow as pa
import pytest

from lianjian.analytics.schema import read_parquet_dir
from lianjian.synthetic import generate_market

SEED = 20260404
LOTS = 600


@pytest.fixture(scope="session")
def market(tmp_path_factory):
    """A synthetic market with every planted pattern, as the engine reads it, and its ground truth."""
    out = tmp_path_factory.mktemp("market")
    generate_market(seed=SEED, lots=LOTS, out_dir=out)
    with open(out / "ground_truth.json", encoding="utf-8") as fh:
        truth = json.load(fh)
    return read_parquet_dir(out), truth


@pytest.fixture(scope="session")
def market_findings(market):
    from lianjian.analytics import run_suite

    return run_suite(market[0])


def day(n, hour=9):
    return datetime.datetime(2025, 3, 1, hour) + datetime.timedelta(days=n)


def small_market():
    """A hand-built market in which each procedure, credit and expert indicator fires exactly where intended."""
    lots = pa.table({
        "lot_code": ["L1", "L2", "L3", "L4", "L5"],
        "project_code": ["P1", "P2", "P3", "P3", "P4"],
        "tenderer_code": ["T1", "T2", "T3", "T3", "T4"],
        "category": ["works", "works", "goods", "goods", "services"],
        "procedure": ["公开招标", "公开招标", "公开招标", "公开招标", "竞争性磋商"],
        "estimated_price": [5_000_000.0, 6_000_000.0, 1_900_000.0, 1_850_000.0, 500_000.0],
        "control_price": [5_000_000.0, 6_000_000.0, 1_900_000.0, 1_850_000.0, 500_000.0],
        "docs_issued_at": [day(0), day(0), day(0), day(0), day(0)],
        "bid_deadline_at": [day(25), day(12), day(30), day(30), day(5)],
        "winner_code": ["B1", "B4", "B1", "B2", "B5"],
        "award_amount": [4_500_000.0, 5_990_000.0, 1_700_000.0, 1_800_000.0, 400_000.0],
        "awarded_at": [day(40), day(30), day(45), day(45), day(20)],
        "contract_signed_on": [d.date() for d in (day(50), day(75), day(60), day(60), day(30))],
    })
    bidders = {"L1": [("B1", 4_500_000.0), ("B2", 4_610_000.0), ("B3", 4_700_000.0), ("B9", 4_820_000.0)],
               "L2": [("B4", 5_990_000.0), ("B5", 5_400_000.0)],
               "L3": [("B1", 1_700_000.0), ("B2", 1_750_000.0), ("B3", 1_790_000.0)],
               "L4": [("B2", 1_800_000.0), ("B1", 1_820_000.0), ("B3", 1_845_000.0)],
               "L5": [("B5", 400_000.0), ("B6", 430_000.0), ("B7", 470_000.0)]}
    text = "本投标人承诺严格按照招标文件要求组织施工，确保工程质量达到合格标准，工期满足要求，安全文明施工。" * 3
    rows = []
    for lot, bids in bidders.items():
        winner = dict(zip(lots["lot_code"].to_pylist(), lots["winner_code"].to_pylist()))[lot]
        for bidder, price in bids:
            doc = None
            if lot == "L1" and bidder in ("B1", "B2"):
                doc = text + ("项目经理张三。" if bidder == "B1" else "项目经理李四。")
            elif lot == "L1":
                doc = {"B3": "我公司拟投入塔吊两台、挖掘机四台，关键线路为基础与主体结构，雨季施工另有专项方案。",
                       "B9": "质量保证体系依据ISO9001建立，设专职质检员三名，隐蔽工程验收实行三检制度。"}[bidder]
            rows.append({"lot_code": lot, "bidder_code": bidder, "price": price, "bidder_legal": f"法人{bidder}",
                         "file_hash": f"H-{lot}-{bidder}", "doc_text": doc, "is_rejected": lot == "L2" and
                         bidder == "B5", "is_winner": bidder == winner})
    rows[-1]["bidder_legal"] = "法人B6"
    bids = pa.Table.from_pylist(rows)
    entities = pa.table({"credit_code": ["B3", "B6"], "is_restricted": [True, False], "is_watched": [False, True]})
    experts = pa.table({"expert_id": ["E1", "E2", "E3", "E4"], "employer_code": ["B9", "X", "Y", "Z"]})
    evaluations = []
    for lot in ("L1", "L3", "L4"):
        for expert in ("E1", "E2", "E3", "E4"):
            for bidder, _price in bidders[lot]:
                score = 70.0
                if expert == "E2" and bidder == "B2":
                    score = 95.0
                evaluations.append({"lot_code": lot, "expert_id": expert, "bidder_code": bidder, "score": score})
    contracts = pa.table({"contract_code": ["C1", "C2"], "lot_code": ["L1", "L3"], "supplier_code": ["B1", "B1"],
                          "price": [4_500_000.0, 1_700_000.0], "final_price": [5_400_000.0, 1_750_000.0]})
    return {"lots": lots, "bids": bids, "entities": entities, "experts": experts,
            "evaluations": pa.Table.from_pylist(evaluations), "contracts": contracts}
