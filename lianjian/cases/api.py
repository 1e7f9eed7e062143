"""Read-only REST access to clues, cases and transfers, scoped like the pages (/api/v1/cases/)."""

from rest_framework import serializers, viewsets
from rest_framework.routers import SimpleRouter

from . import selectors
from .models import Case, Clue, PenaltyDecision, Transfer, TransferMaterial


class ClueSerializer(serializers.ModelSerializer):
    number = serializers.CharField(read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    lot_code = serializers.CharField(source="lot.code", read_only=True, default="")
    entities = serializers.SlugRelatedField(many=True, slug_field="credit_code", read_only=True)

    class Meta:
        model = Clue
        fields = ["id", "number", "source", "title", "description", "unit", "unit_name", "region", "lot",
                  "lot_code", "entities", "state", "state_version", "outcome", "outcome_reason", "outcome_unit",
                  "registered_at", "concluded_at"]


class DecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = PenaltyDecision
        fields = ["kind", "document_number", "decided_on", "power_item", "benchmark", "base_amount", "fine_amount",
                  "tolerance_item", "publish", "counts_for_score", "served_on", "executed_on"]


class CaseSerializer(serializers.ModelSerializer):
    number = serializers.CharField(read_only=True)
    parties = serializers.SlugRelatedField(many=True, slug_field="credit_code", read_only=True)
    decision = DecisionSerializer(read_only=True, default=None)

    class Meta:
        model = Case
        fields = ["id", "number", "unit", "clue", "transfer", "lot", "title", "facts", "is_major", "state",
                  "state_version", "registered_on", "notified_on", "closed_on", "parties", "decision"]


class MaterialSerializer(serializers.ModelSerializer):
    class Meta:
        model = TransferMaterial
        fields = ["name", "copies", "pages"]


class TransferSerializer(serializers.ModelSerializer):
    number = serializers.CharField(read_only=True)
    materials = MaterialSerializer(many=True, read_only=True)

    class Meta:
        model = Transfer
        fields = ["id", "number", "kind", "from_unit", "to_unit", "clue", "case", "title", "facts", "request",
                  "confidential", "state", "state_version", "discovered_on", "sent_at", "received_at", "decided_on",
                  "decision_reason", "handled_on", "result", "materials"]


class ClueViewSet(viewsets.ReadOnlyModelViewSet):
    """Clues the caller may see; ``q``, ``state`` and ``source`` filter as on the page."""

    serializer_class = ClueSerializer

    def get_queryset(self):
        p = self.request.query_params
        return selectors.clues_for(actor=self.request.user, q=p.get("q", ""), state=p.get("state", ""),
                                   source=p.get("source", "")).prefetch_related("entities")


class CaseViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CaseSerializer

    def get_queryset(self):
        p = self.request.query_params
        return selectors.cases_for(actor=self.request.user, q=p.get("q", ""), state=p.get("state", "")
                                   ).prefetch_related("parties").select_related("decision")


class TransferViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TransferSerializer

    def get_queryset(self):
        p = self.request.query_params
        return selectors.transfers_for(actor=self.request.user, q=p.get("q", ""), state=p.get("state", ""),
                                       kind=p.get("kind", ""), direction=p.get("direction", "")
                                       ).prefetch_related("materials")


router = SimpleRouter()
router.register("clues", ClueViewSet, basename="clue")
router.register("cases", CaseViewSet, basename="case")
router.register("transfers", TransferViewSet, basename="transfer")
urlpatterns = router.urls
