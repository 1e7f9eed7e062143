"""Laying out an alert's evidence for the page, whatever indicator produced it.

The engine's evidence is JSON. By convention (``lianjian.analytics.findings``) it may hold ``fields`` (the names
of the fields that triggered the indicator), ``shared`` (field → the value the parties have in common) and lists
of rows such as ``bids``. Every list of objects becomes a table, its triggering fields and shared values marked;
every other key becomes a fact. A bids table with prices gains the gap to the next lower price, which is what an
officer looks at for a regular price pattern (条例 第40条第4项).
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lianjian.trading.models import Bid

_BID_LABELS = {f.name: f.verbose_name for f in Bid._meta.get_fields() if hasattr(f, "verbose_name")}
_EXTRA_LABELS = {
    "credit_code": gettext_lazy("统一社会信用代码"), "bidder": gettext_lazy("投标人"),
    "price": gettext_lazy("投标报价（元）"), "rank": gettext_lazy("排序"), "winner": gettext_lazy("中标人"),
    "lot_code": gettext_lazy("标段（包）编号"), "bidder_code": gettext_lazy("统一社会信用代码"),
    "bidder_name": gettext_lazy("投标人"), "is_winner": gettext_lazy("中标"), "is_rejected": gettext_lazy("被否决"),
    "bids_count": gettext_lazy("投标数"), "pattern": gettext_lazy("规律"), "value": gettext_lazy("数值"),
}
META_KEYS = ("fields", "highlight", "shared")


def label(key):
    return str(_EXTRA_LABELS.get(key) or _BID_LABELS.get(key) or key)


@dataclass
class Cell:
    value: object
    marked: bool = False


@dataclass
class Table:
    title: str
    columns: list
    rows: list = field(default_factory=list)


@dataclass
class Fact:
    label: str
    value: object
    marked: bool = False


def _number(value):
    if isinstance(value, bool):
        return None
    try:
        return Decimal(str(value)) if isinstance(value, (int, float, str)) else None
    except InvalidOperation:
        return None


def _display(value):
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, tuple)):
        return "、".join(str(_display(v)) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{label(k)}：{_display(v)}" for k, v in value.items())
    if value is None:
        return "—"
    return value if isinstance(value, int) else str(value)


def _price_gaps(rows):
    """Rows sorted by price, each with the difference and ratio to the next lower price."""
    priced = sorted(rows, key=lambda r: _number(r["price"]))
    previous = None
    for row in priced:
        price = _number(row["price"])
        if previous is not None and previous:
            row["price_gap"] = f"{price - previous:,.2f}"
            row["price_gap_ratio"] = f"{(price - previous) / previous * 100:.3f}%"
        else:
            row["price_gap"] = row["price_gap_ratio"] = ""
        previous = price
    return priced


def _table(key, rows, highlight, shared):
    rows = [dict(r) for r in rows]
    gap_columns = []
    if key == "bids" and rows and all(_number(r.get("price")) is not None for r in rows):
        rows = _price_gaps(rows)
        gap_columns = ["price_gap", "price_gap_ratio"]
    columns = []
    for row in rows:
        columns.extend(k for k in row if k not in columns and k not in gap_columns)
    columns += gap_columns
    table = Table(title=label(key), columns=[_column_label(c) for c in columns])
    for row in rows:
        table.rows.append([
            Cell(_display(row.get(c)), marked=c in highlight or (c in shared and row.get(c) == shared[c]))
            for c in columns
        ])
    return table


def _column_label(column):
    return {"price_gap": _("与上一报价差额（元）"), "price_gap_ratio": _("差额比例")}.get(column, label(column))


def evidence_view(evidence):
    """(facts, tables) for the template."""
    evidence = evidence if isinstance(evidence, dict) else {"value": evidence}
    highlight = set(evidence.get("fields") or evidence.get("highlight") or [])
    shared = evidence.get("shared") if isinstance(evidence.get("shared"), dict) else {}
    facts = [Fact(label(k), _display(v), marked=True) for k, v in shared.items()]
    if highlight:
        facts.append(Fact(_("触发字段"), "、".join(label(f) for f in sorted(highlight))))
    tables = []
    for key, value in evidence.items():
        if key in META_KEYS:
            continue
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            tables.append(_table(key, value, highlight, shared))
        else:
            facts.append(Fact(label(key), _display(value), marked=key in highlight))
    return facts, tables
