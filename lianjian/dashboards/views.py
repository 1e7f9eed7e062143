"""The analysis dashboards (seed 000 §(十六), 002 §(十五)): four boards of charts, each chart with its data table
as the text alternative and an Excel export of that table. Every figure covers only the lots, alerts and deadlines
the officer may see (own unit; the lead office and oversight readers across their region)."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lianjian.core.exports import xlsx_response
from lianjian.org import access
from lianjian.org.models import Region

from .metrics import BOARDS, scoped_lots


class FilterForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("开标年度"), required=False, min_value=2000, max_value=2100)
    region = forms.ModelChoiceField(label=gettext_lazy("地区"), required=False, queryset=Region.objects.none(),
                                    to_field_name="code", empty_label=gettext_lazy("全部可见地区"))

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        own = access.actor_region(actor)
        regions = Region.objects.order_by("code")
        self.fields["region"].queryset = regions if actor.is_superuser or own is None else regions.filter(
            code__startswith=own.subtree_prefix)


def _require_member(user):
    if not user.is_superuser and access.actor_unit(user) is None:
        raise PermissionDenied(_("只有成员单位的工作人员可以查看分析看板"))


@login_required
def index(request):
    _require_member(request.user)
    return render(request, "dashboards/index.html", {"boards": [(slug, b["title"]) for slug, b in BOARDS.items()]})


@login_required
def board(request, slug):
    _require_member(request.user)
    spec = BOARDS.get(slug)
    if spec is None:
        raise Http404
    form = FilterForm(request.GET or None, actor=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    lots = scoped_lots(actor=request.user, year=filters.get("year"), region=filters.get("region"))
    wanted = request.GET.get("export")
    charts = []
    for build in spec["charts"]:
        chart = build(request.user, lots) if spec.get("needs_actor") else build(lots)
        if wanted == chart.key:
            return xlsx_response(filename=f"{chart.key}.xlsx", title=chart.title,
                                 headers=[c.label for c in chart.columns], rows=chart.table())
        charts.append(chart)
    if wanted:
        raise Http404(_("没有图表“%(key)s”") % {"key": wanted})
    return render(request, "dashboards/board.html", {
        "slug": slug, "title": spec["title"], "form": form, "charts": charts,
        "chart_data": [chart.echarts() for chart in charts],
        "boards": [(s, b["title"]) for s, b in BOARDS.items()],
    })
