import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from lianjian.audit.models import AuditEntry
from lianjian.complaints.models import Channel, Complaint, ComplaintAttachment, ComplaintIdentity, ComplaintKind
from lianjian.complaints.services import complaint_submit
from lianjian.core.permissions import AccessDenied
from lianjian.deadlines.models import Deadline, DeadlineRule
from lianjian.notifications.models import Notification

from .factories import complaint_data, identity, pdf, report_data, submit

pytestmark = pytest.mark.django_db


def test_a_complete_public_complaint_about_a_lot_goes_to_the_lots_supervising_unit_with_its_clocks(
        world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = submit(world.city, lot=None, lot_code=world.lot.code, attachments=[pdf()])
    assert complaint.handling_unit == world.units.housing
    assert complaint.lot == world.lot and complaint.sector == world.housing_sector
    assert len(complaint.tracking_code) == 12
    assert complaint.submitter_masked == "张*丰" and complaint.contact_masked == "139****5678"
    assert ComplaintIdentity.objects.get(complaint=complaint).phone == "13912345678"
    assert complaint.attachments.get().original_name == "证据.pdf"
    rules = set(Deadline.objects.filter(object_id=complaint.pk).values_list("rule__code", flat=True))
    assert rules == {"complaint_accept", "complaint_decide"}
    assert Notification.objects.filter(recipient=world.housing).exists()


def test_a_complaint_without_a_lot_is_routed_by_region_and_sector_to_the_unit_supervising_that_sector(world):
    complaint = submit(world.city, sector=world.housing_sector)
    assert complaint.handling_unit == world.units.housing


def test_a_procurement_complaint_goes_to_the_finance_bureau_and_runs_on_the_procurement_rules(world):
    raised = datetime.date(2025, 9, 1)
    complaint = submit(world.city, kind=ComplaintKind.GP_COMPLAINT, objection_raised_on=raised,
                       objection_replied_on=datetime.date(2025, 9, 5), known_on=raised)
    assert complaint.handling_unit == world.units.finance
    rules = set(Deadline.objects.filter(object_id=complaint.pk).values_list("rule__code", flat=True))
    assert rules == {"gp_complaint_review", "gp_complaint_decide"}


def test_a_matter_no_single_supervisor_covers_goes_to_the_regions_lead_office(world):
    complaint = submit(world.city, sector=None)
    assert complaint.handling_unit == world.units.office


def test_the_public_window_refuses_an_incomplete_complaint_naming_each_missing_element(world):
    data = complaint_data(world.city, respondent_address="", evidence="", signed=False)
    with pytest.raises(ValidationError) as err:
        complaint_submit(data=data, identity=identity(address=""))
    messages = err.value.message_dict
    assert messages["address"] == ["缺少要件：投诉人的地址"]
    assert messages["respondent_address"] == ["缺少要件：被投诉人的地址"]
    assert messages["evidence"] == ["缺少要件：有效线索和相关证明材料"]
    assert "投诉人签字" in messages["signed"][0]
    assert not Complaint.objects.exists() and not AuditEntry.objects.filter(action="complaint.submit").exists()


def test_an_officer_registers_an_incomplete_letter_and_it_is_kept_with_the_missing_elements_listed(world):
    data = complaint_data(world.city, signed=False)
    complaint = complaint_submit(data=data, identity=identity(), actor=world.office, channel=Channel.LETTER)
    assert complaint.channel == Channel.LETTER and complaint.registered_by == world.office
    assert complaint.first_unit == world.units.office
    assert [p["field"] for p in complaint.requirement_problems] == ["signed"]


def test_an_oversight_reader_cannot_register_a_complaint(world):
    with pytest.raises(AccessDenied):
        complaint_submit(data=complaint_data(world.city), identity=identity(), actor=world.jiwei,
                         channel=Channel.PHONE)


def test_a_report_may_be_anonymous_and_keeps_no_identity(world):
    complaint = complaint_submit(data=report_data(world.city), identity=identity())
    assert complaint.anonymous and complaint.submitter_masked == "匿名" and complaint.contact_masked == ""
    assert not ComplaintIdentity.objects.filter(complaint=complaint).exists()


def test_a_complaint_cannot_be_anonymous(world):
    with pytest.raises(ValidationError) as err:
        submit(world.city, anonymous=True)
    assert "只有举报可以匿名" in err.value.message_dict["anonymous"][0]


def test_a_complaint_filed_after_ten_days_is_flagged_out_of_time_with_the_objection_reply_time_not_counted(world):
    known = datetime.date(2025, 9, 1)
    late = submit(world.city, known_on=known)
    assert late.filing_due == datetime.date(2025, 9, 11)
    assert [f["code"] for f in late.acceptance_flags] == ["out_of_time"]
    # The objection waited 4 days for its reply (9-12 → 9-16): those days are not counted (条例 第60条).
    shifted = submit(world.city, known_on=known, objection_matter="evaluation_result",
                     objection_raised_on=datetime.date(2025, 9, 12), objection_replied_on=datetime.date(2025, 9, 16))
    assert shifted.filing_due == datetime.date(2025, 9, 15)


def test_a_complaint_about_the_evaluation_result_without_an_objection_first_is_flagged(world):
    complaint = submit(world.city, objection_matter="evaluation_result")
    assert [f["code"] for f in complaint.acceptance_flags] == ["no_objection"]


def test_the_procurement_filing_period_runs_fifteen_working_days_after_the_challenge_reply_period(world):
    # Challenge on Friday 2025-09-26: the 7-working-day reply period crosses 国庆 2025 (make-up working days Sunday
    # 09-28 and Saturday 10-11) and ends on 10-13; 15 working days after that is Monday 2025-11-03.
    complaint = submit(world.city, kind=ComplaintKind.GP_COMPLAINT, known_on=datetime.date(2025, 9, 26),
                       objection_raised_on=datetime.date(2025, 9, 26))
    assert complaint.filing_due == datetime.date(2025, 11, 3)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("病毒.exe", b"MZ\x90\x00", "类型不允许"),
    ("伪装.pdf", b"MZ\x90\x00not a pdf", "内容与扩展名 .pdf 不符"),
])
def test_attachments_of_a_forbidden_type_or_disguised_content_are_refused_by_name(world, name, content, message):
    with pytest.raises(ValidationError) as err:
        submit(world.city, attachments=[SimpleUploadedFile(name, content)])
    assert name in err.value.message_dict["attachments"][0] and message in err.value.message_dict["attachments"][0]
    assert not Complaint.objects.exists() and not ComplaintAttachment.objects.exists()


def test_attachment_size_and_count_limits_come_from_settings(world, settings):
    settings.LIANJIAN_COMPLAINT_ATTACHMENTS = {"max_bytes": 10, "max_files": 1}
    with pytest.raises(ValidationError) as err:
        submit(world.city, attachments=[pdf("一.pdf"), pdf("二.pdf")])
    problems = err.value.message_dict["attachments"]
    assert problems[0] == "附件最多 1 个，收到 2 个"
    assert "附件“一.pdf”超过大小上限" in problems[1]


def test_script_in_a_text_field_and_an_invalid_credit_code_are_refused_and_nothing_is_stored(world):
    with pytest.raises(ValidationError) as err:
        submit(world.city, facts="<script>alert(1)</script>", respondent_credit_code="913301001234567890")
    assert err.value.message_dict["facts"] == ["“基本事实”不能包含 HTML 标记或脚本"]
    assert "统一社会信用代码“913301001234567890”无效" in err.value.message_dict["respondent_credit_code"][0]
    assert not Complaint.objects.exists()


def test_nothing_is_left_behind_when_storing_fails_after_the_files_were_written(world, tmp_path):
    # Without its rule row the decision clock cannot be opened, which fails after the attachment is on disk.
    DeadlineRule.objects.filter(code="complaint_decide").delete()
    with pytest.raises(ValidationError):
        submit(world.city, attachments=[pdf()])
    assert not Complaint.objects.exists() and not ComplaintIdentity.objects.exists()
    assert not list((tmp_path / "media").rglob("*.pdf"))
