"""The lists: 严重失信主体名单 (with the watch and red lists as tabs), listing a subject, one entry with its
measures and its credit repair applications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response

from .. import selectors, services
from ..forms import EntryForm, ListSearchForm, RepairForm
from ..models import CreditList, ListEntry, RepairApplication
from .common import apply_errors, page_of


def _search(request):
    form = ListSearchForm(request.GET or None)
    filters = {"credit_list": CreditList.BLACKLIST}
    if form.is_valid():
        filters = {"credit_list": form.cleaned_data["list"] or CreditList.BLACKLIST,
                   "state": form.cleaned_data["state"], "q": form.cleaned_data["q"].strip()}
    return form, filters, selectors.entries(actor=request.user, **filters)


@login_required
def blacklist(request):
    if not permissions.can(request.user, "view", model=ListEntry):
        raise PermissionDenied(_("无权查看信用名单"))
    form, filters, rows = _search(request)
    return render(request, "credit/entry_list.html", {
        "form": form, "page": page_of(request, rows), "current": filters["credit_list"],
        "lists": CreditList.choices, "can_list": permissions.can(request.user, "list", model=ListEntry),
    })


@login_required
def entry_export(request):
    if not permissions.can(request.user, "export", model=ListEntry):
        raise PermissionDenied(_("无权导出信用名单"))
    _form, filters, rows = _search(request)
    data = [[e.get_credit_list_display(), str(e.subject), e.subject_code, e.legal_basis, e.document_no,
             e.starts_on, e.ends_on, e.earliest_removal_on, e.get_state_display(), e.unit.name,
             _("是") if e.published else _("否")] for e in rows]
    headers = [_("名单"), _("列入对象"), _("代码"), _("认定依据"), _("认定文书编号"), _("列入日期"), _("期满日期"),
               _("最早可修复日期"), _("状态"), _("认定单位"), _("在曝光台公开")]
    return xlsx_response(filename=_("信用名单-%(date)s.xlsx") % {"date": timezone.localdate().isoformat()},
                         title=CreditList(filters["credit_list"]).label, headers=headers, rows=data)


@login_required
def entry_add(request):
    actor = request.user
    if not permissions.can(actor, "list", model=ListEntry):
        raise PermissionDenied(_("无权列入信用名单"))
    initial = {"starts_on": timezone.localdate(), "credit_list": request.GET.get("list", CreditList.BLACKLIST),
               "memorandum": selectors.memoranda().first(), "credit_code": request.GET.get("code", "")}
    form = EntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("credit_code")
        try:
            entry = services.list_entry_add(entity=form.entity, actor=actor, **data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已列入%(list)s：%(subject)s") % {"list": entry.get_credit_list_display(),
                                                                      "subject": entry.subject})
            return redirect("credit:entry_detail", pk=entry.pk)
    return render(request, "credit/entry_form.html", {"form": form})


def _entry_page(request, entry, repair_form):
    actor = request.user
    return render(request, "credit/entry_detail.html", {
        "entry": entry, "repair_form": repair_form,
        "measures": selectors.applied_measures(actor=actor, entry=entry),
        "repairs": selectors.repairs(actor=actor).filter(entry=entry),
        "can_submit": entry.state == "listed" and permissions.can(
            actor, "submit", RepairApplication(entry=entry, unit=entry.unit)),
        "today": timezone.localdate(),
    })


@login_required
def entry_detail(request, pk):
    entry = get_object_or_404(selectors.entries(actor=request.user), pk=pk)
    return _entry_page(request, entry, RepairForm())


@login_required
def repair_submit(request, pk):
    entry = get_object_or_404(selectors.entries(actor=request.user), pk=pk)
    form = RepairForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.repair_submit(entry=entry, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已登记信用修复申请"))
            return redirect("credit:repair_detail", pk=application.pk)
    return _entry_page(request, entry, form)
