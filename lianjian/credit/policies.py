"""Who sees and changes credit information.

Credit information is shared among the member units (seed 002 §(十二) 信息共享; seed 000 §(十三)): records, list
entries and the measures in force are read by every member unit's staff whose region reaches the recording unit's
region (its subtree and the regions above it). They are written by the recording unit: records by its officers,
list entries by its officers and head. Repair applications hold the applicant's contact, so they stay with the
listing unit, the lead office and oversight readers of its region; the listing unit's head decides them. Checks
and hits of a lot follow the lot (its supervising unit, the region's lead office, trading centre and oversight).
The scheme, list rules and memoranda are reference data: every member reads them, administrators edit them.
Oversight readers never write.
"""

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.models import RoleCode
from lianjian.org.policies import READ_ACTIONS, ReferenceDataPolicy, UnitScopedPolicy
from lianjian.trading.policies import LotScopedPolicy, PublicWithinPlatformPolicy

from .models import (
    AppliedMeasure, ClassThreshold, CreditRecord, CreditScore, ListEntry, ListRule, Memorandum, MemorandumMeasure,
    RepairApplication, RestrictionCheck, RestrictionHit, ScoringItem, ScoringScheme,
)

OFFICERS = {RoleCode.SUPERVISOR_OFFICER, RoleCode.INSPECTOR, RoleCode.CENTRE_STAFF, RoleCode.OFFICE_STAFF,
            RoleCode.UNIT_HEAD}
LISTERS = {RoleCode.SUPERVISOR_OFFICER, RoleCode.OFFICE_STAFF, RoleCode.UNIT_HEAD}
CHECKERS = (RoleCode.CENTRE_STAFF, RoleCode.SUPERVISOR_OFFICER, RoleCode.OFFICE_STAFF, RoleCode.UNIT_HEAD,
            RoleCode.ADMIN)


class SharedCreditPolicy(UnitScopedPolicy):
    """Unit-owned credit rows that every member unit within reach reads."""

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS and access.actor_unit(actor) is not None:
            if obj is None:
                return True
            region = self._resolve(obj, self.region_field)
            own = access.actor_region(actor)
            return region is not None and (own.contains(region) or region in access.region_ancestors(own))
        return super().can(actor, action, obj)

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS:
            return queryset.filter(access.region_reach_q(access.actor_region(actor), self.region_field))
        return super().scope(actor, action, queryset)


class RecordPolicy(SharedCreditPolicy):
    write_roles = {"add": OFFICERS}


class EntryPolicy(SharedCreditPolicy):
    write_roles = {"list": LISTERS}


class AppliedMeasurePolicy(SharedCreditPolicy):
    unit_field = "entry__unit"
    region_field = "entry__unit__region"


class RepairPolicy(UnitScopedPolicy):
    write_roles = {"submit": LISTERS, "review": LISTERS, "decide": {RoleCode.UNIT_HEAD}}


class CheckPolicy(LotScopedPolicy):
    """Read like the lot. Running a check ("check", on an unsaved check of the lot) is for the staff who handle
    the lot: its supervising unit, the trading centre and the lead office of its region."""

    def can(self, actor, action, obj=None):
        if action == "check":
            if access.is_oversight(actor) or not actor.has_role(*CHECKERS):
                return False
            return obj is None or permissions.can(actor, "view", obj.lot)
        return super().can(actor, action, obj)


permissions.register(CreditRecord, RecordPolicy())
permissions.register(CreditScore, PublicWithinPlatformPolicy())
permissions.register(ListEntry, EntryPolicy())
permissions.register(AppliedMeasure, AppliedMeasurePolicy())
permissions.register(RepairApplication, RepairPolicy())
permissions.register(RestrictionCheck, CheckPolicy("lot__"))
permissions.register(RestrictionHit, LotScopedPolicy("lot__"))
for _model in (ScoringScheme, ScoringItem, ClassThreshold, ListRule, Memorandum, MemorandumMeasure):
    permissions.register(_model, ReferenceDataPolicy())
