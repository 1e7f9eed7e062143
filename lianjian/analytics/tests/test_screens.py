"""The screens computed in SQL agree with their textbook definitions (scipy) on every lot of the market."""

import numpy as np
import pytest
from scipy import stats

from lianjian.analytics.engines import DuckDBEngine
from lianjian.analytics.rules.screens import SCREENS_SQL
from lianjian.analytics.schema import normalise


@pytest.fixture(scope="module")
def screened(market):
    engine = DuckDBEngine()
    tables = normalise(market[0])
    for name, table in tables.items():
        engine.register(name, table)
    rows = engine.rows(SCREENS_SQL)
    bids = tables["bids"].to_pylist()
    prices = {}
    for bid in bids:
        if bid["price"] and not bid["is_rejected"]:
            prices.setdefault(bid["lot_code"], []).append(bid["price"])
    return rows, prices


def test_screens_match_scipy_for_every_lot_with_enough_bids(screened):
    rows, prices = screened
    assert len(rows) > 500
    for row in rows:
        b = np.sort(prices[row["lot_code"]])
        n = len(b)
        assert row["n"] == n
        assert row["cv"] == pytest.approx(np.std(b, ddof=1) / np.mean(b), rel=1e-9)
        assert row["spd"] == pytest.approx((b[-1] - b[0]) / b[0], rel=1e-9)
        assert row["diffp"] == pytest.approx((b[1] - b[0]) / b[0], rel=1e-9, abs=1e-15)
        assert row["rd"] == pytest.approx((b[1] - b[0]) / np.std(b[1:], ddof=1), rel=1e-7)
        assert row["skew"] == pytest.approx(stats.skew(b, bias=False), rel=1e-6, abs=1e-9)
        if n >= 4:
            assert row["kurt"] == pytest.approx(stats.kurtosis(b, bias=False), rel=1e-6, abs=1e-9)
        uniform = stats.kstest(b, stats.uniform(loc=b[0], scale=b[-1] - b[0]).cdf).statistic
        assert row["ks"] == pytest.approx(uniform, rel=1e-9)


def test_lots_with_fewer_than_three_valid_bids_have_no_screens(screened):
    rows, prices = screened
    screened_lots = {r["lot_code"] for r in rows}
    assert all(len(p) >= 3 for lot, p in prices.items() if lot in screened_lots)
    assert all(lot in screened_lots for lot, p in prices.items() if len(p) >= 3)
