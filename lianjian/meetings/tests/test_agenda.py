import pytest
from django.core.exceptions import ValidationError

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.core.workflow import InvalidTransition
from lianjian.meetings import services
from lianjian.meetings.models import AgendaState, MeetingState
from lianjian.notifications.models import Notification

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db(transaction=False)


def test_an_item_reaches_the_office_only_after_the_unit_head_signs_it(w, django_capture_on_commit_callbacks):
    meeting = MeetingFactory(unit=w.units.office)
    with django_capture_on_commit_callbacks(execute=True):
        item = services.agenda_propose(meeting=meeting, title="围标线索处置", description="情况", actor=w.officer)
    assert item.state == AgendaState.DRAFT
    assert Notification.objects.filter(recipient=w.head, subject__contains="待签字议题").exists()
    with django_capture_on_commit_callbacks(execute=True):
        item = services.agenda_sign_off(item=item, actor=w.head)
    assert item.state == AgendaState.SUBMITTED and item.signed_off_by == w.head
    assert Notification.objects.filter(recipient=w.office, subject__contains="收到议题").exists()
    assert AuditEntry.objects.filter(action="meetings.agenda_item.sign_off", object_id=str(item.pk)).exists()


def test_an_officer_cannot_sign_off_their_own_proposal(w):
    item = services.agenda_propose(meeting=MeetingFactory(unit=w.units.office), title="议题", description="说明",
                                   actor=w.officer)
    with pytest.raises(AccessDenied):
        services.agenda_sign_off(item=item, actor=w.officer)


def test_the_head_of_another_unit_cannot_sign_off_an_item(w):
    item = services.agenda_propose(meeting=MeetingFactory(unit=w.units.office), title="议题", description="说明",
                                   actor=w.officer)
    with pytest.raises(AccessDenied):
        services.agenda_sign_off(item=item, actor=w.water_head)


def test_a_proposal_without_title_or_description_names_both_fields(w):
    with pytest.raises(ValidationError) as exc:
        services.agenda_propose(meeting=MeetingFactory(unit=w.units.office), title=" ", description="", actor=w.officer)
    assert set(exc.value.message_dict) == {"title", "description"}


def test_oversight_readers_cannot_propose_items(w):
    with pytest.raises(AccessDenied):
        services.agenda_propose(meeting=MeetingFactory(unit=w.units.office), title="议题", description="说明",
                                actor=w.oversight)


def test_the_office_compiles_signed_items_and_leaves_drafts_behind(w):
    meeting = MeetingFactory(unit=w.units.office)
    signed = services.agenda_propose(meeting=meeting, title="已签字", description="说明", actor=w.officer)
    services.agenda_sign_off(item=signed, actor=w.head)
    draft = services.agenda_propose(meeting=meeting, title="未签字", description="说明", actor=w.officer)
    meeting = services.meeting_compile(meeting=meeting, actor=w.office)
    assert meeting.state == MeetingState.COMPILED
    signed.refresh_from_db()
    draft.refresh_from_db()
    assert (signed.state, draft.state) == (AgendaState.COMPILED, AgendaState.DRAFT)


def test_compiling_with_nothing_signed_is_refused_with_a_reason(w):
    meeting = MeetingFactory(unit=w.units.office)
    with pytest.raises(ValidationError, match="没有已签字报送的议题"):
        services.meeting_compile(meeting=meeting, actor=w.office)


def test_only_the_convener_approves_the_agenda(w):
    meeting = MeetingFactory(unit=w.units.office)
    item = services.agenda_propose(meeting=meeting, title="议题", description="说明", actor=w.officer)
    services.agenda_sign_off(item=item, actor=w.head)
    meeting = services.meeting_compile(meeting=meeting, actor=w.office)
    for someone in (w.office, w.head, w.oversight, w.xs_office):
        with pytest.raises(AccessDenied):
            services.meeting_approve_agenda(meeting=meeting, actor=someone)
    meeting = services.meeting_approve_agenda(meeting=meeting, actor=w.convener)
    assert meeting.state == MeetingState.APPROVED


def test_the_convener_strikes_an_item_then_returns_the_agenda_and_the_office_recompiles(w):
    meeting = MeetingFactory(unit=w.units.office)
    items = []
    for title in ("议题甲", "议题乙"):
        item = services.agenda_propose(meeting=meeting, title=title, description="说明", actor=w.officer)
        items.append(services.agenda_sign_off(item=item, actor=w.head))
    meeting = services.meeting_compile(meeting=meeting, actor=w.office)
    items[0].refresh_from_db()
    struck = services.agenda_strike(item=items[0], reason="不属于本次会议研究范围", actor=w.convener)
    assert struck.state == AgendaState.STRUCK
    meeting = services.meeting_return_agenda(meeting=meeting, reason="请补充材料", actor=w.convener)
    items[1].refresh_from_db()
    assert meeting.state == MeetingState.PLANNED and items[1].state == AgendaState.SUBMITTED
    meeting = services.meeting_compile(meeting=meeting, actor=w.office)
    assert meeting.state == MeetingState.COMPILED


def test_no_item_is_taken_once_the_agenda_is_compiled(w):
    meeting = MeetingFactory(unit=w.units.office)
    item = services.agenda_propose(meeting=meeting, title="议题", description="说明", actor=w.officer)
    late = services.agenda_propose(meeting=meeting, title="迟到议题", description="说明", actor=w.officer)
    services.agenda_sign_off(item=item, actor=w.head)
    services.meeting_compile(meeting=meeting, actor=w.office)
    with pytest.raises(ValidationError, match="不再接收议题"):
        services.agenda_sign_off(item=late, actor=w.head)


def test_a_stale_page_cannot_approve_an_agenda_twice(w):
    meeting = MeetingFactory(unit=w.units.office)
    item = services.agenda_propose(meeting=meeting, title="议题", description="说明", actor=w.officer)
    services.agenda_sign_off(item=item, actor=w.head)
    compiled = services.meeting_compile(meeting=meeting, actor=w.office)
    services.meeting_approve_agenda(meeting=compiled, actor=w.convener)
    with pytest.raises(ValidationError):
        services.meeting_approve_agenda(meeting=compiled, actor=w.convener)


def test_a_member_unit_head_requests_an_ad_hoc_meeting_with_reasons(w, django_capture_on_commit_callbacks):
    with pytest.raises(ValidationError) as exc:
        services.meeting_request(lead_unit=w.units.office, title="临时会议", reasons="", actor=w.head)
    assert "reasons" in exc.value.message_dict
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_request(lead_unit=w.units.office, title="临时会议", reasons="发现重大串标风险",
                                           actor=w.head)
    assert meeting.state == MeetingState.REQUESTED and meeting.requested_by_unit == w.units.housing
    assert Notification.objects.filter(recipient=w.convener, subject__contains="临时联席会议").exists()
    with pytest.raises(AccessDenied):
        services.meeting_decide_request(meeting=meeting, approve=True, actor=w.office)
    meeting = services.meeting_decide_request(meeting=meeting, approve=True, actor=w.convener)
    assert meeting.state == MeetingState.PLANNED


def test_a_declined_ad_hoc_meeting_needs_the_conveners_reasons(w):
    meeting = services.meeting_request(lead_unit=w.units.office, title="临时会议", reasons="理由", actor=w.office)
    with pytest.raises(ValidationError, match="理由"):
        services.meeting_decide_request(meeting=meeting, approve=False, actor=w.convener)
    meeting = services.meeting_decide_request(meeting=meeting, approve=False, note="可在定期会议研究",
                                              actor=w.convener)
    assert meeting.state == MeetingState.REJECTED
    with pytest.raises(InvalidTransition):
        services.meeting_compile(meeting=meeting, actor=w.office)


def test_an_ordinary_officer_cannot_request_a_meeting(w):
    with pytest.raises(AccessDenied):
        services.meeting_request(lead_unit=w.units.office, title="临时会议", reasons="理由", actor=w.officer)
