"""The public one window: anyone submits a complaint or report without an account and follows it with the
tracking code. Nothing here shows who filed a complaint or which officer handles it."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import selectors
from ..forms import SubmissionForm, TrackForm
from ..models import ComplaintState
from ..services import complaint_submit
from .common import SUBMITTED_SESSION_KEY, apply_errors, attachment_help


def submit(request):
    form = SubmissionForm(request.POST or None, request.FILES or None, attachment_help=attachment_help())
    if request.method == "POST" and form.is_valid():
        data, identity, attachments = form.service_arguments()
        try:
            complaint = complaint_submit(data=data, identity=identity, attachments=attachments)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            request.session[SUBMITTED_SESSION_KEY] = complaint.tracking_code
            return redirect("complaints:submitted")
    return render(request, "complaints/public_submit.html", {"form": form})


def submitted(request):
    code = request.session.get(SUBMITTED_SESSION_KEY)
    if not code:
        return redirect("complaints:submit")
    return render(request, "complaints/public_submitted.html", {"code": code})


def _timeline(complaint):
    """What the filer may know: when it arrived, was accepted or not, decided and answered."""
    steps = [(complaint.received_at, _("已收到，承办单位：%(unit)s") % {"unit": complaint.handling_unit.name})]
    for transfer in complaint.transfers.select_related("to_unit"):
        steps.append((transfer.transferred_at, _("已移送至有管辖权的单位：%(unit)s") % {"unit": transfer.to_unit.name}))
    if complaint.correction_requested_at:
        steps.append((complaint.correction_requested_at, _("请补正材料：%(items)s") % {
            "items": complaint.correction_items}))
    if complaint.accepted_at:
        steps.append((complaint.accepted_at, _("已受理")))
    if complaint.decided_at:
        steps.append((complaint.decided_at, _("已作出处理决定")))
    if complaint.replied_at:
        steps.append((complaint.replied_at, _("已答复")))
    return sorted(steps, key=lambda step: step[0])


def track(request):
    # The code is the filer's only key to the matter: it travels in a POST body, not in addresses that end up in
    # logs, browser history and Referer headers.
    form = TrackForm(request.POST or None)
    complaint = None
    if form.is_valid():
        complaint = selectors.tracked(tracking_code=form.cleaned_data["code"])
        if complaint is None:
            form.add_error("code", _("没有找到该查询码对应的投诉举报，请核对后重试"))
    return render(request, "complaints/public_track.html", {
        "form": form, "complaint": complaint, "timeline": _timeline(complaint) if complaint else [],
        "show_reply": complaint is not None and complaint.state in (ComplaintState.REPLIED, ComplaintState.REJECTED),
    })
