"""The printable inspection notice (检查通知书) for one selected object: who inspects, on which items, by which
method, when, and how the draw that chose the object can be verified."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def inspection_notice(*, task, draw, obj, team, verify_url):
    doc = Document()
    doc.styles["Normal"].font.size = Pt(12)
    for text, size in ((str(task.plan.unit), 16), (_("双随机抽查检查通知书"), 18)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold, run.font.size = True, Pt(size)
    doc.add_paragraph(f"{obj.name}：")
    doc.add_paragraph(_("根据《%(plan)s》，经公开随机抽取，你（单位）被确定为“%(task)s”的检查对象。"
                        "检查组将于 %(start)s 至 %(end)s 期间依法开展检查，请予配合并如实提供有关材料。") % {
        "plan": task.plan.title, "task": task.title, "start": task.scheduled_start, "end": task.scheduled_end})
    doc.add_paragraph(_("一、检查事项"))
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, (_("检查事项"), _("实施单位"), _("检查方式"), _("权责清单事项"))):
        cell.text = str(text)
    for item in task.items.select_related("unit", "power_item"):
        cells = table.add_row().cells
        for cell, text in zip(cells, (item.name, str(item.unit), item.get_method_display(),
                                      f"{item.power_item.code} {item.power_item.name}")):
            cell.text = text
    doc.add_paragraph(_("二、检查人员（不少于两名，持执法证件）"))
    for assignment in team:
        officer = assignment.inspector
        doc.add_paragraph(_("%(name)s，%(unit)s，执法证号 %(no)s") % {
            "name": officer.person.full_name or officer.person.username, "unit": officer.unit,
            "no": officer.certificate_no})
    doc.add_paragraph(_("三、随机抽取记录：%(draw)s，抽取时间 %(at)s，随机种子 %(seed)s。任何人可在 %(url)s 复核抽取结果。") % {
        "draw": draw, "at": timezone.localtime(draw.drawn_at).strftime("%Y-%m-%d %H:%M"), "seed": draw.seed,
        "url": verify_url})
    doc.add_paragraph(_("检查人员与你（单位）有直接利害关系的，你（单位）有权申请回避。"))
    for text in (str(task.plan.unit), f"{timezone.localdate():%Y年%m月%d日}"):
        doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
