from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _

from lianjian.core import permissions
from lianjian.core.exports import XLSX_TYPE, xlsx_response
from lianjian.org import access

from . import selectors, services
from .catalog import Catalog, split_purchases, untraded_projects
from .exporting import flat, ocds
from .forms import CheckFilterForm, ImportForm, LotFilterForm
from .importing.errors import error_report_xlsx
from .models import CatalogItem, ImportRun, ImportStatus

PAGE_SIZE = 50


def _filtered_lots(request):
    form = LotFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    lots = selectors.lots_for(actor=request.user, q=filters.get("q", ""), sector=filters.get("sector"),
                              stage=filters.get("stage", ""), region=filters.get("region"))
    return form, lots


def _download(chunks, filename, content_type):
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(filename)}"
    return response


def _lot_summary_rows(lots):
    for lot in lots.iterator(chunk_size=500):
        award = getattr(lot, "award", None)
        yield [lot.code, lot.name, lot.tender_project.name, lot.tender_project.sector.name, lot.get_stage_display(),
               lot.region.name, str(lot.supervising_unit or ""), lot.tender_project.tenderer.name,
               lot.estimated_price, timezone.localtime(lot.bid_open_at).strftime("%Y-%m-%d %H:%M")
               if lot.bid_open_at else "", award.winner.name if award else "", award.amount if award else None]


@login_required
def lot_list(request):
    form, lots = _filtered_lots(request)
    stamp = timezone.localtime().strftime("%Y%m%d%H%M")
    export = request.GET.get("export")
    if export == "xlsx":
        headers = [_("标段（包）编号"), _("标段（包）名称"), _("招标项目"), _("行业领域"), _("阶段"), _("行政区划"),
                   _("监督部门"), _("招标人"), _("合同估算价（元）"), _("开标时间"), _("中标人"), _("中标金额（元）")]
        return xlsx_response(filename=f"标段列表_{stamp}.xlsx", title=_("标段列表"), headers=headers,
                             rows=_lot_summary_rows(lots))
    if export == "csv":
        return _download(flat.csv_chunks(lots), f"交易数据_{stamp}.csv", "text/csv; charset=utf-8")
    if export == "ocds":
        return _download(ocds.package_chunks(lots), f"交易数据_ocds_{stamp}.json", "application/json")
    page = Paginator(lots, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "trading/lot_list.html", {
        "form": form, "page": page, "query": request.GET.urlencode(),
        "can_import": permissions.can(request.user, "import", model=ImportRun),
    })


@login_required
def lot_detail(request, pk):
    lot = selectors.lot_get(actor=request.user, pk=pk)
    if lot is None:
        raise Http404
    return render(request, "trading/lot_detail.html", selectors.lot_archive(lot=lot, actor=request.user))


@login_required
def entity_detail(request, credit_code):
    entity = selectors.entity_get(actor=request.user, credit_code=credit_code)
    if entity is None:
        raise Http404
    bids = Paginator(selectors.entity_bids(actor=request.user, entity=entity), PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "trading/entity_detail.html", {
        "entity": entity, "page": bids, "wins": selectors.entity_wins(actor=request.user, entity=entity)[:100],
        "tenders": selectors.entity_tenders(actor=request.user, entity=entity)[:100],
        "people": selectors.entity_people(entity=entity),
    })


@login_required
def import_upload(request):
    if not permissions.can(request.user, "import", model=ImportRun):
        raise permissions.AccessDenied(_("只有交易中心、牵头办公室工作人员和系统管理员可以导入交易数据"))
    region = access.actor_region(request.user)
    form = ImportForm(request.POST or None, request.FILES or None,
                      initial={"default_region": region.pk if region else None})
    if request.method == "POST" and form.is_valid():
        try:
            run = services.trading_import_start(files=form.cleaned_data["files"], actor=request.user,
                                                default_region=form.cleaned_data["default_region"],
                                                skip_bad_rows=form.cleaned_data["skip_bad_rows"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("文件已上传，正在后台导入"))
            return redirect("trading:import_detail", pk=run.pk)
    runs = Paginator(selectors.import_runs_for(actor=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "trading/import.html", {"form": form, "page": runs})


def _visible_run(request, pk):
    run = selectors.import_run_get(actor=request.user, pk=pk)
    if run is None:
        raise Http404
    return run


@login_required
def import_detail(request, pk):
    run = _visible_run(request, pk)
    return render(request, "trading/import_detail.html", {"run": run, "active": _active(run)})


@login_required
def import_status(request, pk):
    run = _visible_run(request, pk)
    return render(request, "trading/_import_status.html", {"run": run, "active": _active(run)})


def _active(run):
    return run.status in (ImportStatus.PENDING, ImportStatus.RUNNING)


@login_required
def import_errors(request, pk):
    run = _visible_run(request, pk)
    response = HttpResponse(error_report_xlsx(run.errors), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(f'导入错误报告_{run.pk}.xlsx')}"
    return response


@login_required
def catalog_checks(request):
    form = CheckFilterForm(request.GET or None)
    year = form.cleaned_data.get("year") if form.is_valid() else None
    catalog = Catalog()
    items = permissions.scope(request.user, "view", CatalogItem.objects.all()).select_related("region", "sector")
    return render(request, "trading/catalog.html", {
        "form": form, "items": items,
        "untraded": untraded_projects(actor=request.user, year=year, catalog=catalog)[:500],
        "splits": split_purchases(actor=request.user, year=year, catalog=catalog)[:500],
    })
