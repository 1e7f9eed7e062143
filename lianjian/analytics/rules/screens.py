"""Statistical screens on the valid bids of each lot (Imhof 2017; Imhof, Karagök & Rutz 2018; Huber & Imhof 2019)
and the missing-bids test of Chassang, Kawai, Nakabayashi & Ortner (Econometrica 2022).

``SCREENS_SQL`` computes, for every lot with at least three valid bids, the screens of ``shared/indicators.md``
from the raw bids: CV, SPD, DIFFP, RD (σ of the losing bids), sample skewness and kurtosis (the bias-corrected
estimators, as Excel's SKEW/KURT and scipy's ``bias=False``; kurtosis needs four bids) and the Kolmogorov–Smirnov
statistic against a uniform distribution on [b1, bn]. Deviations from the mean are taken in a second pass, so
prices in the hundreds of millions keep their precision. The same SQL feeds the learned score and
``lianjian screen evaluate``.
"""

import math
from collections import defaultdict

from ..findings import Finding, Indicator
from .base import clean, threshold

SCREENS = ("cv", "spd", "diffp", "rd", "skew", "kurt", "ks")

SCREENS_SQL = """
WITH v AS (
    SELECT lot_code, bidder_code, price FROM bids
    WHERE price IS NOT NULL AND price > 0 AND NOT coalesce(is_rejected, false)),
r AS (
    SELECT lot_code, bidder_code, price,
           row_number() OVER (PARTITION BY lot_code ORDER BY price, bidder_code) AS k,
           count(*) OVER (PARTITION BY lot_code) AS n,
           avg(price) OVER (PARTITION BY lot_code) AS mean,
           min(price) OVER (PARTITION BY lot_code) AS b1,
           max(price) OVER (PARTITION BY lot_code) AS bn
    FROM v),
d AS (
    SELECT r.*, price - mean AS dev,
           CASE WHEN bn > b1 THEN (price - b1) / (bn - b1) ELSE 0 END AS u
    FROM r WHERE n >= 3),
loser AS (
    SELECT lot_code, avg(price) AS lmean FROM d WHERE k > 1 GROUP BY lot_code),
agg AS (
    SELECT d.lot_code, max(n) AS n, max(mean) AS mean, max(b1) AS b1, max(bn) AS bn,
           max(CASE WHEN k = 2 THEN price END) AS b2,
           sum(dev * dev) AS s2, sum(dev * dev * dev) AS s3, sum(dev * dev * dev * dev) AS s4,
           sum(CASE WHEN k > 1 THEN (price - lmean) * (price - lmean) ELSE 0 END) AS sl2,
           max(greatest(CAST(k AS DOUBLE) / n - u, u - CAST(k - 1 AS DOUBLE) / n)) AS ks
    FROM d JOIN loser ON loser.lot_code = d.lot_code GROUP BY d.lot_code)
SELECT lot_code, n, mean, b1, b2, bn,
       sqrt(s2 / (n - 1)) / mean AS cv,
       (bn - b1) / b1 AS spd,
       (b2 - b1) / b1 AS diffp,
       CASE WHEN sl2 > 0 THEN (b2 - b1) / sqrt(sl2 / (n - 2)) END AS rd,
       CASE WHEN s2 > 0 THEN n * sqrt(n - 1) / (n - 2) * s3 / pow(s2, 1.5) END AS skew,
       CASE WHEN s2 > 0 AND n >= 4 THEN
            (n + 1) * n * (n - 1) / ((n - 2) * (n - 3)) * s4 / (s2 * s2) - 3.0 * (n - 1) * (n - 1) / ((n - 2) * (n - 3))
       END AS kurt,
       ks
FROM agg
"""

INDICATORS = [
    Indicator("SCR-CV", "报价离散系数过低", "Low coefficient of variation of bids", "screen",
              "Imhof (2017); Huber & Imhof (2019)：串通压缩报价离散度", "low", {"max": 0.02, "min_bids": 4}),
    Indicator("SCR-SPD", "报价极差过小", "Narrow spread of bids", "screen", "Imhof, Karagök & Rutz (2018)", "low",
              {"max": 0.05, "min_bids": 4}),
    Indicator("SCR-DIFFP", "最低两家报价差过小", "Two lowest bids too close", "screen",
              "Imhof, Karagök & Rutz (2018)；Cardinal R024", "low", {"max": 0.001, "min_bids": 3}),
    Indicator("SCR-RD", "中标价与陪标价相对距离异常", "High relative distance between the two lowest bids",
              "screen", "Imhof (2017)：陪标报价聚集在中标价之上", "medium", {"min": 6.0, "min_bids": 5}),
    Indicator("SCR-SKEW", "报价偏度异常", "Abnormal skewness of bids", "screen", "Huber & Imhof (2019)", "low",
              {"abs_min": 2.2, "min_bids": 5}),
    Indicator("SCR-KURT", "报价峰度异常", "Abnormal kurtosis of bids", "screen", "Huber & Imhof (2019)", "low",
              {"min": 6.0, "min_bids": 5}),
    Indicator("SCR-KS", "报价分布偏离均匀分布", "Bids far from uniform (Kolmogorov–Smirnov)", "screen",
              "Imhof, Karagök & Rutz (2018)", "low", {"min": 0.62, "min_bids": 5}),
    Indicator("SCR-MISSING", "中标价附近缺少落败报价", "Missing bids near the winning bid", "screen",
              "Chassang, Kawai, Nakabayashi & Ortner, Econometrica 90(4), 2022", "medium",
              {"window": 0.03, "min_close": 5, "p_max": 0.05}),
]
BY_CODE = {i.code: i for i in INDICATORS}

# How each screen indicator tests its value.
TESTS = {
    "SCR-CV": ("cv", lambda v, t: v <= t["max"]),
    "SCR-SPD": ("spd", lambda v, t: v <= t["max"]),
    "SCR-DIFFP": ("diffp", lambda v, t: v <= t["max"]),
    "SCR-RD": ("rd", lambda v, t: v >= t["min"]),
    "SCR-SKEW": ("skew", lambda v, t: abs(v) >= t["abs_min"]),
    "SCR-KURT": ("kurt", lambda v, t: v >= t["min"]),
    "SCR-KS": ("ks", lambda v, t: v >= t["min"]),
}


# The same tests in SQL, so that only lots tripping a screen leave the engine.
SQL_TESTS = {"SCR-CV": "cv <= {max}", "SCR-SPD": "spd <= {max}", "SCR-DIFFP": "diffp <= {max}",
             "SCR-RD": "rd >= {min}", "SCR-SKEW": "abs(skew) >= {abs_min}", "SCR-KURT": "kurt >= {min}",
             "SCR-KS": "ks >= {min}"}


def findings(engine, thresholds):
    engine.materialise("lot_screens", SCREENS_SQL)
    tests = []
    for code, test in SQL_TESTS.items():
        limits = {k: float(threshold(thresholds, BY_CODE[code], k)) for k in BY_CODE[code].thresholds}
        tests.append(f"(n >= {limits['min_bids']} AND {test.format(**limits)})")
    for row in engine.rows(f"SELECT * FROM lot_screens WHERE {' OR '.join(tests)} ORDER BY lot_code"):
        values = {s: row[s] for s in SCREENS}
        for code, (screen, test) in TESTS.items():
            indicator = BY_CODE[code]
            limits = {k: threshold(thresholds, indicator, k) for k in indicator.thresholds}
            value = values[screen]
            if value is None or row["n"] < limits["min_bids"] or not test(value, limits):
                continue
            yield Finding(code, row["lot_code"], (), _score(code, value, limits), indicator.severity, clean({
                "screen": screen, "value": value, "thresholds": limits, "screens": values, "bids_count": row["n"],
                "lowest": row["b1"], "second": row["b2"], "highest": row["bn"], "fields": ["price"]}))
    yield from _missing_bids(engine, thresholds)


def _score(code, value, limits):
    """How far past its threshold a screen is, squashed into (0.5, 1]."""
    bound = limits.get("max", limits.get("min", limits.get("abs_min")))
    distance = abs(abs(value) - bound) / (abs(bound) or 1.0)
    return round(0.5 + 0.5 * (1 - math.exp(-3 * distance)), 4)


def _missing_bids(engine, thresholds):
    """Chassang et al.: a competitive firm's bids fall as often just above the lowest rival bid as just below it
    (the normalised margin Δ = (b − min of the others) / reserve is smooth at 0). A firm with ``min_close`` or more
    bids within ``window`` of zero, nearly all of them narrow wins, shows the tell-tale deficit of narrow losses
    (one-sided binomial test against 1/2)."""
    indicator = BY_CODE["SCR-MISSING"]
    t = {k: threshold(thresholds, indicator, k) for k in indicator.thresholds}
    sql = f"""
        WITH v AS (SELECT b.lot_code, b.bidder_code, b.price, coalesce(l.control_price, s.bn) AS reserve,
                          s.b1, s.b2
                   FROM bids b JOIN lot_screens s ON s.lot_code = b.lot_code
                   LEFT JOIN lots l ON l.lot_code = b.lot_code
                   WHERE b.price IS NOT NULL AND NOT coalesce(b.is_rejected, false)),
        m AS (SELECT lot_code, bidder_code,
                     (price - CASE WHEN price = b1 THEN b2 ELSE b1 END) / reserve AS margin FROM v)
        SELECT bidder_code,
               sum(CASE WHEN margin < 0 AND margin >= -{float(t['window'])} THEN 1 ELSE 0 END) AS won_close,
               sum(CASE WHEN margin > 0 AND margin <= {float(t['window'])} THEN 1 ELSE 0 END) AS lost_close,
               {engine.collect("CASE WHEN margin < 0 AND margin >= -" + str(float(t['window'])) +
                               " THEN lot_code END")} AS lots
        FROM m GROUP BY bidder_code
        HAVING sum(CASE WHEN margin <> 0 AND abs(margin) <= {float(t['window'])} THEN 1 ELSE 0 END)
               >= {int(t['min_close'])}"""
    per_lot = defaultdict(list)
    for row in engine.rows(sql):
        close = row["won_close"] + row["lost_close"]
        p = _binomial_tail(row["lost_close"], close)
        if p > t["p_max"]:
            continue
        lots = sorted(x for x in row["lots"] if x)
        if not lots:
            continue
        evidence = {"won_close": row["won_close"], "lost_close": row["lost_close"], "p_value": round(p, 6),
                    "window": t["window"], "lots_won_close": lots, "fields": ["price"]}
        per_lot[lots[-1]].append((row["bidder_code"], p, evidence))
    for lot, items in sorted(per_lot.items()):
        for bidder, p, evidence in items:
            yield Finding("SCR-MISSING", lot, (bidder,), round(1 - p, 4), indicator.severity, evidence)


def _binomial_tail(k, n):
    """P(X ≤ k) for X ~ Binomial(n, 1/2)."""
    return sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
