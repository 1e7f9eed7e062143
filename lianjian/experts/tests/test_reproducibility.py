"""Every draw can be re-run from its stored seed and snapshot; tampering is detected; properties of the algorithm."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lianjian.experts import draw, services
from lianjian.experts.models import Extraction, ExtractionPick, PickRole

from .factories import declare, expert, penalise

pytestmark = pytest.mark.django_db


def _sequence(extraction):
    return list(extraction.picks.order_by("order").values_list("order", "expert_id", "specialty__code", "role"))


@pytest.fixture
def pool(world):
    experts = [expert(world.office, specialties=["A0101"]) for _ in range(8)]
    experts += [expert(world.office, specialties=["A0501"]) for _ in range(4)]
    experts += [expert(world.office, specialties=["A0101", "A0501"]) for _ in range(4)]
    declare(world.office, experts[3], world.bidders[0])
    penalise(world.office, experts[13])
    return experts


def test_the_same_seed_draws_the_same_experts_in_the_same_order(world, pool):
    first = services.extraction_draw(lot=world.lot, counts={"A0101": 3, "A0501": 2}, reserves=1, seed=20260101,
                                     actor=world.centre)
    second = services.extraction_draw(lot=world.lot, counts={"A0101": 3, "A0501": 2}, reserves=1, seed=20260101,
                                      actor=world.centre, reason="复核抽取的可重现性")
    assert _sequence(first) == _sequence(second)
    assert first.result_hash == second.result_hash and first.snapshot_hash == second.snapshot_hash


def test_a_different_seed_draws_differently(world, pool):
    first = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, seed=1, actor=world.centre)
    second = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, seed=2, actor=world.centre,
                                      reason="改用另一随机种子")
    assert _sequence(first) != _sequence(second)


def test_verification_re_runs_the_stored_draw_and_proves_the_result(world, pool):
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, reserves=1, actor=world.centre)
    result = services.extraction_verify(Extraction.objects.get(pk=extraction.pk))
    assert result.picks == extraction.picks.count() and result.result_hash == extraction.result_hash


def test_verification_does_not_depend_on_todays_pool(world, pool):
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre)
    for e in pool:
        services.expert_blacklist(expert=e, reason="演练", actor=world.office)
    expert(world.office)
    assert services.extraction_verify(extraction).picks == extraction.picks.count()


def test_altering_the_stored_snapshot_makes_verification_fail_loudly(world, pool):
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre)
    snapshot = extraction.candidate_snapshot
    snapshot["specialties"][0]["candidates"].pop()
    Extraction.objects.filter(pk=extraction.pk).update(candidate_snapshot=snapshot)
    with pytest.raises(services.ExtractionTampered) as error:
        services.extraction_verify(Extraction.objects.get(pk=extraction.pk))
    assert any("快照在抽取后被修改" in m for m in error.value.messages)


def test_a_forged_snapshot_with_a_recomputed_digest_still_fails_because_the_rerun_differs(world, pool):
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, reserves=1, actor=world.centre)
    snapshot = extraction.candidate_snapshot
    snapshot["specialties"][0]["candidates"] = list(reversed(snapshot["specialties"][0]["candidates"]))[:-1]
    Extraction.objects.filter(pk=extraction.pk).update(candidate_snapshot=snapshot,
                                                       snapshot_hash=draw.digest(snapshot))
    with pytest.raises(services.ExtractionTampered) as error:
        services.extraction_verify(Extraction.objects.get(pk=extraction.pk))
    assert any("重新计算，结果与记录不一致" in m for m in error.value.messages)


def test_swapping_a_drawn_expert_after_the_draw_is_detected(world, pool):
    extraction = services.extraction_draw(lot=world.lot, counts={"A0101": 5}, actor=world.centre)
    drawn = extraction.picks.filter(role=PickRole.PRIMARY).first()
    outsider = next(e for e in pool if not extraction.picks.filter(expert=e).exists())
    ExtractionPick.objects.filter(pk=drawn.pk).update(expert=outsider)
    with pytest.raises(services.ExtractionTampered) as error:
        services.extraction_verify(extraction)
    assert len(error.value.messages) == 2
    assert isinstance(error.value, ValidationError)


# --- properties of the pure algorithm ----------------------------------------------------------------------------

@st.composite
def snapshots(draw_):
    """Snapshots as the service builds them: each expert is barred or not for the whole lot, and may hold several
    of the requested specialties."""
    barred = draw_(st.dictionaries(st.integers(1, 60), st.booleans(), max_size=40))
    blocks = []
    for code in ("A0101", "A0501", "B0201")[: draw_(st.integers(1, 3))]:
        ids = sorted(draw_(st.sets(st.sampled_from(sorted(barred)))) if barred else [])
        blocks.append({"code": code, "count": draw_(st.integers(1, 6)),
                       "candidates": [[eid, ["penalised"] if barred[eid] else []] for eid in ids]})
    return {"algorithm": draw.ALGORITHM_VERSION, "reserves": draw_(st.integers(0, 2)), "specialties": blocks}


@settings(max_examples=300, deadline=None)
@given(snapshot=snapshots(), seed=st.integers(0, 2 ** 63 - 1))
def test_property_no_recused_candidate_is_ever_drawn_and_counts_hold_when_the_pool_suffices(snapshot, seed):
    picks = draw.run_draw(snapshot, seed)
    assert picks == draw.run_draw(snapshot, seed)
    barred = {eid for block in snapshot["specialties"] for eid, codes in block["candidates"] if codes}
    drawn = [p for p in picks if p.role != draw.RECUSED]
    assert not {p.expert_id for p in drawn} & barred
    assert len({p.expert_id for p in picks}) == len(picks)
    assert [p.order for p in picks] == list(range(1, len(picks) + 1))
    short = {code for code, *_rest in draw.shortfalls(snapshot, picks)}
    for block in snapshot["specialties"]:
        members = sum(1 for p in drawn if p.specialty == block["code"] and p.role == draw.PRIMARY)
        reserves = sum(1 for p in drawn if p.specialty == block["code"] and p.role == draw.RESERVE)
        if block["code"] not in short:
            assert (members, reserves) == (block["count"], snapshot["reserves"])
        else:
            assert members + reserves < block["count"] + snapshot["reserves"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(clean=st.integers(0, 9), conflicted=st.integers(0, 5), seed=st.integers(0, 10**9),
       committee=st.sampled_from([(5, 0), (7, 0), (4, 1), (6, 1)]))
def test_property_drawing_from_the_database_never_picks_a_conflicted_expert(world, clean, conflicted, seed,
                                                                           committee):
    wanted, reps = committee
    with transaction.atomic():
        good = {expert(world.office).pk for _ in range(clean)}
        bad = set()
        for i in range(conflicted):
            planted = expert(world.office, employer=world.bidders[i % 3]) if i % 2 else expert(world.office)
            if not i % 2:
                declare(world.office, planted, world.tenderer)
            bad.add(planted.pk)
        try:
            extraction = services.extraction_draw(lot=world.lot, counts={"A0101": wanted}, seed=seed,
                                                  tenderer_representatives=reps, actor=world.centre)
        except ValidationError as exc:
            assert clean < wanted
            assert any("可抽取的专家不足" in m for m in exc.message_dict["counts"])
        else:
            assert clean >= wanted
            drawn = set(extraction.picks.filter(role=PickRole.PRIMARY).values_list("expert_id", flat=True))
            assert len(drawn) == wanted and drawn <= good
            assert set(extraction.picks.filter(role=PickRole.RECUSED).values_list("expert_id", flat=True)) == bad
        transaction.set_rollback(True)
