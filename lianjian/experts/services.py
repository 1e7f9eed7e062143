"""State changes of the expert domain: the pool, declarations and penalties, status (blacklist), the committee
draw, unsealing, evaluation records and periodic assessment.

Every function checks the actor's permission, validates before writing, runs in one transaction and writes the
audit log. Audit entries of a draw carry only digests, never names: the audit log must not leak a sealed list.
"""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from stdnum.cn import ric
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.core.workflow import StaleTransition, Transition, Workflow

from . import draw, recusal
from .models import (
    Assessment, CommitteeRule, ConflictDeclaration, EvaluationRecord, Expert, ExpertPenalty, ExpertStatus,
    ExpertStatusChange, Extraction, ExtractionPick, ExtractionStatus, PenaltyKind, PickRole, RelationType, Specialty,
)

# The pool a lot draws from: the experts of the lot's province (省统一的综合专家库, seed 003), i.e. regions whose
# GB/T 2260 code shares the province's two-digit prefix.
POOL_REGION_PREFIX_LENGTH = 2

# Assessment scores (expert evaluation records and periodic assessments) are on a 100-point scale.
MAX_SCORE = Decimal("100")
MAX_SEED = 2 ** 63
MOBILE = re.compile(r"1\d{10}")

EXPERT_FIELDS = ("name", "region", "employer", "employer_name", "employer_unit", "title", "phone")

EXPERT_WORKFLOW = Workflow(
    name="experts.expert",
    states=dict(ExpertStatus.choices),
    state_field="status",
    transitions=[
        Transition("suspend", (ExpertStatus.ACTIVE,), ExpertStatus.SUSPENDED, "change", gettext_lazy("暂停抽取")),
        Transition("reinstate", (ExpertStatus.SUSPENDED,), ExpertStatus.ACTIVE, "change", gettext_lazy("恢复在库")),
        Transition("blacklist", (ExpertStatus.ACTIVE, ExpertStatus.SUSPENDED, ExpertStatus.RETIRED),
                   ExpertStatus.BLACKLISTED, "change", gettext_lazy("列入黑名单")),
        Transition("delist", (ExpertStatus.BLACKLISTED,), ExpertStatus.ACTIVE, "change", gettext_lazy("移出黑名单")),
        Transition("retire", (ExpertStatus.ACTIVE, ExpertStatus.SUSPENDED), ExpertStatus.RETIRED, "change",
                   gettext_lazy("出库")),
    ],
)

EXTRACTION_WORKFLOW = Workflow(
    name="experts.extraction",
    states=dict(ExtractionStatus.choices),
    state_field="status",
    transitions=[Transition("supersede", (ExtractionStatus.DRAWN,), ExtractionStatus.SUPERSEDED, "draw",
                            gettext_lazy("重新抽取"))],
)


def _raise_if(errors):
    if errors:
        raise ValidationError(errors)


# ---------------------------------------------------------------------------------------------------------------
# Identity numbers: checked with the GB 11643 check digit, stored only as a keyed digest and a masked form.


def id_number_digest(number):
    """HMAC-SHA256 of the ID number: finds duplicates without storing the number (a plain hash of the small
    ID-number space could be reversed by enumeration)."""
    key = (getattr(settings, "LIANJIAN_ID_HASH_KEY", "") or settings.SECRET_KEY).encode("utf-8")
    return hmac.new(key, b"experts.id_number:" + number.encode("ascii"), hashlib.sha256).hexdigest()


def mask_id_number(number):
    return f"{number[:4]}{'*' * (len(number) - 8)}{number[-4:]}"


def _clean_id_number(value):
    number = ric.compact(value or "")
    try:
        return ric.validate(number), None
    except InvalidLength:
        return None, _("身份证号码应为18位（现为 %(n)d 位）") % {"n": len(number)}
    except InvalidFormat:
        return None, _("身份证号码前17位应为数字，末位为数字或 X")
    except InvalidChecksum:
        return None, _("身份证号码校验位错误（GB 11643）")
    except InvalidComponent:
        return None, _("身份证号码中的出生日期或地址码无效")


def _expert_errors(data):
    errors = {}
    if not (data.get("name") or "").strip():
        errors["name"] = _("姓名不能为空")
    if data.get("region") is None:
        errors["region"] = _("请选择所属行政区划")
    if not MOBILE.fullmatch(data.get("phone") or ""):
        errors["phone"] = _("手机号码应为以 1 开头的 11 位数字，收到“%(v)s”") % {"v": data.get("phone") or ""}
    if data.get("employer") is None and data.get("employer_unit") is None and not (data.get("employer_name") or
                                                                                    "").strip():
        errors["employer_name"] = _("请填写工作单位（选择市场主体、成员单位或填写单位名称）")
    return errors


def _expert_audit(expert):
    data = snapshot(expert, fields=set(EXPERT_FIELDS) | {"status", "id_number_masked"})
    data["specialties"] = sorted(expert.specialties.values_list("code", flat=True))
    return data


def expert_create(*, name, id_number, region, phone, specialties, actor, employer=None, employer_name="",
                  employer_unit=None, title="", registered_on=None):
    """Register an expert in the pool. The ID number is validated, then kept only as digest and masked form."""
    permissions.require(actor, "change", Expert(region=region))
    data = {"name": name, "region": region, "phone": (phone or "").strip(), "employer": employer,
            "employer_name": employer_name, "employer_unit": employer_unit}
    errors = _expert_errors(data)
    number, problem = _clean_id_number(id_number)
    if problem:
        errors["id_number"] = problem
    specialties = list(specialties or [])
    if not specialties:
        errors["specialties"] = _("至少选择一个评标专业")
    if number is not None:
        existing = Expert.objects.filter(id_number_hash=id_number_digest(number)).first()
        if existing is not None:
            errors["id_number"] = _("该身份证号码已登记为专家（%(masked)s）") % {"masked": existing.id_number_masked}
    _raise_if(errors)
    with transaction.atomic():
        expert = Expert.objects.create(
            name=name.strip(), id_number_masked=mask_id_number(number), id_number_hash=id_number_digest(number),
            region=region, employer=employer,
            employer_name=(employer_name or "").strip() or (employer.name if employer else ""),
            employer_unit=employer_unit, title=(title or "").strip(), phone=data["phone"],
            **({"registered_on": registered_on} if registered_on else {}),
        )
        expert.specialties.set(specialties)
        audit_record(actor=actor, action="experts.expert.create", obj=expert, after=_expert_audit(expert))
    return expert


def expert_update(*, expert, actor, specialties=None, **fields):
    """Change an expert's details (the ID number never changes: register a new expert instead)."""
    unknown = set(fields) - set(EXPERT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    permissions.require(actor, "change", expert)
    if "region" in fields and fields["region"] != expert.region:
        permissions.require(actor, "change", Expert(region=fields["region"]))
    data = {name: getattr(expert, name) for name in EXPERT_FIELDS}
    data.update(fields)
    data["phone"] = (data["phone"] or "").strip()
    errors = _expert_errors(data)
    if specialties is not None and not list(specialties):
        errors["specialties"] = _("至少选择一个评标专业")
    _raise_if(errors)
    with transaction.atomic():
        before = _expert_audit(expert)
        for name, value in data.items():
            setattr(expert, name, value.strip() if isinstance(value, str) else value)
        expert.updated_at = timezone.now()
        expert.save()
        if specialties is not None:
            expert.specialties.set(specialties)
        audit_record(actor=actor, action="experts.expert.update", obj=expert, before=before,
                     after=_expert_audit(expert))
    return expert


def expert_change_status(*, expert, transition, reason, actor):
    """Suspend, reinstate, blacklist, delist or retire an expert, with the reason kept in the expert's history."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写原因")})
    EXPERT_WORKFLOW.transition(transition)
    with transaction.atomic():
        before = expert.status
        expert = EXPERT_WORKFLOW.fire(expert, transition, actor=actor, detail={"reason": reason},
                                      updates={"updated_at": timezone.now()})
        ExpertStatusChange.objects.create(expert=expert, from_status=before, to_status=expert.status, reason=reason,
                                          changed_by=actor)
    return expert


def expert_blacklist(*, expert, reason, actor):
    return expert_change_status(expert=expert, transition="blacklist", reason=reason, actor=actor)


def conflict_declare(*, expert, entity, relation, declared_on, actor, valid_until=None, relation_ended_on=None,
                     note=""):
    """Record a relation the expert declared with a market entity (applied by every later draw)."""
    declaration = ConflictDeclaration(expert=expert, entity=entity, relation=relation, declared_on=declared_on,
                                      valid_until=valid_until, relation_ended_on=relation_ended_on,
                                      note=(note or "").strip(), recorded_by=actor)
    permissions.require(actor, "change", declaration)
    errors = {}
    if entity is None:
        errors["entity"] = _("请选择关系主体")
    if relation not in RelationType.values:
        errors["relation"] = _("关系类型“%(v)s”无效") % {"v": relation}
    if declared_on is None:
        errors["declared_on"] = _("请填写申报日期")
    elif valid_until is not None and valid_until < declared_on:
        errors["valid_until"] = _("有效期至（%(until)s）不能早于申报日期（%(on)s）") % {"until": valid_until,
                                                                          "on": declared_on}
    if relation == RelationType.FORMER_EMPLOYER and relation_ended_on is None:
        errors["relation_ended_on"] = _("原任职或控制关系须填写关系终止日期，以计算回避期限")
    _raise_if(errors)
    with transaction.atomic():
        declaration.save()
        audit_record(actor=actor, action="experts.declaration.create", obj=declaration,
                     after=snapshot(declaration))
    return declaration


def expert_penalty_record(*, expert, decided_on, reason, source, actor, kind=PenaltyKind.ADMINISTRATIVE):
    """Record a penalty for a tendering or evaluation offence; from then on the expert is recused from every draw."""
    penalty = ExpertPenalty(expert=expert, decided_on=decided_on, reason=(reason or "").strip(),
                            source=(source or "").strip(), kind=kind, recorded_by=actor)
    permissions.require(actor, "penalise", penalty)
    errors = {}
    if decided_on is None:
        errors["decided_on"] = _("请填写处罚日期")
    elif decided_on > timezone.localdate():
        errors["decided_on"] = _("处罚日期不能晚于今天")
    if not penalty.reason:
        errors["reason"] = _("请填写违法事实")
    if not penalty.source:
        errors["source"] = _("请填写作出处罚的机关及决定书文号")
    if kind not in PenaltyKind.values:
        errors["kind"] = _("处罚类别“%(v)s”无效") % {"v": kind}
    _raise_if(errors)
    with transaction.atomic():
        penalty.save()
        audit_record(actor=actor, action="experts.penalty.create", obj=penalty, after=snapshot(penalty))
    return penalty


# ---------------------------------------------------------------------------------------------------------------
# Committee rules


def committee_rule_for(sector):
    """The committee rule of ``sector`` or its nearest ancestor with one, else the default row."""
    while sector is not None:
        rule = CommitteeRule.objects.filter(sector=sector).first()
        if rule is not None:
            return rule
        sector = sector.parent
    rule = CommitteeRule.objects.filter(sector__isnull=True).first()
    if rule is None:
        raise ValidationError(_("尚未配置评标委员会组成规则，请管理员在“评标委员会组成规则”中添加默认规则"))
    return rule


def _whole(value):
    if isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return int(number) if number == number.to_integral_value() else None


def _clean_counts(counts):
    """``{specialty code: count}`` in code order from a mapping of Specialty objects or codes to counts."""
    if not counts:
        raise ValidationError({"counts": _("请至少填写一个专业及其抽取人数")})
    wanted, errors = {}, []
    for key, value in counts.items():
        code = key.code if isinstance(key, Specialty) else str(key).strip().upper()
        n = _whole(value)
        if n is None or n < 1:
            errors.append(_("专业“%(code)s”的抽取人数应为正整数，收到“%(v)s”") % {"code": code, "v": value})
        elif code in wanted:
            errors.append(_("专业“%(code)s”重复填写") % {"code": code})
        else:
            wanted[code] = n
    known = set(Specialty.objects.filter(code__in=wanted, is_active=True).values_list("code", flat=True))
    for code in wanted:
        if code not in known:
            errors.append(_("专业代码“%(code)s”不存在或已停用") % {"code": code})
    if errors:
        raise ValidationError({"counts": errors})
    return dict(sorted(wanted.items()))


def _check_committee(rule, members, representatives):
    total = members + representatives
    errors = []
    if total < rule.min_members:
        errors.append(_("评标委员会成员应为 %(min)d 人以上（现为专家 %(experts)d 人、招标人代表 %(reps)d 人，共 %(total)d 人）；"
                        "依据：%(basis)s") % {"min": rule.min_members, "experts": members, "reps": representatives,
                                          "total": total, "basis": rule.legal_basis})
    if rule.odd_members and total % 2 == 0:
        errors.append(_("评标委员会成员人数应为单数（现为 %(total)d 人）") % {"total": total})
    if members * rule.expert_share_denominator < rule.expert_share_numerator * total:
        errors.append(_("技术、经济等方面的专家不得少于成员总数的 %(num)d/%(den)d（现为专家 %(experts)d 人，共 %(total)d 人）")
                      % {"num": rule.expert_share_numerator, "den": rule.expert_share_denominator,
                         "experts": members, "total": total})
    if errors:
        raise ValidationError({"counts": errors})


# ---------------------------------------------------------------------------------------------------------------
# The draw


def _candidate_snapshot(lot, wanted, reserves, rule, on_date):
    """The snapshot the algorithm reads, and the recusal reasons (with texts) of the candidates."""
    prefix = lot.region.code[:POOL_REGION_PREFIX_LENGTH]
    matches_any = Q()
    for code in wanted:
        matches_any |= Q(specialty__code__startswith=code)
    links = (Expert.specialties.through.objects
             .filter(expert__status=ExpertStatus.ACTIVE, expert__region__code__startswith=prefix)
             .filter(matches_any))
    holders = {}
    for expert_id, code in links.values_list("expert_id", "specialty__code"):
        holders.setdefault(expert_id, set()).add(code)
    pool = Expert.objects.filter(pk__in=links.values("expert_id"))
    reasons = recusal.recusal_reasons(lot=lot, experts=pool, on_date=on_date,
                                      window_years=rule.former_relation_years)
    blocks = []
    for code, count in wanted.items():
        ids = sorted(eid for eid, codes in holders.items() if any(c.startswith(code) for c in codes))
        blocks.append({"code": code, "count": count,
                       "candidates": [[eid, [c for c, _t in reasons.get(eid, [])]] for eid in ids]})
    data = {"algorithm": draw.ALGORITHM_VERSION, "lot": lot.code, "draw_date": on_date.isoformat(),
            "pool_region_prefix": prefix, "reserves": reserves, "specialties": blocks}
    return data, reasons


def _shortfall_errors(shortfalls, reserves):
    names = dict(Specialty.objects.filter(code__in=[s[0] for s in shortfalls]).values_list("code", "name"))
    return [
        _("专业“%(code)s %(name)s”可抽取的专家不足：需 %(wanted)d 人（含备选 %(reserves)d 人），符合条件的仅 %(found)d 人"
          "（另有 %(recused)d 人须回避）") % {"code": code, "name": names.get(code, ""), "wanted": wanted,
                                       "reserves": reserves, "found": found, "recused": recused}
        for code, wanted, found, recused in shortfalls
    ]


def extraction_draw(*, lot, counts, actor, seed=None, reserves=0, tenderer_representatives=0, reason=""):
    """Draw the lot's committee at random by specialty, with recusal applied from the data, and record the draw.

    ``counts`` maps specialties (objects or codes) to the number of members; ``reserves`` is the number of reserve
    experts per specialty; ``tenderer_representatives`` count towards the committee size. A lot that already has a
    valid draw is drawn again only with a ``reason``; the earlier draw is kept and marked superseded. The list is
    sealed until :func:`extraction_unseal`.
    """
    permissions.require(actor, "draw", Extraction(lot=lot))
    if getattr(actor, "unit", None) is None:
        raise ValidationError(_("抽取人须为交易中心工作人员，当前账号未关联单位"))
    wanted = _clean_counts(counts)
    errors = {}
    reserves_n, reps_n = _whole(reserves), _whole(tenderer_representatives)
    if reserves_n is None or reserves_n < 0:
        errors["reserves"] = _("备选人数应为不小于 0 的整数")
    if reps_n is None or reps_n < 0:
        errors["tenderer_representatives"] = _("招标人代表人数应为不小于 0 的整数")
    if seed is not None and (_whole(seed) is None or not 0 <= _whole(seed) < MAX_SEED):
        errors["seed"] = _("随机种子应为 0 至 2^63−1 之间的整数")
    _raise_if(errors)
    rule = committee_rule_for(lot.tender_project.sector)
    _check_committee(rule, sum(wanted.values()), reps_n)
    now = timezone.now()
    if lot.evaluation_finished_at is not None and lot.evaluation_finished_at <= now:
        raise ValidationError(_("标段“%(lot)s”的评标已于 %(at)s 结束，不能再抽取专家") % {
            "lot": lot.code, "at": timezone.localtime(lot.evaluation_finished_at).strftime("%Y-%m-%d %H:%M")})
    seed = _whole(seed) if seed is not None else secrets.randbelow(MAX_SEED)
    reason = (reason or "").strip()
    try:
        with transaction.atomic():
            extraction = _draw_and_record(lot=lot, wanted=wanted, reserves=reserves_n, reps=reps_n, rule=rule,
                                          seed=seed, reason=reason, actor=actor, now=now)
    except IntegrityError:
        raise StaleTransition(_("标段“%(lot)s”刚刚已由他人完成抽取，请刷新后查看") % {"lot": lot.code},
                              code="stale_transition") from None
    return extraction


def _draw_and_record(*, lot, wanted, reserves, reps, rule, seed, reason, actor, now):
    current = Extraction.objects.select_for_update().filter(lot=lot, status=ExtractionStatus.DRAWN).first()
    if current is not None and not reason:
        raise ValidationError({"reason": _("该标段已于 %(at)s 抽取过专家（第 %(n)d 次），重新抽取须填写原因") % {
            "at": timezone.localtime(current.created_at).strftime("%Y-%m-%d %H:%M"), "n": current.attempt}})
    data, reasons = _candidate_snapshot(lot, wanted, reserves, rule, timezone.localtime(now).date())
    picks = draw.run_draw(data, seed)
    short = draw.shortfalls(data, picks)
    if short:
        raise ValidationError({"counts": _shortfall_errors(short, reserves)})
    if current is not None:
        EXTRACTION_WORKFLOW.fire(current, "supersede", actor=actor, detail={"reason": reason})
    attempt = (Extraction.objects.filter(lot=lot).aggregate(m=Max("attempt"))["m"] or 0) + 1
    extraction = Extraction.objects.create(
        lot=lot, attempt=attempt, requested_counts=wanted, reserves=reserves, tenderer_representatives=reps,
        seed=seed, algorithm_version=draw.ALGORITHM_VERSION, candidate_snapshot=data,
        snapshot_hash=draw.digest(data), result_hash=draw.result_digest(picks), requested_by=actor,
        requested_unit=actor.unit, created_at=now, supersedes=current, redraw_reason=reason,
    )
    specialties = dict(Specialty.objects.filter(code__in=wanted).values_list("code", "pk"))
    ExtractionPick.objects.bulk_create([
        ExtractionPick(extraction=extraction, expert_id=p.expert_id, order=p.order,
                       specialty_id=specialties[p.specialty], role=p.role, recusal_codes=list(p.recusal_codes),
                       recusal_reason="；".join(text for _c, text in reasons.get(p.expert_id, []))[:500]
                       if p.role == PickRole.RECUSED else "")
        for p in picks
    ])
    audit_record(actor=actor, action="experts.extraction.draw", obj=extraction, after={
        "attempt": attempt, "requested_counts": wanted, "reserves": reserves, "tenderer_representatives": reps,
        "algorithm_version": draw.ALGORITHM_VERSION, "snapshot_hash": extraction.snapshot_hash,
        "result_hash": extraction.result_hash, "supersedes": current.pk if current else None,
        "committee_rule": rule.pk,
    }, detail={"reason": reason} if reason else None)
    return extraction


class ExtractionTampered(ValidationError):
    """The stored draw does not re-run to its recorded result: the snapshot, the seed or the picks were changed."""


@dataclass(frozen=True)
class VerifiedDraw:
    extraction_id: int
    picks: int
    snapshot_hash: str
    result_hash: str


def extraction_verify(extraction):
    """Re-run the draw from the stored seed and candidate snapshot and prove that it gives the recorded picks.
    Returns a :class:`VerifiedDraw`; raises :class:`ExtractionTampered` naming every discrepancy otherwise."""
    problems = []
    data = extraction.candidate_snapshot
    if draw.digest(data) != extraction.snapshot_hash:
        problems.append(_("候选快照与抽取时记录的摘要不一致：快照在抽取后被修改"))
    stored = [
        draw.Pick(p.order, p.expert_id, p.specialty.code, p.role, tuple(p.recusal_codes))
        for p in extraction.picks.select_related("specialty").order_by("order")
    ]
    if draw.result_digest(stored) != extraction.result_hash:
        problems.append(_("抽取结果与抽取时记录的摘要不一致：结果在抽取后被修改"))
    try:
        rerun = draw.run_draw(data, extraction.seed)
    except (ValueError, KeyError, TypeError) as exc:
        problems.append(_("无法按存储的快照重新计算：%(err)s") % {"err": exc})
    else:
        if rerun != stored:
            first = next((i for i, (a, b) in enumerate(zip(rerun, stored)) if a != b), min(len(rerun), len(stored)))
            problems.append(_("按存储的随机种子和候选快照重新计算，结果与记录不一致（自第 %(n)d 条起不同；重算 %(a)d 条，记录 %(b)d 条）")
                            % {"n": first + 1, "a": len(rerun), "b": len(stored)})
    if problems:
        raise ExtractionTampered(problems, code="extraction_tampered")
    return VerifiedDraw(extraction.pk, len(stored), extraction.snapshot_hash, extraction.result_hash)


def extraction_unseal(*, extraction, actor):
    """Unseal the lot's drawn lists (this draw and the earlier attempts it superseded) once the evaluation has
    ended."""
    permissions.require(actor, "unseal", extraction)
    lot = extraction.lot
    now = timezone.now()
    if not extraction.sealed:
        raise ValidationError(_("该抽取名单已于 %(at)s 解封") % {
            "at": timezone.localtime(extraction.unsealed_at).strftime("%Y-%m-%d %H:%M")})
    finished = lot.evaluation_finished_at
    if finished is None or finished > now:
        when = timezone.localtime(finished).strftime("%Y-%m-%d %H:%M") if finished else _("尚未登记")
        raise ValidationError(_("评标尚未结束（评标结束时间：%(when)s），专家名单须继续保密") % {"when": when})
    with transaction.atomic():
        matched = Extraction.objects.filter(lot=lot, sealed=True, attempt__lte=extraction.attempt).update(
            sealed=False, unsealed_at=now, unsealed_by=actor)
        if not matched:
            raise StaleTransition(_("该抽取名单已被他人解封，请刷新"), code="stale_transition")
        extraction.refresh_from_db()
        audit_record(actor=actor, action="experts.extraction.unseal", obj=extraction,
                     before={"sealed": True}, after={"sealed": False, "attempts_unsealed": matched})
    return extraction


# ---------------------------------------------------------------------------------------------------------------
# Evaluation records and periodic assessment


def _score(value, field, errors, *, required):
    if value is None or value == "":
        if required:
            errors[field] = _("请填写考核得分（0–100）")
        return None
    try:
        score = Decimal(str(value)).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError):
        errors[field] = _("考核得分应为数字")
        return None
    if not Decimal(0) <= score <= MAX_SCORE:
        errors[field] = _("考核得分应在 0 至 100 之间，收到 %(v)s") % {"v": value}
        return None
    return score


def evaluation_record(*, extraction, expert, attended, actor, score=None, absence_reason="", comment=""):
    """Record whether a drawn expert took part in the lot's evaluation and how they were assessed."""
    record = EvaluationRecord(expert=expert, lot=extraction.lot, extraction=extraction, attended=bool(attended),
                              absence_reason=(absence_reason or "").strip(), comment=(comment or "").strip(),
                              recorded_by=actor)
    permissions.require(actor, "record", record)
    errors = {}
    if extraction.sealed:
        errors["extraction"] = _("专家名单尚未解封，评标结束并解封后方可登记评标记录")
    elif extraction.status != ExtractionStatus.DRAWN:
        errors["extraction"] = _("该次抽取已被重新抽取取代，请在有效的抽取上登记")
    elif not extraction.picks.filter(expert=expert, role__in=[PickRole.PRIMARY, PickRole.RESERVE]).exists():
        errors["expert"] = _("%(expert)s 不在本次抽取的正选或备选名单中") % {"expert": expert}
    record.score = _score(score, "score", errors, required=record.attended)
    if not record.attended and not record.absence_reason:
        errors["absence_reason"] = _("未到场的专家须填写缺席原因")
    if EvaluationRecord.objects.filter(expert=expert, lot=extraction.lot).exists():
        errors["expert"] = _("%(expert)s 在本标段的评标记录已登记") % {"expert": expert}
    _raise_if(errors)
    with transaction.atomic():
        record.save()
        audit_record(actor=actor, action="experts.evaluation.record", obj=record, after=snapshot(record))
    return record


def assessment_record(*, expert, period_start, period_end, actor, score=None, comment=""):
    """Record a periodic assessment; without a ``score`` the average of the period's evaluation records is used."""
    assessment = Assessment(expert=expert, period_start=period_start, period_end=period_end,
                            comment=(comment or "").strip(), assessed_by=actor)
    permissions.require(actor, "change", assessment)
    errors = {}
    if period_start is None or period_end is None:
        errors["period_end"] = _("请填写考评期起止日期")
    elif period_end < period_start:
        errors["period_end"] = _("考评期止（%(end)s）不能早于考评期起（%(start)s）") % {"end": period_end,
                                                                           "start": period_start}
    else:
        records = EvaluationRecord.objects.filter(expert=expert, recorded_at__date__gte=period_start,
                                                  recorded_at__date__lte=period_end)
        assessment.evaluations = records.count()
        if score is None or score == "":
            average = records.filter(score__isnull=False).aggregate(avg=Avg("score"))["avg"]
            if average is None:
                errors["score"] = _("考评期内没有评标记录，请直接填写考评得分")
            else:
                assessment.score = Decimal(average).quantize(Decimal("0.1"))
        else:
            assessment.score = _score(score, "score", errors, required=True)
        if Assessment.objects.filter(expert=expert, period_start=period_start, period_end=period_end).exists():
            errors["period_start"] = _("该专家在此考评期的考评已登记")
    _raise_if(errors)
    with transaction.atomic():
        assessment.save()
        audit_record(actor=actor, action="experts.assessment.create", obj=assessment, after=snapshot(assessment))
    return assessment
