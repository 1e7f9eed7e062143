"""Who keeps the pools, who plans and draws, who records results.

- The item list and the object pool are read by every member whose region reaches them; items are kept by their
  unit, objects by the lead office or industry supervisors of the region.
- Officers (执法人员库) are kept by their own unit's head or administrator and by the region's lead office; they are
  read like any unit-owned row (own unit, lead office and oversight of the region).
- Plans, tasks and draws are organised by the lead office that owns the plan; every member of a unit in the plan's
  region reads them. Results are recorded by the officers of the units whose items the task merges.
- What the public sees (commitments, seeds, snapshots, published results) is served by the public selectors,
  which select only what 一公开 requires.
"""

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.models import RoleCode, UnitType
from lianjian.org.policies import READ_ACTIONS, ReferenceDataPolicy, UnitScopedPolicy

from .models import (
    Assignment, Draw, DrawnObject, InspectionItem, InspectionObject, InspectionPlan, InspectionResult,
    InspectionRule, InspectionTask, Inspector, InspectorConflict, PlanRatio, SamplingClass,
)

KEEPER_ROLES = {RoleCode.UNIT_HEAD, RoleCode.ADMIN, RoleCode.SUPERVISOR_OFFICER, RoleCode.OFFICE_STAFF}
RECORD_ROLES = (RoleCode.INSPECTOR, RoleCode.SUPERVISOR_OFFICER, RoleCode.UNIT_HEAD)


def in_reach(actor, region):
    """The actor's region contains ``region`` or lies inside it (a county officer reads the city's plan)."""
    own = access.actor_region(actor)
    return own is not None and region is not None and (own.contains(region) or region.contains(own))


def reach_q(actor, field):
    return access.region_reach_q(access.actor_region(actor), field)


def is_plan_organiser(actor, plan=None):
    if access.is_oversight(actor) or not access.is_lead_office_staff(actor):
        return False
    return plan is None or plan.unit_id == access.actor_unit(actor).pk


class ItemPolicy(UnitScopedPolicy):
    write_roles = {"change": {RoleCode.UNIT_HEAD, RoleCode.ADMIN, RoleCode.SUPERVISOR_OFFICER}}

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS:
            return obj is None or in_reach(actor, obj.unit.region)
        return super().can(actor, action, obj)

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS:
            return queryset.filter(reach_q(actor, "unit__region"))
        return super().scope(actor, action, queryset)


class InspectorPolicy(UnitScopedPolicy):
    write_roles = {"change": {RoleCode.UNIT_HEAD, RoleCode.ADMIN}}

    def can(self, actor, action, obj=None):
        if (action == "change" and access.is_lead_office_staff(actor) and not access.is_oversight(actor)
                and (obj is None or access.covers_region(actor, obj.unit.region))):
            return True
        return super().can(actor, action, obj)

    def scope(self, actor, action, queryset):
        if action == "change" and access.is_lead_office_staff(actor) and not access.is_oversight(actor):
            return queryset.filter(access.region_subtree_q(access.actor_region(actor), "unit__region"))
        return super().scope(actor, action, queryset)


_inspectors = InspectorPolicy()


class ConflictPolicy(permissions.Policy):
    def can(self, actor, action, obj=None):
        return _inspectors.can(actor, "view" if action in READ_ACTIONS else "change",
                               obj.inspector if obj is not None else None)

    def scope(self, actor, action, queryset):
        allowed = _inspectors.scope(actor, "view" if action in READ_ACTIONS else "change", Inspector.objects.all())
        return queryset.filter(inspector__in=allowed)


class ObjectPolicy(permissions.Policy):
    def _keeper(self, actor):
        unit = access.actor_unit(actor)
        return (unit is not None and not access.is_oversight(actor) and actor.has_role(*KEEPER_ROLES)
                and unit.type in (UnitType.LEAD_OFFICE, UnitType.INDUSTRY_SUPERVISOR))

    def can(self, actor, action, obj=None):
        if action in READ_ACTIONS:
            return obj is None or in_reach(actor, obj.region)
        if action == "change":
            return self._keeper(actor) and (obj is None or access.covers_region(actor, obj.region))
        return False

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS:
            return queryset.filter(reach_q(actor, "region"))
        if action == "change" and self._keeper(actor):
            return queryset.filter(access.region_subtree_q(access.actor_region(actor), "region"))
        return queryset.none()


class PlanPolicy(permissions.Policy):
    """``path`` leads from the row to its plan."""

    def __init__(self, path=""):
        self.path = path

    def _plan(self, obj):
        for part in filter(None, self.path.split("__")):
            obj = getattr(obj, part)
        return obj

    def _field(self, name):
        return f"{self.path}__{name}" if self.path else name

    def can(self, actor, action, obj=None):
        plan = self._plan(obj) if obj is not None else None
        if action in READ_ACTIONS:
            return plan is None or in_reach(actor, plan.region)
        if action in ("change", "draw", "finish", "publish"):
            return is_plan_organiser(actor, plan)
        return False

    def scope(self, actor, action, queryset):
        if action in READ_ACTIONS:
            return queryset.filter(reach_q(actor, self._field("region")))
        if self.can(actor, action):
            return queryset.filter(**{self._field("unit"): access.actor_unit(actor)})
        return queryset.none()


class TaskPolicy(PlanPolicy):
    """Tasks follow their plan; ``record`` (results) belongs to officers of the units whose items are merged.
    ``task_path`` leads from the row to its task."""

    def __init__(self, path, task_path=""):
        super().__init__(path)
        self.task_path = task_path

    def can(self, actor, action, obj=None):
        if action == "record":
            unit = access.actor_unit(actor)
            if unit is None or access.is_oversight(actor) or not actor.has_role(*RECORD_ROLES):
                return False
            task = (getattr(obj, self.task_path) if self.task_path else obj) if obj is not None else None
            return task is None or task.items.filter(unit=unit).exists()
        return super().can(actor, action, obj)

    def scope(self, actor, action, queryset):
        if action == "record":
            if not self.can(actor, "record"):
                return queryset.none()
            field = f"{self.task_path}__items__unit" if self.task_path else "items__unit"
            return queryset.filter(**{field: access.actor_unit(actor)}).distinct()
        return super().scope(actor, action, queryset)


permissions.register(SamplingClass, ReferenceDataPolicy())
permissions.register(InspectionRule, ReferenceDataPolicy())
permissions.register(InspectionItem, ItemPolicy())
permissions.register(Inspector, _inspectors)
permissions.register(InspectorConflict, ConflictPolicy())
permissions.register(InspectionObject, ObjectPolicy())
permissions.register(InspectionPlan, PlanPolicy())
permissions.register(PlanRatio, PlanPolicy("plan"))
permissions.register(InspectionTask, TaskPolicy("plan"))
permissions.register(Draw, PlanPolicy("task__plan"))
permissions.register(DrawnObject, PlanPolicy("draw__task__plan"))
permissions.register(Assignment, PlanPolicy("draw__task__plan"))
permissions.register(InspectionResult, TaskPolicy("task__plan", task_path="task"))
