"""A lot's stage as a pure function of its dated events.

The stage is the furthest step whose date has been reached: a bid opening scheduled for next week leaves the lot
in 招标 until that day comes. ``Lot.stage`` stores the result so lists can filter on it; the import and
:func:`lianjian.trading.services.lot_refresh_stages` keep it current.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .models import Stage


@dataclass(frozen=True)
class LotDates:
    """The dates that move a lot along. Each is a date, an aware datetime, or None."""

    notice_published_at: object = None
    bid_open_at: object = None
    evaluation_started_at: object = None
    awarded_at: object = None
    contract_signed_on: object = None
    completed_on: object = None


# Furthest first: the first reached date decides.
_STEPS = (
    (Stage.COMPLETED, "completed_on"),
    (Stage.CONTRACT, "contract_signed_on"),
    (Stage.AWARD, "awarded_at"),
    (Stage.EVALUATION, "evaluation_started_at"),
    (Stage.OPENING, "bid_open_at"),
    (Stage.TENDERING, "notice_published_at"),
)

STAGE_ORDER = [stage for stage, _ in reversed(_STEPS)]
STAGE_ORDER.insert(0, Stage.REGISTERED)


def _reached(value, as_of):
    if value is None:
        return False
    if isinstance(value, datetime.datetime):
        return value <= as_of
    return value <= timezone.localtime(as_of).date()


def derive_stage(dates, as_of):
    """The stage of a lot with these ``dates`` at the moment ``as_of`` (an aware datetime)."""
    for stage, attr in _STEPS:
        if _reached(getattr(dates, attr), as_of):
            return stage
    return Stage.REGISTERED


def stage_rank(stage):
    return STAGE_ORDER.index(stage)


def _first(*values):
    return next((value for value in values if value is not None), None)


def lot_dates(row):
    """LotDates from a row of :func:`refresh_stages`' query; the law's equivalences fill gaps (bids are opened
    at the submission deadline, 条例 第44条)."""
    (notice, docs, deadline, opening, eval_start, eval_end, published, awarded, signed, finished, open_contracts) = row
    return LotDates(
        notice_published_at=_first(notice, docs),
        bid_open_at=_first(opening, deadline),
        evaluation_started_at=_first(eval_start, eval_end, published),
        awarded_at=awarded,
        contract_signed_on=signed,
        completed_on=finished if finished is not None and not open_contracts else None,
    )


def refresh_stages(lot_ids=None, *, as_of=None, chunk=2000):
    """Recompute and store the stage of the given lots (all lots not yet completed when None); returns how many
    changed."""
    from django.db.models import Count, Max, Min, Q

    from .models import Lot

    as_of = as_of or timezone.now()
    if lot_ids is None:
        # Time alone never moves a completed lot; data changes arrive by import, which refreshes its own lots.
        lot_ids = Lot.objects.exclude(stage=Stage.COMPLETED).values_list("pk", flat=True)
    ids = list(lot_ids)
    moves = {}
    for start in range(0, len(ids), chunk):
        rows = (
            Lot.objects.filter(pk__in=ids[start:start + chunk])
            .values_list("pk", "stage", "notice_published_at", "docs_issued_at", "bid_deadline_at", "bid_open_at",
                         "evaluation_started_at", "evaluation_finished_at", "award__candidates_published_at",
                         "award__awarded_at")
            .annotate(signed=Min("contracts__signed_on"), finished=Max("contracts__finished_on"),
                      open_contracts=Count("contracts", filter=Q(contracts__finished_on__isnull=True)))
        )
        for pk, current, *dates in rows:
            stage = derive_stage(lot_dates(dates), as_of)
            if stage != current:
                moves.setdefault(stage, []).append(pk)
    for stage, pks in moves.items():
        for start in range(0, len(pks), chunk):
            Lot.objects.filter(pk__in=pks[start:start + chunk]).update(stage=stage)
    return sum(len(pks) for pks in moves.values())
