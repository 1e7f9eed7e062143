"""REST API of information sharing: exchanges (submit, sign for) and requests for non-public information."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from lianjian.org.models import Unit

from . import selectors, services
from .models import Exchange, ExchangeReceipt, InfoRequest


class ReceiptSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = ExchangeReceipt
        fields = ["id", "unit", "unit_name", "received_at"]


class ExchangeSerializer(serializers.ModelSerializer):
    schedule = serializers.SlugRelatedField(slug_field="code", read_only=True)
    sender_unit_name = serializers.CharField(source="sender_unit.name", read_only=True)
    receipts = ReceiptSerializer(many=True, read_only=True)

    class Meta:
        model = Exchange
        fields = ["id", "schedule", "title", "sender_unit", "sender_unit_name", "period_start", "period_end", "state",
                  "state_version", "data", "note", "submitted_at", "receipts"]


class SubmitSerializer(serializers.Serializer):
    state_version = serializers.IntegerField(min_value=0)
    generate = serializers.BooleanField(required=False, default=False)
    file = serializers.FileField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ExchangeViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ExchangeSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        return selectors.exchanges_for(actor=self.request.user).prefetch_related("receipts__unit")

    @extend_schema(request=SubmitSerializer, responses=ExchangeSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        exchange = self.get_object()
        data = SubmitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        exchange.state_version = data.validated_data["state_version"]
        exchange = services.exchange_submit(exchange=exchange, actor=request.user,
                                            file=data.validated_data.get("file"), note=data.validated_data["note"],
                                            generate=data.validated_data["generate"])
        return Response(ExchangeSerializer(exchange).data)

    @extend_schema(request=None, responses=ReceiptSerializer)
    @action(detail=True, methods=["post"])
    def receive(self, request, pk=None):
        exchange = self.get_object()
        receipt = ExchangeReceipt.objects.filter(exchange=exchange, unit=request.user.unit_id).first()
        if receipt is None:
            return Response({"detail": _("本单位不是该信息的接收单位")}, status=status.HTTP_403_FORBIDDEN)
        return Response(ReceiptSerializer(services.exchange_receive(receipt=receipt, actor=request.user)).data)


class InfoRequestSerializer(serializers.ModelSerializer):
    holder_unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    delivery = serializers.SerializerMethodField()

    class Meta:
        model = InfoRequest
        fields = ["id", "requesting_unit", "holder_unit", "subject", "purpose", "state", "state_version",
                  "decision_note", "confidentiality_terms", "created_at", "delivery"]
        read_only_fields = ["requesting_unit", "state", "state_version", "decision_note", "confidentiality_terms",
                            "created_at"]

    def get_delivery(self, obj) -> str:
        visible = selectors.delivery_visible(actor=self.context["request"].user, request=obj)
        return obj.delivery_note if visible else ""


class InfoRequestTransitionSerializer(serializers.Serializer):
    state_version = serializers.IntegerField(min_value=0)
    terms = serializers.CharField(required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    accept_terms = serializers.BooleanField(required=False, default=False)
    file = serializers.FileField(required=False, allow_null=True)


class InfoRequestViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = InfoRequestSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        return selectors.requests_for(actor=self.request.user)

    def create(self, request, *args, **kwargs):
        data = InfoRequestSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        created = services.info_request_create(actor=request.user, **{
            k: data.validated_data[k] for k in ("holder_unit", "subject", "purpose")})
        return Response(InfoRequestSerializer(created, context={"request": request}).data,
                        status=status.HTTP_201_CREATED)

    def _transition(self, request, name):
        info_request = self.get_object()
        data = InfoRequestTransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        info_request.state_version = values["state_version"]
        if name in ("approve", "refuse"):
            info_request = services.info_request_decide(request=info_request, approve=name == "approve",
                                                        actor=request.user, terms=values["terms"], note=values["note"])
        elif name == "deliver":
            info_request = services.info_request_deliver(request=info_request, actor=request.user,
                                                         note=values["note"], file=values.get("file"))
        else:
            info_request = services.info_request_acknowledge(request=info_request, actor=request.user,
                                                             accept_terms=values["accept_terms"])
        return Response(InfoRequestSerializer(info_request, context={"request": request}).data)

    @extend_schema(request=InfoRequestTransitionSerializer, responses=InfoRequestSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self._transition(request, "approve")

    @extend_schema(request=InfoRequestTransitionSerializer, responses=InfoRequestSerializer)
    @action(detail=True, methods=["post"])
    def refuse(self, request, pk=None):
        return self._transition(request, "refuse")

    @extend_schema(request=InfoRequestTransitionSerializer, responses=InfoRequestSerializer)
    @action(detail=True, methods=["post"])
    def deliver(self, request, pk=None):
        return self._transition(request, "deliver")

    @extend_schema(request=InfoRequestTransitionSerializer, responses=InfoRequestSerializer)
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None):
        return self._transition(request, "acknowledge")


router = SimpleRouter()
router.register("exchanges", ExchangeViewSet, basename="sharing-exchange")
router.register("requests", InfoRequestViewSet, basename="sharing-request")
urlpatterns = router.urls
