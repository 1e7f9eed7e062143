from lianjian.core import permissions

from .models import AuditEntry


def audit_entries_for_object(*, actor, obj):
    """The history of one object, for someone allowed to view that object."""
    if not permissions.can(actor, "view", obj):
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).order_by("seq")


def audit_entries(*, actor):
    return permissions.scope(actor, "view", AuditEntry.objects.all()).order_by("-seq")
