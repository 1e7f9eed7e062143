"""Deadlines belong to their responsible unit: its officers see and handle them; the lead office and oversight
readers see those of their region. A deadline may be opened for another unit within reach (a transfer gives the
receiving unit a deadline)."""

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.models import RoleCode
from lianjian.org.policies import UnitPolicy, UnitScopedPolicy

from .models import Deadline, DeadlinePause, DeadlineReminder, DeadlineRule

WORKING_ROLES = {code for code in RoleCode.values if code != RoleCode.OVERSIGHT}
HANDLING_ACTIONS = ("pause", "resume", "meet", "cancel")


class DeadlinePolicy(UnitScopedPolicy):
    unit_field = "responsible_unit"
    region_field = "responsible_unit__region"
    write_roles = {action: WORKING_ROLES for action in HANDLING_ACTIONS}

    def can(self, actor, action, obj=None):
        if action == "open":
            if access.is_oversight(actor) or not actor.has_role(*WORKING_ROLES) or access.actor_unit(actor) is None:
                return False
            unit = obj.responsible_unit if obj is not None else None
            return unit is None or unit == access.actor_unit(actor) or UnitPolicy().can(actor, "view", unit)
        return super().can(actor, action, obj)


class DeadlineRecordPolicy(UnitScopedPolicy):
    """Pauses and reminders are read wherever their deadline is; they are written only by the deadline's
    services."""

    unit_field = "deadline__responsible_unit"
    region_field = "deadline__responsible_unit__region"


class DeadlineRulePolicy(permissions.Policy):
    """Rules are public reference data; administrators edit them in the admin."""

    def can(self, actor, action, obj=None):
        return action == "view" or (action == "change" and access.is_admin(actor))

    def scope(self, actor, action, queryset):
        return queryset if self.can(actor, action) else queryset.none()


permissions.register(Deadline, DeadlinePolicy())
permissions.register(DeadlinePause, DeadlineRecordPolicy())
permissions.register(DeadlineReminder, DeadlineRecordPolicy())
permissions.register(DeadlineRule, DeadlineRulePolicy())
