"""The public, verifiable draw: commit to a secret seed, take witnesses' values, run, verify.

1. :func:`draw_commit` stores a fresh secret server seed and publishes only its SHA-256 (the commitment).
2. :func:`draw_witness_add` lets witnesses add values while the draw is committed.
3. :func:`draw_execute` derives the final seed from the server seed and the witnesses' values, snapshots both
   pools, runs :mod:`lianjian.inspections.sampling` and reveals the server seed.
4. :func:`draw_verify` re-runs the whole draw from the published record (also ``lianjian draw verify``).

A redraw is a new attempt with a reason; earlier attempts stay, marked superseded. No results may exist.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lianjian.audit.services import audit_record
from lianjian.core import permissions
from lianjian.core.workflow import StaleTransition, Transition, Workflow
from lianjian.experts import draw as draw_algorithm
from lianjian.notifications.models import Category
from lianjian.notifications.services import notification_send
from lianjian.org.models import Unit, User

from .. import recusal, sampling
from ..models import (
    Assignment,
    Draw,
    DrawnObject,
    DrawStatus,
    InspectionItem,
    InspectionObject,
    Inspector,
    SamplingClass,
    TaskStatus,
)
from ..reference_data import RECENT_WINDOW_DAYS
from .plans import TASK_WORKFLOW, rule_value, task_units
from .pools import raise_if

DRAW_WORKFLOW = Workflow(
    name="inspections.draw", states=dict(DrawStatus.choices), state_field="status",
    transitions=[
        Transition("run", (DrawStatus.COMMITTED,), DrawStatus.DRAWN, "draw", gettext_lazy("执行抽取")),
        Transition("supersede", (DrawStatus.DRAWN,), DrawStatus.SUPERSEDED, "draw", gettext_lazy("重新抽取")),
    ],
)
WITNESS_VALUE_MAX = 64


def draw_commit(*, task, actor, reason=""):
    """Open a new attempt: publish the commitment of a fresh secret seed. A task already drawn is drawn again only
    with a ``reason`` and before any result is recorded; the earlier attempt is kept, marked superseded."""
    permissions.require(actor, "draw", task)
    reason = (reason or "").strip()
    if task.status not in (TaskStatus.PLANNED, TaskStatus.DRAWN):
        raise ValidationError(_("任务“%(task)s”当前状态为“%(s)s”，不能公布新的种子承诺") % {
            "task": task, "s": task.get_status_display()})
    if task.status == TaskStatus.DRAWN:
        if not reason:
            raise ValidationError({"reason": _("该任务已完成抽取，重新抽取须填写原因（每次抽取均留档公开）")})
        if task.results.exists():
            raise ValidationError(_("该任务已登记检查结果，不能重新抽取"))
    server_seed = secrets.token_hex(32)
    try:
        with transaction.atomic():
            current = Draw.objects.select_for_update().filter(task=task, status=DrawStatus.DRAWN).first()
            if current is not None:
                DRAW_WORKFLOW.fire(current, "supersede", actor=actor, detail={"reason": reason})
            attempt = (Draw.objects.filter(task=task).aggregate(m=Max("attempt"))["m"] or 0) + 1
            new = Draw.objects.create(task=task, attempt=attempt, commitment=sampling.commitment_of(server_seed),
                                      server_seed=server_seed, committed_by=actor, redraw_reason=reason)
            TASK_WORKFLOW.fire(task, "commit", actor=actor)
            audit_record(actor=actor, action="inspections.draw.commit", obj=new, after={
                "attempt": attempt, "commitment": new.commitment, "supersedes": current.pk if current else None},
                detail={"reason": reason} if reason else None)
    except IntegrityError:
        raise StaleTransition(_("任务“%(task)s”刚刚已由他人公布种子承诺，请刷新后查看") % {"task": task},
                              code="stale_transition") from None
    return new


def draw_witness_add(*, draw, witness, value, actor):
    """Record a witness's value; it enters the final seed, so nobody alone controls the draw."""
    permissions.require(actor, "draw", draw)
    witness, value = (witness or "").strip(), (value or "").strip()
    errors = {}
    if not witness:
        errors["witness"] = _("请填写见证人姓名或单位")
    if not value:
        errors["value"] = _("请填写见证人随机值")
    elif len(value) > WITNESS_VALUE_MAX:
        errors["value"] = _("见证人随机值不能超过 %(n)d 个字符") % {"n": WITNESS_VALUE_MAX}
    raise_if(errors)
    with transaction.atomic():
        locked = Draw.objects.select_for_update().get(pk=draw.pk)
        if locked.status != DrawStatus.COMMITTED:
            raise ValidationError(_("抽取已执行，不能再添加见证人随机值"))
        locked.witness_values = [*locked.witness_values, [witness, value]]
        locked.save(update_fields=["witness_values"])
        audit_record(actor=actor, action="inspections.draw.witness", obj=locked,
                     after={"witness": witness, "value": value})
    return locked


def _sector_q(field, codes):
    q = Q()
    for code in codes:
        q |= Q(**{f"{field}__code__startswith": code})
    return q


def _object_strata(task, on_date, classes):
    plan = task.plan
    pool = InspectionObject.objects.filter(is_active=True, kind=task.object_kind,
                                           region__code__startswith=plan.region.subtree_prefix)
    sectors = sorted(set(InspectionItem.objects.filter(tasks=task, sector__isnull=False)
                         .values_list("sector__code", flat=True)))
    if sectors:
        pool = pool.filter(_sector_q("sector", sectors))
    window_start = on_date - datetime.timedelta(days=rule_value(RECENT_WINDOW_DAYS))
    by_rank = {c.rank: c.code for c in classes}
    strata = {c.code: [] for c in classes}
    rows = pool.values_list("pk", "risk_class__rank", "credit_class__rank", "last_inspected_on").iterator(
        chunk_size=10000)
    for pk, risk, credit, last in rows:
        codes = [sampling.RECENTLY_INSPECTED] if last is not None and last > window_start else []
        strata[sampling.stratum_of(risk, credit, by_rank)].append((pk, codes))
    return strata, sectors


def _inspector_pool(task, on_date, sectors):
    pool = Inspector.objects.filter(is_active=True, certificate_valid_until__gte=on_date,
                                    unit_id__in=task_units(task), person__is_active=True)
    if sectors:
        matches = Q()
        for code in sectors:
            # A specialty matches an item's sector when one lies inside the other (住建 ⊂ 工程建设).
            matches |= Q(specialties__code__startswith=code) | Q(specialties__code__in=_ancestors(code))
        pool = pool.filter(matches)
    return list(pool.distinct().values_list("pk", "unit_id", "unit__name"))


def _ancestors(code):
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _shortfall_messages(shortfalls):
    names = dict(InspectionObject.objects.filter(pk__in=[s.object_id for s in shortfalls]).values_list("pk", "name"))
    units = dict(Unit.objects.filter(pk__in=[s.unit_id for s in shortfalls if s.unit_id]).values_list("pk", "name"))
    messages = []
    for s in shortfalls[:20]:
        if s.unit_id:
            messages.append(_("检查对象“%(obj)s”：%(unit)s 没有可派出的执法检查人员（证件有效、专长匹配且无须回避）") % {
                "obj": names.get(s.object_id, s.object_id), "unit": units.get(s.unit_id, s.unit_id)})
        else:
            messages.append(_("检查对象“%(obj)s”：需 %(wanted)d 名执法检查人员，可派出的仅 %(found)d 名") % {
                "obj": names.get(s.object_id, s.object_id), "wanted": s.wanted, "found": s.found})
    if len(shortfalls) > 20:
        messages.append(_("……另有 %(n)d 个检查对象人员不足") % {"n": len(shortfalls) - 20})
    return messages


def draw_execute(*, draw, actor):
    """Run a committed draw: snapshot the pools, draw the objects class by class, match the teams, record it all
    and reveal the server seed."""
    permissions.require(actor, "draw", draw)
    if draw.status != DrawStatus.COMMITTED:
        raise ValidationError(_("%(draw)s 已执行，不能再次执行") % {"draw": draw})
    task = draw.task
    now = timezone.now()
    on_date = timezone.localdate(now)
    seed = sampling.combined_seed(draw.server_seed, [v for _w, v in draw.witness_values])
    classes = list(SamplingClass.objects.order_by("rank"))
    ratios = {r.sampling_class.code: r.percent for r in task.plan.ratios.select_related("sampling_class")}
    strata, sectors = _object_strata(task, on_date, classes)
    meta = {"task": task.pk, "attempt": draw.attempt, "draw_date": on_date.isoformat()}
    object_snap = sampling.object_snapshot(strata=strata, ratios=ratios, meta=meta)
    object_picks = draw_algorithm.run_draw(object_snap, seed)
    selected = [p.expert_id for p in object_picks if p.role == draw_algorithm.PRIMARY]
    if not selected:
        raise ValidationError(_("检查对象名录库中没有符合本任务条件（对象类型、行政区划、行业领域）且可抽取的对象"))
    inspectors = _inspector_pool(task, on_date, sectors)
    units = task_units(task)
    barred = recusal.conflicts(objects=InspectionObject.objects.filter(pk__in=selected), inspectors=inspectors,
                               on_date=on_date)
    team_snap = sampling.team_snapshot(
        inspectors=[(iid, uid) for iid, uid, _n in inspectors], objects=[(oid, units) for oid in selected],
        conflicts=barred, team_size=task.team_size, meta=meta)
    try:
        teams = sampling.match_teams(team_snap, seed)
    except sampling.TeamShortfall as exc:
        raise ValidationError({"inspectors": _shortfall_messages(exc.shortfalls)}) from None
    result = sampling.result_document(object_picks, teams)
    updates = {
        "seed": seed, "algorithm_version": sampling.ALGORITHM_VERSION, "object_snapshot": object_snap,
        "team_snapshot": team_snap, "snapshot_hash": draw_algorithm.digest({"objects": object_snap,
                                                                             "teams": team_snap}),
        "result_hash": draw_algorithm.digest(result), "drawn_by": actor, "drawn_at": now,
    }
    with transaction.atomic():
        draw = DRAW_WORKFLOW.fire(draw, "run", actor=actor, updates=updates)
        DrawnObject.objects.bulk_create([
            DrawnObject(draw=draw, obj_id=p.expert_id, order=p.order, stratum=p.specialty,
                        selected=p.role == draw_algorithm.PRIMARY, exclusion_codes=list(p.recusal_codes))
            for p in object_picks], batch_size=2000)
        Assignment.objects.bulk_create([Assignment(draw=draw, obj_id=oid, inspector_id=iid)
                                        for oid, team in teams for iid in team], batch_size=2000)
        TASK_WORKFLOW.fire(task, "draw", actor=actor)
        audit_record(actor=actor, action="inspections.draw.execute", obj=draw, after={
            "seed": seed, "snapshot_hash": draw.snapshot_hash, "result_hash": draw.result_hash,
            "selected": len(selected), "assignments": sum(len(t) for _o, t in teams)})
        people = Inspector.objects.filter(assignments__draw=draw).values_list("person", flat=True)
        recipients = list(User.objects.filter(pk__in=people))
        transaction.on_commit(lambda: notification_send(
            recipients=recipients, subject=_("双随机抽查任务：%(task)s") % {"task": task},
            body=_("您已被随机匹配参加抽查任务“%(task)s”（%(start)s 至 %(end)s），请在“我的抽查任务”中查看检查对象并登记结果。") % {
                "task": task, "start": task.scheduled_start, "end": task.scheduled_end},
            link=task.get_absolute_url(), category=Category.INSPECTION))
    return draw


def published_record(draw):
    """Everything needed to re-run ``draw`` (what the public page and ``lianjian draw verify`` publish)."""
    picks = [[o.order, o.obj_id, o.stratum, draw_algorithm.PRIMARY if o.selected else draw_algorithm.RECUSED,
              list(o.exclusion_codes)] for o in draw.drawn_objects.order_by("order")]
    teams = {}
    for oid, iid in draw.assignments.values_list("obj_id", "inspector_id"):
        teams.setdefault(oid, []).append(iid)
    order = [oid for oid, _u in (draw.team_snapshot or {}).get("objects", [])]
    return {
        "draw": draw.pk, "task": draw.task_id, "attempt": draw.attempt, "algorithm": draw.algorithm_version,
        "commitment": draw.commitment, "server_seed": draw.server_seed, "witness_values": draw.witness_values,
        "seed": draw.seed, "object_snapshot": draw.object_snapshot, "team_snapshot": draw.team_snapshot,
        "snapshot_hash": draw.snapshot_hash, "result_hash": draw.result_hash,
        "result": {"objects": picks, "teams": [[oid, sorted(teams.get(oid, []))] for oid in order]},
    }


class DrawTampered(ValidationError):
    """The published record does not re-run to the recorded result."""


@dataclass(frozen=True)
class VerifiedDraw:
    draw_id: int
    seed: int
    selected: int
    assignments: int
    snapshot_hash: str
    result_hash: str


def verify_record(record):
    """Re-run a published record (a dict, e.g. downloaded JSON); raises :class:`DrawTampered` naming every
    discrepancy."""
    problems = sampling.verify_record(record)
    if problems:
        raise DrawTampered({field: [message] for field, message in problems}, code="draw_tampered")
    selected = sum(1 for p in record["result"]["objects"] if p[3] == draw_algorithm.PRIMARY)
    return VerifiedDraw(record["draw"], int(record["seed"]), selected,
                        sum(len(t) for _o, t in record["result"]["teams"]), record["snapshot_hash"],
                        record["result_hash"])


def draw_verify(draw):
    """Prove that a stored draw re-runs to its stored result. Public: needs no actor."""
    if draw.status == DrawStatus.COMMITTED:
        raise ValidationError(_("%(draw)s 尚未执行，只公布了种子承诺值") % {"draw": draw})
    return verify_record(published_record(draw))
