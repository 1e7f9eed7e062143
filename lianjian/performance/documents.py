"""The review as an Excel sheet and as a printable Word document (python-docx)."""

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def percent(rate):
    return "—" if rate is None else f"{rate * 100:.1f}%"


def table_headers(categories):
    return [_("排名"), _("单位"), _("应办结"), _("按期办结"), _("逾期办结"), _("超期未办"), _("办理中"), _("按期率"),
            *[_("%(name)s按期率") % {"name": c.name} for c in categories]]


def table_rows(rows, categories):
    for row in rows:
        per = [percent(row.categories[c.code]["rate"]) if c.code in row.categories else "—" for c in categories]
        yield [row.rank, row.unit_name, row.decided, row.met, row.missed, row.overdue, row.pending,
               percent(row.rate), *per]


def review_docx(*, rows, categories, period_start, period_end, region_label):
    document = Document()
    document.styles["Normal"].font.size = Pt(10.5)
    document.add_heading(_("公共资源交易协同监管效能考核情况"), level=1)
    document.add_paragraph(_("考核范围：%(region)s；考核期：%(start)s 至 %(end)s。") % {
        "region": region_label, "start": period_start, "end": period_end})
    document.add_paragraph(_("按期率 = 按期办结 ÷（按期办结 + 逾期办结 + 超期未办）；考核期内到期、尚在办理且未超期的事项不计入。"))
    headers = table_headers(categories)
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers):
        cell.text = str(header)
    for values in table_rows(rows, categories):
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = str(value)
    failed = [row for row in rows if row.failed]
    document.add_heading(_("未按期履职的单位"), level=2)
    if failed:
        for row in failed:
            document.add_paragraph(_("%(unit)s：逾期办结 %(missed)d 项，超期未办 %(overdue)d 项。") % {
                "unit": row.unit_name, "missed": row.missed, "overdue": row.overdue}, style="List Bullet")
    else:
        document.add_paragraph(_("本考核期内各单位均按期履职。"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
