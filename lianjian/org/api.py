"""REST API of the organisation domain. Reads go through the selectors (scoped to the caller); writes call the
services, so the API enforces exactly the rules the pages do. No serializer ever carries a password field."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from . import selectors, services
from .models import LiaisonAssignment, PowerItem, PowerList, Region, Role, Sector, Unit, User


class RegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["id", "code", "name", "level", "parent"]
        # Uniqueness and the GB/T 2260 rules are the service's to check, with its Chinese messages.
        extra_kwargs = {"code": {"validators": []}, "level": {"required": False}}


class SectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sector
        fields = ["id", "code", "name", "parent"]


class RoleSerializer(serializers.ModelSerializer):
    # A plain string: the code set is already published once as the enum of a person's roles.
    code = serializers.CharField(read_only=True)

    class Meta:
        model = Role
        fields = ["code", "name"]


class UnitSerializer(serializers.ModelSerializer):
    region_name = serializers.CharField(source="region.name", read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "name", "short_name", "type", "region", "region_name", "sectors", "address", "phone",
                  "is_active"]
        extra_kwargs = {"name": {"validators": []}, "is_active": {"required": False}}


class PersonSerializer(serializers.ModelSerializer):
    """A person as others see them: contact details and roles, never credentials. Creating a person through the
    API gives a contact without a login; accounts get their password from an administrator, never over the API."""

    unit_name = serializers.CharField(source="unit.name", read_only=True, default=None)
    roles = serializers.SlugRelatedField(slug_field="code", many=True, queryset=Role.objects.all(), required=False)
    can_log_in = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "username", "full_name", "unit", "unit_name", "title", "phone", "mobile", "email", "roles",
                  "is_active", "can_log_in"]
        read_only_fields = ["is_active"]
        extra_kwargs = {"username": {"validators": []}, "unit": {"required": True, "allow_null": False}}

    def get_can_log_in(self, person) -> bool:
        return person.is_active and person.has_usable_password()


class LiaisonSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    person_name = serializers.CharField(source="person.__str__", read_only=True)

    class Meta:
        model = LiaisonAssignment
        fields = ["id", "unit", "unit_name", "kind", "person", "person_name", "effective_on", "ended_on",
                  "reported_at", "report_due_on", "report_due_provisional", "reported_on_time"]
        read_only_fields = ["ended_on", "reported_at", "report_due_on", "report_due_provisional",
                            "reported_on_time"]
        # The "one current assignment per unit and kind" constraint is kept by liaison_change ending the old one.
        validators = []


class PowerItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = PowerItem
        fields = ["id", "power_list", "code", "kind", "name", "legal_basis", "sector", "responsibility",
                  "accountability"]
        read_only_fields = ["power_list"]
        validators = []


class PowerListSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    items = PowerItemSerializer(many=True, read_only=True)

    class Meta:
        model = PowerList
        fields = ["id", "unit", "unit_name", "version", "status", "state_version", "created_at", "published_at",
                  "note", "items"]
        read_only_fields = ["version", "status", "state_version", "created_at", "published_at"]
        validators = []


class PublishInputSerializer(serializers.Serializer):
    state_version = serializers.IntegerField(
        required=False, help_text="The state_version the caller read; a newer one means someone else acted first.")


class RegionViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = RegionSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return selectors.regions(actor=self.request.user)

    def create(self, request, *args, **kwargs):
        data = _valid(RegionSerializer, request.data)
        region = services.region_create(actor=request.user, **data)
        return Response(RegionSerializer(region).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        data = _valid(RegionSerializer, request.data, partial=True)
        region = services.region_update(region=self.get_object(), actor=request.user, **data)
        return Response(RegionSerializer(region).data)


class SectorViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = SectorSerializer

    def get_queryset(self):
        return selectors.sectors(actor=self.request.user)


class RoleViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RoleSerializer
    lookup_field = "code"
    pagination_class = None

    def get_queryset(self):
        return selectors.roles(actor=self.request.user)


class UnitViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = UnitSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return selectors.units(actor=self.request.user, q=self.request.query_params.get("q", ""),
                               include_inactive=True)

    def create(self, request, *args, **kwargs):
        data = _valid(UnitSerializer, request.data)
        if not data.pop("is_active", True):
            raise ValidationError({"is_active": [_("新建的单位须为有效状态")]})
        unit = services.unit_create(actor=request.user, **data)
        return Response(UnitSerializer(unit).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        unit = self.get_object()
        data = _valid(UnitSerializer, request.data, partial=True)
        sectors = data.pop("sectors", None)
        if data:
            unit = services.unit_update(unit=unit, actor=request.user, **data)
        if sectors is not None:
            unit = services.unit_set_sectors(unit=unit, sectors=sectors, actor=request.user)
        return Response(UnitSerializer(unit).data)


class PersonViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = PersonSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return selectors.people(actor=self.request.user, q=self.request.query_params.get("q", ""))

    def create(self, request, *args, **kwargs):
        person = services.person_create(actor=request.user, **_valid(PersonSerializer, request.data))
        return Response(PersonSerializer(person).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        person = self.get_object()
        data = _valid(PersonSerializer, request.data, partial=True)
        if data.pop("username", person.username) != person.username:
            raise ValidationError({"username": [_("用户名不能修改")]})
        roles = data.pop("roles", None)
        if data:
            person = services.person_update(person=person, actor=request.user, **data)
        if roles is not None:
            person = services.person_set_roles(person=person, roles=roles, actor=request.user)
        return Response(PersonSerializer(person).data)

    @extend_schema(request=None, responses=PersonSerializer)
    @action(detail=True, methods=["post"])
    def deactivate(self, request, pk=None):
        person = services.person_deactivate(person=self.get_object(), actor=request.user)
        return Response(PersonSerializer(person).data)


class LiaisonViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Current liaison assignments (``?history=1`` for past ones too); POST reports a change."""

    serializer_class = LiaisonSerializer

    def get_queryset(self):
        history = self.request.query_params.get("history") == "1"
        return selectors.liaisons(actor=self.request.user, current=not history)

    def create(self, request, *args, **kwargs):
        assignment = services.liaison_change(actor=request.user, **_valid(LiaisonSerializer, request.data))
        return Response(LiaisonSerializer(assignment).data, status=status.HTTP_201_CREATED)


class PowerListViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Versions of power lists within reach; POST creates a draft from the published version."""

    serializer_class = PowerListSerializer

    def get_queryset(self):
        return selectors.power_lists(actor=self.request.user).prefetch_related("items")

    def create(self, request, *args, **kwargs):
        draft = services.power_list_create_draft(actor=request.user, **_valid(PowerListSerializer, request.data))
        return Response(PowerListSerializer(draft).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=PublishInputSerializer, responses=PowerListSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        power_list = self.get_object()
        data = _valid(PublishInputSerializer, request.data)
        if "state_version" in data:
            power_list.state_version = data["state_version"]
        services.power_list_publish(power_list=power_list, actor=request.user)
        return Response(PowerListSerializer(self.get_queryset().get(pk=power_list.pk)).data)

    @extend_schema(methods=["get"], responses=PowerItemSerializer(many=True))
    @extend_schema(methods=["post"], request=PowerItemSerializer, responses={201: PowerItemSerializer})
    @action(detail=True, methods=["get", "post"])
    def items(self, request, pk=None):
        power_list = self.get_object()
        if request.method == "GET":
            items = selectors.power_list_items(actor=request.user, power_list=power_list)
            return Response(PowerItemSerializer(items, many=True).data)
        item = services.power_item_add(power_list=power_list, actor=request.user,
                                       **_valid(PowerItemSerializer, request.data))
        return Response(PowerItemSerializer(item).data, status=status.HTTP_201_CREATED)


class PowerItemViewSet(mixins.UpdateModelMixin, mixins.DestroyModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = PowerItemSerializer
    http_method_names = ["get", "patch", "delete", "head", "options"]

    def get_queryset(self):
        return selectors.power_items(actor=self.request.user)

    def partial_update(self, request, *args, **kwargs):
        item = services.power_item_update(power_item=self.get_object(), actor=request.user,
                                          **_valid(PowerItemSerializer, request.data, partial=True))
        return Response(PowerItemSerializer(item).data)

    def destroy(self, request, *args, **kwargs):
        services.power_item_remove(power_item=self.get_object(), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _valid(serializer_class, data, partial=False):
    serializer = serializer_class(data=data, partial=partial)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


router = SimpleRouter()
router.register("regions", RegionViewSet, basename="org-region")
router.register("sectors", SectorViewSet, basename="org-sector")
router.register("roles", RoleViewSet, basename="org-role")
router.register("units", UnitViewSet, basename="org-unit")
router.register("people", PersonViewSet, basename="org-person")
router.register("liaisons", LiaisonViewSet, basename="org-liaison")
router.register("power-lists", PowerListViewSet, basename="org-power-list")
router.register("power-items", PowerItemViewSet, basename="org-power-item")
urlpatterns = router.urls
