"""Printable Word documents served to the filer: the acceptance notice (受理通知书), the non-acceptance decision
(不予受理决定书) and the decision letter (投诉处理决定书). Built with python-docx; the caller has already checked that
the officer may read the identity and logged the reading."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from .models import ComplaintState
from .rule_data import NON_ACCEPTANCE_REASONS

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _addressee(identity):
    return identity.name if identity is not None else _("举报人")


def _document(title, complaint, identity, paragraphs):
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(12)
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(complaint.handling_unit.name)
    run.bold = True
    run.font.size = Pt(16)
    head = doc.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head_run = head.add_run(title)
    head_run.bold = True
    head_run.font.size = Pt(18)
    doc.add_paragraph(_("查询码：%(code)s") % {"code": complaint.tracking_code})
    doc.add_paragraph(_("%(name)s：") % {"name": _addressee(identity)})
    for text in paragraphs:
        doc.add_paragraph(text)
    closing = doc.add_paragraph(_("%(unit)s\n%(date)s") % {
        "unit": complaint.handling_unit.name, "date": timezone.localdate().strftime("%Y年%m月%d日")})
    closing.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    doc.save(buffer)
    return title, buffer.getvalue()


def _received(complaint):
    return timezone.localtime(complaint.received_at).strftime("%Y年%m月%d日")


def acceptance_notice(complaint, identity):
    title = _("投诉受理通知书")
    body = [
        _("你（单位）于 %(date)s 提交的《%(title)s》（%(kind)s）收悉。经审查，符合受理条件，本机关决定予以受理，"
          "受理日期自收到之日起计算。") % {"date": _received(complaint), "title": complaint.title,
                                 "kind": complaint.get_kind_display()},
    ]
    if complaint.power_item is not None:
        body.append(_("受理依据：%(item)s（%(basis)s）") % {"item": complaint.power_item,
                                                      "basis": complaint.power_item.legal_basis})
    body.append(_("办理进度及结果可凭查询码在网上投诉举报窗口查询。"))
    return _document(title, complaint, identity, body)


def rejection_notice(complaint, identity):
    title = _("不予受理决定书")
    reasons = [str(NON_ACCEPTANCE_REASONS[r]) for r in complaint.rejection_reasons if r in NON_ACCEPTANCE_REASONS]
    body = [
        _("你（单位）于 %(date)s 提交的《%(title)s》收悉。经审查，根据《工程建设项目招标投标活动投诉处理办法》"
          "（七部委令第11号）第十二条，决定不予受理。") % {"date": _received(complaint), "title": complaint.title},
        _("理由：%(reasons)s") % {"reasons": "；".join(reasons)},
        complaint.reply_text,
    ]
    return _document(title, complaint, identity, body)


def decision_letter(complaint, identity):
    title = _("投诉处理决定书")
    body = [
        _("投诉（举报）事项：%(title)s") % {"title": complaint.title},
        _("被投诉（举报）人：%(name)s") % {"name": complaint.respondent_name or "—"},
        _("基本事实：%(facts)s") % {"facts": complaint.facts},
        _("处理结果：%(outcome)s") % {"outcome": complaint.get_outcome_display()},
        _("处理决定：%(text)s") % {"text": complaint.decision_text},
        _("法律依据：%(basis)s") % {"basis": complaint.legal_basis},
        _("如不服本决定，可以依法申请行政复议或者提起行政诉讼。"),
    ]
    return _document(title, complaint, identity, body)


BUILDERS = {"acceptance": acceptance_notice, "rejection": rejection_notice, "decision": decision_letter}
AVAILABLE_IN = {
    "acceptance": (ComplaintState.ACCEPTED, ComplaintState.DECIDED, ComplaintState.REPLIED),
    "rejection": (ComplaintState.REJECTED,),
    "decision": (ComplaintState.DECIDED, ComplaintState.REPLIED),
}


def available(complaint, kind):
    return complaint.state in AVAILABLE_IN.get(kind, ())


def available_kinds(complaint):
    return [(kind, label) for kind, label in (("acceptance", _("受理通知书")), ("rejection", _("不予受理决定书")),
                                              ("decision", _("处理决定书"))) if available(complaint, kind)]
