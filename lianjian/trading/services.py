"""State changes of the trading domain: imports, stage refresh and the trading catalog.

Imports are written file by file, each in its own transaction (a million-row file must not hold one transaction
across reading and checking); the file's audit entry and the job checkpoint commit inside that transaction.
"""

import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lianjian.audit.services import audit_record
from lianjian.core import permissions

from .importing.errors import MAX_REPORTED_ERRORS
from .importing.pipeline import import_file
from .importing.validate import RefData
from .models import ImportRun, ImportStatus
from .stages import refresh_stages

IMPORT_JOB_KIND = "trading.import"
FILE_STATUS_LABELS = {"succeeded": gettext_lazy("已写入"), "rejected": gettext_lazy("未写入"),
                      "partial": gettext_lazy("已写入（跳过错误行）")}
UPLOAD_SUBDIR = "trading/imports"


def _summary_status(outcomes):
    statuses = {o.status for o in outcomes}
    if statuses == {"succeeded"}:
        return ImportStatus.SUCCEEDED
    if "partial" in statuses or ("succeeded" in statuses and statuses & {"rejected"}):
        return ImportStatus.PARTIAL
    return ImportStatus.REJECTED


def _file_counts(outcome):
    return {"status": outcome.status, "message": outcome.message, "kind": outcome.kind,
            "encoding": outcome.encoding, "rows": outcome.rows_read, "bad_rows": outcome.rows_bad,
            "errors": outcome.errors_total, "counts": outcome.counts, "stages_changed": outcome.stages_changed,
            "warnings": outcome.warnings[:50], "seconds": round(outcome.seconds, 2)}


def trading_import(*, paths, actor, names=None, default_region=None, skip_bad_rows=False, progress=None,
                   should_stop=None, run=None, start_file=0, on_file_committed=None):
    """Import trading data from ``paths`` (CSV, XLSX, JSON, JSON lines, OCDS packages) and return the ImportRun.

    Each file is all-or-nothing: if any of its rows is bad, nothing of it is written and its errors are listed,
    unless ``skip_bad_rows``. Natural keys upsert, so importing the same file again changes nothing.
    ``progress(done, total, message)`` is called while reading; ``should_stop()`` is polled to cancel;
    ``on_file_committed(index)`` runs inside the transaction that writes file ``index``; ``start_file`` resumes
    an interrupted run after the files already committed. ``actor`` None is the system (the command line).
    """
    if actor is not None:
        permissions.require(actor, "import", model=ImportRun)
    names = list(names or [os.path.basename(p) for p in paths])
    if run is None:
        run = ImportRun.objects.create(
            actor=actor, unit=getattr(actor, "unit", None), files=names, paths=[str(p) for p in paths],
            default_region=default_region, skip_bad_rows=skip_bad_rows,
        )
    ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.RUNNING)
    sizes = [os.path.getsize(p) if os.path.exists(p) else 0 for p in paths]
    refs = RefData()
    outcomes = []
    counts = dict(run.counts) if start_file else {}
    errors = list(run.errors) if start_file else []
    for index, (path, name) in enumerate(zip(paths, names)):
        if index < start_file:
            continue
        offset = sum(sizes[:index])
        file_progress = None
        if progress is not None:
            def file_progress(done, total, message, offset=offset):
                progress(offset + done * sizes[index] // max(total, 1), sum(sizes), message)

        def committed(outcome, index=index, name=name):
            if outcome.changed:
                audit_record(actor=actor, action="trading.import.apply", obj=run,
                             after={"file": name, "counts": outcome.counts, "stages_changed": outcome.stages_changed})
            if on_file_committed is not None:
                on_file_committed(index)

        outcome = import_file(path, name, default_region_id=default_region.pk if default_region else None,
                              skip_bad_rows=skip_bad_rows, progress=file_progress, should_stop=should_stop,
                              error_budget=MAX_REPORTED_ERRORS - len(errors), refs=refs, committed=committed)
        outcomes.append(outcome)
        errors.extend(outcome.errors)
        counts[name] = _file_counts(outcome)
        ImportRun.objects.filter(pk=run.pk).update(counts=counts, errors=errors)
    run.status = _summary_status(outcomes) if outcomes else ImportStatus.SUCCEEDED
    run.rows_read = sum(entry["rows"] for entry in counts.values())
    run.rows_bad = sum(entry["bad_rows"] for entry in counts.values())
    run.counts = counts
    run.errors = errors
    run.message = "；".join(f"{o.name}：{o.message}" for o in outcomes if o.message)
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "rows_read", "rows_bad", "counts", "errors", "message", "finished_at"])
    return run


def trading_import_fail(*, run, message):
    """Record that an import stopped on an unexpected error (the job runner keeps the traceback)."""
    ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.FAILED, message=message[:2000],
                                               finished_at=timezone.now())


def import_upload_dir():
    return Path(settings.MEDIA_ROOT) / UPLOAD_SUBDIR


def trading_import_start(*, files, actor, default_region=None, skip_bad_rows=False):
    """Keep uploaded files and queue their import as a background job; returns the ImportRun.

    ``files`` are Django UploadedFile objects. The job starts once this transaction commits; queuing it is
    audited by the jobs app, the data it changes by :func:`trading_import`."""
    from lianjian.jobs.services import job_enqueue

    permissions.require(actor, "import", model=ImportRun)
    if not files:
        raise ValidationError({"files": _("请选择要导入的文件")})
    folder = import_upload_dir() / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=True)
    paths, names = [], []
    for upload in files:
        name = os.path.basename(upload.name)
        target = folder / (get_valid_filename(name) or "upload")
        with open(target, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        paths.append(str(target))
        names.append(name)
    with transaction.atomic():
        run = ImportRun.objects.create(actor=actor, unit=actor.unit, files=names, paths=paths,
                                       default_region=default_region, skip_bad_rows=skip_bad_rows)
        job = job_enqueue(kind=IMPORT_JOB_KIND, params={"run": run.pk}, actor=actor, unit=actor.unit)
        run.job_id = job.pk
        run.save(update_fields=["job_id"])
    return run


def lot_refresh_stages(*, actor=None, as_of=None):
    """Move every lot to the stage its dates have reached (a bid opening scheduled for today, for instance).
    Run daily; ``actor`` None is the system."""
    changed = refresh_stages(as_of=as_of or timezone.now())
    if changed:
        audit_record(actor=actor, action="trading.lot.refresh_stages", after={"changed": changed})
    return changed
