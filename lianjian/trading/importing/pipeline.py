"""One file through the import: read → validate → stage → merge → refresh stages.

Policy for bad rows: the whole file is read and checked first (streaming). If any row is bad, nothing of the file
is written and the errors are reported, unless the import was asked to skip bad rows, in which case the valid
rows are written and the bad ones reported. Either way a row is written whole or not at all: its records are
staged only once every section of it has passed, and the merge runs in one transaction per file.
"""

import time
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Contract, Entity, Lot, Project, TenderProject
from ..stages import refresh_stages
from .errors import MAX_REPORTED_ERRORS, FileRejected
from .readers import open_source
from .staging import Stager
from .upsert import Merger
from .validate import RefData, Validator

PROGRESS_EVERY = 2_000
LOOKAHEAD = 1_000

_EXISTS = {
    "project": (Project, "code"), "tender": (TenderProject, "code"), "lot": (Lot, "code"),
    "contract": (Contract, "code"), "entity": (Entity, "credit_code"),
}


class Lookups:
    """Single-row look-ups the validator needs, on one cursor with plain SQL: a large file asks them for every
    new tender project, and the ORM's per-query overhead would dominate."""

    def __init__(self, cursor):
        self.cursor = cursor
        self.exists_sql = {section: f"SELECT 1 FROM {model._meta.db_table} WHERE {attr} = %s"
                           for section, (model, attr) in _EXISTS.items()}
        self.many_sql = {section: f"SELECT {attr} FROM {model._meta.db_table} WHERE {attr} IN "
                         for section, (model, attr) in _EXISTS.items()}
        self.deal_sql = f"SELECT deal_code, code FROM {TenderProject._meta.db_table} WHERE deal_code IN "

    def _in(self, sql, values):
        values = list(values)
        found = []
        for start in range(0, len(values), 500):
            chunk = values[start:start + 500]
            self.cursor.execute(sql + "(" + ", ".join(["%s"] * len(chunk)) + ")", chunk)
            found.extend(self.cursor.fetchall())
        return found

    def exists(self, section, key):
        self.cursor.execute(self.exists_sql[section], [key[0]])
        return self.cursor.fetchone() is not None

    def exists_many(self, section, codes):
        return {row[0] for row in self._in(self.many_sql[section], codes)}

    def deal_owner(self, deal_codes):
        return dict(self._in(self.deal_sql, deal_codes))


class ImportCancelled(Exception):
    """The person who started the import cancelled it; the file being read was not written."""


@dataclass
class FileOutcome:
    name: str
    status: str = "succeeded"
    message: str = ""
    kind: str = ""
    encoding: str = ""
    rows_read: int = 0
    rows_bad: int = 0
    errors_total: int = 0
    counts: dict = field(default_factory=dict)
    stages_changed: int = 0
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def changed(self):
        return bool(self.stages_changed) or any(any(entry.values()) for entry in self.counts.values())


def _prefetched(units, validator, size=LOOKAHEAD):
    """The units, read ahead in small batches so the validator can look their keys up in bulk."""
    batch = []
    for unit in units:
        batch.append(unit)
        if len(batch) >= size:
            validator.prefetch(batch)
            yield from batch
            batch = []
    validator.prefetch(batch)
    yield from batch


def import_file(path, name, *, default_region_id=None, skip_bad_rows=False, progress=None, should_stop=None,
                error_budget=MAX_REPORTED_ERRORS, refs=None, committed=None):
    """Import one file; returns a :class:`FileOutcome`. Never raises for bad content: an unreadable file comes
    back with status "rejected" and the reason in ``message``. ``committed(outcome)`` runs inside the writing
    transaction, so what it records commits with the data."""
    started = time.monotonic()
    outcome = FileOutcome(name=name)
    stager = Stager(connection)
    cursor = connection.cursor()
    try:
        source = open_source(path, name)
        stager.create()
        lookups = Lookups(cursor)
        validator = Validator(source=source, refs=refs or RefData(), default_region_id=default_region_id,
                              exists=lookups.exists, exists_many=lookups.exists_many, describe=stager.describe,
                              deal_owner=lookups.deal_owner)
        writing = True
        for unit in _prefetched(source.units(), validator):
            outcome.rows_read += 1
            records, errors = validator.check(unit)
            if errors:
                outcome.rows_bad += 1
                outcome.errors_total += len(errors)
                room = error_budget - len(outcome.errors)
                outcome.errors.extend(e.as_dict() for e in errors[:max(room, 0)])
                writing = writing and skip_bad_rows
            elif writing:
                stager.add(unit.row, records)
            if outcome.rows_read % PROGRESS_EVERY == 0:
                if should_stop is not None and should_stop():
                    raise ImportCancelled(_("导入已取消"))
                if progress is not None:
                    progress(source.done, source.total, _("%(name)s：已读取 %(n)d 行") % {"name": name,
                                                                                     "n": outcome.rows_read})
        outcome.kind, outcome.encoding, outcome.warnings = source.kind, source.encoding, source.warnings
        if outcome.rows_read == 0:
            raise FileRejected(_("文件中没有数据行：%(name)s") % {"name": name})
        if outcome.rows_bad and not skip_bad_rows:
            outcome.status = "rejected"
            outcome.message = _("%(bad)d 行有错误，本文件未写入任何数据；请按错误报告修改后重新导入") % {"bad": outcome.rows_bad}
            return outcome
        if progress is not None:
            progress(source.total, source.total, _("%(name)s：正在写入数据库…") % {"name": name})
        stager.add_entities(validator.entities)
        stager.add_people(validator.people)
        stager.flush()
        if validator.restaged:
            stager.keep_latest(validator.restaged)
        with transaction.atomic():
            merger = Merger(connection, provided=source.provided | validator.implied, now=timezone.now())
            outcome.counts = merger.merge_all()
            outcome.stages_changed = refresh_stages(merger.touched_lot_ids())
            if committed is not None:
                committed(outcome)
        if outcome.rows_bad:
            outcome.status = "partial"
            outcome.message = _("已跳过 %(bad)d 个错误行，其余数据已写入") % {"bad": outcome.rows_bad}
        return outcome
    except FileRejected as exc:
        outcome.status = "rejected"
        outcome.message = str(exc)
        return outcome
    finally:
        cursor.close()
        stager.drop()
        outcome.seconds = time.monotonic() - started
