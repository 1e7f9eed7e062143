from django.contrib import admin

from .models import AccessLogEntry


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is written by the channel's services and never edited."""

    list_display = ["at", "actor", "unit", "kind", "dataset", "row_count", "export_filename"]
    list_filter = ["kind", "dataset"]
    search_fields = ["actor__username", "actor__full_name", "unit__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
