from django.contrib import admin

from .models import InspectionRule, SamplingClass


@admin.register(SamplingClass)
class SamplingClassAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "rank", "min_percent", "max_percent", "default_percent"]


@admin.register(InspectionRule)
class InspectionRuleAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "value"]
