from django import forms
from django.contrib import admin

from .models import Deadline, DeadlinePause, DeadlineReminder, DeadlineRule
from .services import deadline_rule_save, rule_problems


class DeadlineRuleForm(forms.ModelForm):
    class Meta:
        model = DeadlineRule
        fields = ["code", "name", "count", "unit", "due_soon_days", "source", "note", "is_active"]

    def clean(self):
        data = super().clean()
        unit = data.get("unit") or getattr(self.instance, "unit", None)
        count = data.get("count")
        if unit and count is not None:
            for field, message in rule_problems(unit=unit, count=count):
                self.add_error(field, message)
        return data


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(admin.ModelAdmin):
    """Jurisdictions adapt the defaults here; deadlines already opened keep the due date they were given."""

    form = DeadlineRuleForm
    list_display = ["code", "name", "count", "unit", "due_soon_days", "is_active"]
    list_filter = ["unit", "is_active"]
    search_fields = ["code", "name", "source"]
    readonly_fields = ["code", "updated_at"]

    def get_readonly_fields(self, request, obj=None):
        # The code is how other modules name a rule: fixed once created.
        return self.readonly_fields if obj is not None else ["updated_at"]

    def save_model(self, request, obj, form, change):
        deadline_rule_save(rule=obj, actor=request.user)

    def has_delete_permission(self, request, obj=None):
        # Deadlines refer to their rule; retire a rule by unticking "启用" instead.
        return False


class DeadlinePauseInline(admin.TabularInline):
    model = DeadlinePause
    extra = 0
    can_delete = False
    readonly_fields = ["start", "end", "reason", "started_by", "ended_by"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    """Read-only: deadlines change only through their services, which check permissions and write the audit log."""

    list_display = ["title", "rule", "responsible_unit", "start", "due", "provisional", "state"]
    list_filter = ["state", "provisional", "rule"]
    search_fields = ["title"]
    date_hierarchy = "due"
    inlines = [DeadlinePauseInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DeadlineReminder)
class DeadlineReminderAdmin(admin.ModelAdmin):
    list_display = ["deadline", "status", "due", "sent_at", "recipients"]
    list_filter = ["status"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
