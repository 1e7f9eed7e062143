"""Everyone signed in reads the working-day calendar; only administrators change it."""

from lianjian.core import permissions
from lianjian.org import access

from .models import CalendarYear, Holiday


class CalendarPolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        if action == "view":
            return True
        return action in {"change", "load"} and access.is_admin(actor)

    def scope(self, actor, action, queryset):
        return queryset if self.can(actor, action) else queryset.none()


permissions.register(Holiday, CalendarPolicy())
permissions.register(CalendarYear, CalendarPolicy())
