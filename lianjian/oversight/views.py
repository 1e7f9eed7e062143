from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response

from . import selectors, services
from .datasets import DATASETS
from .forms import AccessLogFilterForm, SearchForm
from .models import AccessLogEntry
from .policies import heads_oversight_unit

PAGE_SIZE = 50


def _refuse_non_readers(request):
    if not permissions.can(request.user, "search", model=AccessLogEntry):
        raise permissions.AccessDenied(_("监督通道仅向纪检监察、审计、公安机关的只读监督人员开放"))


@login_required
def search(request):
    _refuse_non_readers(request)
    form = SearchForm(request.GET or None)
    context = {"form": form, "datasets": DATASETS.values()}
    if request.GET and form.is_valid():
        data = form.cleaned_data
        try:
            if request.GET.get("export") == "xlsx":
                dataset, filename, rows = services.oversight_export(actor=request.user, dataset=data["dataset"],
                                                                    q=data["q"])
                return xlsx_response(filename=filename, title=dataset.label, headers=dataset.headers,
                                     rows=(dataset.cells(obj) for obj in rows.iterator(chunk_size=500)))
            dataset, page = services.oversight_search(actor=request.user, dataset=data["dataset"], q=data["q"],
                                                      page=request.GET.get("page"))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            context.update(dataset=dataset, page=page,
                           rows=[(obj.pk, dataset.cells(obj), bool(dataset.link(obj))) for obj in page.object_list],
                           query=request.GET.urlencode())
    return render(request, "oversight/search.html", context)


@login_required
def open_item(request, dataset, pk):
    _refuse_non_readers(request)
    try:
        url = services.oversight_open(actor=request.user, dataset=dataset, pk=pk)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("oversight:search")
    return redirect(url)


@login_required
def access_log(request):
    form = AccessLogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    if request.GET.get("export") == "xlsx":
        filename, entries = services.access_log_export(actor=request.user, filters=filters)
        rows = ([timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M:%S"), str(e.actor), str(e.unit),
                 e.get_kind_display(), str(DATASETS[e.dataset].label) if e.dataset in DATASETS else e.dataset,
                 e.query.get("q", e.query.get("pk", "")), e.row_count, e.export_filename] for e in entries)
        return xlsx_response(filename=filename, title=_("查询记录"),
                             headers=[_("时间"), _("查询人"), _("所属单位"), _("类型"), _("数据集"), _("查询条件"),
                                      _("结果条数"), _("导出文件")], rows=rows)
    entries = selectors.access_log_for(actor=request.user, **filters)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    labels = {code: d.label for code, d in DATASETS.items()}
    return render(request, "oversight/access_log.html", {
        "form": form, "page": page, "labels": labels, "query": request.GET.urlencode(),
        "whole_unit": heads_oversight_unit(request.user),
    })
