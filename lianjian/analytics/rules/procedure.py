"""Procedure family: statutory procedure numbers checked on each lot's dates, counts and amounts.

The numbers are thresholds of the indicators (configurable per jurisdiction), each citing its source in
``shared/rules.md``.
"""

from ..findings import Finding, Indicator
from .base import clean, threshold

TENDER_PROCEDURES = ("公开招标", "邀请招标", "open", "invited")

INDICATORS = [
    Indicator("PROC-FEWBIDS", "有效投标不足三家", "Fewer than three valid bids", "procedure",
              "招标投标法第二十八条；rules.md §4（投标人少于3个的，不得开标，应重新招标）", "medium", {"min_bids": 3}),
    Indicator("PROC-SHORTPERIOD", "投标截止时间不足二十日", "Bid period under 20 days", "procedure",
              "招标投标法第二十四条；rules.md §4（自招标文件开始发出之日起至投标截止之日止不得少于20日）", "medium",
              {"min_days": 20}),
    Indicator("PROC-NEARCAP", "中标价贴近最高投标限价", "Winning price within a hair of the control price",
              "procedure", "省级智慧监管预警模型（中标价/最高限价）", "low", {"min_ratio": 0.995}),
    Indicator("PROC-LATECONTRACT", "中标后超过三十日签订合同", "Contract signed more than 30 days after award",
              "procedure", "招标投标法第四十六条；rules.md §4（自中标通知书发出之日起30日内订立书面合同）", "low",
              {"max_days": 30}),
    Indicator("PROC-CHANGE", "合同金额变更过大", "Large contract change", "procedure",
              "招标投标法实施条例第五十七条；政府采购法第四十九条（追加不超过原合同金额10%）", "medium",
              {"max_change": 0.10}),
    Indicator("PROC-SPLIT", "化整为零规避招标", "Threshold splitting", "procedure",
              "招标投标法第四条；国家发改委令第16号第五条；rules.md §5", "high",
              {"works": 4_000_000, "goods": 2_000_000, "services": 1_000_000, "margin": 0.10, "min_lots": 2}),
]
BY_CODE = {i.code: i for i in INDICATORS}


def _t(thresholds, code):
    indicator = BY_CODE[code]
    return indicator, {k: threshold(thresholds, indicator, k) for k in indicator.thresholds}


def findings(engine, thresholds):
    yield from _few_bids(engine, thresholds)
    yield from _lot_dates(engine, thresholds)
    yield from _changes(engine, thresholds)
    yield from _splitting(engine, thresholds)


def _few_bids(engine, thresholds):
    indicator, t = _t(thresholds, "PROC-FEWBIDS")
    sql = f"""
        SELECT b.lot_code, count(*) AS submitted,
               sum(CASE WHEN b.price IS NOT NULL AND NOT coalesce(b.is_rejected, false) THEN 1 ELSE 0 END) AS valid
        FROM bids b LEFT JOIN lots l ON l.lot_code = b.lot_code
        WHERE coalesce(l.category, '') <> 'transfer'
        GROUP BY b.lot_code
        HAVING sum(CASE WHEN b.price IS NOT NULL AND NOT coalesce(b.is_rejected, false) THEN 1 ELSE 0 END)
               < {int(t['min_bids'])}"""
    for row in engine.rows(sql + " ORDER BY 1"):
        yield Finding(indicator.code, row["lot_code"], (), 1.0, indicator.severity,
                      {"submitted": row["submitted"], "valid": row["valid"], "min_bids": t["min_bids"],
                       "fields": ["is_rejected", "price"]})


def _lot_dates(engine, thresholds):
    short, ts = _t(thresholds, "PROC-SHORTPERIOD")
    cap, tc = _t(thresholds, "PROC-NEARCAP")
    late, tl = _t(thresholds, "PROC-LATECONTRACT")
    procedures = ", ".join(f"'{p}'" for p in TENDER_PROCEDURES)
    sql = f"""
        SELECT lot_code, procedure, docs_issued_at, bid_deadline_at, awarded_at, contract_signed_on,
               control_price, award_amount, winner_code,
               {engine.days('docs_issued_at', 'bid_deadline_at')} AS bid_days,
               {engine.days('awarded_at', 'contract_signed_on')} AS contract_days,
               award_amount / control_price AS cap_ratio
        FROM lots
        WHERE ({engine.days('docs_issued_at', 'bid_deadline_at')} < {int(ts['min_days'])}
               AND procedure IN ({procedures}))
           OR (award_amount / control_price >= {float(tc['min_ratio'])} AND coalesce(category, '') <> 'transfer')
           OR {engine.days('awarded_at', 'contract_signed_on')} > {int(tl['max_days'])}
        ORDER BY lot_code"""
    for row in engine.rows(sql):
        winner = (row["winner_code"],) if row["winner_code"] else ()
        if row["bid_days"] is not None and row["bid_days"] < ts["min_days"] and row["procedure"] in TENDER_PROCEDURES:
            yield Finding(short.code, row["lot_code"], (), 1.0, short.severity, clean({
                "docs_issued_at": row["docs_issued_at"], "bid_deadline_at": row["bid_deadline_at"],
                "days": row["bid_days"], "min_days": ts["min_days"], "fields": ["docs_issued_at", "bid_deadline_at"]}))
        if row["cap_ratio"] is not None and row["cap_ratio"] >= tc["min_ratio"]:
            yield Finding(cap.code, row["lot_code"], winner, round(min(1.0, row["cap_ratio"]), 4), cap.severity,
                          clean({"award_amount": row["award_amount"], "control_price": row["control_price"],
                                 "ratio": row["cap_ratio"], "min_ratio": tc["min_ratio"],
                                 "fields": ["award_amount", "control_price"]}))
        if row["contract_days"] is not None and row["contract_days"] > tl["max_days"]:
            yield Finding(late.code, row["lot_code"], winner, 1.0, late.severity, clean({
                "awarded_at": row["awarded_at"], "contract_signed_on": row["contract_signed_on"],
                "days": row["contract_days"], "max_days": tl["max_days"],
                "fields": ["awarded_at", "contract_signed_on"]}))


def _changes(engine, thresholds):
    indicator, t = _t(thresholds, "PROC-CHANGE")
    limit = float(t["max_change"])
    sql = f"""
        SELECT c.lot_code, c.contract_code, c.supplier_code, c.price, c.final_price,
               c.final_price / c.price - 1 AS change
        FROM contracts c WHERE c.price > 0 AND abs(c.final_price / c.price - 1) > {limit}
        ORDER BY c.lot_code, c.contract_code"""
    for row in engine.rows(sql):
        supplier = (row["supplier_code"],) if row["supplier_code"] else ()
        yield Finding(indicator.code, row["lot_code"], supplier, round(min(1.0, abs(row["change"])), 4),
                      indicator.severity, clean({"contract_code": row["contract_code"], "price": row["price"],
                                                 "final_price": row["final_price"], "change": row["change"],
                                                 "max_change": limit, "fields": ["price", "final_price"]}))


def _splitting(engine, thresholds):
    """Several lots of one tenderer's project in one category, each just under the mandatory-tendering threshold
    (国家发改委令第16号) while together above it: items that could be combined must be summed (rules.md §5)."""
    indicator, t = _t(thresholds, "PROC-SPLIT")
    cases = " ".join(f"WHEN '{c}' THEN {float(t[c])}" for c in ("works", "goods", "services"))
    sql = f"""
        WITH l AS (SELECT lot_code, tenderer_code, project_code, category, estimated_price,
                          CASE category {cases} END AS limit_value FROM lots
                   WHERE estimated_price IS NOT NULL AND project_code IS NOT NULL)
        SELECT tenderer_code, project_code, category, max(limit_value) AS limit_value,
               sum(estimated_price) AS total, {engine.collect('lot_code')} AS lots
        FROM l WHERE estimated_price < limit_value
                 AND estimated_price >= limit_value * (1 - {float(t['margin'])})
        GROUP BY tenderer_code, project_code, category
        HAVING count(*) >= {int(t['min_lots'])} AND sum(estimated_price) >= max(limit_value)
        ORDER BY project_code, category"""
    for row in engine.rows(sql):
        lots = sorted(row["lots"])
        tenderer = (row["tenderer_code"],) if row["tenderer_code"] else ()
        for lot in lots:
            yield Finding(indicator.code, lot, tenderer, 1.0, indicator.severity, clean({
                "project_code": row["project_code"], "category": row["category"], "threshold": row["limit_value"],
                "total": row["total"], "lots": lots, "fields": ["estimated_price"]}))
