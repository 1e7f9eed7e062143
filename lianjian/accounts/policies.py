"""Who may see the security records: a person their own authenticator; administrators the lockout counters."""

from lianjian.core import permissions
from lianjian.org.access import is_admin

from .models import LoginThrottle, TOTPDevice


class OwnDevicePolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        return action in {"view", "change"} and (obj is None or obj.user_id == actor.pk)

    def scope(self, actor, action, queryset):
        return queryset.filter(user=actor)


class AdminOnlyPolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        return is_admin(actor)

    def scope(self, actor, action, queryset):
        return queryset if is_admin(actor) else queryset.none()


permissions.register(TOTPDevice, OwnDevicePolicy())
permissions.register(LoginThrottle, AdminOnlyPolicy())
