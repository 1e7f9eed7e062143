"""REST API of the complaints domain.

Public (no account): ``POST public/submit/`` files a complaint or report (multipart, attachments under
``attachments``) and answers the tracking code; ``POST public/track/`` with ``{"code": …}`` answers the state and the
reply. Officers: the list and detail scoped like the pages, with the filer only in masked form — the identity is never
served by the API — and the processing actions, where a stale read answers 409.
"""

from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action, api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from lianjian.org.models import PowerItem, Region, Sector, Unit

from . import selectors, services
from .models import Complaint, ComplaintKind, ComplaintState, DecisionOutcome, ObjectionMatter
from .rule_data import NON_ACCEPTANCE_REASONS, PAUSE_REASONS


class ComplaintSerializer(serializers.ModelSerializer):
    handling_unit_name = serializers.CharField(source="handling_unit.name", read_only=True)
    lot_code = serializers.CharField(source="lot.code", read_only=True, default=None)

    class Meta:
        model = Complaint
        fields = ["id", "tracking_code", "kind", "channel", "anonymous", "submitter_masked", "contact_masked",
                  "title", "region", "sector", "lot", "lot_code", "project_reference", "respondent_name",
                  "respondent_credit_code", "facts", "requests", "evidence", "known_on", "objection_matter",
                  "requirement_problems", "acceptance_flags", "filing_due", "received_at", "handling_unit",
                  "handling_unit_name", "state", "outcome", "decision_text", "legal_basis", "reply_text",
                  "accepted_at", "decided_at", "replied_at"]


class SubmissionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ComplaintKind.choices)
    anonymous = serializers.BooleanField(default=False)
    title = serializers.CharField(max_length=200)
    region = serializers.SlugRelatedField(slug_field="code", queryset=Region.objects.all())
    sector = serializers.SlugRelatedField(slug_field="code", queryset=Sector.objects.all(), required=False,
                                          allow_null=True)
    lot_code = serializers.CharField(required=False, allow_blank=True, max_length=64)
    project_reference = serializers.CharField(required=False, allow_blank=True)
    respondent_name = serializers.CharField(required=False, allow_blank=True)
    respondent_credit_code = serializers.CharField(required=False, allow_blank=True)
    respondent_address = serializers.CharField(required=False, allow_blank=True)
    respondent_contact = serializers.CharField(required=False, allow_blank=True)
    facts = serializers.CharField(required=False, allow_blank=True)
    requests = serializers.CharField(required=False, allow_blank=True)
    evidence = serializers.CharField(required=False, allow_blank=True)
    signed = serializers.BooleanField(default=False)
    known_on = serializers.DateField(required=False, allow_null=True)
    objection_matter = serializers.ChoiceField(choices=ObjectionMatter.choices, required=False, allow_blank=True)
    objection_raised_on = serializers.DateField(required=False, allow_null=True)
    objection_replied_on = serializers.DateField(required=False, allow_null=True)
    name = serializers.CharField(required=False, allow_blank=True)
    organisation_representative = serializers.CharField(required=False, allow_blank=True)
    id_number = serializers.CharField(required=False, allow_blank=True)
    address = serializers.CharField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True)
    email = serializers.CharField(required=False, allow_blank=True)

    IDENTITY = ("name", "organisation_representative", "id_number", "address", "phone", "email")


@extend_schema(request=SubmissionSerializer, responses={201: {"type": "object"}})
@api_view(["POST"])
@authentication_classes([])
@permission_classes([AllowAny])
def public_submit(request):
    serializer = SubmissionSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = dict(serializer.validated_data)
    identity = {key: data.pop(key, "") for key in SubmissionSerializer.IDENTITY}
    complaint = services.complaint_submit(data=data, identity=identity,
                                          attachments=request.FILES.getlist("attachments"))
    return Response({"tracking_code": complaint.tracking_code, "state": complaint.state},
                    status=status.HTTP_201_CREATED)


class TrackSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=30)


@extend_schema(request=TrackSerializer, responses={200: {"type": "object"}})
@api_view(["POST"])
@authentication_classes([])
@permission_classes([AllowAny])
def public_track(request):
    serializer = TrackSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    complaint = selectors.tracked(tracking_code=serializer.validated_data["code"])
    if complaint is None:
        return Response({"code": [_("没有找到该查询码对应的投诉举报")]}, status=status.HTTP_404_NOT_FOUND)
    answered = complaint.state in (ComplaintState.REPLIED, ComplaintState.REJECTED)
    return Response({"tracking_code": complaint.tracking_code, "kind": complaint.kind, "state": complaint.state,
                     "state_label": complaint.get_state_display(), "handling_unit": complaint.handling_unit.name,
                     "received_at": complaint.received_at, "reply": complaint.reply_text if answered else None})


class AcceptSerializer(serializers.Serializer):
    power_item = serializers.PrimaryKeyRelatedField(queryset=PowerItem.objects.all())


class RejectSerializer(AcceptSerializer):
    reasons = serializers.ListField(child=serializers.ChoiceField(choices=list(NON_ACCEPTANCE_REASONS)))
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ComplaintTransferSerializer(serializers.Serializer):
    to_unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    reason = serializers.CharField()


class PauseSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=list(PAUSE_REASONS))


class DecideSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=DecisionOutcome.choices)
    decision_text = serializers.CharField()
    legal_basis = serializers.CharField()


class ReplySerializer(serializers.Serializer):
    reply_text = serializers.CharField()


class ComplaintViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ComplaintSerializer

    def get_queryset(self):
        params = self.request.query_params
        return selectors.complaints(actor=self.request.user, q=params.get("q", ""), kind=params.get("kind", ""),
                                    state=params.get("state", ""))

    def _act(self, request, serializer_class, service):
        complaint = self.get_object()
        arguments = {}
        if serializer_class is not None:
            serializer = serializer_class(data=request.data)
            serializer.is_valid(raise_exception=True)
            arguments = serializer.validated_data
        result = service(complaint=complaint, actor=request.user, **arguments)
        complaint = result if isinstance(result, Complaint) else Complaint.objects.get(pk=complaint.pk)
        return Response(ComplaintSerializer(complaint).data)

    @extend_schema(request=AcceptSerializer, responses=ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._act(request, AcceptSerializer, services.complaint_accept)

    @extend_schema(request=RejectSerializer, responses=ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._act(request, RejectSerializer, services.complaint_reject)

    @extend_schema(request=ComplaintTransferSerializer, responses=ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def transfer(self, request, pk=None):
        return self._act(request, ComplaintTransferSerializer, services.complaint_transfer)

    @extend_schema(request=PauseSerializer, responses=ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def pause(self, request, pk=None):
        return self._act(request, PauseSerializer, services.complaint_pause_clock)

    @extend_schema(request=None, responses=ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def resume(self, request, pk=None):
        return self._act(request, None, services.complaint_resume_clock)

    @extend_schema(request=DecideSerializer, responses=ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        return self._act(request, DecideSerializer, services.complaint_decide)

    @extend_schema(request=ReplySerializer, responses=ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None):
        return self._act(request, ReplySerializer, services.complaint_reply)


router = SimpleRouter()
router.register("complaints", ComplaintViewSet, basename="complaints-complaint")
urlpatterns = [
    path("public/submit/", public_submit, name="complaints-public-submit"),
    path("public/track/", public_track, name="complaints-public-track"),
    *router.urls,
]
