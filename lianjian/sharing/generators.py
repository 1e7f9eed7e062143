"""Exchange contents the system writes itself from its own records."""

import datetime

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.org import access
from lianjian.trading.models import Lot


def _day_bounds(day):
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return start, start + datetime.timedelta(days=1)


def lots_opened(*, unit, day):
    """Lots of the unit's region (and the divisions under it) whose bids were opened on ``day`` (local time)."""
    start, end = _day_bounds(day)
    return (Lot.objects.filter(access.region_subtree_q(unit.region, "region"), bid_open_at__gte=start,
                               bid_open_at__lt=end)
            .select_related("tender_project__tenderer", "tender_project__agency", "supervising_unit")
            .annotate(bid_count=Count("bids"))
            .order_by("bid_open_at", "code"))


BID_OPENING_LOG_HEADERS = ["标段（包）编号", "标段（包）名称", "招标项目", "招标人", "招标代理机构", "开标时间", "开标地点",
                           "投标人数", "监督部门"]


def bid_opening_log(*, unit, day):
    """The bid-opening log of ``day``: one row per lot opened, as the trading centre sends it to the office."""
    rows = [[lot.code, lot.name, lot.tender_project.name, lot.tender_project.tenderer.name,
             lot.tender_project.agency.name if lot.tender_project.agency else "",
             timezone.localtime(lot.bid_open_at).strftime("%Y-%m-%d %H:%M"), lot.bid_open_place, lot.bid_count,
             str(lot.supervising_unit or "")]
            for lot in lots_opened(unit=unit, day=day)]
    return {"title": _("%(day)s 开标项目工作日志") % {"day": day.isoformat()}, "headers": BID_OPENING_LOG_HEADERS,
            "rows": rows}


GENERATORS = {"bid_opening_log": bid_opening_log}
