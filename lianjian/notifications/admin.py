from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "recipient", "category", "created_at", "read_at", "emailed_at"]
    list_filter = ["category"]
    search_fields = ["subject", "recipient__username", "recipient__full_name"]
    readonly_fields = ["recipient", "category", "subject", "body", "link", "created_at", "read_at", "emailed_at"]

    def has_add_permission(self, request):
        return False
