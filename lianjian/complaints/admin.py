"""Read-only admin of complaints, showing the masked filer only. The identity table is deliberately not registered:
not even a superuser reads it outside the assigned officers' page, where each reading is logged."""

from django.contrib import admin

from .models import Complaint


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin):
    list_display = ["tracking_code", "kind", "title", "submitter_masked", "handling_unit", "state", "received_at"]
    list_filter = ["kind", "state", "channel"]
    search_fields = ["tracking_code", "title", "respondent_name"]
    exclude = ["officers"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
