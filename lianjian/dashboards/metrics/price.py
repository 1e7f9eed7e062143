"""Price analysis: how far bids fall below the control price, and what the winners are paid against it, by month,
sector and region."""

from django.db.models import Avg, Count
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from lianjian.trading.models import Award, Bid

from .common import Chart, Column, as_float


def _month(value):
    return value.strftime("%Y-%m") if value else None


def _bid_discounts(lots):
    return Bid.objects.filter(lot__in=lots, price__gt=0, lot__control_price__gt=0)


def _awards(lots):
    return Award.objects.filter(lot__in=lots, amount__gt=0, lot__control_price__gt=0)


_DISCOUNT = Avg(1 - as_float("price") / as_float("lot__control_price"))
_WIN_RATIO = Avg(as_float("amount") / as_float("lot__control_price"))


def by_month(lots):
    discounts = {r["month"]: r for r in _bid_discounts(lots).annotate(month=TruncMonth("lot__bid_open_at"))
                 .values("month").annotate(discount=_DISCOUNT, bids=Count("pk")).order_by()}
    ratios = {r["month"]: r for r in _awards(lots).annotate(month=TruncMonth("lot__bid_open_at"))
              .values("month").annotate(ratio=_WIN_RATIO, awards=Count("pk")).order_by()}
    months = sorted(m for m in set(discounts) | set(ratios) if m is not None)
    rows = [{"month": _month(m), "discount": discounts.get(m, {}).get("discount"), "bids": discounts.get(m, {})
             .get("bids", 0), "ratio": ratios.get(m, {}).get("ratio"), "awards": ratios.get(m, {}).get("awards", 0)}
            for m in months]
    return Chart("price_month", _("按月投标下浮率与中标价/最高限价比"), "line", [
        Column("month", _("月份")), Column("discount", _("平均下浮率"), True), Column("bids", _("投标数")),
        Column("ratio", _("中标价/最高限价"), True), Column("awards", _("中标数"))], rows, "month",
        ["discount", "ratio"])


def _by(lots, field, key, title, label):
    ratios = {r[field]: r for r in _awards(lots).values(field).annotate(ratio=_WIN_RATIO, awards=Count("pk"))
              .order_by()}
    discounts = {r[field]: r for r in _bid_discounts(lots).values(field).annotate(discount=_DISCOUNT).order_by()}
    rows = [{"name": name, "ratio": ratios.get(name, {}).get("ratio"), "awards": ratios.get(name, {}).get("awards", 0),
             "discount": discounts.get(name, {}).get("discount")}
            for name in sorted(set(ratios) | set(discounts), key=lambda n: str(n or ""))]
    return Chart(key, title, "bar", [
        Column("name", label), Column("discount", _("平均下浮率"), True), Column("ratio", _("中标价/最高限价"), True),
        Column("awards", _("中标数"))], rows, "name", ["discount", "ratio"])


def by_sector(lots):
    return _by(lots, "lot__tender_project__sector__name", "price_sector", _("各行业领域价格指标"), _("行业领域"))


def by_region(lots):
    return _by(lots, "lot__region__name", "price_region", _("各地区价格指标"), _("行政区划"))


PRICE = {"title": _("价格分析"), "charts": [by_month, by_sector, by_region]}
