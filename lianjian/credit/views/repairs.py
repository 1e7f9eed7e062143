"""Credit repair applications: the list, and one application with its review and decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response

from .. import selectors, services
from ..forms import OpinionForm, RepairSearchForm
from ..models import RepairApplication
from .common import messages_of, page_of


def _search(request):
    form = RepairSearchForm(request.GET or None)
    filters = {}
    if form.is_valid():
        filters = {"state": form.cleaned_data["state"], "q": form.cleaned_data["q"].strip()}
    return form, selectors.repairs(actor=request.user, **filters)


@login_required
def repair_list(request):
    if not permissions.can(request.user, "view", model=RepairApplication):
        raise PermissionDenied(_("无权查看信用修复申请"))
    form, rows = _search(request)
    return render(request, "credit/repair_list.html", {"form": form, "page": page_of(request, rows)})


@login_required
def repair_export(request):
    if not permissions.can(request.user, "export", model=RepairApplication):
        raise PermissionDenied(_("无权导出信用修复申请"))
    _form, rows = _search(request)
    data = [[str(r.entry.subject), r.entry.get_credit_list_display(), r.applicant, r.get_state_display(),
             timezone.localtime(r.submitted_at).strftime("%Y-%m-%d %H:%M"), r.unit.name] for r in rows]
    headers = [_("列入对象"), _("名单"), _("申请人"), _("状态"), _("申请时间"), _("受理单位")]
    return xlsx_response(filename=_("信用修复申请-%(date)s.xlsx") % {"date": timezone.localdate().isoformat()},
                         title=_("信用修复申请"), headers=headers, rows=data)


@login_required
def repair_detail(request, pk):
    application = get_object_or_404(selectors.repairs(actor=request.user), pk=pk)
    return render(request, "credit/repair_detail.html", {
        "application": application, "form": OpinionForm(),
        "transitions": services.REPAIR_WORKFLOW.available(application, request.user),
    })


@login_required
@require_POST
def repair_transition(request, pk, name):
    actor = request.user
    application = get_object_or_404(selectors.repairs(actor=actor), pk=pk)
    opinion = request.POST.get("opinion", "")
    try:
        if name == "review":
            services.repair_review(application=application, opinion=opinion, actor=actor)
        elif name in ("approve", "reject"):
            services.repair_decide(application=application, approve=name == "approve", opinion=opinion, actor=actor)
        else:
            raise ValidationError(_("未知的操作"))
    except (ValidationError, PermissionDenied) as exc:
        for message in messages_of(exc) if isinstance(exc, ValidationError) else [str(exc)]:
            messages.error(request, message)
    else:
        messages.success(request, _("已办理：%(action)s") % {"action": services.REPAIR_WORKFLOW.transition(name).label})
    return redirect("credit:repair_detail", pk=application.pk)
