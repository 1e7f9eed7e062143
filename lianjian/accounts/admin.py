from django.contrib import admin

from .models import LoginThrottle, TOTPDevice


@admin.register(LoginThrottle)
class LoginThrottleAdmin(admin.ModelAdmin):
    """Deleting a row lifts its lock before it runs out (a locked-out officer who called the help desk)."""

    list_display = ("key", "failures", "window_started_at", "locked_until")
    search_fields = ("key",)
    readonly_fields = ("key", "failures", "window_started_at", "locked_until")


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(admin.ModelAdmin):
    """Deleting a device lets a person who lost their phone bind a new one."""

    list_display = ("user", "confirmed_at", "created_at")
    search_fields = ("user__username", "user__full_name")
    fields = ("user", "confirmed_at", "created_at")
    readonly_fields = ("user", "confirmed_at", "created_at")
