"""Administrators maintain the reference data here: schemes with their items and thresholds, list rules and
memoranda with their measures. Records, entries and repairs change only through the services."""

from django.contrib import admin

from .models import ClassThreshold, ListRule, Memorandum, MemorandumMeasure, ScoringItem, ScoringScheme


class ItemInline(admin.TabularInline):
    model = ScoringItem
    extra = 0


class ThresholdInline(admin.TabularInline):
    model = ClassThreshold
    extra = 0


@admin.register(ScoringScheme)
class SchemeAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "base_score", "cycle_months", "validity_months", "repeat_multiplier",
                    "is_active"]
    inlines = [ItemInline, ThresholdInline]


@admin.register(ListRule)
class ListRuleAdmin(admin.ModelAdmin):
    list_display = ["credit_list", "min_months", "max_months", "source"]


class MeasureInline(admin.TabularInline):
    model = MemorandumMeasure
    extra = 0


@admin.register(Memorandum)
class MemorandumAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "region", "is_active"]
    inlines = [MeasureInline]
