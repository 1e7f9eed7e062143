"""REST API of the trading domain: read-only projects, lots (with their whole life on the detail) and market
entities, scoped like the pages; imports are started by uploading files, which queues a background job."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from lianjian.org.models import Region, Sector

from . import selectors, services
from .models import Award, Bid, Category, Contract, ContractChange, Entity, ImportRun, Lot, Project


def purchase_category_field():
    """The lot's or project's ``category``, named so in the API to keep its OpenAPI enum apart from other apps'
    "category" fields."""
    return serializers.ChoiceField(source="category", choices=Category.choices, read_only=True)


class EntityBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["credit_code", "name"]


class EntitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["credit_code", "name", "legal_representative", "is_tenderer", "is_bidder", "is_agency",
                  "created_at", "updated_at"]


class ProjectSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    sector = serializers.SlugRelatedField(slug_field="code", read_only=True)
    purchase_category = purchase_category_field()

    class Meta:
        model = Project
        fields = ["id", "code", "name", "region", "sector", "purchase_category", "invest_code", "approval_number",
                  "approval_authority", "approved_on", "total_investment", "updated_at"]


class LotSerializer(serializers.ModelSerializer):
    tender_project = serializers.SlugRelatedField(slug_field="code", read_only=True)
    tender_project_name = serializers.CharField(source="tender_project.name", read_only=True)
    project = serializers.CharField(source="tender_project.project.code", read_only=True)
    sector = serializers.CharField(source="tender_project.sector.code", read_only=True)
    tenderer = EntityBriefSerializer(source="tender_project.tenderer", read_only=True)
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    supervising_unit = serializers.StringRelatedField()
    purchase_category = purchase_category_field()

    class Meta:
        model = Lot
        fields = ["id", "code", "name", "tender_project", "tender_project_name", "project", "sector", "tenderer",
                  "purchase_category", "procedure", "region", "supervising_unit", "estimated_price", "control_price",
                  "stage", "notice_published_at", "bid_open_at", "updated_at"]


class BidSerializer(serializers.ModelSerializer):
    bidder = EntityBriefSerializer(read_only=True)
    consortium_members = EntityBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Bid
        exclude = ["id", "lot"]


class AwardSerializer(serializers.ModelSerializer):
    winner = EntityBriefSerializer(read_only=True)

    class Meta:
        model = Award
        exclude = ["id", "lot"]


class ContractChangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContractChange
        fields = ["seq", "changed_on", "content", "price_after"]


class ContractSerializer(serializers.ModelSerializer):
    supplier = EntityBriefSerializer(read_only=True)
    changes = ContractChangeSerializer(many=True, read_only=True)

    class Meta:
        model = Contract
        exclude = ["id", "lot"]


class TimelineEventSerializer(serializers.Serializer):
    when = serializers.SerializerMethodField()
    label = serializers.CharField()
    detail = serializers.CharField()
    planned = serializers.BooleanField()

    def get_when(self, event):
        return event.when.isoformat()


class LotDetailSerializer(LotSerializer):
    host_venue = serializers.StringRelatedField()
    guest_venues = serializers.StringRelatedField(many=True)
    bids = serializers.SerializerMethodField()
    award = serializers.SerializerMethodField()
    contracts = serializers.SerializerMethodField()
    timeline = serializers.SerializerMethodField()

    class Meta(LotSerializer.Meta):
        fields = LotSerializer.Meta.fields + [
            "bond_amount", "docs_issued_at", "bid_deadline_at", "bid_open_place", "evaluation_method",
            "evaluation_started_at", "evaluation_finished_at", "host_venue", "guest_venues", "bids", "award",
            "contracts", "timeline",
        ]

    def _archive(self, lot):
        if not hasattr(self, "_cached"):
            self._cached = selectors.lot_archive(lot=lot, actor=self.context["request"].user)
        return self._cached

    def get_bids(self, lot) -> list:
        return BidSerializer(self._archive(lot)["bids"], many=True).data

    def get_award(self, lot) -> dict:
        award = self._archive(lot)["award"]
        return AwardSerializer(award).data if award else None

    def get_contracts(self, lot) -> list:
        return ContractSerializer(self._archive(lot)["contracts"], many=True).data

    def get_timeline(self, lot) -> list:
        return TimelineEventSerializer(self._archive(lot)["timeline"], many=True).data


class ImportRunSerializer(serializers.ModelSerializer):
    actor = serializers.StringRelatedField()

    class Meta:
        model = ImportRun
        fields = ["id", "files", "actor", "status", "message", "rows_read", "rows_bad", "counts", "errors", "job_id",
                  "skip_bad_rows", "created_at", "finished_at"]


class ImportInputSerializer(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField(), allow_empty=False)
    default_region = serializers.SlugRelatedField(slug_field="code", queryset=Region.objects.all(), required=False,
                                                  allow_null=True)
    skip_bad_rows = serializers.BooleanField(required=False, default=False)


class ProjectViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProjectSerializer

    def get_queryset(self):
        return selectors.projects_for(actor=self.request.user).order_by("code")


LOT_FILTERS = [
    OpenApiParameter("q", str, description="编号、名称、投标人名称或统一社会信用代码"),
    OpenApiParameter("stage", str, description="阶段代码"),
    OpenApiParameter("sector", str, description="行业领域代码"),
    OpenApiParameter("region", str, description="行政区划代码（含下级）"),
]


class LotViewSet(viewsets.ReadOnlyModelViewSet):
    def get_serializer_class(self):
        return LotDetailSerializer if self.action == "retrieve" else LotSerializer

    def get_queryset(self):
        params = self.request.query_params
        sector = Sector.objects.filter(code=params.get("sector")).first() if params.get("sector") else None
        region = Region.objects.filter(code=params.get("region")).first() if params.get("region") else None
        return selectors.lots_for(actor=self.request.user, q=params.get("q", ""), sector=sector,
                                  stage=params.get("stage", ""), region=region)

    @extend_schema(parameters=LOT_FILTERS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)


class EntityViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = EntitySerializer
    lookup_field = "credit_code"

    def get_queryset(self):
        return selectors.entities_for(actor=self.request.user, q=self.request.query_params.get("q", ""))


class ImportRunViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Upload files to import (multipart ``files``, optional ``default_region`` code and ``skip_bad_rows``);
    the import runs as a background job whose id is returned."""

    serializer_class = ImportRunSerializer
    parser_classes = [MultiPartParser, FormParser]

    def get_queryset(self):
        return selectors.import_runs_for(actor=self.request.user)

    @extend_schema(request=ImportInputSerializer, responses={202: ImportRunSerializer})
    def create(self, request, *args, **kwargs):
        # A multipart upload arrives as a QueryDict, a JSON body as a plain dict.
        fields = request.data.dict() if hasattr(request.data, "dict") else dict(request.data)
        data = ImportInputSerializer(data={**fields, "files": request.FILES.getlist("files")})
        data.is_valid(raise_exception=True)
        run = services.trading_import_start(files=data.validated_data["files"], actor=request.user,
                                            default_region=data.validated_data.get("default_region"),
                                            skip_bad_rows=data.validated_data["skip_bad_rows"])
        return Response(ImportRunSerializer(run).data, status=status.HTTP_202_ACCEPTED)


router = SimpleRouter()
router.register("projects", ProjectViewSet, basename="trading-project")
router.register("lots", LotViewSet, basename="trading-lot")
router.register("entities", EntityViewSet, basename="trading-entity")
router.register("imports", ImportRunViewSet, basename="trading-import")
urlpatterns = router.urls
