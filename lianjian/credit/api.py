"""REST API of the credit domain, scoped like the pages. Writes go through the services: bad input → 400 with
field messages, a stale repair decision → 409, no permission → 403 (lianjian.core.api)."""

from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.views import APIView

from lianjian.core import permissions
from lianjian.trading.models import Entity, Lot

from . import exporting, selectors, services
from .models import AppliedMeasure, CreditRecord, ListEntry, RecordSource, RepairApplication, RestrictionHit


class EntityCreditSerializer(serializers.ModelSerializer):
    credit_score = serializers.DecimalField(max_digits=9, decimal_places=1, read_only=True)
    credit_class = serializers.CharField(read_only=True)

    class Meta:
        model = Entity
        fields = ["id", "credit_code", "name", "credit_score", "credit_class"]


class RecordSerializer(serializers.ModelSerializer):
    credit_code = serializers.CharField(source="entity.credit_code", read_only=True)
    item_code = serializers.CharField(source="item.code", read_only=True)

    class Meta:
        model = CreditRecord
        fields = ["id", "entity", "credit_code", "item_code", "source", "decided_on", "document_no", "description",
                  "points", "is_repeat", "points_effective", "valid_until", "unit", "created_at"]


class RecordInputSerializer(serializers.Serializer):
    entity = serializers.PrimaryKeyRelatedField(queryset=Entity.objects.all())
    kind = serializers.CharField()
    source = serializers.ChoiceField(choices=RecordSource.choices)
    decided_on = serializers.DateField()
    document_no = serializers.CharField()
    description = serializers.CharField()
    points = serializers.DecimalField(max_digits=6, decimal_places=1, required=False, allow_null=True)


class EntrySerializer(serializers.ModelSerializer):
    subject = serializers.CharField(read_only=True)

    class Meta:
        model = ListEntry
        fields = ["id", "credit_list", "entity", "expert", "subject", "legal_basis", "document_no", "facts",
                  "internal_note", "starts_on", "ends_on", "earliest_removal_on", "published", "memorandum", "unit",
                  "state", "removed_on"]


class AppliedMeasureSerializer(serializers.ModelSerializer):
    activity = serializers.CharField(source="measure.activity", read_only=True)
    description = serializers.CharField(source="measure.description", read_only=True)

    class Meta:
        model = AppliedMeasure
        fields = ["id", "entry", "activity", "description", "state", "starts_on", "ends_on", "stopped_on",
                  "stop_reason"]


class HitSerializer(serializers.ModelSerializer):
    lot_code = serializers.CharField(source="lot.code", read_only=True)

    class Meta:
        model = RestrictionHit
        fields = ["id", "lot", "lot_code", "entity", "expert", "roles", "applied_measure", "created_at"]


class RepairSerializer(serializers.ModelSerializer):
    class Meta:
        model = RepairApplication
        fields = ["id", "entry", "applicant", "applicant_contact", "reason", "commitment", "state",
                  "review_opinion", "decision_opinion", "unit", "submitted_at", "decided_at"]


class ExportQuerySerializer(serializers.Serializer):
    date_from = serializers.DateField(required=False)
    date_to = serializers.DateField(required=False)


class OpinionSerializer(serializers.Serializer):
    opinion = serializers.CharField()


class EntityViewSet(viewsets.ReadOnlyModelViewSet):
    """Entities with score and class under the caller's scheme; ?q= and ?credit_class=."""

    serializer_class = EntityCreditSerializer
    lookup_value_regex = r"[0-9]+"
    queryset = Entity.objects.none()  # only for the schema: the rows come from get_queryset

    def get_queryset(self):
        params = self.request.query_params
        return selectors.entities(actor=self.request.user, q=params.get("q", ""),
                                  credit_class=params.get("credit_class", ""))


class RecordViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RecordSerializer

    def get_queryset(self):
        return selectors.records(actor=self.request.user, q=self.request.query_params.get("q", ""),
                                 source=self.request.query_params.get("source", ""))

    @extend_schema(request=RecordInputSerializer, responses=RecordSerializer)
    def create(self, request):
        data = RecordInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        record = services.credit_record_add(actor=request.user, **data.validated_data)
        return Response(RecordSerializer(record).data, status=status.HTTP_201_CREATED)


class EntryViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = EntrySerializer

    def get_queryset(self):
        params = self.request.query_params
        return selectors.entries(actor=self.request.user, credit_list=params.get("list", ""),
                                 state=params.get("state", ""), q=params.get("q", ""))


class AppliedMeasureViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AppliedMeasureSerializer

    def get_queryset(self):
        return selectors.applied_measures(actor=self.request.user, state=self.request.query_params.get("state", ""))


class HitViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = HitSerializer

    def get_queryset(self):
        return selectors.hits(actor=self.request.user, lot=self.request.query_params.get("lot", ""))


class RepairViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RepairSerializer

    def get_queryset(self):
        return selectors.repairs(actor=self.request.user, state=self.request.query_params.get("state", ""))

    def _opinion(self, request):
        data = OpinionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return data.validated_data["opinion"]

    @extend_schema(request=OpinionSerializer, responses=RepairSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        application = services.repair_review(application=self.get_object(), opinion=self._opinion(request),
                                             actor=request.user)
        return Response(RepairSerializer(application).data)

    @extend_schema(request=OpinionSerializer, responses=RepairSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        application = services.repair_decide(application=self.get_object(), approve=True,
                                             opinion=self._opinion(request), actor=request.user)
        return Response(RepairSerializer(application).data)

    @extend_schema(request=OpinionSerializer, responses=RepairSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        application = services.repair_decide(application=self.get_object(), approve=False,
                                             opinion=self._opinion(request), actor=request.user)
        return Response(RepairSerializer(application).data)


class LotCheckView(APIView):
    """Check a lot's participants now; returns every hit found."""

    @extend_schema(request=None, responses=HitSerializer(many=True))
    def post(self, request, pk):
        lot = get_object_or_404(permissions.scope(request.user, "view", Lot.objects.all()), pk=pk)
        return Response(HitSerializer(services.credit_check_lot(lot=lot, actor=request.user), many=True).data)


class RecordExportView(APIView):
    """Credit records for the provincial credit platform (README.md); ?date_from=&date_to= (YYYY-MM-DD)."""

    @extend_schema(parameters=[ExportQuerySerializer], responses={200: dict})
    def get(self, request):
        query = ExportQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        parsed = query.validated_data
        rows = exporting.export_records(actor=request.user, **parsed)
        return Response(exporting.as_document(rows, **parsed))


router = SimpleRouter()
router.register("entities", EntityViewSet, basename="credit-entity")
router.register("records", RecordViewSet, basename="credit-record")
router.register("entries", EntryViewSet, basename="credit-entry")
router.register("measures", AppliedMeasureViewSet, basename="credit-measure")
router.register("hits", HitViewSet, basename="credit-hit")
router.register("repairs", RepairViewSet, basename="credit-repair")

urlpatterns = router.urls + [
    path("lots/<int:pk>/check/", LotCheckView.as_view(), name="credit-lot-check"),
    path("export/", RecordExportView.as_view(), name="credit-export"),
]
