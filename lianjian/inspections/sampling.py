"""The inspection draw as pure functions of (snapshots, seed), so that anyone can re-run a published draw.

The randomness is the expert draw's documented algorithm ``lianjian-draw/1`` (:mod:`lianjian.experts.draw`:
one Mersenne Twister per run, Fisher–Yates per block, recused candidates recorded), used unchanged twice:

1. **Objects.** The object snapshot has one block per sampling class (A, B, C, D in rank order) whose candidates
   are the pool's objects of that class as ``[object id, [exclusion codes]]`` in ascending id order; an object
   inspected within the over-inspection window carries the code ``recently_inspected``. The block's count is
   ``ceil(eligible × percent / 100)`` with the plan's ratio for the class (rules.md §6), so a class with any
   eligible object is never skipped. ``run_draw(object_snapshot, seed)``: primary picks are the selected objects,
   recused picks the excluded ones.
2. **Teams.** The team snapshot has one block ``roster`` listing every eligible officer ``[inspector id, []]``
   with a count equal to its length, so ``run_draw(team_snapshot, team_seed(seed))`` is a random ranking of the
   officers. Teams are then matched deterministically, object by object in the order drawn: first, for each
   unit concerned (ascending id), its officer with the lowest (load, rank) who has no conflict with the object;
   then the lowest (load, rank) officers of those units until the team has ``team_size`` members. Loads start at
   0, so work is spread evenly and ties are broken by the random ranking.

The final seed is ``SHA-256(canonical JSON of [server seed, witness value 1, …]) mod 2^63``; the published
commitment is ``SHA-256(server seed)``.
"""

import hashlib
import heapq
import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from lianjian.experts import draw

ALGORITHM_VERSION = draw.ALGORITHM_VERSION
RECENTLY_INSPECTED = "recently_inspected"
ROSTER = "roster"
SEED_SPACE = 2 ** 63


def commitment_of(server_seed):
    return hashlib.sha256(server_seed.encode("utf-8")).hexdigest()


def combined_seed(server_seed, witness_values):
    values = [server_seed, *[str(v) for v in witness_values]]
    return int(hashlib.sha256(draw.canonical_json(values).encode("utf-8")).hexdigest(), 16) % SEED_SPACE


def team_seed(seed):
    """The team draw's seed, derived so that the two runs do not share a random stream."""
    return int(hashlib.sha256(f"{int(seed)}:team".encode("ascii")).hexdigest(), 16) % SEED_SPACE


def stratum_count(eligible, percent):
    """How many of ``eligible`` objects a class with ``percent`` samples (rounded up to whole objects)."""
    return math.ceil(Decimal(eligible) * Decimal(str(percent)) / Decimal(100))


def stratum_of(risk_rank, credit_rank, classes_by_rank):
    """The class an object is sampled in: the riskier of its risk level and its credit class."""
    return classes_by_rank[max(risk_rank, credit_rank)]


def object_snapshot(*, strata, ratios, meta):
    """``strata``: {class code: [(object id, [codes])…]} in class rank order; ``ratios``: {class code: percent}."""
    blocks = []
    for code, candidates in strata.items():
        candidates = sorted([oid, list(codes)] for oid, codes in candidates)
        eligible = sum(1 for _oid, codes in candidates if not codes)
        blocks.append({"code": code, "count": stratum_count(eligible, ratios[code]), "candidates": candidates})
    return {"algorithm": ALGORITHM_VERSION, "reserves": 0, "ratios": {c: str(p) for c, p in ratios.items()},
            "specialties": blocks, **meta}


def team_snapshot(*, inspectors, objects, conflicts, team_size, meta):
    """``inspectors``: [(inspector id, unit id)]; ``objects``: [(object id, [unit ids])] in drawn order;
    ``conflicts``: [(object id, inspector id, [codes])]."""
    roster = sorted([iid, uid] for iid, uid in inspectors)
    return {
        "algorithm": ALGORITHM_VERSION, "reserves": 0, "team_size": int(team_size),
        "specialties": [{"code": ROSTER, "count": len(roster), "candidates": [[iid, []] for iid, _u in roster]}],
        "inspectors": roster, "objects": [[oid, sorted(units)] for oid, units in objects],
        "conflicts": sorted([oid, iid, sorted(codes)] for oid, iid, codes in conflicts), **meta,
    }


@dataclass(frozen=True)
class Shortfall:
    object_id: int
    unit_id: int | None
    wanted: int
    found: int


class TeamShortfall(Exception):
    def __init__(self, shortfalls):
        super().__init__(f"{len(shortfalls)} objects could not be staffed")
        self.shortfalls = shortfalls


def match_teams(snapshot, seed):
    """``[[object id, [inspector ids]]…]`` in drawn order; raises :class:`TeamShortfall` listing every object for
    which a unit concerned has no free officer or the team cannot be filled."""
    ranking = [p.expert_id for p in draw.run_draw(snapshot, team_seed(seed))]
    rank = {iid: r for r, iid in enumerate(ranking)}
    unit_of = {iid: uid for iid, uid in snapshot["inspectors"]}
    heaps, load = {}, {}
    for iid in ranking:
        load[iid] = 0
        heaps.setdefault(unit_of[iid], []).append((0, rank[iid], iid))
    for heap in heaps.values():
        heapq.heapify(heap)
    barred = {}
    for oid, iid, _codes in snapshot["conflicts"]:
        barred.setdefault(oid, set()).add(iid)
    team_size = int(snapshot["team_size"])
    teams, shortfalls = [], []
    for oid, units in snapshot["objects"]:
        skip = barred.get(oid, set())
        team, held = [], []

        def top(uid):
            heap = heaps.get(uid, [])
            while heap:
                entry = heap[0]
                if entry[0] != load[entry[2]]:
                    heapq.heappop(heap)  # stale: this officer was re-queued with a higher load
                elif entry[2] in skip or entry[2] in team:
                    held.append((uid, heapq.heappop(heap)))
                else:
                    return entry
            return None

        def take(candidate_units):
            tops = [(e, u) for u in candidate_units if (e := top(u)) is not None]
            if not tops:
                return False
            best = min(tops)
            entry, uid = best
            heapq.heappop(heaps[uid])
            iid = entry[2]
            team.append(iid)
            load[iid] += 1
            heapq.heappush(heaps[uid], (load[iid], rank[iid], iid))
            return True

        for uid in units:
            if not take([uid]):
                shortfalls.append(Shortfall(oid, uid, 1, 0))
        wanted = max(team_size, len(units))
        while len(team) < wanted and take(units):
            pass
        if len(team) < wanted and not any(s.object_id == oid for s in shortfalls):
            shortfalls.append(Shortfall(oid, None, wanted, len(team)))
        for uid, entry in held:
            heapq.heappush(heaps[uid], entry)
        teams.append([oid, sorted(team)])
    if shortfalls:
        raise TeamShortfall(shortfalls)
    return teams


def result_document(object_picks, teams):
    return {"objects": [p.as_list() for p in object_picks], "teams": teams}


def run(object_snap, team_snap, seed):
    """Re-run a whole draw: (object picks, teams)."""
    return draw.run_draw(object_snap, seed), match_teams(team_snap, seed)


def verify_record(record):
    """Problems (empty when none) found by re-running a published draw record: a dict with ``commitment``,
    ``server_seed``, ``witness_values``, ``seed``, ``object_snapshot``, ``team_snapshot``, ``snapshot_hash``,
    ``result_hash`` and ``result`` (``{"objects": [...], "teams": [...]}``)."""
    problems = []
    if commitment_of(record["server_seed"]) != record["commitment"]:
        problems.append(("commitment", _("系统种子与抽取前公布的承诺值不符")))
    if combined_seed(record["server_seed"], [v for _w, v in record["witness_values"]]) != int(record["seed"]):
        problems.append(("seed", _("最终随机种子不是由系统种子和见证人随机值计算得出")))
    snapshots = {"objects": record["object_snapshot"], "teams": record["team_snapshot"]}
    if draw.digest(snapshots) != record["snapshot_hash"]:
        problems.append(("snapshot", _("对象库或人员库快照与抽取时记录的摘要不一致：快照在抽取后被修改")))
    if draw.digest(record["result"]) != record["result_hash"]:
        problems.append(("result", _("抽取结果与抽取时记录的摘要不一致：结果在抽取后被修改")))
    try:
        picks, teams = run(record["object_snapshot"], record["team_snapshot"], int(record["seed"]))
    except (ValueError, KeyError, TypeError, TeamShortfall) as exc:
        problems.append(("rerun", _("无法按快照重新计算：%(err)s") % {"err": exc}))
    else:
        if result_document(picks, teams) != record["result"]:
            problems.append(("rerun", _("按公布的种子和快照重新计算，结果与公布的抽取结果不一致")))
    return problems
