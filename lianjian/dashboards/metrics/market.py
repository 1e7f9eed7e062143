"""Market analysis: concentration (HHI, CR4) of award amounts by sector, bidders' win rates, newcomers per month and
bids from firms registered outside the lot's city (a sign of local protectionism when it is low)."""

import pyarrow as pa
from django.db.models import Case, Count, F, IntegerField, Min, Q, Sum, Value, When
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from lianjian.trading.models import Award, Bid

from ..indicator_data import CONCENTRATION_TOP
from .common import Chart, Column, as_float, duckdb_rows


def concentration(lots):
    grouped = list(Award.objects.filter(lot__in=lots, amount__gt=0)
                   .values(sector=F("lot__tender_project__sector__name"), winner_key=F("winner"))
                   .annotate(total=Sum(as_float("amount"))).order_by())
    schema = pa.schema([("sector", pa.string()), ("winner_key", pa.int64()), ("total", pa.float64())])
    rows = duckdb_rows(grouped, schema, f"""
        WITH shares AS (
            SELECT sector, total / SUM(total) OVER (PARTITION BY sector) AS share,
                   ROW_NUMBER() OVER (PARTITION BY sector ORDER BY total DESC, winner_key) AS rank
            FROM t)
        SELECT coalesce(sector, '—') AS sector, ROUND(SUM(share * share) * 10000, 0) AS hhi,
               SUM(CASE WHEN rank <= {CONCENTRATION_TOP} THEN share ELSE 0 END) AS cr4, COUNT(*) AS winners
        FROM shares GROUP BY sector ORDER BY sector""")
    return Chart("market_concentration", _("各行业领域市场集中度（按中标金额）"), "bar", [
        Column("sector", _("行业领域")), Column("hhi", _("赫芬达尔指数 HHI")), Column("cr4", _("前四名集中度 CR4"), True),
        Column("winners", _("中标人数"))], rows, "sector", ["hhi"],
        note=_("HHI = 各中标人金额份额平方和 × 10000；CR4 = 中标金额最大的四家份额之和。"))


def win_rates(lots, limit=10):
    rows = list(Bid.objects.filter(lot__in=lots).values(name=F("bidder__name"))
                .annotate(bids=Count("pk"), wins=Count("pk", filter=Q(lot__award__winner=F("bidder"))))
                .order_by("-bids", "name")[:limit])
    for row in rows:
        row["rate"] = row["wins"] / row["bids"] if row["bids"] else None
    return Chart("market_win_rates", _("投标最多的十家单位中标率"), "bar", [
        Column("name", _("投标人")), Column("bids", _("投标次数")), Column("wins", _("中标次数")),
        Column("rate", _("中标率"), True)], rows, "name", ["bids", "wins"])


def newcomers(lots):
    firsts = list(Bid.objects.filter(lot__in=lots, lot__bid_open_at__isnull=False).values("bidder")
                  .annotate(first=Min("lot__bid_open_at")).order_by().values_list("first", flat=True))
    schema = pa.schema([("first", pa.timestamp("us", tz="UTC"))])
    rows = duckdb_rows([{"first": value} for value in firsts], schema, """
        SELECT strftime(date_trunc('month', first AT TIME ZONE 'Asia/Shanghai'), '%Y-%m') AS month,
               COUNT(*) AS newcomers
        FROM t GROUP BY 1 ORDER BY 1""")
    return Chart("market_newcomers", _("每月新进入市场的投标人"), "bar", [
        Column("month", _("月份")), Column("newcomers", _("首次投标的单位数"))], rows, "month", ["newcomers"],
        note=_("以投标人在可见范围内首次投标的开标月份计。"))


def cross_region(lots):
    # Characters 3–8 of a 统一社会信用代码 are the registering authority's division code (GB 32100-2015); its first
    # four digits name the city.
    outside = Case(When(~Q(bidder_city=F("lot_city")), then=Value(1)), default=Value(0),
                   output_field=IntegerField())
    rows = list(Bid.objects.filter(lot__in=lots)
                .annotate(bidder_city=Substr("bidder__credit_code", 3, 4), lot_city=Substr("lot__region__code", 1, 4))
                .values(region=F("lot__region__name")).annotate(bids=Count("pk"), outside=Sum(outside))
                .order_by("region"))
    for row in rows:
        row["share"] = row["outside"] / row["bids"] if row["bids"] else None
    return Chart("market_cross_region", _("跨地区投标情况"), "bar", [
        Column("region", _("项目所在地区")), Column("bids", _("投标次数")), Column("outside", _("外地企业投标次数")),
        Column("share", _("外地企业占比"), True)], rows, "region", ["bids", "outside"],
        note=_("外地企业：统一社会信用代码中登记管理机关行政区划码所属地市与项目所在地市不同。占比过低可能提示地方保护。"))


MARKET = {"title": _("市场研判"), "charts": [concentration, win_rates, newcomers, cross_region]}
