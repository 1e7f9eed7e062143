"""联监 analytics engine: risk indicators over columnar trading data, on DuckDB or Apache Spark.

A plain Python package (no Django): ``indicators()`` lists the registry, ``run_suite(tables, engine=…)`` returns
:class:`Finding` objects for the ``monitoring`` app to turn into alerts. The input tables are documented in
:mod:`lianjian.analytics.schema` and ``README.md``.
"""

from .findings import Finding, Indicator
from .suite import indicators, run_suite

__all__ = ["Finding", "Indicator", "indicators", "run_suite"]
