"""The draw end to end on the database: commit, witnesses, execution, verification, redraw and tampering."""

import pytest
from django.core.exceptions import ValidationError

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.experts.tests.factories import EntityFactory
from lianjian.inspections import recusal, sampling, services
from lianjian.inspections.models import Assignment, Draw, DrawnObject, DrawStatus, TaskStatus
from lianjian.inspections.tests import factories as f
from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign():
    unit_a, unit_b = f.supervisor(), f.supervisor()
    _office, office_actor = f.lead_office()
    items = [f.item(unit_a), f.item(unit_b)]
    officers = [f.inspector(unit) for unit in (unit_a, unit_a, unit_b, unit_b, unit_b)]
    objects = [f.inspection_object(entity=EntityFactory(), risk="A", credit=c) for c in "ABCDDDCCBB"]
    plan, task = f.plan_with_task(office_actor=office_actor, items=items, ratios={"A": 5, "B": 20, "C": 60, "D": 100})
    return {"units": (unit_a, unit_b), "office": office_actor, "items": items, "officers": officers,
            "objects": objects, "plan": plan, "task": task}


def run_draw(task, office_actor, witnesses=()):
    draw = services.draw_commit(task=task, actor=office_actor)
    for name, value in witnesses:
        draw = services.draw_witness_add(draw=draw, witness=name, value=value, actor=office_actor)
    return services.draw_execute(draw=draw, actor=office_actor)


def test_the_commitment_is_published_before_the_seed_and_matches_it_afterwards(campaign):
    draw = services.draw_commit(task=campaign["task"], actor=campaign["office"])
    assert draw.status == DrawStatus.COMMITTED and draw.seed is None
    drawn = services.draw_execute(draw=draw, actor=campaign["office"])
    assert sampling.commitment_of(drawn.server_seed) == draw.commitment


def test_a_draw_selects_each_class_at_its_ratio_and_gives_every_object_a_joint_team(campaign):
    draw = run_draw(campaign["task"], campaign["office"], witnesses=[("纪检组", "8848")])
    selected = DrawnObject.objects.filter(draw=draw, selected=True)
    by_class = {code: selected.filter(stratum=code).count() for code in "ABCD"}
    # A 1 object ×5% → 1, B 3 ×20% → 1, C 3 ×60% → 2, D 3 ×100% → 3 (rounded up to whole objects).
    assert by_class == {"A": 1, "B": 1, "C": 2, "D": 3}
    for drawn in selected:
        team = Assignment.objects.filter(draw=draw, obj=drawn.obj)
        assert team.count() >= 2
        assert {a.inspector.unit for a in team} == set(campaign["units"])
    assert campaign["task"].__class__.objects.get(pk=campaign["task"].pk).status == TaskStatus.DRAWN


def test_a_stored_draw_verifies_from_its_published_record(campaign):
    draw = run_draw(campaign["task"], campaign["office"], witnesses=[("见证人甲", "42")])
    verified = services.draw_verify(draw)
    assert verified.selected == 7 and verified.seed == draw.seed
    record = services.published_record(draw)
    assert services.verify_record(record).result_hash == draw.result_hash


def test_verification_fails_loudly_when_the_pool_snapshot_was_altered(campaign):
    draw = run_draw(campaign["task"], campaign["office"])
    snapshot = draw.object_snapshot
    snapshot["specialties"][3]["candidates"].pop()
    Draw.objects.filter(pk=draw.pk).update(object_snapshot=snapshot)
    draw.refresh_from_db()
    with pytest.raises(services.DrawTampered) as caught:
        services.draw_verify(draw)
    assert "快照在抽取后被修改" in str(caught.value)


def test_verification_fails_when_the_seed_or_a_witness_value_was_altered(campaign):
    draw = run_draw(campaign["task"], campaign["office"], witnesses=[("见证人甲", "42")])
    record = services.published_record(draw)
    record["witness_values"] = [["见证人甲", "43"]]
    with pytest.raises(services.DrawTampered) as caught:
        services.verify_record(record)
    assert "seed" in caught.value.message_dict


def test_an_officer_with_a_declared_relation_is_never_sent_to_that_entity(campaign):
    target = campaign["objects"][3]  # class D: always selected at 100%
    barred = campaign["officers"][0]
    services.conflict_declare(inspector=barred, entity=target.entity, relation="配偶任该公司股东",
                              actor=actor(barred.unit, RoleCode.UNIT_HEAD))
    draw = run_draw(campaign["task"], campaign["office"])
    assert not Assignment.objects.filter(draw=draw, obj=target, inspector=barred).exists()
    assert [target.pk, barred.pk, [recusal.DECLARED_RELATION]] in draw.team_snapshot["conflicts"]


def test_expired_certificates_leave_the_pool_by_the_periodic_job(campaign):
    expired = f.inspector(campaign["units"][0], valid_days=-1)
    assert services.inspectors_expire() == 1
    expired.refresh_from_db()
    assert not expired.is_active and "过期" in expired.inactive_reason


def test_a_redraw_needs_a_reason_and_keeps_every_attempt(campaign):
    first = run_draw(campaign["task"], campaign["office"])
    task = campaign["task"].__class__.objects.get(pk=campaign["task"].pk)
    with pytest.raises(ValidationError) as caught:
        services.draw_commit(task=task, actor=campaign["office"])
    assert "reason" in caught.value.message_dict
    second = services.draw_commit(task=task, actor=campaign["office"], reason="见证人未到场")
    first.refresh_from_db()
    assert first.status == DrawStatus.SUPERSEDED and second.attempt == 2
    assert AuditEntry.objects.filter(action="inspections.draw.commit").count() == 2


def test_too_few_officers_are_reported_per_object_and_nothing_is_written(campaign):
    for officer in campaign["officers"][2:]:
        officer.is_active = False
        officer.save()
    draw = services.draw_commit(task=campaign["task"], actor=campaign["office"])
    with pytest.raises(ValidationError) as caught:
        services.draw_execute(draw=draw, actor=campaign["office"])
    assert "没有可派出的执法检查人员" in " ".join(caught.value.message_dict["inspectors"])
    assert not DrawnObject.objects.exists()
    draw.refresh_from_db()
    assert draw.status == DrawStatus.COMMITTED


def test_an_industry_supervisor_cannot_run_the_plans_draw(campaign):
    officer = campaign["officers"][0].person
    with pytest.raises(AccessDenied):
        services.draw_commit(task=campaign["task"], actor=officer)
