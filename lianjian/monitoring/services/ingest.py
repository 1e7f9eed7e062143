"""Turning the engine's findings into alerts (预警): stored, deduplicated across runs, dispatched, timed."""

import hashlib
import json
import math
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record
from lianjian.core import permissions
from lianjian.trading.models import Lot

from ..models import SEVERITY_RANK, Alert, AlertState, Severity
from .common import notify_units, triage_deadline_open
from .dispatch import competent_unit
from .watchlist import watchlist_track_lots

KEY_MAX = Alert._meta.get_field("key").max_length
INDICATOR_MAX = Alert._meta.get_field("indicator").max_length
LOT_CODE_MAX = Alert._meta.get_field("lot_code").max_length
SOURCE_MAX = Alert._meta.get_field("source").max_length
# Findings are written in batches, each in its own transaction, so a run of tens of thousands of findings shows
# progress and never holds one enormous transaction; every finding is validated before the first batch is written.
BATCH = 200
COUNTS = ("created", "updated", "unchanged", "reopened", "suppressed", "kept", "unassigned", "tracked_lots")


def _round_floats(value):
    """Evidence with floats rounded to 9 significant digits: DuckDB and Spark may differ in the last bits of a
    computed statistic, which is no change of evidence."""
    if isinstance(value, float):
        return float(f"{value:.9g}") if math.isfinite(value) else str(value)
    if isinstance(value, dict):
        return {str(k): _round_floats(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_round_floats(v) for v in value]
    return value


def evidence_fingerprint(evidence):
    canonical = json.dumps(_round_floats(evidence), sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                           default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _finding_problems(finding):
    problems = []
    indicator = getattr(finding, "indicator", None)
    lot_code = getattr(finding, "lot_code", None)
    if not isinstance(indicator, str) or not indicator.strip() or len(indicator) > INDICATOR_MAX:
        problems.append(_("指标代码须为 1 至 %(n)d 个字符") % {"n": INDICATOR_MAX})
    if not isinstance(lot_code, str) or not lot_code.strip() or len(lot_code) > LOT_CODE_MAX:
        problems.append(_("标段（包）编号须为 1 至 %(n)d 个字符") % {"n": LOT_CODE_MAX})
    entities = getattr(finding, "entities", ())
    if not isinstance(entities, (tuple, list)) or not all(isinstance(e, str) for e in entities):
        problems.append(_("涉及主体须为统一社会信用代码的列表"))
    score = getattr(finding, "score", None)
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 1:
        problems.append(_("风险分值须为 0 到 1 之间的数，收到“%(v)s”") % {"v": score})
    severity = getattr(finding, "severity", None)
    if severity not in Severity.values:
        problems.append(_("预警等级须为 %(allowed)s 之一，收到“%(v)s”")
                        % {"allowed": "、".join(Severity.values), "v": severity})
    evidence = getattr(finding, "evidence", None)
    if not isinstance(evidence, dict):
        problems.append(_("证据须为键值对象"))
    else:
        try:
            json.dumps(evidence, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as exc:
            problems.append(_("证据无法保存为 JSON：%(error)s") % {"error": exc})
    if not problems and len(finding.key) > KEY_MAX:
        problems.append(_("预警标识超过 %(n)d 个字符（涉及主体过多）") % {"n": KEY_MAX})
    return problems


def _validate(findings, source):
    errors = []
    for number, finding in enumerate(findings, start=1):
        problems = _finding_problems(finding)
        if problems:
            label = f"{getattr(finding, 'indicator', '?')} / {getattr(finding, 'lot_code', '?')}"
            errors.append(_("第 %(n)d 条发现（%(label)s）：%(problems)s")
                          % {"n": number, "label": label, "problems": "；".join(problems)})
    result = {}
    if errors:
        result["findings"] = errors
    if not (source or "").strip() or len(source) > SOURCE_MAX:
        result["source"] = _("请注明预警来源（如“screen run 2025-06-01”），不超过 %(n)d 个字符") % {"n": SOURCE_MAX}
    if result:
        raise ValidationError(result)


def _indicator_catalog():
    """The engine's indicator metadata by code. Imported here, not at module level: the engine loads pyarrow,
    which web processes that never ingest should not pay for at start-up."""
    from lianjian.analytics import indicators

    return {i.code: i for i in indicators()}


class _Run:
    """State of one ingest: counts, the lots and indicator names looked up, and who must be told what."""

    def __init__(self, source, actor):
        self.source = source.strip()
        self.actor = actor
        self.now = timezone.now()
        self.counts = dict.fromkeys(COUNTS, 0)
        self.catalog = _indicator_catalog()
        self.units = {}
        self.to_notify = defaultdict(list)

    def dispatch(self, lot):
        if lot is None:
            return None, ""
        key = (lot.supervising_unit_id, lot.tender_project.sector_id, lot.region_id)
        if key not in self.units:
            self.units[key] = competent_unit(lot)
        return self.units[key]

    def describe(self, finding):
        meta = self.catalog.get(finding.indicator)
        if meta is None:
            return {"indicator_name": "", "family": "", "basis": ""}
        return {"indicator_name": meta.name_zh, "family": meta.family, "basis": meta.basis}


def _assign(alert, run):
    """Dispatch a (new, reopened or still unassigned) alert to its competent unit and start the triage clock."""
    unit, basis = run.dispatch(alert.lot)
    if unit is None:
        run.counts["unassigned"] += 1
        return alert
    Alert.objects.filter(pk=alert.pk).update(unit=unit, dispatch_basis=basis[:300], dispatched_at=run.now,
                                             state=AlertState.PENDING, state_version=F("state_version") + 1)
    alert.refresh_from_db()
    audit_record(actor=run.actor, action="monitoring.alert.dispatch", obj=alert,
                 before={"state": AlertState.UNASSIGNED}, after={"state": AlertState.PENDING, "unit": unit.pk,
                                                                 "dispatch_basis": alert.dispatch_basis})
    triage_deadline_open(alert)
    run.to_notify[unit].append(alert)
    return alert


def _create(finding, lot, fingerprint, run):
    alert = Alert.objects.create(
        key=finding.key, indicator=finding.indicator, lot_code=finding.lot_code, lot=lot,
        region=lot.region if lot is not None else None, entities=sorted(finding.entities), score=finding.score,
        severity=finding.severity, evidence=finding.evidence, evidence_fingerprint=fingerprint,
        source=run.source, first_seen_at=run.now, last_seen_at=run.now, **run.describe(finding),
    )
    audit_record(actor=run.actor, action="monitoring.alert.create", obj=alert,
                 after={"key": alert.key, "score": alert.score, "severity": alert.severity, "source": run.source})
    run.counts["created"] += 1
    return _assign(alert, run)


def _update(alert, finding, lot, fingerprint, run):
    seen = {"last_seen_at": run.now, "runs_seen": F("runs_seen") + 1}
    material = (fingerprint != alert.evidence_fingerprint
                or SEVERITY_RANK[finding.severity] > SEVERITY_RANK[alert.severity])
    fresh = {"evidence": finding.evidence, "evidence_fingerprint": fingerprint, "score": finding.score,
             "severity": finding.severity, "source": run.source, **run.describe(finding)}
    if lot is not None and alert.lot_id is None:
        fresh.update(lot=lot, region=lot.region)
    before = {"state": alert.state, "score": alert.score, "severity": alert.severity,
              "evidence_fingerprint": alert.evidence_fingerprint}
    if alert.state == AlertState.CONFIRMED:
        # What the officer confirmed stays as it was: the clue rests on that evidence.
        Alert.objects.filter(pk=alert.pk).update(**seen)
        run.counts["kept"] += 1
        return alert
    if alert.state == AlertState.DISMISSED:
        if not material:
            Alert.objects.filter(pk=alert.pk).update(**seen)
            run.counts["suppressed"] += 1
            return alert
        # New evidence reopens a dismissed alert; the version bump makes any stale page of it refuse to act.
        Alert.objects.filter(pk=alert.pk).update(
            **seen, **fresh, state=AlertState.UNASSIGNED, unit=None, dispatch_basis="", dispatched_at=None,
            triaged_by=None, triaged_at=None, triage_note="", dismiss_reason="", state_version=F("state_version") + 1)
        alert.refresh_from_db()
        audit_record(actor=run.actor, action="monitoring.alert.reopen", obj=alert, before=before,
                     after={"state": AlertState.UNASSIGNED, "score": alert.score, "severity": alert.severity,
                            "evidence_fingerprint": fingerprint})
        run.counts["reopened"] += 1
        return _assign(alert, run)
    if material or finding.score != alert.score:
        Alert.objects.filter(pk=alert.pk).update(**seen, **fresh, state_version=F("state_version") + 1)
        audit_record(actor=run.actor, action="monitoring.alert.update", obj=alert, before=before,
                     after={"score": finding.score, "severity": finding.severity,
                            "evidence_fingerprint": fingerprint})
        run.counts["updated"] += 1
    else:
        Alert.objects.filter(pk=alert.pk).update(**seen)
        run.counts["unchanged"] += 1
    alert.refresh_from_db()
    return _assign(alert, run) if alert.state == AlertState.UNASSIGNED else alert


def _ingest_one(finding, lots, run):
    lot = lots.get(finding.lot_code)
    fingerprint = evidence_fingerprint(finding.evidence)
    existing = Alert.objects.select_for_update().filter(key=finding.key).first()
    if existing is not None:
        return _update(existing, finding, lot, fingerprint, run)
    try:
        with transaction.atomic():
            return _create(finding, lot, fingerprint, run)
    except IntegrityError:
        # A concurrent run created the same alert between our look-up and insert: treat it as a re-run.
        existing = Alert.objects.select_for_update().get(key=finding.key)
        return _update(existing, finding, lot, fingerprint, run)


def alert_ingest(*, findings, source, actor=None, progress=None):
    """Store the engine's findings as alerts and return counts.

    Deduplicated on ``Finding.key``: a re-run updates an open alert and never duplicates it; a confirmed alert
    keeps the evidence it was confirmed on; a dismissed one stays dismissed unless its evidence changes materially
    (other fields, other bids, other values) or its severity rises, when it is reopened and dispatched again. New
    and reopened alerts are linked to their lot by code, dispatched to the competent unit (see
    :func:`competent_unit`), given a triage deadline and announced to the unit in one notice per run. Lots of
    watch-listed parties are then put in tracking mode. ``actor`` None is system work (``lianjian screen run``);
    ``progress(done, total)`` is called after each batch. Every finding is validated first: one bad finding
    rejects the run with its number named, and nothing is written.
    """
    if actor is not None:
        permissions.require(actor, "ingest", model=Alert)
    findings = list(findings)
    _validate(findings, source)
    run = _Run(source, actor)
    total = len(findings)
    for start in range(0, total, BATCH):
        batch = findings[start:start + BATCH]
        codes = {f.lot_code for f in batch}
        lots = {lot.code: lot for lot in Lot.objects.filter(code__in=codes).select_related(
            "region", "supervising_unit", "tender_project__sector__parent")}
        with transaction.atomic():
            for finding in batch:
                _ingest_one(finding, lots, run)
            if start + BATCH >= total:
                run.counts["tracked_lots"] = watchlist_track_lots(actor=None)
                notify_units(run.to_notify, subject=_("新分办风险预警 %(n)d 条，请及时研判"), actor=actor)
                audit_record(actor=actor, action="monitoring.alert.ingest",
                             detail={"source": run.source, "findings": total, **run.counts})
        if progress is not None:
            progress(min(start + BATCH, total), total)
    if total == 0:
        with transaction.atomic():
            run.counts["tracked_lots"] = watchlist_track_lots(actor=None)
            audit_record(actor=actor, action="monitoring.alert.ingest",
                         detail={"source": run.source, "findings": 0, **run.counts})
    return dict(run.counts)
