"""Credit and people family: restricted or watched parties, related bidders, and the evaluation experts."""

from collections import defaultdict

from ..findings import Finding, Indicator
from .base import clean, threshold

INDICATORS = [
    Indicator("CRD-RESTRICTED", "失信或限制投标主体参与投标", "Blacklisted or restricted entity bids", "credit",
              "发改法规〔2018〕457号联合惩戒备忘录；rules.md §7", "high", {}),
    Indicator("CRD-WATCHED", "重点关注对象参与投标", "Watch-listed party appears", "credit",
              "智慧监管重点关注对象名单（seeds 000 §15–16）", "medium", {}),
    Indicator("CRD-LEGAL", "同一法定代表人的投标人参与同一标段", "Bidders with the same legal representative",
              "credit", "政府采购法实施条例第十八条；招标投标法实施条例第三十四条", "high", {"min_bidders": 2}),
    Indicator("CRD-EXPERT-COI", "评标专家存在利害关系", "Expert with a conflict of interest", "credit",
              "招标投标法实施条例第四十六条；评标委员会和评标方法暂行规定第十二条", "high", {}),
    Indicator("CRD-EXPERT-FAVOUR", "评标专家持续偏向同一投标人", "Expert who keeps scoring the same bidder up",
              "credit", "省级平台评标专家倾向性评分预警", "medium", {"min_lots": 3, "min_margin": 5.0}),
    Indicator("CRD-EXPERT-OUTLIER", "评标专家打分明显偏离", "Outlier score within a committee", "credit",
              "评标委员会和评标方法暂行规定；省级平台评分偏离度预警", "low", {"min_deviation": 15.0, "min_experts": 3}),
]
BY_CODE = {i.code: i for i in INDICATORS}


def _t(thresholds, code):
    indicator = BY_CODE[code]
    return indicator, {k: threshold(thresholds, indicator, k) for k in indicator.thresholds}


def findings(engine, thresholds):
    for code, flag in (("CRD-RESTRICTED", "is_restricted"), ("CRD-WATCHED", "is_watched")):
        indicator = BY_CODE[code]
        for row in engine.rows(f"""SELECT b.lot_code, b.bidder_code, b.price FROM bids b
                                   JOIN entities e ON e.credit_code = b.bidder_code
                                   WHERE e.{flag} ORDER BY 1, 2"""):
            yield Finding(code, row["lot_code"], (row["bidder_code"],), 1.0, indicator.severity,
                          clean({"bidder_code": row["bidder_code"], "price": row["price"], "fields": [flag]}))
    indicator, t = _t(thresholds, "CRD-LEGAL")
    for row in engine.rows(f"""SELECT lot_code, bidder_legal, {engine.collect('bidder_code')} AS bidders FROM bids
                               WHERE bidder_legal <> '' GROUP BY lot_code, bidder_legal
                               HAVING count(DISTINCT bidder_code) >= {int(t['min_bidders'])} ORDER BY 1, 2"""):
        yield Finding(indicator.code, row["lot_code"], tuple(sorted(set(row["bidders"]))), 1.0, indicator.severity,
                      {"shared": {"bidder_legal": row["bidder_legal"]}, "fields": ["bidder_legal"]})
    yield from _experts(engine, thresholds)


def _experts(engine, thresholds):
    coi = BY_CODE["CRD-EXPERT-COI"]
    sql = """
        SELECT DISTINCT ev.lot_code, ev.expert_id, x.name, x.employer_code,
               CASE WHEN x.employer_code = l.tenderer_code THEN 'tenderer' ELSE 'bidder' END AS relation
        FROM evaluations ev JOIN experts x ON x.expert_id = ev.expert_id
        LEFT JOIN lots l ON l.lot_code = ev.lot_code
        LEFT JOIN bids b ON b.lot_code = ev.lot_code AND b.bidder_code = x.employer_code
        WHERE x.employer_code = l.tenderer_code OR b.bidder_code IS NOT NULL
        ORDER BY 1, 2"""
    for row in engine.rows(sql):
        yield Finding(coi.code, row["lot_code"], (row["employer_code"],), 1.0, coi.severity, clean({
            "expert_id": row["expert_id"], "expert": row["name"], "employer_code": row["employer_code"],
            "relation": row["relation"], "fields": ["employer_code"]}))
    # Each score against the mean of the other experts of the committee for the same bid.
    engine.materialise("expert_margins", """
        WITH s AS (SELECT lot_code, expert_id, bidder_code, score,
                          sum(score) OVER (PARTITION BY lot_code, bidder_code) AS total,
                          count(*) OVER (PARTITION BY lot_code, bidder_code) AS experts
                   FROM evaluations WHERE score IS NOT NULL)
        SELECT lot_code, expert_id, bidder_code, score, experts,
               score - (total - score) / (experts - 1) AS margin
        FROM s WHERE experts >= 2""")
    favour, tf = _t(thresholds, "CRD-EXPERT-FAVOUR")
    rows = engine.rows(f"""
        SELECT expert_id, bidder_code, count(*) AS lots, avg(margin) AS mean_margin,
               {engine.collect('lot_code')} AS lot_codes
        FROM expert_margins WHERE margin >= {float(tf['min_margin'])}
        GROUP BY expert_id, bidder_code HAVING count(*) >= {int(tf['min_lots'])} ORDER BY 1, 2""")
    for row in rows:
        lots = sorted(row["lot_codes"])
        for lot in lots:
            yield Finding(favour.code, lot, (row["bidder_code"],), 1.0, favour.severity, clean({
                "expert_id": row["expert_id"], "bidder_code": row["bidder_code"], "lots": lots,
                "mean_margin": row["mean_margin"], "fields": ["score"]}))
    outlier, to = _t(thresholds, "CRD-EXPERT-OUTLIER")
    per_lot = defaultdict(list)
    for row in engine.rows(f"""
            SELECT lot_code, expert_id, bidder_code, score, margin FROM expert_margins
            WHERE abs(margin) >= {float(to['min_deviation'])} AND experts >= {int(to['min_experts'])}
            ORDER BY 1, 2, 3"""):
        per_lot[(row["lot_code"], row["expert_id"])].append(row)
    for (lot, expert), rows in sorted(per_lot.items()):
        yield Finding(outlier.code, lot, tuple(sorted({r["bidder_code"] for r in rows})), 1.0, outlier.severity,
                      clean({"expert_id": expert, "scores": [{"bidder_code": r["bidder_code"], "score": r["score"],
                                                              "margin": r["margin"]} for r in rows],
                             "fields": ["score"]}))
