"""Transfers and assistance letters on the deadline machinery (seed 004 §(四); rules.md §1), across 国庆 2025:
1–8 October off, Sunday 28 September and Saturday 11 October worked (国办发明电〔2024〕12号)."""

import datetime
import io
import zoneinfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from docx import Document

from lianjian.cases import documents, services
from lianjian.cases.models import Transfer, TransferKind, TransferState
from lianjian.cases.selectors import overdue_steps, transfers_for
from lianjian.core.workflow import StaleTransition
from lianjian.deadlines.models import Deadline, DeadlineState

from .factories import transfer

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def _clock(obj, rule):
    return Deadline.objects.get(object_id=obj.pk, content_type__model=obj._meta.model_name, rule__code=rule)


def _sent_before_the_holiday(place, kind=TransferKind.TRANSFER):
    sent = transfer(place, kind=kind, discovered_on=datetime.date(2025, 9, 26))
    sent = services.transfer_send(transfer=sent, actor=place.housing_officer)
    Transfer.objects.filter(pk=sent.pk).update(sent_at=datetime.datetime(2025, 9, 29, 9, tzinfo=SHANGHAI))
    sent.refresh_from_db()
    return services.transfer_receive(transfer=sent, actor=place.water_officer,
                                     at=datetime.datetime(2025, 9, 30, 10, tzinfo=SHANGHAI))


def test_the_transfer_is_due_five_working_days_after_discovery_counting_the_make_up_sunday(place):
    drafted = transfer(place, discovered_on=datetime.date(2025, 9, 26))
    # 28/9 (worked Sunday), 29/9, 30/9, 9/10, 10/10.
    assert _clock(drafted, "case_transfer").due == datetime.date(2025, 10, 10)
    sent = services.transfer_send(transfer=drafted, actor=place.housing_officer)
    assert _clock(sent, "case_transfer").state == DeadlineState.MISSED


def test_the_receiver_returns_an_out_of_remit_transfer_within_five_working_days_of_receipt(place):
    received = _sent_before_the_holiday(place)
    # 9/10, 10/10, 11/10 (worked Saturday), 13/10, 14/10.
    assert _clock(received, "transfer_return").due == datetime.date(2025, 10, 14)
    with pytest.raises(ValidationError) as error:
        services.transfer_return(transfer=received, reason=" ", actor=place.water_officer)
    assert "reason" in error.value.message_dict
    returned = services.transfer_return(transfer=received, reason="不属于水利工程", actor=place.water_officer)
    assert returned.state == TransferState.RETURNED
    assert _clock(returned, "transfer_return").state == DeadlineState.MISSED


def test_acceptance_is_reported_within_five_working_days_of_the_decision(place):
    received = _sent_before_the_holiday(place)
    accepted = services.transfer_accept(transfer=received, decided_on=datetime.date(2025, 9, 30),
                                        actor=place.water_officer)
    report = _clock(accepted, "transfer_accept_report")
    assert report.due == datetime.date(2025, 10, 14) and report.state == DeadlineState.MISSED
    assert _clock(accepted, "transfer_return").state == DeadlineState.CANCELLED


def test_the_result_is_reported_within_ten_working_days_after_handling_ends(place):
    received = _sent_before_the_holiday(place)
    accepted = services.transfer_accept(transfer=received, decided_on=datetime.date(2025, 9, 30),
                                        actor=place.water_officer)
    with pytest.raises(ValidationError) as error:
        services.transfer_report_result(transfer=accepted, handled_on=datetime.date(2025, 9, 1), result="已处罚",
                                        actor=place.water_officer)
    assert "handled_on" in error.value.message_dict
    done = services.transfer_report_result(transfer=accepted, handled_on=datetime.date(2025, 9, 30),
                                           result="已作出行政处罚", actor=place.water_officer)
    # 9/10, 10/10, 11/10 (worked Saturday), 13/10 … 17/10, 20/10, 21/10: ten working days after 30 September.
    assert _clock(done, "transfer_result_report").due == datetime.date(2025, 10, 21)
    assert done.state == TransferState.COMPLETED


def test_an_assistance_letter_has_the_same_return_window(place):
    received = _sent_before_the_holiday(place, kind=TransferKind.ASSISTANCE)
    assert _clock(received, "assistance_letter_return").due == datetime.date(2025, 10, 14)
    assert not Deadline.objects.filter(object_id=received.pk, rule__code="case_transfer").exists()


def test_a_material_list_with_a_bad_row_names_the_row_and_writes_nothing(place):
    with pytest.raises(ValidationError) as error:
        transfer(place, materials=[("移送函", 1, 2), ("", "x", None)])
    assert "第 2 行" in " ".join(error.value.message_dict["materials"])
    assert not Transfer.objects.exists()


def test_the_receiver_sees_nothing_until_it_is_sent_and_others_never(place):
    drafted = transfer(place)
    assert drafted not in transfers_for(actor=place.water_officer)
    with pytest.raises(PermissionDenied):
        services.transfer_receive(transfer=drafted, actor=place.water_officer)
    services.transfer_send(transfer=drafted, actor=place.housing_officer)
    assert drafted in transfers_for(actor=place.water_officer)
    assert drafted in transfers_for(actor=place.office_staff)
    assert drafted not in transfers_for(actor=place.police_reader)


def test_an_oversight_reader_cannot_sign_a_receipt(place):
    sent = services.transfer_send(transfer=transfer(place, to_unit=place.police), actor=place.housing_officer)
    with pytest.raises(PermissionDenied):
        services.transfer_receive(transfer=sent, actor=place.police_reader)


def test_signing_the_same_receipt_twice_gets_a_stale_transition(place):
    sent = services.transfer_send(transfer=transfer(place), actor=place.housing_officer)
    stale = Transfer.objects.get(pk=sent.pk)
    services.transfer_receive(transfer=sent, actor=place.water_officer)
    with pytest.raises(StaleTransition):
        services.transfer_receive(transfer=stale, actor=place.water_officer2)


def test_overdue_steps_are_listed_for_the_lead_office(place):
    drafted = transfer(place, discovered_on=datetime.date(2025, 9, 26))
    assert [d.object_id for d in overdue_steps(actor=place.office_staff)] == [drafted.pk]


def test_the_transfer_letter_and_receipt_are_word_documents_with_the_material_list(place):
    received = _sent_before_the_holiday(place)
    letter = Document(io.BytesIO(documents.transfer_letter(received)))
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "案件移送书" in text and received.to_unit.name in text
    assert letter.tables[0].rows[1].cells[1].text == "移送函"
    receipt = "\n".join(p.text for p in Document(io.BytesIO(documents.transfer_receipt(received))).paragraphs)
    assert "2025年09月30日 10:00" in receipt
