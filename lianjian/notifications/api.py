from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from . import selectors, services
from .models import Notification


class NotificationSerializer(serializers.ModelSerializer):
    category_label = serializers.CharField(source="get_category_display", read_only=True)

    class Meta:
        model = Notification
        fields = ["id", "category", "category_label", "subject", "body", "link", "created_at", "read_at",
                  "emailed_at"]


class NotificationViewSet(viewsets.ReadOnlyModelViewSet):
    """The caller's own notifications, unread first. ``?unread=1`` lists only unread ones."""

    serializer_class = NotificationSerializer

    def get_queryset(self):
        unread_only = self.request.query_params.get("unread") in {"1", "true"}
        return selectors.notifications_for(actor=self.request.user, unread_only=unread_only)

    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        notification = services.notification_mark_read(notification=self.get_object(), actor=request.user)
        return Response(self.get_serializer(notification).data)

    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request):
        changed = services.notification_mark_all_read(actor=request.user)
        return Response({"marked_read": changed}, status=status.HTTP_200_OK)

    @action(detail=False, methods=["get"], url_path="unread-count")
    def unread_count(self, request):
        return Response({"unread": selectors.unread_count(actor=request.user)})


router = SimpleRouter()
router.register("", NotificationViewSet, basename="notification")
urlpatterns = router.urls
