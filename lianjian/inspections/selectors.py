"""Reads of random inspection, scoped to what the actor may see; the ``public_*`` selectors return only what
一公开 publishes (draws, and results of published tasks) and take no actor."""

from django.db.models import Count, Q

from lianjian.core import permissions

from .models import (
    Assignment, Draw, DrawStatus, InspectionItem, InspectionObject, InspectionPlan, InspectionResult,
    InspectionTask, Inspector, TaskStatus,
)


def plans(*, actor, q="", year=None, status=""):
    qs = permissions.scope(actor, "view", InspectionPlan.objects.select_related("unit", "region"))
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(unit__name__icontains=q))
    if year:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    return qs.annotate(task_count=Count("tasks")).order_by("-year", "-pk")


def plan_get(*, actor, pk):
    return permissions.scope(actor, "view", InspectionPlan.objects.select_related("unit", "region")).get(pk=pk)


def task_get(*, actor, pk):
    return permissions.scope(actor, "view", InspectionTask.objects.select_related("plan__unit", "plan__region")).get(
        pk=pk)


def tasks_of(plan):
    """The tasks of a plan the caller has already been allowed to see."""
    return plan.tasks.prefetch_related("items__unit").order_by("scheduled_start", "pk")


def items(*, actor, q=""):
    qs = permissions.scope(actor, "view", InspectionItem.objects.select_related("unit", "power_item", "sector"))
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(unit__name__icontains=q))
    return qs.filter(is_active=True).order_by("unit__name", "name")


def inspectors(*, actor, q="", active=None):
    qs = permissions.scope(actor, "view", Inspector.objects.select_related("person", "unit"))
    if q:
        qs = qs.filter(Q(person__full_name__icontains=q) | Q(certificate_no__icontains=q) | Q(unit__name__icontains=q))
    if active is not None:
        qs = qs.filter(is_active=active)
    return qs.prefetch_related("specialties").order_by("unit__name", "certificate_no")


def objects(*, actor, q="", kind=""):
    qs = permissions.scope(actor, "view", InspectionObject.objects.select_related(
        "region", "risk_class", "credit_class"))
    if q:
        qs = qs.filter(name__icontains=q)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("name", "pk")


def my_assignments(*, actor):
    """The objects the actor was matched to in live draws, with the task."""
    qs = permissions.scope(actor, "view", Assignment.objects.select_related("obj", "draw__task"))
    return qs.filter(inspector__person=actor, draw__status=DrawStatus.DRAWN,
                     draw__task__status=TaskStatus.DRAWN).order_by("draw__task__scheduled_end", "obj__name")


def team_rows(draw):
    """[(drawn object, [assignments])] of a draw's selected objects, in drawn order."""
    teams = {}
    for a in draw.assignments.select_related("inspector__person", "inspector__unit"):
        teams.setdefault(a.obj_id, []).append(a)
    rows = draw.drawn_objects.filter(selected=True).select_related("obj").order_by("order")
    return [(row, teams.get(row.obj_id, [])) for row in rows]


def task_results(task):
    return task.results.select_related("obj", "recorded_by").order_by("obj__name")


# --- public (一公开) ------------------------------------------------------------------------------------------


def public_draws():
    return Draw.objects.select_related("task__plan__unit").order_by("-committed_at", "-pk")


def public_tasks():
    return (InspectionTask.objects.filter(status=TaskStatus.PUBLISHED).select_related("plan__unit")
            .order_by("-published_at", "-pk"))


def public_results(task):
    if task.status != TaskStatus.PUBLISHED:
        return InspectionResult.objects.none()
    return task.results.select_related("obj").order_by("obj__name")
