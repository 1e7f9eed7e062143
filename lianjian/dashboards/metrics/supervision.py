"""Supervision: alerts by region and the ten most problematic lots (from the monitoring module's selectors, which
scope them), and the on-time rate of every kind of deadline the actor may see."""

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from lianjian.core import permissions
from lianjian.deadlines.models import Deadline, DeadlineState, DeadlineStatus
from lianjian.monitoring.selectors import alerts_by_region, top_problem_lots

from .common import Chart, Column


def alerts(actor, lots):
    rows = alerts_by_region(actor=actor)
    return Chart("supervision_alerts", _("各地区风险预警"), "bar", [
        Column("region__name", _("行政区划")), Column("high", _("红色预警")), Column("medium", _("橙色预警")),
        Column("low", _("黄色预警")), Column("open", _("未办结"))], rows, "region__name", ["high", "medium", "low"])


def top_problems(actor, lots):
    rows = top_problem_lots(actor=actor)
    return Chart("supervision_top", _("问题项目前十"), "bar", [
        Column("lot__code", _("标段（包）编号")), Column("lot__name", _("标段（包）名称")),
        Column("region__name", _("行政区划")), Column("alerts", _("预警数")), Column("weight", _("风险权重"))],
        rows, "lot__code", ["weight"])


def on_time(actor, lots):
    rows = list(permissions.scope(actor, "view", Deadline.objects.all()).with_status()
                .values(rule_name=F("rule__name"))
                .annotate(met=Count("pk", filter=Q(state=DeadlineState.MET)),
                          missed=Count("pk", filter=Q(state=DeadlineState.MISSED)),
                          overdue=Count("pk", filter=Q(status=DeadlineStatus.OVERDUE)))
                .order_by("rule_name"))
    for row in rows:
        closed = row["met"] + row["missed"]
        row["rate"] = row["met"] / closed if closed else None
    return Chart("supervision_on_time", _("各类期限按期办结率"), "bar", [
        Column("rule_name", _("期限规则")), Column("met", _("按期完成")), Column("missed", _("逾期完成")),
        Column("overdue", _("已逾期未完成")), Column("rate", _("按期办结率"), True)], rows, "rule_name",
        ["met", "missed", "overdue"])


SUPERVISION = {"title": _("监管态势"), "charts": [alerts, top_problems, on_time], "needs_actor": True}
