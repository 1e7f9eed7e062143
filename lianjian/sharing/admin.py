from django.contrib import admin

from .models import ExchangeSchedule


@admin.register(ExchangeSchedule)
class ExchangeScheduleAdmin(admin.ModelAdmin):
    """Administrators adapt the schedules (senders, recipients, deadline rule) to their jurisdiction here."""

    list_display = ["code", "name", "trigger", "deadline_rule", "is_active"]
    list_filter = ["trigger", "is_active"]
