"""Permission policies for the organisation domain, and the unit/region base that other domains reuse."""

from django.db.models import Q

from lianjian.core import permissions

from . import access
from .models import (
    LiaisonAssignment, PowerItem, PowerList, PowerListStatus, Region, Role, RoleCode, Sector, Unit, User,
)

READ_ACTIONS = {"view", "export"}


class UnitScopedPolicy(permissions.Policy):
    """Rows owned by a unit and located in a region.

    Reading: the owning unit always; the lead office and oversight readers across their region's subtree, except
    rows marked confidential, which stay with the owning unit. Writing: the owning unit, by the roles named for
    the action in ``write_roles``; oversight readers never write.
    """

    unit_field = "unit"
    region_field = "unit__region"
    confidential_field = None
    write_roles = {}

    def _resolve(self, obj, path):
        for part in path.split("__"):
            obj = getattr(obj, part) if obj is not None else None
        return obj

    def _is_confidential(self, obj):
        return bool(self.confidential_field and getattr(obj, self.confidential_field))

    def can(self, actor, action, obj=None):
        own_unit = access.actor_unit(actor)
        if action in READ_ACTIONS:
            if obj is None:
                return True
            if own_unit is not None and self._resolve(obj, self.unit_field) == own_unit:
                return True
            if self._is_confidential(obj):
                return False
            region = self._resolve(obj, self.region_field)
            return (access.is_lead_office_staff(actor) or access.is_oversight(actor)) and access.covers_region(
                actor, region
            )
        if access.is_oversight(actor):
            return False
        roles = self.write_roles.get(action)
        if roles is None or not actor.has_role(*roles):
            return False
        return obj is None or (own_unit is not None and self._resolve(obj, self.unit_field) == own_unit)

    def scope(self, actor, action, queryset):
        unit = access.actor_unit(actor)
        own = Q(**{self.unit_field: unit}) if unit is not None else Q(pk__in=[])
        if action not in READ_ACTIONS:
            return queryset.filter(own) if self.can(actor, action) else queryset.none()
        if access.is_lead_office_staff(actor) or access.is_oversight(actor):
            wide = access.region_subtree_q(access.actor_region(actor), self.region_field)
            if self.confidential_field:
                wide &= Q(**{self.confidential_field: False})
            return queryset.filter(own | wide)
        return queryset.filter(own)


class UnitPolicy(permissions.Policy):
    """Every member may look up the units within its reach (the contact book); the lead office and
    administrators maintain the units of their region."""

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS:
            return obj is None or obj == access.actor_unit(actor) or self._within_reach(actor, obj)
        if action == "change":
            if access.is_oversight(actor) or not (access.is_admin(actor) or access.is_lead_office_staff(actor)):
                return False
            return obj is None or access.covers_region(actor, obj.region)
        return False

    def _within_reach(self, actor, unit):
        own = access.actor_region(actor)
        return own is not None and (own.contains(unit.region) or unit.region in access.region_ancestors(own))

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS:
            return queryset.filter(access.region_reach_q(access.actor_region(actor), "region"))
        if self.can(actor, action):
            return queryset.filter(access.region_subtree_q(access.actor_region(actor), "region"))
        return queryset.none()


class PersonPolicy(permissions.Policy):
    """People are visible wherever their unit is; a unit head or an administrator maintains a unit's people."""

    units = UnitPolicy()

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS:
            return obj is None or obj == actor or (obj.unit is not None and self.units.can(actor, "view", obj.unit))
        if action == "change":
            if access.is_oversight(actor):
                return False
            if access.is_admin(actor):
                return obj is None or obj.unit is None or access.covers_region(actor, obj.unit.region)
            return actor.has_role(RoleCode.UNIT_HEAD) and (obj is None or obj.unit == access.actor_unit(actor))
        return False

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS:
            return queryset.filter(access.region_reach_q(access.actor_region(actor), "unit__region"))
        if access.is_oversight(actor):
            return queryset.none()
        if access.is_admin(actor):
            return queryset.filter(access.region_subtree_q(access.actor_region(actor), "unit__region"))
        if actor.has_role(RoleCode.UNIT_HEAD):
            return queryset.filter(unit=access.actor_unit(actor))
        return queryset.none()


class LiaisonPolicy(UnitScopedPolicy):
    write_roles = {"change": {RoleCode.UNIT_HEAD, RoleCode.ADMIN}}

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS and (obj is None or UnitPolicy().can(actor, "view", obj.unit)):
            return True
        return super().can(actor, action, obj)

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS:
            return queryset.filter(access.region_reach_q(access.actor_region(actor), "unit__region"))
        return super().scope(actor, action, queryset)


class PowerListPolicy(UnitScopedPolicy):
    """Published lists are public; drafts stay with the unit and the lead office. A unit's head or administrator
    drafts and publishes its list."""

    write_roles = {"change": {RoleCode.UNIT_HEAD, RoleCode.ADMIN}, "publish": {RoleCode.UNIT_HEAD, RoleCode.ADMIN}}

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS and obj is not None and obj.status != PowerListStatus.DRAFT:
            return True
        return super().can(actor, action, obj)

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS:
            return queryset.exclude(status=PowerListStatus.DRAFT) | super().scope(actor, action, queryset)
        return super().scope(actor, action, queryset)


class PowerItemPolicy(permissions.Policy):
    """An item is read and written exactly as the version of the list it belongs to."""

    lists = PowerListPolicy()

    def can(self, actor, action, obj=None):
        return self.lists.can(actor, action, obj.power_list if obj is not None else None)

    def scope(self, actor, action, queryset):
        return queryset.filter(power_list__in=self.lists.scope(actor, action, PowerList.objects.all()))


class RegionPolicy(permissions.Policy):
    """Every member reads the division table; an administrator maintains the divisions inside their own region
    (a whole new province only by a superuser, who passes every policy)."""

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS:
            return True
        if action != "change" or access.is_oversight(actor) or not access.is_admin(actor):
            return False
        return obj is None or access.covers_region(actor, obj)

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS:
            return queryset
        region = access.actor_region(actor)
        if region is None or not self.can(actor, action):
            return queryset.none()
        return queryset.filter(code__startswith=region.subtree_prefix)


class ReferenceDataPolicy(permissions.Policy):
    """Sectors and roles: read by every member, maintained by administrators only."""

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS:
            return True
        return action == "change" and access.is_admin(actor) and not access.is_oversight(actor)

    def scope(self, actor, action, queryset):
        return queryset if self.can(actor, action) else queryset.none()


permissions.register(Unit, UnitPolicy())
permissions.register(User, PersonPolicy())
permissions.register(LiaisonAssignment, LiaisonPolicy())
permissions.register(PowerList, PowerListPolicy())
permissions.register(PowerItem, PowerItemPolicy())
permissions.register(Region, RegionPolicy())
permissions.register(Sector, ReferenceDataPolicy())
permissions.register(Role, ReferenceDataPolicy())
