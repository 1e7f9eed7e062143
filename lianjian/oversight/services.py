"""Reads through the oversight channel. Each one is a recorded act: the query, its row count and any export are
written to the channel's access log and to the platform's audit log in the same transaction, before the data is
handed out, so no read leaves no trace."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record
from lianjian.core import permissions

from .datasets import DATASETS
from .models import AccessKind, AccessLogEntry
from .selectors import access_log_for

PAGE_SIZE = 50
QUERY_MAX_LENGTH = 100


def _dataset(code):
    dataset = DATASETS.get(code)
    if dataset is None:
        raise ValidationError({"dataset": _("未知的数据集“%(code)s”") % {"code": code}})
    return dataset


def _clean_query(q):
    q = (q or "").strip()
    if len(q) > QUERY_MAX_LENGTH:
        raise ValidationError({"q": _("查询内容不能超过 %(n)d 个字符") % {"n": QUERY_MAX_LENGTH}})
    return q


def _record(*, actor, kind, dataset, query, row_count, filename=""):
    with transaction.atomic():
        entry = AccessLogEntry.objects.create(actor=actor, unit=actor.unit, kind=kind, dataset=dataset,
                                              query=query, row_count=row_count, export_filename=filename)
        audit_record(actor=actor, action=f"oversight.{kind}", obj=entry,
                     detail={"dataset": dataset, "query": query, "rows": row_count, "file": filename})
    return entry


def oversight_search(*, actor, dataset, q="", page=1):
    """One page of a data set's search results, after recording the query and how many rows matched."""
    permissions.require(actor, "search", model=AccessLogEntry)
    found = _dataset(dataset)
    q = _clean_query(q)
    rows = found.rows(actor, q)
    paginator = Paginator(rows, PAGE_SIZE)
    result = paginator.get_page(page)
    _record(actor=actor, kind=AccessKind.SEARCH, dataset=dataset, query={"q": q, "page": result.number},
            row_count=paginator.count)
    return found, result


def oversight_export(*, actor, dataset, q=""):
    """Every row of a search, for an Excel download: returns (data set, file name, rows) once the export is
    recorded with its row count and file name."""
    permissions.require(actor, "export", model=AccessLogEntry)
    found = _dataset(dataset)
    q = _clean_query(q)
    rows = found.rows(actor, q)
    filename = f"{found.label}_{timezone.localtime():%Y%m%d%H%M%S}.xlsx"
    _record(actor=actor, kind=AccessKind.EXPORT, dataset=dataset, query={"q": q}, row_count=rows.count(),
            filename=filename)
    return found, filename, rows


def oversight_open(*, actor, dataset, pk):
    """The archive page of one item (lot, entity, extraction, deadline), after recording that it was opened."""
    permissions.require(actor, "open", model=AccessLogEntry)
    found = _dataset(dataset)
    item = found.rows(actor, "").filter(pk=pk).first()
    if item is None:
        raise ValidationError({"pk": _("没有找到该记录，或不在您的查询范围内")})
    url = found.link(item)
    if not url:
        raise ValidationError({"pk": _("该类记录没有档案页面")})
    _record(actor=actor, kind=AccessKind.OPEN, dataset=dataset, query={"pk": pk}, row_count=1)
    return url


def access_log_export(*, actor, filters):
    """The access-log entries the actor may review, for an Excel download; the download itself is audit-logged."""
    permissions.require(actor, "export_log", model=AccessLogEntry)
    entries = access_log_for(actor=actor, action="export_log", **filters)
    filename = _("监督通道查询记录-%(date)s.xlsx") % {"date": timezone.localdate().isoformat()}
    audit_record(actor=actor, action="oversight.access_log.export",
                 detail={"filters": filters, "rows": entries.count(), "file": filename})
    return filename, entries
