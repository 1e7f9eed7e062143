"""Admin: meetings and their records are read-only here; they change only through the services, so every change
is validated, permission-checked and audited. The follow-up rule is edited with the other deadline rules."""

from django.contrib import admin

from .models import (
    AgendaItem,
    Decision,
    FollowUpTask,
    Meeting,
    ProgressReport,
    SupervisionNotice,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ("title", "unit", "kind", "state", "planned_on", "held_on")
    list_filter = ("kind", "state")
    search_fields = ("title",)


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnlyAdmin):
    list_display = ("title", "meeting", "unit", "source", "state")
    list_filter = ("state", "source")


@admin.register(FollowUpTask)
class FollowUpTaskAdmin(ReadOnlyAdmin):
    list_display = ("title", "unit", "state", "completed_at")
    list_filter = ("state",)


admin.site.register([Decision, ProgressReport, SupervisionNotice], ReadOnlyAdmin)
