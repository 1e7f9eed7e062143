"""第40条 family: the conditions under which 招标投标法实施条例 第40条 deems bids collusive, read from bid data.

Two bidders of one lot sharing a value that belongs to one firm (a bid-making machine, a person, a bank account,
a bid file) is the statutory sign; a lot's prices in a constant difference or ratio is 第40条(四). Nothing here is
a statistical guess, so nothing fires on a lot whose bidders have nothing in common.
"""

from collections import defaultdict

from ..findings import Finding, Indicator
from . import minhash
from .base import ART40, clean, threshold

# Indicator code → the bid columns whose sharing it reports.
FIELDS = {
    "C40-DEVICE": ("mac_address", "cpu_id", "disk_serial", "upload_ip"),
    "C40-DOC": ("file_hash",),
    "C40-AUTHOR": ("file_author", "file_preparer"),
    "C40-AGENT": ("contact_name", "contact_phone"),
    "C40-PM": ("project_manager", "project_manager_cert"),
    "C40-BOND": ("bond_payer_account",),
}

INDICATORS = [
    Indicator("C40-DEVICE", "投标文件制作机器码雷同", "Shared bid-making device (MAC, CPU, disk, upload IP)",
              "article40", f"{ART40}第（一）（二）项；省级平台机器码雷同预警", "high", {"min_bidders": 2}),
    Indicator("C40-DOC", "投标文件雷同", "Identical or near-duplicate bid documents", "article40",
              f"{ART40}第（四）项：不同投标人的投标文件异常一致", "high",
              {"min_bidders": 2, "text_similarity": 0.9, "shingle": 5}),
    Indicator("C40-AUTHOR", "投标文件由同一人编制", "Bid files prepared by the same person", "article40",
              f"{ART40}第（一）项", "high", {"min_bidders": 2}),
    Indicator("C40-AGENT", "同一人办理多家投标事宜", "One person handles several bidders (contact name or phone)",
              "article40", f"{ART40}第（二）项", "high", {"min_bidders": 2}),
    Indicator("C40-PM", "项目管理成员为同一人", "Same project manager in several bids", "article40",
              f"{ART40}第（三）项", "high", {"min_bidders": 2}),
    Indicator("C40-BOND", "投标保证金从同一账户转出", "Bid bonds paid from one account", "article40",
              f"{ART40}第（六）项", "high", {"min_bidders": 2}),
    Indicator("C40-PRICE", "投标报价呈规律性差异", "Bid prices in a regular pattern (equal, constant gap or ratio)",
              "article40", f"{ART40}第（四）项", "high", {"tolerance": 0.05, "min_bids": 3}),
]
BY_CODE = {i.code: i for i in INDICATORS}


def _shared_sql(engine):
    """Values that occur more than once in a lot, field by field, with the bids carrying them; whether two
    *different* bidders carry them (and how many are required) is checked on the few rows that come back. The
    repeated values are found first without building any list, which is what keeps this one scan per field."""
    parts = []
    for code, columns in FIELDS.items():
        for column in columns:
            parts.append(f"""
                SELECT b.lot_code, '{code}' AS code, '{column}' AS field, b.{column} AS value,
                       {engine.collect('b.bidder_code')} AS bidders
                FROM bids b JOIN (SELECT lot_code, {column} AS value FROM bids WHERE {column} <> ''
                                  GROUP BY lot_code, {column} HAVING count(*) >= 2) d
                  ON d.lot_code = b.lot_code AND d.value = b.{column}
                GROUP BY b.lot_code, b.{column}""")
    return " UNION ALL ".join(parts)


def _price_sql(tolerance, least):
    return f"""
        WITH ordered AS (
            SELECT lot_code, price,
                   price - lag(price) OVER (PARTITION BY lot_code ORDER BY price) AS gap,
                   price / lag(price) OVER (PARTITION BY lot_code ORDER BY price) - 1 AS step
            FROM bids WHERE price IS NOT NULL)
        SELECT lot_code, count(*) AS n, count(DISTINCT price) AS distinct_prices,
               min(gap) AS gap_min, max(gap) AS gap_max, avg(gap) AS gap_mean,
               min(step) AS step_min, max(step) AS step_max, avg(step) AS step_mean
        FROM ordered GROUP BY lot_code
        HAVING count(*) > count(DISTINCT price)
            OR (count(*) >= {least} AND (max(gap) - min(gap) <= {tolerance} * avg(gap)
                                         OR max(step) - min(step) <= {tolerance} * avg(step)))"""


def findings(engine, thresholds):
    groups = defaultdict(dict)
    for row in engine.rows(_shared_sql(engine)):
        bidders = tuple(sorted(set(row["bidders"])))
        if len(bidders) < threshold(thresholds, BY_CODE[row["code"]], "min_bidders"):
            continue
        groups[(row["code"], row["lot_code"], bidders)][row["field"]] = row["value"]
    for (code, lot, bidders), fields in sorted(groups.items()):
        indicator = BY_CODE[code]
        yield Finding(code, lot, bidders, 1.0, indicator.severity,
                      {"shared": dict(sorted(fields.items())), "fields": sorted(fields)})
    yield from _regular_prices(engine, thresholds)
    yield from minhash.near_duplicates(engine, BY_CODE["C40-DOC"], thresholds)


def _regular_prices(engine, thresholds):
    indicator = BY_CODE["C40-PRICE"]
    tolerance = float(threshold(thresholds, indicator, "tolerance"))
    least = int(threshold(thresholds, indicator, "min_bids"))
    for row in engine.rows(_price_sql(tolerance, least)):
        kind = None
        if row["distinct_prices"] < row["n"]:
            kind, value = "equal", None
        elif row["n"] >= least:
            # 第40条(四): the same test the synthetic generator's clean lots are kept free of (patterns.is_regular);
            # a short geometric series has nearly constant gaps too, so the closer fit names the pattern.
            gaps = (row["gap_max"] - row["gap_min"]) / row["gap_mean"]
            steps = (row["step_max"] - row["step_min"]) / row["step_mean"]
            if min(gaps, steps) <= tolerance:
                kind, value = ("difference", row["gap_mean"]) if gaps <= steps else ("ratio", 1 + row["step_mean"])
        if kind is None:
            continue
        yield Finding("C40-PRICE", row["lot_code"], (), 1.0, indicator.severity, clean({
            "pattern": kind, "value": value, "bids_count": row["n"], "fields": ["price"],
            "gap_range": [row["gap_min"], row["gap_max"]], "ratio_range": [1 + row["step_min"], 1 + row["step_max"]],
            "tolerance": tolerance}))
