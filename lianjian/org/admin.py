from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import LiaisonAssignment, PowerItem, PowerList, Region, Role, Sector, Unit, User


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name")
    autocomplete_fields = ("parent",)


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "parent")
    search_fields = ("code", "name")


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "type", "region", "phone", "is_active")
    list_filter = ("type", "is_active", "region")
    search_fields = ("name", "short_name")
    autocomplete_fields = ("region",)
    filter_horizontal = ("sectors",)


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ("code", "name")


@admin.register(User)
class PersonAdmin(UserAdmin):
    list_display = ("username", "full_name", "unit", "title", "mobile", "is_active", "is_staff")
    list_filter = ("is_active", "is_staff", "is_superuser", "roles", "unit__type")
    search_fields = ("username", "full_name", "unit__name", "phone", "mobile", "email")
    autocomplete_fields = ("unit",)
    filter_horizontal = ("roles", "groups", "user_permissions")
    fieldsets = UserAdmin.fieldsets + (
        (_("单位与角色"), {"fields": ("full_name", "unit", "title", "phone", "mobile", "roles")}),
    )
    add_fieldsets = UserAdmin.add_fieldsets + (
        (_("单位与角色"), {"fields": ("full_name", "unit", "title", "phone", "mobile", "email", "roles")}),
    )


class PowerItemInline(admin.TabularInline):
    model = PowerItem
    extra = 0
    fields = ("code", "kind", "name", "legal_basis", "sector", "responsibility", "accountability")


@admin.register(PowerList)
class PowerListAdmin(admin.ModelAdmin):
    list_display = ("unit", "version", "status", "published_at", "note")
    list_filter = ("status",)
    search_fields = ("unit__name",)
    readonly_fields = ("status", "published_at")
    inlines = [PowerItemInline]


@admin.register(LiaisonAssignment)
class LiaisonAssignmentAdmin(admin.ModelAdmin):
    list_display = ("unit", "kind", "person", "effective_on", "ended_on", "reported_at", "report_due_on",
                    "reported_on_time")
    list_filter = ("kind", "reported_on_time")
    search_fields = ("unit__name", "person__full_name", "person__username")
    autocomplete_fields = ("unit", "person")
    # The report and its due date are facts recorded by liaison_change, not opinions to edit afterwards.
    readonly_fields = ("reported_at", "reported_by", "report_due_on", "report_due_provisional", "reported_on_time")
