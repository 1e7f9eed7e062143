"""The public site (no login: home, search, detail, catalog, feeds) and the officers' pages (publication records
and overdue disclosures, each exportable)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.core.exports import xlsx_response

from . import selectors
from .forms import OfficerSearchForm, PublicSearchForm
from .models import DisclosureCategory, PublicationState

PAGE_SIZE = 20
LATEST = 10


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def home(request):
    return render(request, "portal/home.html", {
        "form": PublicSearchForm(),
        "latest": selectors.public_publications()[:LATEST],
        "categories": DisclosureCategory.choices,
    })


def search(request):
    form = PublicSearchForm(request.GET or None)
    rows = selectors.public_publications(**form.filters())
    return render(request, "portal/search.html", {"form": form, "page": _page(request, rows)})


def detail(request, pk):
    publication = selectors.public_publication(pk)
    if publication is None:
        raise Http404(_("没有这条公开信息"))
    return render(request, "portal/detail.html", {"publication": publication})


def catalog(request):
    return render(request, "portal/catalog.html", {"items": selectors.catalog_items()})


def _date(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


@login_required
def records(request):
    form = OfficerSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    state = request.GET.get("state", "")
    state = state if state in PublicationState.values else ""
    rows = selectors.publications_for(actor=request.user, state=state, query=query)
    if request.GET.get("export") == "xlsx":
        return xlsx_response(
            filename="publications.xlsx", title=_("公开记录"),
            headers=[_("标题"), _("目录事项"), _("公开单位"), _("行政区划"), _("状态"), _("信息形成日期"), _("公开时间"),
                     _("公开人"), _("来源")],
            rows=[[r.title, r.item.name, r.unit.name, r.region.name, r.get_state_display(), r.formed_on,
                   _date(r.published_at), str(r.published_by or ""),
                   f"{r.source_type.app_label}.{r.source_type.model}#{r.source_id}"] for r in rows.select_related("source_type")],
        )
    return render(request, "portal/records.html", {
        "form": form, "page": _page(request, rows), "state": state, "states": PublicationState.choices,
    })


@login_required
def overdue(request):
    form = OfficerSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    rows = selectors.overdue_disclosures(actor=request.user, query=query)
    today = timezone.localdate()
    if request.GET.get("export") == "xlsx":
        return xlsx_response(
            filename="overdue-disclosures.xlsx", title=_("逾期未公开"),
            headers=[_("标题"), _("目录事项"), _("责任单位"), _("行政区划"), _("信息形成日期"), _("公开期限"),
                     _("逾期天数")],
            rows=[[r.title, r.item.name, r.unit.name, r.region.name, r.formed_on, r.due, (today - r.due).days]
                  for r in rows],
        )
    page = _page(request, rows)
    for row in page.object_list:
        row.days_overdue = (today - row.due).days
    return render(request, "portal/overdue.html", {"form": form, "page": page})
