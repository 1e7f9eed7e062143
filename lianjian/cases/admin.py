from django.contrib import admin

from .models import DiscretionBenchmark, ToleranceItem
from .services import reference_row_save


class ReferenceAdmin(admin.ModelAdmin):
    """Jurisdictions adapt the seeded defaults here; every change goes through the audited service."""

    def save_model(self, request, obj, form, change):
        reference_row_save(row=obj, actor=request.user)

    def has_delete_permission(self, request, obj=None):
        # Decisions cite these rows: retire a row by clearing "启用" instead.
        return False


@admin.register(DiscretionBenchmark)
class DiscretionBenchmarkAdmin(ReferenceAdmin):
    list_display = ["code", "violation_type", "circumstance", "rate_min_permille", "rate_max_permille", "is_active"]
    list_filter = ["circumstance", "is_active"]
    search_fields = ["code", "violation_type", "source"]


@admin.register(ToleranceItem)
class ToleranceItemAdmin(ReferenceAdmin):
    list_display = ["code", "name", "is_active"]
    search_fields = ["code", "name", "conditions"]
