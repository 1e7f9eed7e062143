import pytest
from django.urls import reverse

from lianjian.meetings import services
from lianjian.meetings.models import Meeting, MeetingState

from .factories import MeetingFactory, held_meeting

pytestmark = pytest.mark.django_db


def test_the_api_lists_tasks_with_their_deadline_status_scoped_to_the_caller(client, w):
    held_meeting(w, days_ago=45, units=[w.units.housing, w.units.water])
    client.force_login(w.water_head)
    body = client.get(reverse("meetings-task-list")).json()
    rows = body["results"] if isinstance(body, dict) else body
    assert [(r["unit_name"], r["deadline_status"]) for r in rows] == [("杭州市水利局", "overdue")]


def test_a_transition_from_a_stale_read_answers_409_and_changes_nothing(client, w):
    meeting = MeetingFactory(unit=w.units.office)
    item = services.agenda_propose(meeting=meeting, title="议题", description="说明", actor=w.officer)
    services.agenda_sign_off(item=item, actor=w.head)
    client.force_login(w.office)
    url = reverse("meetings-meeting-transition", args=[meeting.pk])
    assert client.post(url, {"name": "compile", "state_version": 0}, content_type="application/json").status_code == 200
    client.force_login(w.convener)
    response = client.post(url, {"name": "return_agenda", "note": "补充", "state_version": 0},
                           content_type="application/json")
    assert response.status_code == 409
    assert Meeting.objects.get(pk=meeting.pk).state == MeetingState.COMPILED


def test_oversight_cannot_move_a_meeting_through_the_api(client, w):
    meeting = MeetingFactory(unit=w.units.office)
    client.force_login(w.oversight)
    assert client.get(reverse("meetings-meeting-detail", args=[meeting.pk])).status_code == 200
    response = client.post(reverse("meetings-meeting-transition", args=[meeting.pk]),
                           {"name": "compile", "state_version": 0}, content_type="application/json")
    assert response.status_code == 403
