"""Pages of follow-up tasks (督办事项) and supervision notices (通报)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response
from lianjian.deadlines.models import DeadlineStatus
from lianjian.org import selectors as org_selectors

from .. import selectors, services
from ..forms import CompleteForm, ProgressForm, TaskSearchForm
from ..models import SupervisionNotice, TaskState
from .common import page_of, report_error


def _search(request):
    form = TaskSearchForm(request.GET or None, units=org_selectors.units(actor=request.user).order_by("name"))
    filters = form.cleaned_data if form.is_valid() else {}
    return form, selectors.tasks(actor=request.user, **filters)


def _status_label(task):
    return str(DeadlineStatus(task.deadline_status).label) if task.deadline_status else ""


@login_required
def task_list(request):
    form, rows = _search(request)
    page = page_of(request, rows)
    for task in page.object_list:
        task.overdue = task.state == TaskState.OPEN and task.deadline_status == DeadlineStatus.OVERDUE
        task.status_label = _status_label(task)
        task.supervisable = task.overdue and permissions.can(request.user, "supervise", task)
    return render(request, "meetings/task_list.html", {
        "form": form, "page": page,
        "can_issue": permissions.can(request.user, "issue", model=SupervisionNotice),
        "notices": selectors.notices(actor=request.user)[:10],
    })


@login_required
def task_export(request):
    _form, rows = _search(request)
    data = [[t.decision.meeting.title, t.decision.meeting.held_on, t.decision.number, t.title, t.unit.name,
             t.get_state_display(), t.due, _status_label(t),
             _("是") if t.state == TaskState.OPEN and t.deadline_status == DeadlineStatus.OVERDUE else _("否"),
             timezone.localtime(t.completed_at).strftime("%Y-%m-%d %H:%M") if t.completed_at else "",
             t.completion_note] for t in rows]
    headers = [_("会议"), _("召开日期"), _("议定事项序号"), _("督办事项"), _("责任单位"), _("办理状态"), _("到期日"),
               _("期限状态"), _("是否逾期"), _("办结时间"), _("办结情况")]
    return xlsx_response(filename=_("督办事项-%(d)s.xlsx") % {"d": timezone.localdate().isoformat()},
                         title=_("督办事项"), headers=headers, rows=data)


def _task_or_404(request, pk):
    task = selectors.task_get(actor=request.user, pk=pk)
    if task is None:
        raise Http404(_("督办事项不存在或无权查看"))
    return task


@login_required
def task_detail(request, pk):
    actor = request.user
    task = _task_or_404(request, pk)
    task.status_label = _status_label(task)
    open_ = task.state == TaskState.OPEN
    return render(request, "meetings/task_detail.html", {
        "task": task, "reports": selectors.progress_reports(actor=actor, task=task),
        "can_report": open_ and permissions.can(actor, "report", task),
        "can_complete": open_ and permissions.can(actor, "complete", task),
        "progress_form": ProgressForm(), "complete_form": CompleteForm(),
        "notices": task.notices.all(),
    })


@login_required
@require_POST
def task_progress(request, pk):
    task = _task_or_404(request, pk)
    try:
        services.task_report_progress(task=task, progress=request.POST.get("text", ""), actor=request.user)
    except ValidationError as exc:
        report_error(request, exc)
    else:
        messages.success(request, _("进展已报告"))
    return redirect(task)


@login_required
@require_POST
def task_complete(request, pk):
    task = _task_or_404(request, pk)
    try:
        services.task_complete(task=task, note=request.POST.get("completion_note", ""), actor=request.user)
    except ValidationError as exc:
        report_error(request, exc)
    else:
        messages.success(request, _("督办事项已办结"))
    return redirect(task)


@login_required
@require_POST
def notice_issue(request):
    ids = [v for v in request.POST.getlist("tasks") if v.isdigit()]
    tasks = selectors.tasks(actor=request.user).filter(pk__in=ids)
    try:
        notice = services.notice_issue(tasks=tasks, title=request.POST.get("title", ""),
                                       body=request.POST.get("body", ""), actor=request.user)
    except ValidationError as exc:
        report_error(request, exc)
        return redirect("meetings:task_list")
    messages.success(request, _("通报已发送至 %(n)d 人") % {"n": notice.recipients})
    return redirect(notice)


@login_required
def notice_list(request):
    return render(request, "meetings/notice_list.html",
                  {"page": page_of(request, selectors.notices(actor=request.user))})


@login_required
def notice_detail(request, pk):
    notice = selectors.notice_get(actor=request.user, pk=pk)
    if notice is None:
        raise Http404(_("通报不存在或无权查看"))
    visible = selectors.tasks(actor=request.user).filter(pk__in=notice.tasks.values("pk"))
    return render(request, "meetings/notice_detail.html", {"notice": notice, "tasks": visible})

