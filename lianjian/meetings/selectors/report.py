"""The figures of the annual supervision report to the government (seed 000 §(二), 002 §(二): 联席会议每年应……向
市政府报送全市公共资源交易监管工作情况), read from the system's own data through each domain's selectors."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from lianjian.deadlines.models import DeadlineStatus
from lianjian.deadlines.selectors import deadlines_for
from lianjian.trading.selectors import lots_for

from ..models import (
    FollowUpTask,
    Meeting,
    MeetingKind,
    MeetingState,
    SupervisionNotice,
    TaskState,
)
from . import tasks_with_status


@dataclass
class ReportFigures:
    lead_unit: object
    year: int
    meetings: list = field(default_factory=list)
    regular_meetings: int = 0
    ad_hoc_meetings: int = 0
    decisions: int = 0
    tasks: int = 0
    tasks_on_time: int = 0
    tasks_late: int = 0
    tasks_open: int = 0
    tasks_overdue: int = 0
    notices: int = 0
    lots: int = 0
    award_amount: object = 0
    deadline_rows: list = field(default_factory=list)
    deadlines_met: int = 0
    deadlines_missed: int = 0


def annual_report_figures(*, actor, lead_unit, year):
    """Meetings held by ``lead_unit`` in ``year``, the completion of their decisions, the notices issued, and the
    trading volume and deadline record of its region in that year, as far as ``actor`` may see them."""
    figures = ReportFigures(lead_unit=lead_unit, year=year)
    held = (Meeting.objects.filter(unit=lead_unit, state=MeetingState.HELD, held_on__year=year)
            .annotate(n_decisions=Count("decisions")).order_by("held_on", "pk"))
    figures.meetings = list(held)
    figures.regular_meetings = sum(1 for m in figures.meetings if m.kind == MeetingKind.REGULAR)
    figures.ad_hoc_meetings = len(figures.meetings) - figures.regular_meetings
    figures.decisions = sum(m.n_decisions for m in figures.meetings)
    tasks = list(tasks_with_status(FollowUpTask.objects.filter(decision__meeting__in=[m.pk for m in held])))
    figures.tasks = len(tasks)
    figures.tasks_on_time = sum(1 for t in tasks if t.deadline_status == DeadlineStatus.MET)
    figures.tasks_late = sum(1 for t in tasks if t.deadline_status == DeadlineStatus.MISSED)
    figures.tasks_open = sum(1 for t in tasks if t.state == TaskState.OPEN)
    figures.tasks_overdue = sum(1 for t in tasks if t.state == TaskState.OPEN
                                and t.deadline_status == DeadlineStatus.OVERDUE)
    figures.notices = SupervisionNotice.objects.filter(unit=lead_unit, issued_at__year=year).count()

    lots = lots_for(actor=actor, region=lead_unit.region).filter(bid_open_at__year=year)
    totals = lots.aggregate(n=Count("pk"), amount=Sum("award__amount"))
    figures.lots, figures.award_amount = totals["n"], totals["amount"] or 0

    closed = (deadlines_for(actor=actor)
              .filter(responsible_unit__region__code__startswith=lead_unit.region.subtree_prefix,
                      met_at__year=year, status__in=[DeadlineStatus.MET, DeadlineStatus.MISSED]))
    rows = (closed.order_by().values("rule__name")
            .annotate(met=Count("pk", filter=Q(status=DeadlineStatus.MET)),
                      missed=Count("pk", filter=Q(status=DeadlineStatus.MISSED)))
            .order_by("rule__name"))
    figures.deadline_rows = [(r["rule__name"], r["met"], r["missed"]) for r in rows]
    figures.deadlines_met = sum(r[1] for r in figures.deadline_rows)
    figures.deadlines_missed = sum(r[2] for r in figures.deadline_rows)
    return figures
