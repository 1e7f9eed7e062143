"""The review reads deadlines through their own policy (a unit sees its own figures; the lead office and oversight
readers their region's). Notices belong to the notified unit; the lead office of a region issues them there.
Categories are reference data maintained by administrators."""

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.policies import READ_ACTIONS, ReferenceDataPolicy, UnitScopedPolicy

from .models import AccountabilityNotice, ReviewCategory, ReviewCategoryRule


class AccountabilityNoticePolicy(UnitScopedPolicy):
    unit_field = "unit"
    region_field = "unit__region"

    def can(self, actor, action, obj=None):
        if action == "issue":
            if access.is_oversight(actor) or not access.is_lead_office_staff(actor):
                return False
            return obj is None or access.covers_region(actor, obj.unit.region)
        if action in READ_ACTIONS:
            return super().can(actor, action, obj)
        return False

    def scope(self, actor, action, queryset):
        if action == "issue":
            if not self.can(actor, action):
                return queryset.none()
            return queryset.filter(access.region_subtree_q(access.actor_region(actor), "unit__region"))
        return super().scope(actor, action, queryset)


permissions.register(AccountabilityNotice, AccountabilityNoticePolicy())
permissions.register(ReviewCategory, ReferenceDataPolicy())
permissions.register(ReviewCategoryRule, ReferenceDataPolicy())
