"""Who reads the audit log: administrators across their region; each unit its own entries."""

from lianjian.core import permissions
from lianjian.org import access

from .models import AuditEntry


class AuditPolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        if action != "view":
            return False
        if access.is_admin(actor) or access.is_oversight(actor):
            return True
        unit = access.actor_unit(actor)
        return obj is None or (unit is not None and obj.unit_id_recorded == unit.pk)

    def scope(self, actor, action, queryset):
        if action != "view":
            return queryset.none()
        if access.is_admin(actor) or access.is_oversight(actor):
            return queryset
        unit = access.actor_unit(actor)
        return queryset.filter(unit_id_recorded=unit.pk) if unit is not None else queryset.none()


permissions.register(AuditEntry, AuditPolicy())
