"""Administrators edit the trading catalog here; trading records come in through imports and are read-only."""

from django.contrib import admin

from .models import CatalogItem, Entity, ImportRun, Lot


@admin.register(CatalogItem)
class CatalogItemAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "year", "sector", "category", "threshold", "just_under_margin", "is_active"]
    list_filter = ["sector", "category", "is_active"]
    search_fields = ["name", "legal_basis"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Entity)
class EntityAdmin(ReadOnlyAdmin):
    list_display = ["credit_code", "name", "legal_representative", "is_tenderer", "is_bidder", "is_agency"]
    search_fields = ["credit_code", "name"]


@admin.register(Lot)
class LotAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "stage", "region", "supervising_unit"]
    list_filter = ["stage"]
    search_fields = ["code", "name"]


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    list_display = ["pk", "created_at", "actor", "status", "rows_read", "rows_bad"]
    list_filter = ["status"]
