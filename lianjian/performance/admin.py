from django.contrib import admin

from .models import AccountabilityNotice, ReviewCategory, ReviewCategoryRule


class ReviewCategoryRuleInline(admin.TabularInline):
    model = ReviewCategoryRule
    extra = 1


@admin.register(ReviewCategory)
class ReviewCategoryAdmin(admin.ModelAdmin):
    """Administrators map further deadline rules to the review's duties here."""

    list_display = ["code", "name", "order"]
    inlines = [ReviewCategoryRuleInline]


@admin.register(AccountabilityNotice)
class AccountabilityNoticeAdmin(admin.ModelAdmin):
    """Read-only: notices are issued through the review page so they are audit-logged and notified."""

    list_display = ["unit", "period_start", "period_end", "missed", "overdue", "issued_by", "issued_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
