"""Who sees and steers a background job: whoever started it, the people of the unit it was started for, and
administrators. Stopping or re-running one is for its starter and administrators. The periodic-task bookkeeping
is read by administrators only and changed by the runner alone."""

from django.db.models import Q

from lianjian.core import permissions
from lianjian.org import access

from .models import Job, PeriodicRun

READ_ACTIONS = {"view"}
STEER_ACTIONS = {"cancel", "retry"}


class JobPolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        if action == "create":
            return True
        if access.is_admin(actor):
            return action in READ_ACTIONS | STEER_ACTIONS
        if action in READ_ACTIONS:
            if obj is None:
                return True
            unit = access.actor_unit(actor)
            return obj.created_by_id == actor.pk or (unit is not None and obj.unit_id == unit.pk)
        if action in STEER_ACTIONS:
            return obj is None or obj.created_by_id == actor.pk
        return False

    def scope(self, actor, action, queryset):
        if action not in READ_ACTIONS | STEER_ACTIONS:
            return queryset.none()
        if access.is_admin(actor):
            return queryset
        mine = Q(created_by=actor)
        if action in STEER_ACTIONS:
            return queryset.filter(mine)
        unit = access.actor_unit(actor)
        return queryset.filter(mine | Q(unit=unit)) if unit is not None else queryset.filter(mine)


class PeriodicRunPolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        return action in READ_ACTIONS and access.is_admin(actor)

    def scope(self, actor, action, queryset):
        return queryset if self.can(actor, action) else queryset.none()


permissions.register(Job, JobPolicy())
permissions.register(PeriodicRun, PeriodicRunPolicy())
