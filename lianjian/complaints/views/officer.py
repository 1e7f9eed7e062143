"""The officers' pages: the list (search, filter, Excel export), offline registration, the complaint page with its
actions, attachments and the printable documents. The filer's identity appears only after an assigned officer asks
for it, and every such reading is in the audit log."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response
from lianjian.core.workflow import InvalidTransition, StaleTransition
from lianjian.org import selectors as org_selectors

from .. import documents, selectors, services
from ..forms import (
    AcceptForm, AssignForm, ClueForm, CorrectionForm, DecideForm, ListFilterForm, PauseForm, RegisterForm,
    RejectForm, ReplyForm, TransferForm, WithdrawForm,
)
from ..models import Complaint, ComplaintState
from ..policies import may_see_identity
from ..services.handling import clue_of
from .common import PAGE_SIZE, apply_errors, attachment_help


def _filtered(request):
    form = ListFilterForm(request.GET or None)
    filters = {}
    if form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v}
        filters["q"] = filters.get("q", "").strip()
    return form, selectors.complaints(actor=request.user, **filters)


@login_required
def complaint_list(request):
    if not permissions.can(request.user, "view", model=Complaint):
        raise PermissionDenied(_("无权查看投诉举报"))
    form, rows = _filtered(request)
    return render(request, "complaints/list.html", {
        "form": form, "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
        "can_register": permissions.can(request.user, "register", model=Complaint),
    })


@login_required
def complaint_export(request):
    if not permissions.can(request.user, "export", model=Complaint):
        raise PermissionDenied(_("无权导出投诉举报"))
    _form, rows = _filtered(request)
    headers = [_("查询码"), _("类别"), _("来源渠道"), _("事项标题"), _("投诉（举报）人"), _("联系方式"), _("被投诉（举报）人"),
               _("标段（包）"), _("承办单位"), _("状态"), _("收到时间")]
    data = [[c.tracking_code, c.get_kind_display(), c.get_channel_display(), c.title, c.submitter_masked,
             c.contact_masked, c.respondent_name, c.lot.code if c.lot else c.project_reference, c.handling_unit.name,
             c.get_state_display(), f"{timezone.localtime(c.received_at):%Y-%m-%d %H:%M}"] for c in rows]
    filename = _("投诉举报-%(date)s.xlsx") % {"date": timezone.localdate().isoformat()}
    return xlsx_response(filename=filename, title=_("投诉举报"), headers=headers, rows=data)


@login_required
def complaint_register(request):
    if not permissions.can(request.user, "register", model=Complaint):
        raise PermissionDenied(_("无权登记投诉举报"))
    form = RegisterForm(request.POST or None, request.FILES or None, attachment_help=attachment_help(),
                        initial={"received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")})
    if request.method == "POST" and form.is_valid():
        data, identity, attachments, channel, received_at = form.service_arguments()
        try:
            complaint = services.complaint_submit(data=data, identity=identity, attachments=attachments,
                                                  actor=request.user, channel=channel, received_at=received_at)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已登记，查询码：%(code)s") % {"code": complaint.tracking_code})
            return redirect(complaint)
    return render(request, "complaints/register.html", {"form": form})


def _visible(request, pk):
    return get_object_or_404(selectors.complaints(actor=request.user), pk=pk)


def _people(complaint):
    return get_user_model().objects.filter(unit=complaint.handling_unit, is_active=True)


def _transfer_units(actor, complaint):
    return org_selectors.units(actor=actor).exclude(pk=complaint.handling_unit_id).filter(is_active=True)


# action → (form builder, service call, success message). The permission each needs is checked by the service.
ACTIONS = {
    "accept": (lambda c, a, d: AcceptForm(d, complaint=c),
               lambda c, a, f: services.complaint_accept(complaint=c, actor=a, **f), gettext_lazy("已受理")),
    "reject": (lambda c, a, d: RejectForm(d, complaint=c),
               lambda c, a, f: services.complaint_reject(complaint=c, actor=a, **f), gettext_lazy("已决定不予受理")),
    "request_correction": (lambda c, a, d: CorrectionForm(d),
                           lambda c, a, f: services.complaint_request_correction(complaint=c, actor=a, **f),
                           gettext_lazy("已通知补正，期限暂停计时")),
    "correct": (lambda c, a, d: None, lambda c, a, f: services.complaint_correct(complaint=c, actor=a),
                gettext_lazy("已记录补正完成，期限恢复计时")),
    "transfer": (lambda c, a, d: TransferForm(d, units=_transfer_units(a, c)),
                 lambda c, a, f: services.complaint_transfer(complaint=c, actor=a, **f), gettext_lazy("已移送")),
    "assign": (lambda c, a, d: AssignForm(d, people=_people(c)),
               lambda c, a, f: services.complaint_assign(complaint=c, actor=a, **f), gettext_lazy("已指定承办人")),
    "pause": (lambda c, a, d: PauseForm(d),
              lambda c, a, f: services.complaint_pause_clock(complaint=c, actor=a, **f), gettext_lazy("处理期限已暂停计时")),
    "resume": (lambda c, a, d: None, lambda c, a, f: services.complaint_resume_clock(complaint=c, actor=a),
               gettext_lazy("处理期限已恢复计时")),
    "decide": (lambda c, a, d: DecideForm(d),
               lambda c, a, f: services.complaint_decide(complaint=c, actor=a, **f), gettext_lazy("已作出处理决定")),
    "reply": (lambda c, a, d: ReplyForm(d),
              lambda c, a, f: services.complaint_reply(complaint=c, actor=a, **f), gettext_lazy("已答复投诉举报人")),
    "withdraw": (lambda c, a, d: WithdrawForm(d),
                 lambda c, a, f: services.complaint_withdraw(complaint=c, actor=a, **f), gettext_lazy("已记录撤回")),
    "clue": (lambda c, a, d: ClueForm(d),
             lambda c, a, f: services.complaint_open_clue(complaint=c, actor=a, **f), gettext_lazy("已转为问题线索")),
}
# The permission behind each action, to show only the buttons the officer may use.
ACTION_PERMISSIONS = {"accept": "accept", "reject": "reject", "request_correction": "correction",
                      "correct": "correction", "transfer": "transfer", "assign": "assign", "pause": "pause",
                      "resume": "resume", "decide": "decide", "reply": "reply", "withdraw": "withdraw",
                      "clue": "clue"}
ACTION_LABELS = {"accept": gettext_lazy("受理"), "reject": gettext_lazy("不予受理"), "request_correction": gettext_lazy("通知补正（一次性）"),
                 "correct": gettext_lazy("补正完成"), "transfer": gettext_lazy("移送有管辖权的单位"), "assign": gettext_lazy("指定承办人"),
                 "pause": gettext_lazy("暂停处理期限计时"), "resume": gettext_lazy("恢复处理期限计时"), "decide": gettext_lazy("作出处理决定"),
                 "reply": gettext_lazy("答复投诉举报人"), "withdraw": gettext_lazy("记录撤回"), "clue": gettext_lazy("转为问题线索")}
STATE_ACTIONS = {
    ComplaintState.RECEIVED: ("accept", "reject", "request_correction", "transfer", "withdraw", "assign"),
    ComplaintState.CORRECTION: ("correct", "reject", "withdraw", "assign"),
    ComplaintState.ACCEPTED: ("decide", "pause", "resume", "clue", "withdraw", "assign"),
    ComplaintState.DECIDED: ("reply", "clue"),
    ComplaintState.REPLIED: ("clue",),
}


def _available(complaint, actor):
    return [name for name in STATE_ACTIONS.get(complaint.state, ())
            if permissions.can(actor, ACTION_PERMISSIONS[name], complaint)
            and (name not in ("request_correction",) or complaint.is_gp)]


def _detail(request, complaint, *, identity=None, revealed=False, forms=None, status=200):
    actor = request.user
    available = _available(complaint, actor)
    action_forms = {name: ACTIONS[name][0](complaint, actor, None) for name in available}
    action_forms.update(forms or {})
    return render(request, "complaints/detail.html", {
        "complaint": complaint, "identity": identity, "revealed": revealed,
        "may_reveal": may_see_identity(actor, complaint),
        "deadlines": selectors.deadlines(actor=actor, complaint=complaint),
        "attachments": selectors.attachments(actor=actor, complaint=complaint),
        "transfers": selectors.transfers(actor=actor, complaint=complaint),
        "officers": complaint.officers.all(),
        "actions": [(n, ACTION_LABELS[n], action_forms[n]) for n in available],
        "clue": clue_of(complaint), "documents": documents.available_kinds(complaint),
    }, status=status)


@login_required
def complaint_detail(request, pk):
    return _detail(request, _visible(request, pk))


@login_required
@require_POST
def complaint_identity(request, pk):
    complaint = _visible(request, pk)
    identity = services.complaint_identity_reveal(complaint=complaint, actor=request.user, shown_in="page")
    return _detail(request, complaint, identity=identity, revealed=True)


@login_required
@require_POST
def complaint_action(request, pk, action):
    complaint = _visible(request, pk)
    if action not in ACTIONS:
        raise PermissionDenied(_("未知的操作"))
    build, call, done = ACTIONS[action]
    form = build(complaint, request.user, request.POST)
    if form is None or form.is_valid():
        try:
            call(complaint, request.user, form.cleaned_data if form is not None else {})
        except (StaleTransition, InvalidTransition) as exc:
            # Someone acted first (or the state moved on): say so on the fresh page rather than on a stale form.
            messages.error(request, exc.messages[0])
            return redirect(complaint)
        except ValidationError as exc:
            if form is None:
                messages.error(request, "；".join(exc.messages))
                return redirect(complaint)
            apply_errors(form, exc)
        else:
            messages.success(request, str(done))
            return redirect(complaint)
    return _detail(request, complaint, forms={action: form}, status=400)


@login_required
def attachment_download(request, pk, attachment_pk):
    complaint = _visible(request, pk)
    attachment = get_object_or_404(selectors.attachments(actor=request.user, complaint=complaint), pk=attachment_pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)


@login_required
def complaint_document(request, pk, kind):
    """A printable Word document addressed to the filer: reading it reveals the identity, so it is logged."""
    complaint = _visible(request, pk)
    builder = documents.BUILDERS.get(kind)
    if builder is None or not documents.available(complaint, kind):
        raise PermissionDenied(_("该事项当前没有可打印的此类文书"))
    identity = services.complaint_identity_reveal(complaint=complaint, actor=request.user,
                                                  shown_in=f"document:{kind}")
    title, content = builder(complaint, identity)
    response = HttpResponse(content, content_type=documents.DOCX_TYPE)
    filename = f"{title}-{complaint.tracking_code}.docx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(filename)}"
    return response
