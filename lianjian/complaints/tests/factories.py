"""Factories and builders for complaint tests: valid submissions of each kind, ready to pass to the services."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lianjian.complaints.models import ComplaintKind
from lianjian.complaints.services import complaint_submit
from lianjian.experts.tests.factories import credit_code

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="证据.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def identity(**overrides):
    return {"name": "张三丰", "organisation_representative": "", "id_number": "", "address": "杭州市上城区解放路1号",
            "phone": "13912345678", "email": "zhang@example.com", **overrides}


def complaint_data(region, **overrides):
    """A complete 工程建设 complaint, filed the day the complainant learnt of the matter."""
    return {
        "kind": ComplaintKind.COMPLAINT, "anonymous": False, "title": "评标结果不公正",
        "region": region, "sector": None, "lot": None, "lot_code": "", "project_reference": "",
        "respondent_name": "杭州市城市建设投资集团有限公司", "respondent_credit_code": credit_code(),
        "respondent_address": "杭州市江干区", "respondent_contact": "0571-88888888",
        "facts": "第一中标候选人业绩造假。", "requests": "请求重新评标。", "evidence": "附业绩证明材料。",
        "signed": True, "known_on": timezone.localdate(), "objection_matter": "",
        "objection_raised_on": None, "objection_replied_on": None, **overrides,
    }


def report_data(region, **overrides):
    return complaint_data(region, kind=ComplaintKind.REPORT, anonymous=True, title="举报围标串标",
                          respondent_address="", respondent_contact="", requests="", signed=False,
                          **overrides)


def submit(region, *, data=None, ident=None, attachments=(), **overrides):
    data = data or complaint_data(region, **overrides)
    return complaint_submit(data=data, identity=identity() if ident is None else ident, attachments=attachments)

