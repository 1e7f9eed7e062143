from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from . import selectors, services
from .models import Job


class JobSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    percent = serializers.IntegerField(read_only=True, allow_null=True)
    created_by = serializers.StringRelatedField()
    unit = serializers.StringRelatedField()

    class Meta:
        model = Job
        fields = ["id", "kind", "kind_label", "params", "status", "status_label", "progress_done", "progress_total",
                  "percent", "message", "result", "error", "created_by", "unit", "created_at", "started_at",
                  "finished_at", "heartbeat_at", "attempts"]


class JobViewSet(viewsets.ReadOnlyModelViewSet):
    """Background jobs the caller may see. Filters: ``?status=running``, ``?kind=trading``."""

    serializer_class = JobSerializer

    def get_queryset(self):
        params = self.request.query_params
        return selectors.jobs_for(actor=self.request.user, status=params.get("status") or None,
                                  kind=params.get("kind") or None)

    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        return Response(self.get_serializer(services.job_cancel(job=self.get_object(), actor=request.user)).data)

    @action(detail=True, methods=["post"])
    def retry(self, request, pk=None):
        return Response(self.get_serializer(services.job_retry(job=self.get_object(), actor=request.user)).data)


router = SimpleRouter()
router.register("", JobViewSet, basename="job")
urlpatterns = router.urls
