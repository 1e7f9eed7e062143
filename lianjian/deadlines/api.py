from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.routers import SimpleRouter

from . import selectors
from .models import Deadline, DeadlinePause, DeadlineStatus


class DeadlinePauseSerializer(serializers.ModelSerializer):
    class Meta:
        model = DeadlinePause
        fields = ["start", "end", "reason"]


class DeadlineSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=DeadlineStatus.choices, read_only=True)
    rule = serializers.SlugRelatedField(slug_field="code", read_only=True)
    rule_name = serializers.CharField(source="rule.name", read_only=True)
    responsible_unit_name = serializers.CharField(source="responsible_unit.name", read_only=True)
    assignee_name = serializers.SerializerMethodField()
    subject_type = serializers.SerializerMethodField()
    subject_url = serializers.CharField(read_only=True)
    pauses = DeadlinePauseSerializer(many=True, read_only=True)

    class Meta:
        model = Deadline
        fields = ["id", "title", "rule", "rule_name", "subject_type", "object_id", "subject_url", "responsible_unit",
                  "responsible_unit_name", "assignee", "assignee_name", "start", "start_at", "due", "due_at",
                  "due_soon_from", "provisional", "state", "status", "state_version", "met_at", "pauses"]

    def get_assignee_name(self, obj) -> str:
        return str(obj.assignee) if obj.assignee else ""

    def get_subject_type(self, obj) -> str:
        return f"{obj.content_type.app_label}.{obj.content_type.model}"


@extend_schema_view(list=extend_schema(parameters=[
    OpenApiParameter("status", str, enum=DeadlineStatus.values, description="按状态筛选"),
    OpenApiParameter("q", str, description="搜索事项或规则名称"),
    OpenApiParameter("mine", bool, description="只看我承办的"),
]))
class DeadlineViewSet(viewsets.ReadOnlyModelViewSet):
    """The deadlines the caller may see (own unit; lead office and oversight readers across their region)."""

    serializer_class = DeadlineSerializer

    def get_queryset(self):
        params = self.request.query_params
        status = params.get("status") or None
        if status is not None and status not in DeadlineStatus.values:
            raise serializers.ValidationError({"status": [
                _("未知状态“%(status)s”，可选：%(values)s") % {"status": status, "values": ", ".join(DeadlineStatus.values)}
            ]})
        return selectors.deadlines_for(
            actor=self.request.user, status=status, query=params.get("q", ""),
            assigned_to_me=params.get("mine", "").lower() in {"1", "true", "yes"},
        ).prefetch_related("pauses")


router = SimpleRouter()
router.register("", DeadlineViewSet, basename="deadline")
urlpatterns = router.urls
