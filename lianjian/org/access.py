"""Facts about an actor that every permission policy needs: unit, region reach and roles.

Policies in every domain build on these so that "which region may this officer see" is answered once.
"""

from django.db.models import Q

from .models import Region, RoleCode, UnitType


def actor_unit(actor):
    return getattr(actor, "unit", None)


def actor_region(actor):
    unit = actor_unit(actor)
    return unit.region if unit is not None else None


def region_subtree_q(region, field):
    """Q matching rows whose ``field`` (a path to a Region) lies in ``region``'s subtree."""
    if region is None:
        return Q(pk__in=[])
    return Q(**{f"{field}__code__startswith": region.subtree_prefix})


def region_ancestors(region):
    chain = []
    while region is not None:
        chain.append(region)
        region = region.parent
    return chain


def region_reach_q(region, field):
    """The region's subtree plus its ancestors: a county officer sees the city and province units above it."""
    if region is None:
        return Q(pk__in=[])
    return region_subtree_q(region, field) | Q(**{f"{field}__in": [r.pk for r in region_ancestors(region)]})


def is_admin(actor):
    return actor.is_superuser or actor.has_role(RoleCode.ADMIN)


def is_lead_office_staff(actor):
    unit = actor_unit(actor)
    return unit is not None and unit.type == UnitType.LEAD_OFFICE and actor.has_role(
        RoleCode.OFFICE_STAFF, RoleCode.UNIT_HEAD, RoleCode.ADMIN
    )


def is_oversight(actor):
    """Discipline inspection, audit and police readers: they see everything in their region and change nothing."""
    unit = actor_unit(actor)
    return unit is not None and unit.is_oversight and actor.has_role(RoleCode.OVERSIGHT)


def covers_region(actor, region):
    own = actor_region(actor)
    return own is not None and region is not None and own.contains(region)


def top_region():
    return Region.objects.filter(parent__isnull=True).order_by("code").first()
