"""Credit records in the documented exchange format for the provincial credit platform (seed 001 §(五)3: 推送到
湖北信用平台; seed 004 §二.5). The same fields go to JSON and to XLSX; README.md documents them.

JSON: {"format": FORMAT, "version": VERSION, "generated_at": ISO datetime, "period": {"from", "to"},
"records": [ {field: value, …} ]}.
"""

import json

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response

from .models import CreditRecord

FORMAT = "lianjian.credit-records"
VERSION = 1

# (JSON key, XLSX header, value of a record)
FIELDS = [
    ("record_id", gettext_lazy("记录编号"), lambda r: r.pk),
    ("credit_code", gettext_lazy("统一社会信用代码"), lambda r: r.entity.credit_code),
    ("entity_name", gettext_lazy("主体名称"), lambda r: r.entity.name),
    ("source", gettext_lazy("信息来源代码"), lambda r: r.source),
    ("source_label", gettext_lazy("信息来源"), lambda r: str(r.get_source_display())),
    ("item_code", gettext_lazy("记分事项代码"), lambda r: r.item.code),
    ("item_name", gettext_lazy("记分事项"), lambda r: r.item.name),
    ("points", gettext_lazy("分值"), lambda r: str(r.points)),
    ("is_repeat", gettext_lazy("重复违法（加倍）"), lambda r: r.is_repeat),
    ("points_effective", gettext_lazy("计入分值"), lambda r: str(r.points_effective)),
    ("decided_on", gettext_lazy("决定（认定）日期"), lambda r: r.decided_on.isoformat()),
    ("valid_until", gettext_lazy("记分有效期至"), lambda r: r.valid_until.isoformat()),
    ("document_no", gettext_lazy("文书编号"), lambda r: r.document_no),
    ("description", gettext_lazy("失信（守信）事实"), lambda r: r.description),
    ("unit_name", gettext_lazy("记录单位"), lambda r: r.unit.name),
    ("region_code", gettext_lazy("记录单位行政区划代码"), lambda r: r.unit.region.code),
    ("scheme", gettext_lazy("记分方案"), lambda r: r.scheme.name),
    ("recorded_at", gettext_lazy("记录时间"), lambda r: timezone.localtime(r.created_at).isoformat()),
]


def export_records(*, actor, date_from=None, date_to=None):
    """The records the actor may export, decided between the two dates (inclusive), oldest first."""
    if not permissions.can(actor, "export", model=CreditRecord):
        raise permissions.AccessDenied(_("无权导出信用记录"))
    if date_from and date_to and date_from > date_to:
        raise ValidationError({"date_to": _("截止日期不能早于起始日期")})
    rows = permissions.scope(actor, "export", CreditRecord.objects.select_related(
        "entity", "item", "unit__region", "scheme"))
    if date_from:
        rows = rows.filter(decided_on__gte=date_from)
    if date_to:
        rows = rows.filter(decided_on__lte=date_to)
    return rows.order_by("decided_on", "pk")


def as_document(records, *, date_from=None, date_to=None):
    return {
        "format": FORMAT, "version": VERSION, "generated_at": timezone.localtime().isoformat(),
        "period": {"from": date_from.isoformat() if date_from else None,
                   "to": date_to.isoformat() if date_to else None},
        "records": [{key: value(r) for key, _label, value in FIELDS} for r in records],
    }


def json_response(records, *, date_from=None, date_to=None):
    body = json.dumps(as_document(records, date_from=date_from, date_to=date_to), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="credit-records-{timezone.localdate()}.json"'
    return response


def xlsx_export_response(records):
    return xlsx_response(filename=_("信用记录-%(date)s.xlsx") % {"date": timezone.localdate().isoformat()},
                         title=_("信用记录"), headers=[label for _key, label, _value in FIELDS],
                         rows=([value(r) for _key, _label, value in FIELDS] for r in records))
