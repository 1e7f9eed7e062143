"""Efficiency: how long each stage of a lot takes, how many tenders fail for lack of bids, and how often lots draw
complaints."""

from django.db.models import (
    Avg,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.utils.translation import gettext_lazy as _

from lianjian.trading.models import Bid

from ..indicator_data import MIN_BIDS, MIN_BIDS_SOURCE
from .common import Chart, Column

STAGES = [
    ("tendering", "notice_published_at", "bid_open_at", _("公告至开标")),
    ("evaluation", "bid_open_at", "evaluation_finished_at", _("开标至评标结束")),
    ("award", "evaluation_finished_at", "award__awarded_at", _("评标结束至发出中标通知书")),
]


def _days(delta):
    return delta.total_seconds() / 86400 if delta is not None else None


def stage_durations(lots):
    annotations = {key: Avg(ExpressionWrapper(F(end) - F(start), output_field=DurationField()))
                   for key, start, end, _label in STAGES}
    rows = list(lots.values(sector=F("tender_project__sector__name")).annotate(lots=Count("pk"), **annotations)
                .order_by("sector"))
    for row in rows:
        for key, *_rest in STAGES:
            row[key] = _days(row[key])
    return Chart("efficiency_stages", _("各行业领域平均环节用时（日）"), "bar",
                 [Column("sector", _("行业领域")), Column("lots", _("标段数"))]
                 + [Column(key, label) for key, _s, _e, label in STAGES], rows, "sector",
                 [key for key, *_rest in STAGES])


def failed_tenders(lots):
    bids = Bid.objects.filter(lot=OuterRef("pk")).order_by().values("lot").annotate(n=Count("pk")).values("n")
    rows = list(lots.filter(bid_open_at__isnull=False)
                .annotate(month=TruncMonth("bid_open_at"), n=Coalesce(Subquery(bids), 0))
                .values("month").annotate(lots=Count("pk"), failed=Count("pk", filter=Q(n__lt=MIN_BIDS)))
                .order_by("month"))
    for row in rows:
        row["month"] = row["month"].strftime("%Y-%m") if row["month"] else None
        row["rate"] = row["failed"] / row["lots"] if row["lots"] else None
    return Chart("efficiency_failed", _("每月流标情况"), "line", [
        Column("month", _("月份")), Column("lots", _("开标标段数")), Column("failed", _("投标人不足的标段数")),
        Column("rate", _("流标率"), True)], rows, "month", ["rate"],
        note=_("投标人少于 %(n)d 个计为流标。依据：%(source)s") % {"n": MIN_BIDS, "source": MIN_BIDS_SOURCE})


def complaint_rates(lots):
    rows = list(lots.values(sector=F("tender_project__sector__name"))
                .annotate(lots=Count("pk", distinct=True), complaints=Count("complaints", distinct=True))
                .order_by("sector"))
    for row in rows:
        row["rate"] = row["complaints"] / row["lots"] if row["lots"] else None
    return Chart("efficiency_complaints", _("各行业领域投诉率"), "bar", [
        Column("sector", _("行业领域")), Column("lots", _("标段数")), Column("complaints", _("投诉举报件数")),
        Column("rate", _("每标段投诉率"), True)], rows, "sector", ["complaints"])


EFFICIENCY = {"title": _("效能评估"), "charts": [stage_durations, failed_tenders, complaint_rates]}
