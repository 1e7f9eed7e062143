"""Reads of the joint-meeting domain, scoped to what the actor may see."""

from django.db.models import OuterRef, Q, Subquery

from lianjian.core import permissions
from lianjian.deadlines.models import Deadline, DeadlineStatus

from ..models import (
    AgendaItem,
    AgendaState,
    Decision,
    FollowUpTask,
    Meeting,
    MeetingState,
    ProgressReport,
    SupervisionNotice,
    TaskState,
)
from .gaps import power_gap_get, power_gaps  # noqa: F401

# Task filter values of the list page: the task's own state, or the status of its deadline.
TASK_FILTERS = ("open", "done", DeadlineStatus.OVERDUE, DeadlineStatus.DUE_SOON)


def meetings(*, actor, q="", state="", kind=""):
    qs = permissions.scope(actor, "view", Meeting.objects.all()).select_related("unit", "requested_by_unit")
    q = (q or "").strip()
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(reasons__icontains=q) | Q(minutes__icontains=q))
    if state in MeetingState.values:
        qs = qs.filter(state=state)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-created_at", "-pk")


def meeting_get(*, actor, pk):
    return meetings(actor=actor).filter(pk=pk).first()


def collecting_meetings(*, actor):
    """Meetings still taking agenda items, for the "send to agenda" choice."""
    return meetings(actor=actor, state=MeetingState.PLANNED).order_by("planned_on", "pk")


def agenda_items(*, actor, meeting):
    return (permissions.scope(actor, "view", AgendaItem.objects.filter(meeting=meeting))
            .select_related("unit", "proposed_by", "signed_off_by").order_by("proposed_at", "pk"))


def agenda_item_get(*, actor, pk):
    return (permissions.scope(actor, "view", AgendaItem.objects.filter(pk=pk))
            .select_related("meeting__unit", "unit").first())


def agenda(*, actor, meeting):
    """The items on the agenda: compiled by the office and not struck off by the convener."""
    return agenda_items(actor=actor, meeting=meeting).filter(state=AgendaState.COMPILED)


def decisions(*, actor, meeting):
    return permissions.scope(actor, "view", Decision.objects.filter(meeting=meeting)).prefetch_related("tasks__unit")


def tasks_with_status(queryset):
    """Annotate each task with its deadline's current status and due date (computed in SQL, never stale)."""
    deadline = Deadline.objects.filter(pk=OuterRef("deadline_id")).with_status()
    return queryset.annotate(deadline_status=Subquery(deadline.values("status")[:1]),
                             due=Subquery(deadline.values("due")[:1]))


def tasks(*, actor, q="", unit=None, state="", meeting=None):
    """Follow-up tasks the actor may see: own unit's; the office and oversight readers across their region.
    ``state`` is ``open``/``done`` or a deadline status (``overdue``, ``due_soon``)."""
    qs = tasks_with_status(permissions.scope(actor, "view", FollowUpTask.objects.all())).select_related(
        "unit", "decision__meeting", "deadline")
    q = (q or "").strip()
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(decision__text__icontains=q)
                       | Q(decision__meeting__title__icontains=q))
    if unit is not None:
        qs = qs.filter(unit=unit)
    if meeting is not None:
        qs = qs.filter(decision__meeting=meeting)
    if state == "open":
        qs = qs.filter(state=TaskState.OPEN)
    elif state == "done":
        qs = qs.filter(state=TaskState.DONE)
    elif state in (DeadlineStatus.OVERDUE, DeadlineStatus.DUE_SOON):
        qs = qs.filter(state=TaskState.OPEN, deadline_status=state)
    return qs.order_by("state", "due", "pk")


def task_get(*, actor, pk):
    return tasks(actor=actor).filter(pk=pk).first()


def progress_reports(*, actor, task):
    return permissions.scope(actor, "view", ProgressReport.objects.filter(task=task)).select_related("reported_by")


def notices(*, actor):
    return permissions.scope(actor, "view", SupervisionNotice.objects.all()).select_related("unit", "issued_by")


def notice_get(*, actor, pk):
    return notices(actor=actor).filter(pk=pk).prefetch_related("tasks__unit").first()
