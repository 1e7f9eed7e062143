"""Admin: alerts, 督办 records, the watch list and tracked lots are read-only here; they change only through the
services (pages, API, ``lianjian screen run``), so every change is validated, dispatched and audited. The triage
deadline rule is edited with the other deadline rules."""

from django.contrib import admin

from .models import Alert, Supervision, TrackedLot, WatchEntry


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Alert)
class AlertAdmin(ReadOnlyAdmin):
    list_display = ("indicator", "lot_code", "severity", "score", "state", "unit", "region", "last_seen_at")
    list_filter = ("severity", "state", "family")
    search_fields = ("key", "indicator", "indicator_name", "lot_code")
    date_hierarchy = "last_seen_at"


@admin.register(Supervision)
class SupervisionAdmin(ReadOnlyAdmin):
    list_display = ("alert", "unit", "by", "at", "due")
    search_fields = ("alert__lot_code", "note")


@admin.register(WatchEntry)
class WatchEntryAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "kind", "region", "unit", "is_active", "added_at")
    list_filter = ("kind", "is_active")
    search_fields = ("entity__name", "entity__credit_code", "person_name", "person_cert")


@admin.register(TrackedLot)
class TrackedLotAdmin(ReadOnlyAdmin):
    list_display = ("lot", "watch_entry", "role", "unit", "started_at")
    search_fields = ("lot__code", "lot__name")
