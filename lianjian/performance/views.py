from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response
from lianjian.org import access
from lianjian.org.models import Unit

from . import selectors, services
from .documents import DOCX_TYPE, review_docx, table_headers, table_rows
from .forms import NoticeForm, PeriodForm, default_period
from .models import AccountabilityNotice

PAGE_SIZE = 50


def _period(request):
    start, end = default_period()
    form = PeriodForm(request.GET or {"period_start": start, "period_end": end})
    if form.is_valid():
        return form, form.cleaned_data["period_start"], form.cleaned_data["period_end"]
    return form, start, end


@login_required
def review(request):
    form, start, end = _period(request)
    rows = selectors.review(actor=request.user, period_start=start, period_end=end)
    categories = selectors.categories()
    export = request.GET.get("export")
    name = _("效能考核_%(start)s_%(end)s") % {"start": start, "end": end}
    if export == "xlsx":
        return xlsx_response(filename=f"{name}.xlsx", title=_("效能考核"), headers=table_headers(categories),
                             rows=table_rows(rows, categories))
    if export == "docx":
        region = access.actor_region(request.user)
        response = HttpResponse(review_docx(rows=rows, categories=categories, period_start=start, period_end=end,
                                            region_label=str(region or "")), content_type=DOCX_TYPE)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(name + '.docx')}"
        return response
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "performance/review.html", {
        "form": form, "page": page, "categories": categories, "start": start, "end": end,
        "rows": list(zip(page.object_list, table_rows(page.object_list, categories))),
        "headers": table_headers(categories), "query": request.GET.urlencode(),
        "can_issue": permissions.can(request.user, "issue", model=AccountabilityNotice),
    })


@login_required
def notice_new(request, unit_pk):
    unit = get_object_or_404(Unit.objects.select_related("region"), pk=unit_pk)
    permissions.require(request.user, "issue", AccountabilityNotice(unit=unit))
    start, end = default_period()
    form = NoticeForm(request.POST or None, initial={
        "period_start": request.GET.get("period_start", start), "period_end": request.GET.get("period_end", end),
        "reason": _("%(unit)s 未按期履行联动监管职责，予以通报。") % {"unit": unit}})
    if request.method == "POST" and form.is_valid():
        try:
            notice = services.accountability_notice_issue(unit=unit, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("已通报 %(unit)s，并已通知该单位") % {"unit": unit})
            return redirect("performance:notice_detail", pk=notice.pk)
    return render(request, "performance/notice_form.html", {"form": form, "unit": unit})


@login_required
def notice_list(request):
    notices = selectors.notices_for(actor=request.user)
    if request.GET.get("export") == "xlsx":
        rows = ([n.unit.name, n.period_start, n.period_end, n.decided, n.met, n.missed, n.overdue, n.reason,
                 str(n.issuing_unit), str(n.issued_by), n.issued_at.date()] for n in notices)
        return xlsx_response(filename=_("效能通报.xlsx"), title=_("效能通报"), rows=rows, headers=[
            _("被通报单位"), _("考核期起"), _("考核期止"), _("应办结"), _("按期办结"), _("逾期办结"), _("超期未办"),
            _("通报事由"), _("通报单位"), _("通报人"), _("通报日期")])
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "performance/notice_list.html", {"page": page})


@login_required
def notice_detail(request, pk):
    notice = selectors.notice_get(actor=request.user, pk=pk)
    if notice is None:
        raise Http404
    return render(request, "performance/notice_detail.html", {"notice": notice})
