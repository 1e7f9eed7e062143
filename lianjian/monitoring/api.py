"""REST API of the warning loop, scoped like the pages. Alerts are read and handled (confirm, dismiss, return,
dispatch, supervise); findings are loaded by POSTing them in the engine's Finding shape; the watch list is read,
added to and ended. A second officer acting on an alert someone else just handled gets 409."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from lianjian.analytics.findings import Finding
from lianjian.core import permissions
from lianjian.org.models import Unit
from lianjian.trading.models import Entity

from . import selectors, services
from .models import Alert, Supervision, TrackedLot, WatchEntry


class AlertSerializer(serializers.ModelSerializer):
    region_code = serializers.CharField(source="region.code", read_only=True, default=None)
    unit_name = serializers.CharField(source="unit.name", read_only=True, default=None)
    deadline_due = serializers.DateField(read_only=True)
    deadline_status = serializers.CharField(read_only=True)
    clue_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Alert
        fields = ["id", "key", "indicator", "indicator_name", "family", "basis", "lot", "lot_code", "region",
                  "region_code", "unit", "unit_name", "dispatch_basis", "dispatched_at", "entities", "score",
                  "severity", "evidence", "source", "state", "state_version", "first_seen_at", "last_seen_at",
                  "runs_seen", "triaged_by", "triaged_at", "triage_note", "dismiss_reason", "clue_id",
                  "deadline_due", "deadline_status"]


class SupervisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Supervision
        fields = ["id", "alert", "unit", "by", "at", "note", "due"]


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True)


class DispatchSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.filter(is_active=True))


class FindingSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    lot_code = serializers.CharField()
    entities = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    score = serializers.FloatField()
    severity = serializers.CharField()
    evidence = serializers.JSONField(required=False, default=dict)


class IngestSerializer(serializers.Serializer):
    source = serializers.CharField()
    findings = FindingSerializer(many=True)


class AlertViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AlertSerializer
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        params = self.request.query_params
        return selectors.alerts_for(
            actor=self.request.user, severity=params.get("severity", ""), state=params.get("state", ""),
            indicator=params.get("indicator", ""), query=params.get("q", ""),
            overdue=params.get("overdue") in ("1", "true"), mine=params.get("mine") in ("1", "true"),
        )

    def _alert(self):
        alert = selectors.alert_get(actor=self.request.user, pk=self.kwargs["pk"])
        if alert is None:
            raise NotFound()
        return alert

    def _answer(self, alert):
        return Response(AlertSerializer(selectors.alert_get(actor=self.request.user, pk=alert.pk)).data)

    @extend_schema(request=NoteSerializer, responses=AlertSerializer)
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        data = NoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._answer(services.alert_confirm(alert=self._alert(), actor=request.user, **data.validated_data))

    @extend_schema(request=ReasonSerializer, responses=AlertSerializer)
    @action(detail=True, methods=["post"])
    def dismiss(self, request, pk=None):
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._answer(services.alert_dismiss(alert=self._alert(), actor=request.user, **data.validated_data))

    @extend_schema(request=ReasonSerializer, responses=AlertSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._answer(services.alert_return(alert=self._alert(), actor=request.user, **data.validated_data))

    @extend_schema(request=DispatchSerializer, responses=AlertSerializer)
    @action(detail=True, methods=["post"], url_path="dispatch")
    def dispatch_to(self, request, pk=None):
        data = DispatchSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._answer(services.alert_dispatch(alert=self._alert(), actor=request.user, **data.validated_data))

    @extend_schema(request=NoteSerializer, responses=SupervisionSerializer)
    @action(detail=True, methods=["post"])
    def supervise(self, request, pk=None):
        data = NoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        record = services.alert_supervise(alert=self._alert(), actor=request.user, **data.validated_data)
        return Response(SupervisionSerializer(record).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=IngestSerializer, responses={200: dict})
    @action(detail=False, methods=["post"])
    def ingest(self, request):
        permissions.require(request.user, "ingest", model=Alert)
        data = IngestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        findings = [Finding(**{**f, "entities": tuple(f["entities"])}) for f in data.validated_data["findings"]]
        counts = services.alert_ingest(findings=findings, source=data.validated_data["source"], actor=request.user)
        return Response(counts)


class WatchEntrySerializer(serializers.ModelSerializer):
    credit_code = serializers.CharField(write_only=True, required=False, allow_blank=True)
    entity_credit_code = serializers.CharField(source="entity.credit_code", read_only=True, default=None)
    lots = serializers.IntegerField(read_only=True)

    class Meta:
        model = WatchEntry
        fields = ["id", "kind", "entity", "entity_credit_code", "credit_code", "person_name", "person_cert",
                  "region", "unit", "reason", "alert", "is_active", "added_by", "added_at", "ended_at",
                  "end_reason", "lots"]
        read_only_fields = ["entity", "region", "unit", "alert", "is_active", "added_by", "added_at", "ended_at",
                            "end_reason"]


class EndSerializer(serializers.Serializer):
    end_reason = serializers.CharField(allow_blank=True)


class WatchEntryViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = WatchEntrySerializer

    def get_queryset(self):
        active = self.request.query_params.get("active", "1")
        return selectors.watch_entries(actor=self.request.user, active=None if active == "all" else active == "1",
                                       query=self.request.query_params.get("q", ""))

    def create(self, request, *args, **kwargs):
        data = WatchEntrySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        code = (fields.pop("credit_code", "") or "").strip().upper()
        entity = Entity.objects.filter(credit_code=code).first() if code else None
        if code and entity is None:
            return Response({"credit_code": [_("未找到统一社会信用代码为“%(code)s”的市场主体") % {"code": code}]},
                            status=status.HTTP_400_BAD_REQUEST)
        entry = services.watch_entry_add(actor=request.user, entity=entity, **fields)
        return Response(WatchEntrySerializer(self.get_queryset().get(pk=entry.pk)).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(request=EndSerializer, responses=WatchEntrySerializer)
    @action(detail=True, methods=["post"])
    def end(self, request, pk=None):
        data = EndSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.watch_entry_end(entry=self.get_object(), reason=data.validated_data["end_reason"],
                                         actor=request.user)
        return Response(WatchEntrySerializer(selectors.watch_entries(actor=request.user, active=None)
                                             .get(pk=entry.pk)).data)


class TrackedLotSerializer(serializers.ModelSerializer):
    lot_code = serializers.CharField(source="lot.code", read_only=True)

    class Meta:
        model = TrackedLot
        fields = ["id", "lot", "lot_code", "watch_entry", "role", "unit", "region", "started_at"]


class TrackedLotViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TrackedLotSerializer

    def get_queryset(self):
        return selectors.tracked_lots(actor=self.request.user, query=self.request.query_params.get("q", ""))


router = SimpleRouter()
router.register("alerts", AlertViewSet, basename="alert")
router.register("watchlist", WatchEntryViewSet, basename="watch-entry")
router.register("tracked-lots", TrackedLotViewSet, basename="tracked-lot")
urlpatterns = router.urls
