from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianjian.core import permissions

from . import selectors, services
from .models import JobStatus

PAGE_SIZE = 50


def _visible_job(request, pk):
    job = selectors.job_get(actor=request.user, pk=pk)
    if job is None:
        raise Http404
    return job


def _status_context(request, job):
    return {
        "job": job,
        "can_cancel": job.is_active and permissions.can(request.user, "cancel", job),
        "can_retry": job.status in (JobStatus.FAILED, JobStatus.CANCELLED)
        and permissions.can(request.user, "retry", job),
    }


@login_required
def job_list(request):
    status = request.GET.get("status", "")
    if status not in JobStatus.values:
        status = ""
    q = request.GET.get("q", "").strip()
    jobs = selectors.jobs_for(actor=request.user, status=status or None, kind=q or None)
    page = Paginator(jobs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "jobs/list.html", {"page": page, "status": status, "q": q, "statuses": JobStatus.choices})


@login_required
def job_detail(request, pk):
    return render(request, "jobs/detail.html", _status_context(request, _visible_job(request, pk)))


@login_required
def job_progress(request, pk):
    return render(request, "jobs/_status.html", _status_context(request, _visible_job(request, pk)))


def _steer(request, pk, service, done_message):
    job = _visible_job(request, pk)
    try:
        service(job=job, actor=request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, done_message)
    return redirect("jobs:detail", pk=job.pk)


@login_required
@require_POST
def job_cancel(request, pk):
    return _steer(request, pk, services.job_cancel, _("任务已取消"))


@login_required
@require_POST
def job_retry(request, pk):
    return _steer(request, pk, services.job_retry, _("任务已重新排队，将从上次断点继续"))
