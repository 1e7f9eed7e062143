from django.contrib import admin

from .models import Job, PeriodicRun


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "status", "progress_done", "progress_total", "created_by", "created_at",
                    "finished_at", "attempts"]
    list_filter = ["status", "kind"]
    search_fields = ["kind", "message"]
    readonly_fields = [f.name for f in Job._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Job state changes go through the services (cancel/retry on the job page), never through the admin.
        return False


@admin.register(PeriodicRun)
class PeriodicRunAdmin(admin.ModelAdmin):
    list_display = ["name", "last_run_at", "last_job"]
    readonly_fields = ["name", "last_run_at", "last_job"]

    def has_add_permission(self, request):
        return False
