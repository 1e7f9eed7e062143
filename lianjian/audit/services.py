"""Writing to and checking the audit log.

Every service calls :func:`audit_record` inside its transaction, so an action and its log entry commit together
or not at all.
"""

import datetime
import decimal
import hashlib
import json
import uuid

from django.db import models, transaction
from django.utils import timezone

from .models import AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64


def _json_default(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return str(value)


def normalise(value):
    """The JSON form a value will have once stored, so hashes computed before and after storage agree."""
    if value is None:
        return None
    return json.loads(json.dumps(value, default=_json_default, ensure_ascii=False))


def snapshot(obj, fields=None):
    """A JSON-ready dict of a model instance's concrete fields (foreign keys by id)."""
    data = {}
    for field in obj._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        data[field.attname] = getattr(obj, field.attname)
    return normalise(data)


def entry_hash(*, seq, at, actor_id, actor_label, unit_id, unit_label, action, object_type, object_id,
               object_repr, before, after, detail, prev_hash):
    payload = {
        "seq": seq, "at": at.astimezone(datetime.timezone.utc).isoformat(), "actor_id": actor_id,
        "actor_label": actor_label, "unit_id": unit_id, "unit_label": unit_label, "action": action,
        "object_type": object_type, "object_id": object_id, "object_repr": object_repr, "before": before,
        "after": after, "detail": detail, "prev_hash": prev_hash,
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _hash_of(entry):
    return entry_hash(
        seq=entry.seq, at=entry.at, actor_id=entry.actor_id, actor_label=entry.actor_label,
        unit_id=entry.unit_id_recorded, unit_label=entry.unit_label, action=entry.action,
        object_type=entry.object_type, object_id=entry.object_id, object_repr=entry.object_repr,
        before=entry.before, after=entry.after, detail=entry.detail, prev_hash=entry.prev_hash,
    )


def audit_record(*, actor, action, obj=None, before=None, after=None, detail=None):
    """Append one entry to the chain. ``actor`` may be None for system actions (imports, scheduled jobs)."""
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        unit = getattr(actor, "unit", None) if actor is not None else None
        entry = AuditEntry(
            seq=head.last_seq + 1,
            at=timezone.now(),
            actor=actor if actor is not None and actor.pk else None,
            actor_label=str(actor) if actor is not None else "system",
            unit_id_recorded=unit.pk if unit is not None else None,
            unit_label=str(unit) if unit is not None else "",
            action=action,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            object_repr=str(obj)[:200] if obj is not None else "",
            before=normalise(before),
            after=normalise(after),
            detail=normalise(detail),
            prev_hash=head.last_hash,
        )
        entry.hash = _hash_of(entry)
        entry.save(force_insert=True)
        head.last_seq = entry.seq
        head.last_hash = entry.hash
        head.save(update_fields=["last_seq", "last_hash"])
    return entry


def audit_verify(*, batch_size=2000):
    """Walk the whole chain and return the problems found, each naming the row (empty list: intact)."""
    problems = []
    expected_seq = 1
    prev_hash = GENESIS_HASH
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=batch_size):
        if entry.seq != expected_seq:
            problems.append({"seq": expected_seq, "id": None,
                             "problem": f"entries {expected_seq}–{entry.seq - 1} are missing (deleted)"})
            prev_hash = entry.prev_hash
        if entry.prev_hash != prev_hash:
            problems.append({"seq": entry.seq, "id": entry.pk,
                             "problem": "previous-hash link broken (the entry before it was edited or removed)"})
        if _hash_of(entry) != entry.hash:
            problems.append({"seq": entry.seq, "id": entry.pk, "problem": "content does not match its hash (edited)"})
        prev_hash = entry.hash
        expected_seq = entry.seq + 1
    head = AuditChainHead.objects.filter(pk=1).first()
    last_seq = expected_seq - 1
    if head is not None and head.last_seq != last_seq:
        if head.last_seq > last_seq:
            problems.append({"seq": last_seq + 1, "id": None,
                             "problem": f"entries {last_seq + 1}–{head.last_seq} at the end are missing (deleted)"})
        else:
            problems.append({"seq": head.last_seq + 1, "id": None,
                             "problem": "entries exist beyond the recorded chain head (inserted outside the log)"})
    elif head is not None and last_seq and head.last_hash != prev_hash:
        problems.append({"seq": last_seq, "id": None, "problem": "last entry does not match the chain head (edited)"})
    return problems
