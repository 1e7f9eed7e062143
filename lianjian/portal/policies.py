"""Who may read and write the catalog and the publication records.

The public site does not go through these: it reads only published rows through ``selectors.public_*``.
"""

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.models import RoleCode
from lianjian.org.policies import READ_ACTIONS, UnitScopedPolicy

from .models import DisclosureItem, Publication

PUBLISHING_ROLES = {RoleCode.OFFICE_STAFF, RoleCode.SUPERVISOR_OFFICER, RoleCode.INSPECTOR, RoleCode.UNIT_HEAD,
                    RoleCode.ADMIN}


class CatalogPolicy(permissions.Policy):
    """The catalog is reference data: every member reads it, administrators maintain it."""

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS:
            return True
        return action == "change" and access.is_admin(actor) and not access.is_oversight(actor)

    def scope(self, actor, action, queryset):
        return queryset if self.can(actor, action) else queryset.none()


class PublicationPolicy(UnitScopedPolicy):
    """A unit publishes and withdraws its own records; the lead office and oversight readers follow every record of
    their region (e.g. the overdue list)."""

    region_field = "region"
    write_roles = {"publish": PUBLISHING_ROLES, "require": PUBLISHING_ROLES, "withdraw": PUBLISHING_ROLES}


permissions.register(DisclosureItem, CatalogPolicy())
permissions.register(Publication, PublicationPolicy())
