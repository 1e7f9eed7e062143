from rest_framework import serializers, viewsets
from rest_framework.routers import SimpleRouter

from . import selectors
from .models import AuditEntry


class AuditEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditEntry
        fields = ["seq", "at", "actor_label", "unit_label", "action", "object_type", "object_id", "object_repr",
                  "before", "after", "detail", "prev_hash", "hash"]


class AuditEntryViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AuditEntrySerializer
    lookup_field = "seq"

    def get_queryset(self):
        return selectors.audit_entries(actor=self.request.user)


router = SimpleRouter()
router.register("entries", AuditEntryViewSet, basename="audit-entry")
urlpatterns = router.urls
