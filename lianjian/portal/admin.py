from django.contrib import admin

from .models import DisclosureItem


@admin.register(DisclosureItem)
class DisclosureItemAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "category", "responsible_unit_type", "time_limit", "is_active"]
    list_filter = ["category", "is_active"]
    search_fields = ["code", "name"]
