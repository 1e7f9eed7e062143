"""Read-only REST API of random inspection, scoped like the pages; ``draws/<id>/verify/`` re-runs a draw."""

from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from lianjian.core import permissions

from . import services
from .models import Draw, InspectionPlan, InspectionTask


class PlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = InspectionPlan
        fields = ["id", "year", "title", "unit", "region", "status", "published_at"]


class TaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = InspectionTask
        fields = ["id", "plan", "title", "items", "object_kind", "team_size", "scheduled_start", "scheduled_end",
                  "status", "finished_on", "published_at"]


class DrawSerializer(serializers.ModelSerializer):
    server_seed = serializers.SerializerMethodField()

    class Meta:
        model = Draw
        fields = ["id", "task", "attempt", "status", "commitment", "witness_values", "server_seed", "seed",
                  "algorithm_version", "snapshot_hash", "result_hash", "committed_at", "drawn_at", "redraw_reason"]

    def get_server_seed(self, draw) -> str | None:
        # Revealed only once the draw has run: before that it is the secret behind the commitment.
        return None if draw.status == "committed" else draw.server_seed


class PlanViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PlanSerializer

    def get_queryset(self):
        return permissions.scope(self.request.user, "view", InspectionPlan.objects.order_by("-year", "-pk"))


class TaskViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TaskSerializer

    def get_queryset(self):
        return permissions.scope(self.request.user, "view", InspectionTask.objects.order_by("pk"))


class DrawViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DrawSerializer

    def get_queryset(self):
        return permissions.scope(self.request.user, "view", Draw.objects.order_by("pk"))

    @extend_schema(responses={200: dict})
    @action(detail=True, methods=["get"])
    def verify(self, request, pk=None):
        draw = self.get_object()
        try:
            verified = services.draw_verify(draw)
        except ValidationError as exc:
            return Response({"verified": False, "problems": exc.message_dict if hasattr(exc, "error_dict")
                             else exc.messages}, status=200)
        return Response({"verified": True, "seed": verified.seed, "selected": verified.selected,
                         "assignments": verified.assignments, "result_hash": verified.result_hash})


router = SimpleRouter()
router.register("plans", PlanViewSet, basename="inspection-plan")
router.register("tasks", TaskViewSet, basename="inspection-task")
router.register("draws", DrawViewSet, basename="inspection-draw")
urlpatterns = router.urls
