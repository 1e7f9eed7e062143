"""The review's figures, computed by the database: deadlines falling due in the period are grouped by responsible
unit (and by duty), counted by outcome, turned into an on-time rate and ranked with a window function."""

from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Coalesce, Rank
from django.utils import timezone

from lianjian.core import permissions
from lianjian.deadlines.models import Deadline, DeadlineState, DeadlineStatus

from .category_data import OTHER
from .models import AccountabilityNotice, ReviewCategory, ReviewCategoryRule

PENDING = (DeadlineStatus.ON_TIME, DeadlineStatus.DUE_SOON, DeadlineStatus.PAUSED)


@dataclass
class UnitReview:
    unit_id: int
    unit_name: str
    rank: int
    decided: int
    met: int
    missed: int
    overdue: int
    pending: int
    rate: float | None
    categories: dict = field(default_factory=dict)

    @property
    def failed(self):
        return self.missed + self.overdue > 0


def _period_deadlines(deadlines, *, period_start, period_end, today):
    """Deadlines that fell due in the period (cancelled ones do not count), with their status as of ``today``."""
    category = Coalesce(
        Subquery(ReviewCategoryRule.objects.filter(rule_code=OuterRef("rule__code")).values("category__code")[:1]),
        Value(OTHER),
    )
    return (deadlines.exclude(state=DeadlineState.CANCELLED)
            .filter(due__gte=period_start, due__lte=period_end)
            .with_status(today=today)
            .annotate(category=category))


def _counted(rows):
    """Outcome counts of a grouped query, and the rate: met ÷ (met + missed + overdue); items still running count
    in neither part."""
    rows = rows.annotate(
        met=Count("pk", filter=Q(status=DeadlineStatus.MET)),
        missed=Count("pk", filter=Q(status=DeadlineStatus.MISSED)),
        overdue=Count("pk", filter=Q(status=DeadlineStatus.OVERDUE)),
        pending=Count("pk", filter=Q(status__in=PENDING)),
    ).annotate(decided=F("met") + F("missed") + F("overdue"))
    return rows.annotate(rate=Case(
        When(decided=0, then=Value(None, output_field=FloatField())),
        default=Cast("met", FloatField()) / Cast("decided", FloatField()),
        output_field=FloatField(),
    ))


def review(*, actor, period_start, period_end, today=None, deadlines=None):
    """Ranked figures per responsible unit for the deadlines the actor may see, best on-time rate first (units
    with nothing decided yet last). Each row carries its per-duty figures in ``categories`` (code → dict)."""
    today = today or timezone.localdate()
    if deadlines is None:
        deadlines = permissions.scope(actor, "view", Deadline.objects.all())
    base = _period_deadlines(deadlines, period_start=period_start, period_end=period_end, today=today)
    units = (_counted(base.values("responsible_unit", "responsible_unit__name"))
             .annotate(rank=Window(Rank(), order_by=[F("rate").desc(nulls_last=True)]))
             .order_by("rank", "-decided", "responsible_unit__name"))
    by_category = {}
    for row in _counted(base.values("responsible_unit", "category")).order_by():
        by_category.setdefault(row["responsible_unit"], {})[row["category"]] = row
    return [
        UnitReview(unit_id=row["responsible_unit"], unit_name=row["responsible_unit__name"], rank=row["rank"],
                   decided=row["decided"], met=row["met"], missed=row["missed"], overdue=row["overdue"],
                   pending=row["pending"], rate=row["rate"], categories=by_category.get(row["responsible_unit"], {}))
        for row in units
    ]


def unit_review(*, unit, period_start, period_end, today=None):
    """One unit's figures over every deadline it is responsible for (unscoped: for the notice service, whose
    caller's permission on the unit has been checked)."""
    rows = review(actor=None, period_start=period_start, period_end=period_end, today=today,
                  deadlines=Deadline.objects.filter(responsible_unit=unit))
    return rows[0] if rows else None


def categories():
    return list(ReviewCategory.objects.all())


def notices_for(*, actor, unit=None):
    notices = permissions.scope(actor, "view", AccountabilityNotice.objects.select_related(
        "unit", "issued_by", "issuing_unit"))
    if unit is not None:
        notices = notices.filter(unit=unit)
    return notices.order_by("-issued_at", "-pk")


def notice_get(*, actor, pk):
    return notices_for(actor=actor).filter(pk=pk).first()
