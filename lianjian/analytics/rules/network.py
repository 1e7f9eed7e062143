"""Behaviour and network family: who keeps bidding with whom, who keeps winning and who never does.

Every indicator here looks across lots, so a finding is attached to each lot where the behaviour shows, and its
evidence carries the whole series (the lots, the winners, the price ratios).
"""

from collections import defaultdict

from ..findings import Finding, Indicator
from .base import ART39, clean, threshold

VALID = "price IS NOT NULL AND NOT coalesce(is_rejected, false)"

INDICATORS = [
    Indicator("NET-ROTATION", "围标集团轮流中标", "Winner rotation inside a co-bidding group", "network",
              f"{ART39}（约定中标人）；Imhof (2017) rotation screens", "high",
              {"min_lots": 4, "min_jaccard": 0.6, "min_group_win_share": 0.75, "min_winners": 2}),
    Indicator("NET-COVER", "陪标：固定陪同同一中标人", "Cover bidding next to the same winner", "network",
              f"{ART39}（约定部分投标人放弃中标）；Imhof (2017) RD", "high",
              {"min_lots": 3, "max_markup": 0.05, "min_share": 0.8}),
    Indicator("NET-LOSER", "陪标专业户", "Perpetual loser", "network", "省级平台“陪标专业户”预警；Cardinal R025",
              "medium", {"min_bids": 10, "p_max": 0.01}),
    Indicator("NET-GROUP", "投标人抱团", "Bidders that keep appearing together", "network",
              "省级平台“抱团投标”预警", "low", {"min_lots": 5, "min_jaccard": 0.8}),
    Indicator("NET-TENDERER", "招标人与中标人关联度异常", "Tenderer–winner affinity", "network",
              "SASU/EBRD risk engine: single-buyer suppliers", "medium", {"min_lots": 5, "min_share": 0.6}),
    Indicator("NET-AGENCY", "代理机构与中标人关联度异常", "Agency–winner affinity", "network",
              "省级平台代理机构关联预警", "medium", {"min_lots": 8, "min_share": 0.5}),
]
BY_CODE = {i.code: i for i in INDICATORS}


def _t(thresholds, code):
    indicator = BY_CODE[code]
    return indicator, {k: threshold(thresholds, indicator, k) for k in indicator.thresholds}


def findings(engine, thresholds):
    engine.materialise("valid_bids", f"""
        SELECT lot_code, bidder_code, price, coalesce(is_winner, false) AS is_winner FROM bids WHERE {VALID}""")
    engine.materialise("firm_stats", """
        SELECT v.bidder_code, count(*) AS bids, sum(CASE WHEN is_winner THEN 1 ELSE 0 END) AS wins,
               sum(ln(1 - 1.0 / n.n)) AS log_p_no_win
        FROM valid_bids v JOIN (SELECT lot_code, count(*) AS n FROM valid_bids GROUP BY lot_code) n
             ON n.lot_code = v.lot_code
        GROUP BY v.bidder_code""")
    yield from _pairs(engine, thresholds)
    yield from _cover(engine, thresholds)
    yield from _loser(engine, thresholds)
    yield from _affinity(engine, thresholds, "NET-TENDERER", "tenderer_code")
    yield from _affinity(engine, thresholds, "NET-AGENCY", "agency_code")


def _groups(pairs):
    """Connected components of the flagged pairs (union–find), as sorted tuples."""
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    members = defaultdict(set)
    for x in list(parent):
        members[find(x)].add(x)
    return sorted(tuple(sorted(m)) for m in members.values())


def _pairs(engine, thresholds):
    rotation, tr = _t(thresholds, "NET-ROTATION")
    group, tg = _t(thresholds, "NET-GROUP")
    least = min(int(tr["min_lots"]), int(tg["min_lots"]))
    sql = f"""
        WITH p AS (SELECT x.bidder_code AS a, y.bidder_code AS b, x.is_winner AS aw, y.is_winner AS bw
                   FROM valid_bids x JOIN valid_bids y ON x.lot_code = y.lot_code AND x.bidder_code < y.bidder_code)
        SELECT p.a, p.b, count(*) AS together, sum(CASE WHEN aw THEN 1 ELSE 0 END) AS a_wins,
               sum(CASE WHEN bw THEN 1 ELSE 0 END) AS b_wins, max(fa.bids) AS a_bids, max(fb.bids) AS b_bids
        FROM p JOIN firm_stats fa ON fa.bidder_code = p.a JOIN firm_stats fb ON fb.bidder_code = p.b
        GROUP BY p.a, p.b HAVING count(*) >= {least}"""
    rotating, together = [], []
    for row in engine.rows(sql):
        n = row["together"]
        jaccard = n / (row["a_bids"] + row["b_bids"] - n)
        if n >= tr["min_lots"] and jaccard >= tr["min_jaccard"]:
            rotating.append((row["a"], row["b"]))
        if n >= tg["min_lots"] and jaccard >= tg["min_jaccard"]:
            together.append((row["a"], row["b"]))
    yield from _group_findings(engine, rotation, _groups(rotating), rotation=tr)
    yield from _group_findings(engine, group, _groups(together), rotation=None)


def _group_findings(engine, indicator, groups, *, rotation):
    """Findings on each lot of each group's series; for rotation, only groups that win most of their series
    with at least ``min_winners`` different members taking turns."""
    if not groups:
        return
    member_of = {m: i for i, g in enumerate(groups) for m in g}
    codes = ", ".join(f"'{m}'" for m in sorted(member_of))
    rows = engine.rows(f"SELECT lot_code, bidder_code, price, is_winner FROM valid_bids "
                       f"WHERE bidder_code IN ({codes})")
    lots = defaultdict(lambda: defaultdict(list))
    for row in rows:
        lots[member_of[row["bidder_code"]]][row["lot_code"]].append(row)
    for index, members in enumerate(groups):
        # A lot belongs to the group's series when two or more members bid in it (and, for rotation, one won).
        series = {lot: bids for lot, bids in lots[index].items() if len(bids) >= 2}
        sequence = [(lot, next((b["bidder_code"] for b in bids if b["is_winner"]), None))
                    for lot, bids in sorted(series.items())]
        wins = defaultdict(int)
        for _lot, winner in sequence:
            if winner:
                wins[winner] += 1
        if rotation is not None and (
                len(wins) < rotation["min_winners"]
                or sum(wins.values()) < rotation["min_group_win_share"] * len(series)):
            continue
        for lot, bids in sorted(series.items()):
            present = tuple(sorted(b["bidder_code"] for b in bids))
            yield Finding(indicator.code, lot, present, round(min(1.0, len(series) / 10 + 0.5), 4),
                          indicator.severity, clean({
                              "group": list(members), "series": [lot for lot, _w in sequence],
                              "winners": [w for _l, w in sequence], "wins": dict(sorted(wins.items())),
                              "fields": ["bidder_code", "is_winner"]}))


def _cover(engine, thresholds):
    indicator, t = _t(thresholds, "NET-COVER")
    sql = f"""
        WITH w AS (SELECT lot_code, bidder_code AS winner, price AS winner_price FROM valid_bids WHERE is_winner)
        SELECT v.bidder_code AS cover, w.winner, count(*) AS lots, max(f.bids) AS bids,
               max(v.price / w.winner_price) AS max_ratio, min(v.price / w.winner_price) AS min_ratio
        FROM valid_bids v JOIN w ON w.lot_code = v.lot_code JOIN firm_stats f ON f.bidder_code = v.bidder_code
        WHERE v.bidder_code <> w.winner AND f.wins = 0
        GROUP BY v.bidder_code, w.winner
        HAVING count(*) >= {int(t['min_lots'])} AND max(v.price / w.winner_price) <= {1 + float(t['max_markup'])}
           AND count(*) >= {float(t['min_share'])} * max(f.bids)"""
    covers = defaultdict(list)
    for row in engine.rows(sql):
        covers[row["winner"]].append(row["cover"])
    if not covers:
        return
    codes = ", ".join(f"'{c}'" for c in sorted({*covers, *(c for v in covers.values() for c in v)}))
    rows = engine.rows(f"SELECT lot_code, bidder_code, price, is_winner FROM valid_bids WHERE bidder_code IN ({codes})")
    by_lot = defaultdict(dict)
    for row in rows:
        by_lot[row["lot_code"]][row["bidder_code"]] = row
    for winner, cover_codes in sorted(covers.items()):
        series = sorted(lot for lot, bids in by_lot.items()
                        if winner in bids and bids[winner]["is_winner"] and any(c in bids for c in cover_codes))
        for lot in series:
            bids = by_lot[lot]
            ratios = {c: bids[c]["price"] / bids[winner]["price"] for c in sorted(cover_codes) if c in bids}
            yield Finding(indicator.code, lot, tuple(sorted([winner, *ratios])), 1.0, indicator.severity, clean({
                "winner": winner, "covers": sorted(cover_codes), "ratios": ratios, "series": series,
                "fields": ["price", "is_winner"]}))


def _loser(engine, thresholds):
    indicator, t = _t(thresholds, "NET-LOSER")
    sql = f"""
        SELECT f.bidder_code, f.bids, exp(f.log_p_no_win) AS p, max(v.lot_code) AS last_lot
        FROM firm_stats f JOIN valid_bids v ON v.bidder_code = f.bidder_code
        WHERE f.wins = 0 AND f.bids >= {int(t['min_bids'])} AND f.log_p_no_win <= ln({float(t['p_max'])})
        GROUP BY f.bidder_code, f.bids, f.log_p_no_win ORDER BY f.bidder_code"""
    for row in engine.rows(sql):
        yield Finding(indicator.code, row["last_lot"], (row["bidder_code"],), round(1 - row["p"], 4),
                      indicator.severity, clean({"bids": row["bids"], "wins": 0, "p_no_win_if_competitive": row["p"],
                                                 "fields": ["bidder_code", "is_winner"]}))


def _affinity(engine, thresholds, code, column):
    indicator, t = _t(thresholds, code)
    sql = f"""
        WITH a AS (SELECT {column} AS party, winner_code, lot_code FROM lots
                   WHERE {column} IS NOT NULL AND winner_code IS NOT NULL),
        totals AS (SELECT party, count(*) AS lots FROM a GROUP BY party HAVING count(*) >= {int(t['min_lots'])}),
        pairs AS (SELECT a.party, a.winner_code, count(*) AS wins, {engine.collect('a.lot_code')} AS won_lots
                  FROM a GROUP BY a.party, a.winner_code)
        SELECT pairs.party, pairs.winner_code, pairs.wins, totals.lots, pairs.won_lots
        FROM pairs JOIN totals ON totals.party = pairs.party
        WHERE pairs.wins >= {float(t['min_share'])} * totals.lots ORDER BY 1, 2"""
    for row in engine.rows(sql):
        won = sorted(row["won_lots"])
        share = row["wins"] / row["lots"]
        for lot in won:
            yield Finding(code, lot, tuple(sorted((row["party"], row["winner_code"]))), round(share, 4),
                          indicator.severity, clean({column: row["party"], "winner": row["winner_code"],
                                                     "wins": row["wins"], "lots": row["lots"], "share": share,
                                                     "won_lots": won, "fields": [column, "winner_code"]}))
