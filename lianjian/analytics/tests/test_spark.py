"""The same indicator definitions give the same findings on Apache Spark (local mode) as on DuckDB."""

import math
import os

import pyarrow as pa
import pytest

from lianjian.analytics import run_suite
from lianjian.analytics.schema import normalise

from .conftest import small_market

pytest.importorskip("pyspark")
# Test data is small: one shuffle partition spares Spark scheduling dozens of empty tasks per query.
os.environ.setdefault("LIANJIAN_SPARK_PARTITIONS", "1")


def _same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def test_spark_and_duckdb_agree_on_every_finding_of_a_shared_fixture(market):
    """One fixture holding the synthetic market (第40条, screens, network) and the hand-built lots (procedure,
    credit, experts, near-duplicate texts), run once on each engine."""
    synthetic, hand = normalise(market[0]), normalise(small_market())
    tables = {name: pa.concat_tables([synthetic[name], hand[name]]) for name in synthetic}
    duck = run_suite(tables)
    spark = run_suite(tables, engine="spark")
    assert {f.indicator for f in duck} >= {"C40-DEVICE", "C40-DOC", "C40-PRICE", "NET-ROTATION", "NET-COVER",
                                           "SCR-CV", "PROC-SPLIT", "CRD-EXPERT-FAVOUR"}
    assert [f.key for f in duck] == [f.key for f in spark]
    for d, s in zip(duck, spark):
        assert d.severity == s.severity
        assert math.isclose(d.score, s.score, rel_tol=1e-9), d.key
        assert _same(d.evidence, s.evidence), d.key
