"""A notification belongs to its recipient alone: nobody else reads it or marks it read."""

from lianjian.core import permissions

from .models import Notification


class NotificationPolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        if action not in {"view", "mark_read"}:
            return False
        return obj is None or obj.recipient_id == actor.pk

    def scope(self, actor, action, queryset):
        if action not in {"view", "mark_read"}:
            return queryset.none()
        return queryset.filter(recipient=actor)


permissions.register(Notification, NotificationPolicy())
