"""Benchmark of the 双随机 draw: ``python -m bench inspections_draw [--objects N] [--inspectors M]``.

Draws from a pool of N objects (four classes, 2% recently inspected) at the default ratios, then matches teams of
two from M officers of five units for every selected object (1% of pairs in conflict), and prints the figures.
"""

import argparse
import random
import time

from lianjian.experts import draw
from lianjian.inspections import sampling

RATIOS = {"A": "5", "B": "20", "C": "60", "D": "100"}
CLASS_SHARE = {"A": 0.70, "B": 0.20, "C": 0.08, "D": 0.02}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="inspections bench")
    parser.add_argument("--objects", type=int, default=1_000_000)
    parser.add_argument("--inspectors", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20250815)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    started = time.perf_counter()
    strata = {code: [] for code in RATIOS}
    codes, weights = list(CLASS_SHARE), list(CLASS_SHARE.values())
    for oid in range(1, args.objects + 1):
        excluded = [sampling.RECENTLY_INSPECTED] if rng.random() < 0.02 else []
        strata[rng.choices(codes, weights)[0]].append((oid, excluded))
    snapshot = sampling.object_snapshot(strata=strata, ratios=RATIOS, meta={})
    built = time.perf_counter()
    picks = draw.run_draw(snapshot, args.seed)
    selected = [p.expert_id for p in picks if p.role == draw.PRIMARY]
    drawn = time.perf_counter()

    units = [1, 2, 3, 4, 5]
    inspectors = [(iid, units[iid % len(units)]) for iid in range(1, args.inspectors + 1)]
    conflicts = [(oid, rng.randint(1, args.inspectors), ["declared_relation"]) for oid in selected
                 if rng.random() < 0.01]
    objects = [(oid, [units[oid % len(units)]]) for oid in selected]
    team_snap = sampling.team_snapshot(inspectors=inspectors, objects=objects, conflicts=conflicts, team_size=2,
                                       meta={})
    teams = sampling.match_teams(team_snap, args.seed)
    matched = time.perf_counter()
    digest = draw.digest(sampling.result_document(picks, teams))
    hashed = time.perf_counter()

    print(f"pool: {args.objects:,} objects, {args.inspectors:,} officers")
    print(f"synthetic pool generated and snapshot built in {built - started:.2f} s")
    print(f"object draw: {len(selected):,} selected, {len(picks) - len(selected):,} excluded recorded, "
          f"{drawn - built:.2f} s")
    print(f"team matching: {sum(len(t) for _o, t in teams):,} assignments, {len(conflicts):,} conflicts honoured, "
          f"{matched - drawn:.2f} s")
    print(f"result digest {digest[:16]}… in {hashed - matched:.2f} s; total {hashed - started:.2f} s")


if __name__ == "__main__":
    main()
