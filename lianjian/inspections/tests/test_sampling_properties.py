"""Property tests of the pure draw (no database): ratios and exclusions are honoured over many seeds, the draw is
reproducible, every team is large enough, joint and free of recusal conflicts."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from lianjian.experts import draw
from lianjian.inspections import sampling

seeds = st.integers(min_value=0, max_value=sampling.SEED_SPACE - 1)
percents = st.sampled_from(["0", "5", "12.5", "20", "33.33", "60", "100"])


@st.composite
def pools(draw_, max_size=60):
    strata, next_id = {}, 1
    for code in "ABCD":
        size = draw_(st.integers(min_value=0, max_value=max_size))
        members = []
        for _ in range(size):
            excluded = draw_(st.booleans()) and draw_(st.booleans())
            members.append((next_id, [sampling.RECENTLY_INSPECTED] if excluded else []))
            next_id += 1
        strata[code] = members
    ratios = {code: draw_(percents) for code in "ABCD"}
    return strata, ratios


@settings(max_examples=150, deadline=None)
@given(pool=pools(), seed=seeds)
def test_each_class_is_sampled_at_its_ratio_and_excluded_objects_are_never_selected(pool, seed):
    strata, ratios = pool
    snapshot = sampling.object_snapshot(strata=strata, ratios=ratios, meta={})
    picks = draw.run_draw(snapshot, seed)
    excluded = {oid for members in strata.values() for oid, codes in members if codes}
    for code, members in strata.items():
        eligible = sum(1 for _oid, codes in members if not codes)
        chosen = [p for p in picks if p.specialty == code and p.role == draw.PRIMARY]
        assert len(chosen) == min(eligible, math.ceil(eligible * float(ratios[code]) / 100 - 1e-9))
        assert not {p.expert_id for p in chosen} & excluded
    recorded_excluded = {p.expert_id for p in picks if p.role == draw.RECUSED}
    assert recorded_excluded == excluded


@settings(max_examples=60, deadline=None)
@given(pool=pools(), seed=seeds)
def test_the_same_snapshot_and_seed_always_give_the_same_selection(pool, seed):
    strata, ratios = pool
    snapshot = sampling.object_snapshot(strata=strata, ratios=ratios, meta={})
    assert draw.run_draw(snapshot, seed) == draw.run_draw(snapshot, seed)


@st.composite
def rosters(draw_):
    units = draw_(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=3, unique=True))
    inspectors = []
    for uid in units:
        for _ in range(draw_(st.integers(min_value=3, max_value=8))):
            inspectors.append((len(inspectors) + 1, uid))
    objects = list(range(1, draw_(st.integers(min_value=1, max_value=25)) + 1))
    conflicts = []
    for oid in objects:
        for iid, _uid in inspectors:
            if draw_(st.integers(min_value=0, max_value=9)) == 0:
                conflicts.append((oid, iid, ["declared_relation"]))
    team_size = draw_(st.integers(min_value=2, max_value=3))
    return units, inspectors, objects, conflicts, team_size


@settings(max_examples=150, deadline=None)
@given(roster=rosters(), seed=seeds)
def test_every_team_has_enough_officers_from_every_unit_and_no_recusal_conflict(roster, seed):
    units, inspectors, objects, conflicts, team_size = roster
    snapshot = sampling.team_snapshot(inspectors=inspectors, objects=[(o, units) for o in objects],
                                      conflicts=conflicts, team_size=team_size, meta={})
    unit_of = dict(inspectors)
    barred = {(oid, iid) for oid, iid, _c in conflicts}
    try:
        teams = sampling.match_teams(snapshot, seed)
    except sampling.TeamShortfall as shortfall:
        # Only when some unit truly has no unconflicted officer for an object, or too few in all.
        for s in shortfall.shortfalls:
            free = [iid for iid, uid in inspectors if (s.object_id, iid) not in barred
                    and (s.unit_id is None or uid == s.unit_id)]
            assert len(free) < (1 if s.unit_id else max(team_size, len(units)))
        return
    assert [oid for oid, _t in teams] == objects
    for oid, team in teams:
        assert len(team) == len(set(team)) >= max(team_size, len(units))
        assert {unit_of[iid] for iid in team} == set(units)
        assert not any((oid, iid) in barred for iid in team)
    assert teams == sampling.match_teams(snapshot, seed)


@settings(max_examples=80, deadline=None)
@given(size=st.integers(min_value=2, max_value=30), objects=st.integers(min_value=1, max_value=40), seed=seeds)
def test_without_conflicts_the_workload_of_one_unit_differs_by_at_most_one_object(size, objects, seed):
    inspectors = [(i, 1) for i in range(1, size + 1)]
    snapshot = sampling.team_snapshot(inspectors=inspectors, objects=[(o, [1]) for o in range(objects)],
                                      conflicts=[], team_size=2, meta={})
    load = {iid: 0 for iid, _u in inspectors}
    for _oid, team in sampling.match_teams(snapshot, seed):
        for iid in team:
            load[iid] += 1
    assert max(load.values()) - min(load.values()) <= 1


@given(seed=seeds, values=st.lists(st.text(min_size=1, max_size=10), max_size=3))
def test_the_final_seed_depends_on_every_witness_value(seed, values):
    server = f"{seed:064x}"
    assert sampling.combined_seed(server, values) == sampling.combined_seed(server, list(values))
    assert sampling.combined_seed(server, [*values, "x"]) != sampling.combined_seed(server, values)
