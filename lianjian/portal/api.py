"""Public, read-only REST API of the published records (no login, like the site); filters as on the search page."""

from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.routers import SimpleRouter

from .forms import PublicSearchForm
from .models import Publication
from .selectors import public_publications


class PublicationSerializer(serializers.ModelSerializer):
    catalog_item = serializers.CharField(source="item.name")
    category = serializers.CharField(source="item.category")
    unit = serializers.CharField(source="unit.name")
    region = serializers.CharField(source="region.name")

    class Meta:
        model = Publication
        # Only what the public page shows: never the source object, the publishing officer or pending rows.
        fields = ["id", "title", "body", "catalog_item", "category", "unit", "region", "published_at"]


class PublicationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PublicationSerializer
    permission_classes = [AllowAny]
    authentication_classes = []

    def get_queryset(self):
        return public_publications(**PublicSearchForm(self.request.query_params or None).filters())


router = SimpleRouter()
router.register("publications", PublicationViewSet, basename="portal-publication")
urlpatterns = router.urls
