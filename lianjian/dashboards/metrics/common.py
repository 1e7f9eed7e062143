from dataclasses import dataclass, field

import pyarrow as pa
from django.db.models import FloatField
from django.db.models.functions import Cast

from lianjian.analytics.engines import DuckDBEngine
from lianjian.core import permissions
from lianjian.trading.models import Lot


@dataclass
class Column:
    key: str
    label: str
    percent: bool = False


@dataclass
class Chart:
    """One chart and its table (the text alternative and the Excel export): ``x`` names the category column,
    ``series`` the numeric columns drawn."""

    key: str
    title: str
    kind: str
    columns: list
    rows: list
    x: str
    series: list = field(default_factory=list)
    note: str = ""

    def table(self):
        return [[_display(row.get(c.key), c.percent) for c in self.columns] for row in self.rows]

    def echarts(self):
        labels = {c.key: str(c.label) for c in self.columns}
        percent = {c.key for c in self.columns if c.percent}
        return {
            "key": self.key, "kind": self.kind, "x": [str(row.get(self.x) or "—") for row in self.rows],
            "series": [{"name": labels[key], "data": [_number(row.get(key), key in percent) for row in self.rows]}
                       for key in self.series],
        }


def _number(value, percent):
    if value is None:
        return None
    return round(float(value) * 100, 2) if percent else round(float(value), 2)


def _display(value, percent):
    if value is None:
        return "—"
    if percent:
        return f"{float(value) * 100:.2f}%"
    if isinstance(value, float):
        return round(value, 2)
    return value


def as_float(name):
    return Cast(name, FloatField())


def scoped_lots(*, actor, year=None, region=None):
    """The lots the actor may see (own unit; the lead office and oversight readers across their region), narrowed
    to a year of bid opening and a region's subtree when given."""
    lots = permissions.scope(actor, "view", Lot.objects.all())
    if year:
        lots = lots.filter(bid_open_at__year=year)
    if region is not None:
        lots = lots.filter(region__code__startswith=region.subtree_prefix)
    return lots


def duckdb_rows(rows, schema, sql):
    """Run ``sql`` over the already grouped ``rows`` (dicts) registered as table ``t`` through Arrow."""
    table = pa.Table.from_pylist(rows, schema=schema)
    engine = DuckDBEngine(threads=1)
    try:
        engine.register("t", table)
        return engine.rows(sql)
    finally:
        engine.close()
