from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lianjian.core.exports import xlsx_response

from . import selectors, services
from .forms import ActionForm, CancelForm, DeadlineFilterForm, PauseForm
from .workflow import deadline_flow

PAGE_SIZE = 50


def _filtered(request, action="view"):
    form = DeadlineFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    deadlines = selectors.deadlines_for(
        actor=request.user, status=filters.get("status") or None, query=filters.get("q", ""),
        assigned_to_me=filters.get("mine", False), action=action,
    )
    return form, deadlines


@login_required
def my_deadlines(request):
    form, deadlines = _filtered(request)
    page = Paginator(deadlines, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "deadlines/mine.html", {
        "form": form,
        "page": page,
        "counts": selectors.deadline_counts(actor=request.user),
        "query_string": request.GET.urlencode(),
    })


@login_required
def export(request):
    _form, deadlines = _filtered(request, action="export")
    rows = (
        [d.title, d.rule.name, d.rule.describe(), str(d.responsible_unit), str(d.assignee or ""), d.start, d.due,
         _("是") if d.provisional else "", str(d.status_label()),
         timezone.localtime(d.met_at).strftime("%Y-%m-%d %H:%M") if d.met_at else "", d.link()]
        for d in deadlines
    )
    return xlsx_response(
        filename=_("期限清单-%(date)s.xlsx") % {"date": timezone.localdate().isoformat()},
        title=_("期限清单"),
        headers=[_("事项"), _("期限规则"), _("时限"), _("责任单位"), _("承办人"), _("起算日"), _("到期日"), _("暂定"),
                 _("状态"), _("完成时间"), _("链接")],
        rows=rows,
    )


def _visible(request, pk):
    deadline = selectors.deadline_get(actor=request.user, pk=pk)
    if deadline is None:
        raise Http404
    return deadline


@login_required
def detail(request, pk):
    deadline = _visible(request, pk)
    available = {t.name for t in deadline_flow.available(deadline, request.user)}
    initial = {"state_version": deadline.state_version}
    return render(request, "deadlines/detail.html", {
        "deadline": deadline,
        "pauses": deadline.pauses.select_related("started_by", "ended_by"),
        "can_pause": "pause" in available,
        "can_resume": "resume" in available,
        "can_meet": "meet" in available,
        "can_cancel": "cancel" in available,
        "pause_form": PauseForm(initial=initial),
        "action_form": ActionForm(initial=initial),
        "cancel_form": CancelForm(initial=initial),
    })


_FORMS = {"pause": PauseForm, "resume": ActionForm, "meet": ActionForm, "cancel": CancelForm}
_DONE = {"pause": gettext_lazy("已暂停计时"), "resume": gettext_lazy("已恢复计时，到期日已相应顺延"),
         "meet": gettext_lazy("已办结"), "cancel": gettext_lazy("期限已撤销")}


def _run(action, deadline, actor, data):
    if action == "pause":
        return services.deadline_pause(deadline=deadline, reason=data["reason"], actor=actor)
    if action == "resume":
        return services.deadline_resume(deadline=deadline, actor=actor)
    if action == "meet":
        return services.deadline_meet(deadline=deadline, actor=actor)
    return services.deadline_cancel(deadline=deadline, reason=data["reason"], actor=actor)


@login_required
@require_POST
def act(request, pk, action):
    if action not in _FORMS:
        raise Http404
    deadline = _visible(request, pk)
    form = _FORMS[action](request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, "；".join(errors))
        return redirect(deadline)
    # Act on the version the officer saw: if someone changed the deadline since, the service refuses.
    deadline.state_version = form.cleaned_data["state_version"]
    try:
        _run(action, deadline, request.user, form.cleaned_data)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, "；".join(getattr(exc, "messages", None) or [str(exc)]))
    else:
        messages.success(request, _DONE[action])
    return redirect(deadline)
