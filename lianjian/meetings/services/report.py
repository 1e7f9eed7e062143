"""The annual supervision report to the government, drafted as a Word document from the system's own data."""

import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from lianjian.audit.services import audit_record
from lianjian.core import permissions

from ..models import Meeting
from ..selectors.report import annual_report_figures

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _percent(part, whole):
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def _table(doc, headers, rows):
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers):
        cell.text = str(header)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = str(value)


def _compose(f):
    doc = Document()
    doc.styles["Normal"].font.size = Pt(12)
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(_("%(unit)s关于%(year)d年度公共资源交易监管工作情况的报告（草稿）") % {
        "unit": f.lead_unit, "year": f.year})
    run.bold, run.font.size = True, Pt(16)
    doc.add_paragraph(_("本报告由联监平台依据系统内数据自动生成，报送前请核对。生成时间：%(at)s") % {
        "at": f"{timezone.localtime():%Y-%m-%d %H:%M}"})

    doc.add_paragraph(_("一、联席会议召开情况"))
    doc.add_paragraph(_("全年召开联席会议 %(n)d 次，其中定期会议 %(r)d 次、临时会议 %(a)d 次，形成议定事项 %(d)d 项。") % {
        "n": len(f.meetings), "r": f.regular_meetings, "a": f.ad_hoc_meetings, "d": f.decisions})
    if f.meetings:
        _table(doc, [_("召开日期"), _("会议名称"), _("会议类型"), _("议定事项")],
               [(m.held_on.isoformat(), m.title, m.get_kind_display(), m.n_decisions) for m in f.meetings])

    doc.add_paragraph(_("二、议定事项落实情况"))
    doc.add_paragraph(_("议定事项交办督办事项 %(t)d 件：按期办结 %(on)d 件，逾期办结 %(late)d 件，尚在办理 %(open)d 件"
                        "（其中已逾期 %(over)d 件）；按期办结率 %(rate)s。联席会议办公室全年发出督办通报 %(notices)d 期。") % {
        "t": f.tasks, "on": f.tasks_on_time, "late": f.tasks_late, "open": f.tasks_open, "over": f.tasks_overdue,
        "rate": _percent(f.tasks_on_time, f.tasks), "notices": f.notices})

    doc.add_paragraph(_("三、公共资源交易情况"))
    doc.add_paragraph(_("全年开标标段（包）%(n)d 个，中标金额合计 %(amount)s 元。") % {
        "n": f.lots, "amount": f"{f.award_amount:,.2f}"})

    doc.add_paragraph(_("四、监管事项办理时限情况"))
    doc.add_paragraph(_("全年办结的有期限事项 %(total)d 件，其中按期 %(met)d 件、逾期 %(missed)d 件，按期率 %(rate)s。") % {
        "total": f.deadlines_met + f.deadlines_missed, "met": f.deadlines_met, "missed": f.deadlines_missed,
        "rate": _percent(f.deadlines_met, f.deadlines_met + f.deadlines_missed)})
    if f.deadline_rows:
        _table(doc, [_("事项类别"), _("按期办结"), _("逾期办结")], f.deadline_rows)

    doc.add_paragraph(_("五、存在的问题和下一步工作"))
    doc.add_paragraph(_("（由联席会议办公室补充。）"))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def annual_report_docx(*, lead_unit, year, actor):
    """The draft report of ``lead_unit``'s mechanism for ``year`` as .docx bytes; drafted by its office."""
    permissions.require(actor, "report", Meeting(unit=lead_unit))
    if not isinstance(year, int) or not 2000 <= year <= timezone.localdate().year:
        raise ValidationError({"year": _("年度“%(y)s”无效") % {"y": year}})
    figures = annual_report_figures(actor=actor, lead_unit=lead_unit, year=year)
    content = _compose(figures)
    with transaction.atomic():
        audit_record(actor=actor, action="meetings.annual_report.draft", obj=lead_unit,
                     detail={"year": year, "meetings": len(figures.meetings), "tasks": figures.tasks,
                             "lots": figures.lots})
    return content
