"""REST API of the performance review: the ranked figures for a period, and accountability notices."""

from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.views import APIView

from lianjian.org.models import Unit

from . import selectors, services
from .forms import PeriodForm
from .models import AccountabilityNotice


class UnitReviewSerializer(serializers.Serializer):
    unit_id = serializers.IntegerField()
    unit_name = serializers.CharField()
    rank = serializers.IntegerField()
    decided = serializers.IntegerField()
    met = serializers.IntegerField()
    missed = serializers.IntegerField()
    overdue = serializers.IntegerField()
    pending = serializers.IntegerField()
    rate = serializers.FloatField(allow_null=True)
    categories = serializers.SerializerMethodField()

    def get_categories(self, row) -> dict:
        return {code: {k: figures[k] for k in ("decided", "met", "missed", "overdue", "pending", "rate")}
                for code, figures in row.categories.items()}


class ReviewView(APIView):
    @extend_schema(parameters=[OpenApiParameter("period_start", str, required=True, description="YYYY-MM-DD"),
                               OpenApiParameter("period_end", str, required=True, description="YYYY-MM-DD")],
                   responses=UnitReviewSerializer(many=True))
    def get(self, request):
        form = PeriodForm(request.query_params)
        if not form.is_valid():
            return Response(form.errors, status=status.HTTP_400_BAD_REQUEST)
        rows = selectors.review(actor=request.user, **form.cleaned_data)
        return Response(UnitReviewSerializer(rows, many=True).data)


class NoticeSerializer(serializers.ModelSerializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = AccountabilityNotice
        fields = ["id", "unit", "unit_name", "period_start", "period_end", "reason", "decided", "met", "missed",
                  "overdue", "issued_by", "issuing_unit", "issued_at"]
        read_only_fields = ["decided", "met", "missed", "overdue", "issued_by", "issuing_unit", "issued_at"]
        validators = []


class NoticeViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Notices the caller may see; POST issues one (lead office), computing the unit's figures for the period."""

    serializer_class = NoticeSerializer

    def get_queryset(self):
        return selectors.notices_for(actor=self.request.user)

    def create(self, request, *args, **kwargs):
        data = NoticeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        notice = services.accountability_notice_issue(
            unit=get_object_or_404(Unit, pk=values["unit"].pk), period_start=values["period_start"],
            period_end=values["period_end"], reason=values["reason"], actor=request.user)
        return Response(NoticeSerializer(notice).data, status=status.HTTP_201_CREATED)


router = SimpleRouter()
router.register("notices", NoticeViewSet, basename="performance-notice")
urlpatterns = [path("review/", ReviewView.as_view(), name="performance-review"), *router.urls]
