"""Only oversight readers (纪检监察、审计、公安 with the oversight role) use the channel. Each reader sees the log
of their own reads; the head of an oversight unit reviews the whole unit's log. Nobody edits the log: entries are
written by the channel's services only."""

from django.db.models import Q

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.models import RoleCode

from .models import AccessLogEntry

CHANNEL_ACTIONS = {"search", "export", "open"}


def heads_oversight_unit(actor):
    unit = access.actor_unit(actor)
    return unit is not None and unit.is_oversight and actor.has_role(RoleCode.UNIT_HEAD)


class AccessLogPolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        if action in CHANNEL_ACTIONS:
            return access.is_oversight(actor)
        if action in ("view", "export_log"):
            if obj is None:
                return True
            return obj.actor_id == actor.pk or (heads_oversight_unit(actor) and obj.unit_id == actor.unit_id)
        return False

    def scope(self, actor, action, queryset):
        if action not in ("view", "export_log"):
            return queryset.none()
        visible = Q(actor=actor)
        if heads_oversight_unit(actor):
            visible |= Q(unit=actor.unit_id)
        return queryset.filter(visible)


permissions.register(AccessLogEntry, AccessLogPolicy())
