import csv
import json
from dataclasses import dataclass, field

import pytest

from lianjian.synthetic import generate_market

SEED = 20260101
LOTS = 400


@dataclass
class Lot:
    code: str
    head: dict
    bids: list = field(default_factory=list)


@dataclass
class Market:
    summary: object
    lots: dict
    truth: dict


def read_market(out_dir):
    """The generated CSV as lots (first row's lot columns, every row's bid columns) and the ground truth."""
    lots = {}
    with open(out_dir / "market.csv", encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["BID_SECTION_CODE"]
            if code not in lots:
                lots[code] = Lot(code, row)
            if row["BIDDER_ORG_CODE"]:
                lots[code].bids.append(row)
    with open(out_dir / "ground_truth.json", encoding="utf-8") as fh:
        truth = json.load(fh)
    return lots, truth


@pytest.fixture(scope="session")
def market(tmp_path_factory):
    out = tmp_path_factory.mktemp("market")
    summary = generate_market(seed=SEED, lots=LOTS, out_dir=out)
    lots, truth = read_market(out)
    return Market(summary, lots, truth)
