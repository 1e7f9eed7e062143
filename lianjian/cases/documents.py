"""Printable Word documents (python-docx) filled with the case's or transfer's data: 移送书/协助函 with the material
list, its 回执, and the 行政处罚决定书."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from .models import DecisionKind, TransferKind

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _document(title, issuer):
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(12)
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(str(issuer))
    run.bold, run.font.size = True, Pt(16)
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(str(title))
    run.bold, run.font.size = True, Pt(18)
    return doc


def _bytes(doc):
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _signature(doc, unit, on):
    for text in (str(unit), f"{on:%Y年%m月%d日}"):
        p = doc.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def transfer_letter(transfer):
    title = {TransferKind.TRANSFER: _("案件移送书"), TransferKind.ASSISTANCE: _("协助办理函"),
             TransferKind.CRIME: _("涉嫌犯罪案件移送书")}[transfer.kind]
    doc = _document(title, transfer.from_unit)
    doc.add_paragraph(_("编号：%(n)s") % {"n": transfer.number}).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph(f"{transfer.to_unit}：")
    doc.add_paragraph(_("事由：%(t)s") % {"t": transfer.title})
    doc.add_paragraph(_("一、案件基本情况"))
    doc.add_paragraph(transfer.facts)
    doc.add_paragraph(_("二、移送（协助）事项及理由"))
    doc.add_paragraph(transfer.request)
    doc.add_paragraph(_("三、移送材料清单"))
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, (_("序号"), _("材料名称"), _("份数"), _("页数"))):
        cell.text = str(text)
    for number, material in enumerate(transfer.materials.all(), start=1):
        cells = table.add_row().cells
        for cell, text in zip(cells, (number, material.name, material.copies, material.pages or "")):
            cell.text = str(text)
    if transfer.kind == TransferKind.CRIME:
        team = "、".join(str(u) for u in transfer.team.all())
        doc.add_paragraph(_("专案组成员：%(team)s") % {"team": team})
    doc.add_paragraph(_("请于收到本文书后签收回执，并按规定期限回告受理及办理结果。"))
    _signature(doc, transfer.from_unit, timezone.localdate(transfer.sent_at or transfer.created_at))
    return _bytes(doc)


def transfer_receipt(transfer):
    doc = _document(_("回执"), transfer.to_unit)
    doc.add_paragraph(f"{transfer.from_unit}：")
    doc.add_paragraph(_("你单位 %(sent)s 发来的“%(title)s”（编号 %(n)s）及所附材料 %(count)d 项已于 %(received)s 收到。") % {
        "sent": f"{timezone.localtime(transfer.sent_at):%Y年%m月%d日}", "title": transfer.title, "n": transfer.number,
        "count": transfer.materials.count(),
        "received": f"{timezone.localtime(transfer.received_at):%Y年%m月%d日 %H:%M}"})
    doc.add_paragraph(_("签收人：%(who)s") % {"who": transfer.received_by})
    _signature(doc, transfer.to_unit, timezone.localdate(transfer.received_at))
    return _bytes(doc)


def penalty_decision(case):
    decision = case.decision
    title = _("行政处罚决定书") if decision.kind == DecisionKind.PENALTY else _("不予行政处罚决定书")
    doc = _document(title, case.unit)
    doc.add_paragraph(decision.document_number).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for party in case.parties.all():
        doc.add_paragraph(_("当事人：%(name)s（统一社会信用代码：%(code)s）") % {"name": party.name,
                                                                    "code": party.credit_code})
    doc.add_paragraph(_("案由：%(t)s") % {"t": case.title})
    doc.add_paragraph(_("本机关于 %(d)s 立案调查。经查：") % {"d": f"{case.registered_on:%Y年%m月%d日}"})
    doc.add_paragraph(case.investigation_summary or case.facts)
    doc.add_paragraph(_("理由和依据：%(r)s") % {"r": decision.reasons})
    item = decision.power_item
    doc.add_paragraph(_("职权依据：权责清单事项 %(code)s %(name)s（%(basis)s）") % {
        "code": item.code, "name": item.name, "basis": item.legal_basis})
    if decision.kind == DecisionKind.PENALTY:
        if decision.benchmark_id:
            doc.add_paragraph(_("裁量基准：%(b)s") % {"b": decision.benchmark})
        if decision.fine_amount is not None:
            doc.add_paragraph(_("决定：处罚款人民币 %(fine)s 元。") % {"fine": decision.fine_amount})
        if decision.other_measures:
            doc.add_paragraph(decision.other_measures)
    elif decision.kind == DecisionKind.TOLERATED:
        doc.add_paragraph(_("当事人已主动纠正违法行为并作出公开信用承诺，符合容错清单“%(item)s”情形，决定不予行政处罚。") % {
            "item": decision.tolerance_item})
    else:
        doc.add_paragraph(_("决定不予行政处罚。"))
    _signature(doc, case.unit, decision.decided_on)
    return _bytes(doc)
