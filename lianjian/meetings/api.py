"""REST API of the joint-meeting domain, scoped like the pages. Meetings can be moved along their workflow
(a stale read answers 409); tasks are listed with their deadline status and can be filtered like the page."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from . import selectors, services
from .models import AgendaItem, FollowUpTask, Meeting


class AgendaItemSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = AgendaItem
        fields = ["id", "meeting", "unit", "unit_name", "title", "description", "source", "state", "signed_off_by",
                  "signed_off_at", "note"]


class MeetingSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "unit", "unit_name", "kind", "title", "reasons", "requested_by_unit", "planned_on",
                  "location", "state", "state_version", "held_on", "minutes"]


class MeetingTransitionSerializer(serializers.Serializer):
    name = serializers.ChoiceField(choices=["approve_request", "reject_request", "compile", "return_agenda",
                                            "approve_agenda"])
    note = serializers.CharField(required=False, allow_blank=True, default="")
    state_version = serializers.IntegerField(help_text="the version read; a different current version answers 409")


class FollowUpTaskSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    meeting = serializers.IntegerField(source="decision.meeting_id", read_only=True)
    deadline_status = serializers.CharField(read_only=True)
    due = serializers.DateField(read_only=True)

    class Meta:
        model = FollowUpTask
        fields = ["id", "meeting", "decision", "unit", "unit_name", "title", "state", "due", "deadline_status",
                  "completed_at", "completion_note"]


class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MeetingSerializer

    def get_queryset(self):
        params = self.request.query_params
        return selectors.meetings(actor=self.request.user, q=params.get("q", ""), state=params.get("state", ""))

    @extend_schema(responses=AgendaItemSerializer(many=True))
    @action(detail=True, methods=["get"])
    def agenda(self, request, pk=None):
        items = selectors.agenda_items(actor=request.user, meeting=self.get_object())
        return Response(AgendaItemSerializer(items, many=True).data)

    @extend_schema(request=MeetingTransitionSerializer, responses=MeetingSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        meeting = self.get_object()
        data = MeetingTransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        name, note = data.validated_data["name"], data.validated_data["note"]
        # The caller's read decides staleness, as a page would: fire() compares it with the row.
        meeting.state_version = data.validated_data["state_version"]
        actor = request.user
        calls = {
            "approve_request": lambda: services.meeting_decide_request(meeting=meeting, approve=True, note=note,
                                                                       actor=actor),
            "reject_request": lambda: services.meeting_decide_request(meeting=meeting, approve=False, note=note,
                                                                      actor=actor),
            "compile": lambda: services.meeting_compile(meeting=meeting, actor=actor),
            "return_agenda": lambda: services.meeting_return_agenda(meeting=meeting, reason=note, actor=actor),
            "approve_agenda": lambda: services.meeting_approve_agenda(meeting=meeting, note=note, actor=actor),
        }
        return Response(MeetingSerializer(calls[name]()).data)


class TaskViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = FollowUpTaskSerializer

    def get_queryset(self):
        params = self.request.query_params
        unit = params.get("unit")
        qs = selectors.tasks(actor=self.request.user, q=params.get("q", ""), state=params.get("state", ""))
        if unit:
            if not unit.isdigit():
                raise NotFound("unit")
            qs = qs.filter(unit_id=int(unit))
        return qs


router = SimpleRouter()
router.register("meetings", MeetingViewSet, basename="meetings-meeting")
router.register("tasks", TaskViewSet, basename="meetings-task")
urlpatterns = router.urls
