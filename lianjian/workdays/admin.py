from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import CalendarYear, Holiday
from .services import holiday_delete, holiday_problems, holiday_save


class HolidayForm(forms.ModelForm):
    class Meta:
        model = Holiday
        fields = ["date", "kind", "name"]

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("kind"):
            for field, message in holiday_problems(date=data["date"], kind=data["kind"],
                                                   name=(data.get("name") or "").strip()):
                self.add_error(field, message)
        return data


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    form = HolidayForm
    list_display = ["date", "weekday", "kind", "name", "updated_at"]
    list_filter = ["kind"]
    date_hierarchy = "date"
    search_fields = ["name"]

    @admin.display(description=_("星期"))
    def weekday(self, obj):
        return "一二三四五六日"[obj.date.weekday()]

    def save_model(self, request, obj, form, change):
        holiday_save(holiday=obj, actor=request.user)

    def delete_model(self, request, obj):
        holiday_delete(holiday=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for holiday in queryset:
            holiday_delete(holiday=holiday, actor=request.user)


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    """Read-only: a year is marked loaded by `lianjian workdays load`, which also recomputes the provisional
    deadlines of that year."""

    list_display = ["year", "source", "loaded_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
