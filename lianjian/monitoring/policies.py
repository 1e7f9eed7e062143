"""Who sees and handles alerts and the watch list.

An alert belongs to the unit it was dispatched to (the competent unit): that unit's officers see it and triage it
(confirm or dismiss). The lead office and oversight readers read every alert of their region; the lead office
(re)dispatches alerts and supervises (督办) overdue ones; oversight readers never act. An alert whose lot is not in
the database has no region yet: administrators see it and dispatch it by hand. The watch list is kept by the lead
office; every officer whose region lies within an entry's region reads it, so that a county bureau knows whom its
city keeps an eye on.
"""

from django.db.models import Q

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.models import RoleCode, UnitType
from lianjian.org.policies import READ_ACTIONS, UnitScopedPolicy

from .models import Alert, Supervision, TrackedLot, WatchEntry

WORKING_ROLES = {code for code in RoleCode.values if code not in (RoleCode.OVERSIGHT, RoleCode.ADMIN)}
INGEST_ROLES = (RoleCode.OFFICE_STAFF, RoleCode.CENTRE_STAFF, RoleCode.UNIT_HEAD, RoleCode.ADMIN)


def may_ingest(actor):
    """The lead office and the trading centre run the screens (seed 000 §十: the centre reports anomalies found
    in the data to the office); administrators load results on the command line."""
    unit = access.actor_unit(actor)
    if access.is_admin(actor):
        return True
    return (unit is not None and unit.type in (UnitType.LEAD_OFFICE, UnitType.TRADING_CENTRE)
            and actor.has_role(*INGEST_ROLES))


class AlertPolicy(UnitScopedPolicy):
    unit_field = "unit"
    region_field = "region"
    write_roles = {"triage": WORKING_ROLES}

    def can(self, actor, action, obj=None):
        if action == "ingest":
            return may_ingest(actor)
        if action in ("dispatch", "supervise"):
            return self._office_over(actor, obj, allow_admin=action == "dispatch")
        if action in READ_ACTIONS and obj is not None and obj.region_id is None:
            return access.is_admin(actor)
        return super().can(actor, action, obj)

    def _office_over(self, actor, alert, *, allow_admin):
        if access.is_oversight(actor):
            return False
        if alert is not None and alert.region_id is None:
            return allow_admin and access.is_admin(actor)
        if not access.is_lead_office_staff(actor):
            return False
        return alert is None or access.covers_region(actor, alert.region)

    def scope(self, actor, action, queryset):
        if action in ("dispatch", "supervise"):
            if not self._office_over(actor, None, allow_admin=False):
                return queryset.none()
            return queryset.filter(access.region_subtree_q(access.actor_region(actor), "region"))
        scoped = super().scope(actor, action, queryset)
        if action in READ_ACTIONS and access.is_admin(actor):
            return scoped | queryset.filter(region__isnull=True)
        return scoped


class SupervisionPolicy(UnitScopedPolicy):
    """督办 records are read wherever their alert is; only the supervise service writes them."""

    unit_field = "alert__unit"
    region_field = "alert__region"


class WatchEntryPolicy(UnitScopedPolicy):
    write_roles = {"change": {RoleCode.OFFICE_STAFF, RoleCode.UNIT_HEAD, RoleCode.ADMIN}}

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS:
            if obj is None:
                return access.actor_unit(actor) is not None
            own = access.actor_region(actor)
            return super().can(actor, action, obj) or (own is not None and obj.region.contains(own))
        if action == "change":
            if access.is_oversight(actor) or not access.is_lead_office_staff(actor):
                return False
            return obj is None or access.covers_region(actor, obj.region)
        return False

    def scope(self, actor, action, queryset):
        own = access.actor_region(actor)
        if action in READ_ACTIONS:
            inside = Q(region__in=[r.pk for r in access.region_ancestors(own)]) if own is not None else Q(pk__in=[])
            return super().scope(actor, action, queryset) | queryset.filter(inside)
        if action == "change" and self.can(actor, action):
            return queryset.filter(access.region_subtree_q(own, "region"))
        return queryset.none()


class TrackedLotPolicy(UnitScopedPolicy):
    """A tracked lot is followed by the unit the lot's alerts go to; the office and oversight read the region."""

    unit_field = "unit"
    region_field = "region"


permissions.register(Alert, AlertPolicy())
permissions.register(Supervision, SupervisionPolicy())
permissions.register(WatchEntry, WatchEntryPolicy())
permissions.register(TrackedLot, TrackedLotPolicy())
