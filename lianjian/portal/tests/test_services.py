import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.deadlines.models import Deadline, DeadlineState
from lianjian.portal import services
from lianjian.portal.models import DisclosureItem, Publication, PublicationState
from lianjian.portal.sanitize import MASK, sanitize

from .factories import (
    FILER_EMAIL,
    FILER_ID,
    FILER_NAME,
    FILER_PHONE,
    decided_complaint,
    received_complaint,
)

pytestmark = pytest.mark.django_db


def _deadline(publication):
    return Deadline.objects.get(content_type__model="publication", object_id=publication.pk)


def test_the_catalog_is_seeded_with_its_sources_and_time_limits():
    inspection = DisclosureItem.objects.get(code="inspection_result")
    assert inspection.deadline_rule.code == "random_inspection_publish" and "10个工作日" in inspection.source
    decision = DisclosureItem.objects.get(code="complaint_decision")
    assert decision.deadline_rule.code == "disclosure_active" and decision.deadline_rule.count == 20
    assert "政府信息公开条例》第二十六条" in decision.deadline_rule.source
    assert DisclosureItem.objects.get(code="blacklist").channel.count("曝光台") == 1
    assert all(item.source and item.channel and item.time_limit for item in DisclosureItem.objects.all())


def test_publishing_a_complaint_decision_masks_the_filer_wherever_the_text_repeats_her(world):
    complaint = decided_complaint(world)
    publication = services.complaint_decision_publish(complaint=complaint, actor=world.housing)
    text = publication.title + publication.body
    assert publication.state == PublicationState.PUBLISHED and publication.published_by == world.housing
    assert FILER_NAME not in text and FILER_PHONE not in text and MASK in text
    assert "责令招标人重新评标" in text and "事项成立" in text and publication.region == world.city
    assert AuditEntry.objects.filter(action="portal.publication.publish", object_id=str(publication.pk)).exists()


def test_a_complaint_without_a_decision_cannot_be_published(world):
    complaint = received_complaint(world)
    with pytest.raises(ValidationError) as exc:
        services.disclosure_publish(item="complaint_decision", source_object=complaint, title="处理决定",
                                    body="草稿：拟认定投诉成立", actor=world.housing)
    assert "尚未作出处理决定" in str(exc.value)
    assert not Publication.objects.exists()


def test_the_same_source_is_published_once(world):
    complaint = decided_complaint(world)
    services.complaint_decision_publish(complaint=complaint, actor=world.housing)
    with pytest.raises(ValidationError, match="已按"):
        services.complaint_decision_publish(complaint=complaint, actor=world.housing)
    assert Publication.objects.count() == 1


def test_an_oversight_reader_may_not_publish(world):
    complaint = decided_complaint(world)
    with pytest.raises(AccessDenied):
        services.complaint_decision_publish(complaint=complaint, actor=world.jiwei)


def test_html_and_identifiers_are_stripped_from_any_published_text():
    text = sanitize(f"<script>alert(1)</script><b>联系</b> {FILER_PHONE} 0571-88886666 {FILER_EMAIL} {FILER_ID}",
                    secrets=["李四"])
    assert "<" not in text and FILER_PHONE not in text and "88886666" not in text
    assert FILER_EMAIL not in text and FILER_ID not in text and text.startswith("alert(1)联系")


def test_a_complaint_channel_keeps_its_hotline_but_never_an_id_number(world):
    publication = services.disclosure_publish(
        item="complaint_channel", source_object=world.housing_unit, title="杭州市住建局投诉举报渠道",
        body=f"投诉电话：0571-87001234\n经办人身份证 {FILER_ID}", actor=world.housing)
    assert "0571-87001234" in publication.body and FILER_ID not in publication.body


def test_a_required_disclosure_runs_against_its_time_limit_and_publishing_meets_it(world):
    complaint = decided_complaint(world)
    pending = services.disclosure_require(item="complaint_decision", source_object=complaint,
                                          formed_on=datetime.date(2025, 10, 10), title="投诉处理决定",
                                          actor=world.housing)
    deadline = _deadline(pending)
    # 20 working days after Friday 2025-10-10 (rule disclosure_active), counting the make-up Saturday 10-11.
    assert deadline.due == datetime.date(2025, 11, 6) and deadline.responsible_unit == world.housing_unit
    publication = services.complaint_decision_publish(complaint=complaint, actor=world.housing)
    assert publication.pk == pending.pk and publication.state == PublicationState.PUBLISHED
    assert _deadline(publication).state == DeadlineState.MISSED


def test_a_disclosure_cannot_be_required_twice_for_one_source(world):
    complaint = decided_complaint(world)
    kwargs = {"item": "complaint_decision", "source_object": complaint, "formed_on": datetime.date(2025, 10, 10),
              "title": "投诉处理决定", "actor": world.housing}
    services.disclosure_require(**kwargs)
    with pytest.raises(ValidationError, match="已登记"):
        services.disclosure_require(**kwargs)
    assert Deadline.objects.filter(content_type__model="publication").count() == 1


def test_an_unknown_catalog_item_is_named_in_the_error(world):
    with pytest.raises(ValidationError, match="没有事项“penalty”"):
        services.disclosure_publish(item="penalty", source_object=world.housing_unit, title="t", body="b",
                                    actor=world.housing)


def test_withdrawing_takes_the_record_off_and_a_second_withdrawal_is_refused(world):
    publication = services.complaint_decision_publish(complaint=decided_complaint(world), actor=world.housing)
    stale = Publication.objects.get(pk=publication.pk)
    services.disclosure_withdraw(publication=publication, reason="误发", actor=world.housing)
    assert Publication.objects.get(pk=publication.pk).state == PublicationState.WITHDRAWN
    with pytest.raises(ValidationError, match="已被他人处理"):
        services.disclosure_withdraw(publication=stale, reason="误发", actor=world.housing)


def test_withdrawal_needs_a_reason(world):
    publication = services.complaint_decision_publish(complaint=decided_complaint(world), actor=world.housing)
    with pytest.raises(ValidationError, match="撤回理由"):
        services.disclosure_withdraw(publication=publication, reason=" ", actor=world.housing)


@pytest.mark.django_db(transaction=True)
def test_two_officers_publishing_the_same_decision_at_once_produce_one_record(world):
    if connection.vendor != "postgresql":
        pytest.skip("needs two real connections with row locks (PostgreSQL)")
    complaint = decided_complaint(world)
    services.disclosure_require(item="complaint_decision", source_object=complaint,
                                formed_on=datetime.date(2025, 10, 10), title="投诉处理决定", actor=world.housing)
    barrier, outcomes = threading.Barrier(2), []

    def publish():
        try:
            barrier.wait()
            services.complaint_decision_publish(complaint=complaint, actor=world.housing)
            outcomes.append("published")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["published", "refused"]
    assert AuditEntry.objects.filter(action="portal.publication.publish").count() == 1
