"""Running the indicator suite: register the tables on an engine, run every family, attach the bids as evidence."""

from collections import defaultdict
from dataclasses import replace

import pyarrow as pa

from . import schema
from .engines import make_engine
from .findings import Finding
from .rules import article40, credit, network, procedure, screens
from .rules.base import clean

FAMILIES = (("article40", article40), ("screen", screens), ("procedure", procedure), ("network", network),
            ("credit", credit))
# Bid columns shown with every bid in the evidence; a finding adds the columns it is about.
BID_COLUMNS = ("bidder_code", "bidder_name", "price", "is_winner", "is_rejected")


def indicators():
    """The registry: every indicator the engine computes, with its names, basis, severity and thresholds."""
    return [indicator for _name, module in FAMILIES for indicator in module.INDICATORS]


def run_suite(tables, *, engine="duckdb", thresholds=None, progress=None, families=None):
    """Every finding of the suite on ``tables`` ({name: pyarrow.Table}, see :mod:`.schema`), sorted by indicator,
    lot and parties. ``engine``: "duckdb", "spark" or an engine object; ``thresholds``: {indicator code: {name:
    value}} overriding the registry's; ``progress(done, total, message)``; ``families``: the families to run."""
    tables = schema.normalise(tables)
    own = isinstance(engine, str)
    runner = make_engine(engine) if own else engine
    thresholds = thresholds or {}
    chosen = [(name, module) for name, module in FAMILIES if families is None or name in families]
    total = len(chosen) + 2
    try:
        for name, table in tables.items():
            runner.register(name, table)
        if progress:
            progress(1, total, "已载入数据")
        found = []
        for step, (name, module) in enumerate(chosen, start=2):
            found.extend(module.findings(runner, thresholds))
            if progress:
                progress(step, total, f"已完成 {name} 类指标，累计 {len(found)} 条")
        found = _with_bids(runner, found)
        if progress:
            progress(total, total, f"完成：{len(found)} 条预警线索")
        return found
    finally:
        if own:
            runner.close()


def _with_bids(runner, found):
    """Each finding with the bids it is about (its parties' bids, or the whole lot's when it names no party)."""
    if not found:
        return []
    wanted = sorted({f.lot_code for f in found})
    fields = sorted({c for f in found for c in f.evidence.get("fields", ()) if c in schema.TABLES["bids"]}
                    - set(BID_COLUMNS))
    runner.register("evidence_lots", pa.table({"lot_code": pa.array(wanted, type=pa.string())}))
    columns = ", ".join(f"b.{c}" for c in ("lot_code", *BID_COLUMNS, *fields))
    by_lot = defaultdict(list)
    for row in runner.rows(f"SELECT {columns} FROM bids b JOIN evidence_lots e ON e.lot_code = b.lot_code"):
        by_lot[row.pop("lot_code")].append(row)
    out = []
    for finding in found:
        bids = sorted(by_lot.get(finding.lot_code, ()), key=lambda b: (b["price"] is None, b["price"] or 0,
                                                                       b["bidder_code"]))
        entities = finding.entities
        if not entities:
            entities = tuple(sorted(b["bidder_code"] for b in bids if not b["is_rejected"]))
        mine = [b for b in bids if b["bidder_code"] in entities] or bids
        shown = (*BID_COLUMNS, *(c for c in finding.evidence.get("fields", ()) if c in fields))
        evidence = {**finding.evidence, "bids": [clean({c: b[c] for c in shown}) for b in mine]}
        out.append(replace(finding, entities=tuple(sorted(entities)), evidence=evidence))
    out.sort(key=lambda f: (f.indicator, f.lot_code, f.entities))
    return out


__all__ = ["Finding", "indicators", "run_suite"]
