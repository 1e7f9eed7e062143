"""Who sees trading records and who may import them.

A lot belongs to its supervising unit and its region: the supervising unit sees it; the lead office and oversight
readers see every lot in their region's subtree; so does the trading centre of the region, which runs the deals.
Bids, awards and contracts follow their lot; a tender project or project is visible when one of its lots is (an
approved project with no lots yet follows its region). Market entities are public within the platform. Imports
are for trading-centre staff, lead-office staff and administrators.
"""

from django.db.models import Exists, OuterRef, Q

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.models import RoleCode, UnitType
from lianjian.org.policies import READ_ACTIONS, UnitScopedPolicy

from .models import (
    Award, Bid, CatalogItem, Contract, ContractChange, Entity, ImportRun, KeyPerson, Lot, Project, TenderProject,
)

CENTRE_ROLES = (RoleCode.CENTRE_STAFF, RoleCode.UNIT_HEAD, RoleCode.ADMIN)


def is_centre_staff(actor):
    unit = access.actor_unit(actor)
    return unit is not None and unit.type == UnitType.TRADING_CENTRE and actor.has_role(*CENTRE_ROLES)


def may_import(actor):
    return is_centre_staff(actor) or access.is_lead_office_staff(actor) or access.is_admin(actor)


class LotScopedPolicy(UnitScopedPolicy):
    """Read-only rows of a lot; ``prefix`` is the path from the row to its lot ("" for the lot itself)."""

    prefix = ""
    write_roles = {}

    def __init__(self, prefix=""):
        self.prefix = prefix
        self.unit_field = f"{prefix}supervising_unit"
        self.region_field = f"{prefix}region"

    def can(self, actor, action, obj=None):
        if super().can(actor, action, obj):
            return True
        if action in READ_ACTIONS and is_centre_staff(actor):
            return obj is None or access.covers_region(actor, self._resolve(obj, self.region_field))
        return False

    def scope(self, actor, action, queryset):
        scoped = super().scope(actor, action, queryset)
        if action in READ_ACTIONS and is_centre_staff(actor):
            centre = access.region_subtree_q(access.actor_region(actor), self.region_field)
            return scoped | queryset.filter(centre)
        return scoped


_lots = LotScopedPolicy()


class TenderProjectPolicy(permissions.Policy):
    """Visible when one of its lots is."""

    lot_path = "tender_project"

    def can(self, actor, action, obj=None):
        if action not in READ_ACTIONS:
            return False
        return obj is None or self._visible_lots(actor, obj).exists()

    def _visible_lots(self, actor, obj):
        return _lots.scope(actor, "view", Lot.objects.filter(**{self.lot_path: obj}))

    def scope(self, actor, action, queryset):
        if action not in READ_ACTIONS:
            return queryset.none()
        visible = _lots.scope(actor, "view", Lot.objects.filter(**{self.lot_path: OuterRef("pk")}))
        return queryset.filter(Exists(visible))


class ProjectPolicy(TenderProjectPolicy):
    """Visible when one of its lots is; a project without lots follows its region (lead office, oversight
    readers and the trading centre), so that projects approved but never traded can be found."""

    lot_path = "tender_project__project"

    def _region_readers(self, actor):
        return access.is_lead_office_staff(actor) or access.is_oversight(actor) or is_centre_staff(actor)

    def can(self, actor, action, obj=None):
        if super().can(actor, action, obj):
            return True
        return (action in READ_ACTIONS and obj is not None and self._region_readers(actor)
                and access.covers_region(actor, obj.region))

    def scope(self, actor, action, queryset):
        scoped = super().scope(actor, action, queryset)
        if action in READ_ACTIONS and self._region_readers(actor):
            return scoped | queryset.filter(access.region_subtree_q(access.actor_region(actor), "region"))
        return scoped


class PublicWithinPlatformPolicy(permissions.Policy):
    """Market entities and the catalog are reference information for every member unit's staff; catalog rows are
    maintained by administrators."""

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS:
            return access.actor_unit(actor) is not None or access.is_admin(actor)
        return action == "change" and access.is_admin(actor)

    def scope(self, actor, action, queryset):
        return queryset if self.can(actor, action) else queryset.none()


class ImportRunPolicy(permissions.Policy):
    """Importers start imports; a run is visible to the person who started it, their unit and administrators."""

    def can(self, actor, action, obj=None):
        if action == "import":
            return may_import(actor)
        if action not in READ_ACTIONS:
            return False
        if obj is None or access.is_admin(actor):
            return True
        unit = access.actor_unit(actor)
        return obj.actor_id == actor.pk or (unit is not None and obj.unit_id == unit.pk)

    def scope(self, actor, action, queryset):
        if action not in READ_ACTIONS:
            return queryset.none()
        if access.is_admin(actor):
            return queryset
        unit = access.actor_unit(actor)
        mine = Q(actor=actor)
        return queryset.filter(mine | Q(unit=unit) if unit is not None else mine)


permissions.register(Lot, _lots)
permissions.register(Bid, LotScopedPolicy("lot__"))
permissions.register(Award, LotScopedPolicy("lot__"))
permissions.register(Contract, LotScopedPolicy("lot__"))
permissions.register(ContractChange, LotScopedPolicy("contract__lot__"))
permissions.register(TenderProject, TenderProjectPolicy())
permissions.register(Project, ProjectPolicy())
permissions.register(Entity, PublicWithinPlatformPolicy())
permissions.register(KeyPerson, PublicWithinPlatformPolicy())
permissions.register(CatalogItem, PublicWithinPlatformPolicy())
permissions.register(ImportRun, ImportRunPolicy())
