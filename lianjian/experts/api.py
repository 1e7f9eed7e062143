"""Read-only REST API of the expert domain, scoped like the pages. Identity numbers appear only masked and phone
numbers only masked; a sealed extraction answers ``"sealed": true`` with no picks and no seed."""

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from lianjian.core import permissions

from . import selectors, services
from .models import EvaluationRecord, Expert, Extraction, ExtractionPick, Specialty
from .policies import may_see_picks


class SpecialtySerializer(serializers.ModelSerializer):
    class Meta:
        model = Specialty
        fields = ["id", "code", "name", "parent"]


class ExpertSerializer(serializers.ModelSerializer):
    region_code = serializers.CharField(source="region.code", read_only=True)
    employer = serializers.CharField(source="employer_display", read_only=True)
    employer_credit_code = serializers.CharField(source="employer.credit_code", read_only=True, default=None)
    phone = serializers.CharField(source="phone_masked", read_only=True)
    specialties = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Expert
        fields = ["id", "name", "id_number_masked", "region", "region_code", "employer", "employer_credit_code",
                  "employer_unit", "title", "phone", "specialties", "status", "registered_on"]


class PickSerializer(serializers.ModelSerializer):
    expert_name = serializers.CharField(source="expert.name", read_only=True)
    specialty = serializers.CharField(source="specialty.code", read_only=True)

    class Meta:
        model = ExtractionPick
        fields = ["order", "expert", "expert_name", "specialty", "role", "recusal_codes", "recusal_reason"]


class ExtractionSerializer(serializers.ModelSerializer):
    lot_code = serializers.CharField(source="lot.code", read_only=True)
    requested_unit_name = serializers.CharField(source="requested_unit.name", read_only=True)
    seed = serializers.SerializerMethodField()
    picks = serializers.SerializerMethodField()

    class Meta:
        model = Extraction
        fields = ["id", "lot", "lot_code", "attempt", "status", "requested_counts", "reserves",
                  "tenderer_representatives", "algorithm_version", "snapshot_hash", "result_hash",
                  "requested_unit", "requested_unit_name", "created_at", "sealed", "unsealed_at", "supersedes",
                  "redraw_reason", "seed", "picks"]

    def _visible(self, extraction):
        return may_see_picks(self.context["request"].user, extraction)

    def get_seed(self, extraction) -> int | None:
        return extraction.seed if not extraction.sealed else None

    @extend_schema_field(PickSerializer(many=True, allow_null=True))
    def get_picks(self, extraction):
        if not self._visible(extraction):
            return None
        picks = selectors.extraction_picks(actor=self.context["request"].user, extraction=extraction)
        return PickSerializer(picks, many=True).data


class VerificationSerializer(serializers.Serializer):
    verified = serializers.BooleanField()
    picks = serializers.IntegerField(required=False)
    problems = serializers.ListField(child=serializers.CharField(), required=False)


class EvaluationRecordSerializer(serializers.ModelSerializer):
    lot_code = serializers.CharField(source="lot.code", read_only=True)
    expert_name = serializers.CharField(source="expert.name", read_only=True)

    class Meta:
        model = EvaluationRecord
        fields = ["id", "expert", "expert_name", "lot", "lot_code", "extraction", "attended", "absence_reason",
                  "score", "comment", "recorded_at"]


class SpecialtyViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = SpecialtySerializer
    pagination_class = None

    def get_queryset(self):
        return selectors.specialties(actor=self.request.user)


class ExpertViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ExpertSerializer

    def get_queryset(self):
        params = self.request.query_params
        return selectors.experts(actor=self.request.user, q=params.get("q", ""), status=params.get("status", ""))


class ExtractionViewSet(viewsets.ReadOnlyModelViewSet):
    """Draws on visible lots; the picks are null while the list is sealed for the caller."""

    serializer_class = ExtractionSerializer

    def get_queryset(self):
        return selectors.extractions(actor=self.request.user, q=self.request.query_params.get("lot", ""))

    @extend_schema(responses=VerificationSerializer)
    @action(detail=True, methods=["get"])
    def verify(self, request, pk=None):
        extraction = self.get_object()
        permissions.require(request.user, "verify", extraction)
        try:
            result = services.extraction_verify(extraction)
        except services.ExtractionTampered as exc:
            return Response({"verified": False, "problems": exc.messages})
        return Response({"verified": True, "picks": result.picks})


class EvaluationRecordViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = EvaluationRecordSerializer

    def get_queryset(self):
        return selectors.evaluation_records(actor=self.request.user)


router = SimpleRouter()
router.register("specialties", SpecialtyViewSet, basename="experts-specialty")
router.register("experts", ExpertViewSet, basename="experts-expert")
router.register("extractions", ExtractionViewSet, basename="experts-extraction")
router.register("evaluation-records", EvaluationRecordViewSet, basename="experts-evaluation-record")
urlpatterns = router.urls
