from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response
from lianjian.org.models import Unit

from .. import documents, selectors, services
from ..forms import (
    AcceptForm,
    ReasonForm,
    ResultForm,
    TransferFilterForm,
    TransferForm,
    VersionForm,
)
from ..models import Transfer, TransferKind
from ..workflows import TRANSFER_FLOW
from .common import act, attach_errors, paginate


def _filtered(request, action="view"):
    form = TransferFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    return form, selectors.transfers_for(actor=request.user, q=data.get("q", ""), state=data.get("state", ""),
                                         kind=data.get("kind", ""), direction=data.get("direction", ""),
                                         action=action)


@login_required
def transfer_list(request):
    form, transfers = _filtered(request)
    return render(request, "cases/transfer_list.html", {
        "form": form, "page": paginate(request, transfers), "query_string": request.GET.urlencode(),
        "overdue": selectors.overdue_steps(actor=request.user)[:50],
        "can_create": permissions.can(request.user, "create", model=Transfer),
    })


@login_required
def transfer_export(request):
    _form, transfers = _filtered(request, "export")
    rows = ([t.number, t.get_kind_display(), t.title, str(t.from_unit), str(t.to_unit), t.get_state_display(),
             timezone.localtime(t.sent_at).strftime("%Y-%m-%d %H:%M") if t.sent_at else "",
             timezone.localtime(t.received_at).strftime("%Y-%m-%d %H:%M") if t.received_at else "",
             t.decided_on or "", t.handled_on or ""] for t in transfers)
    return xlsx_response(filename=_("移送与协助-%(d)s.xlsx") % {"d": timezone.localdate()}, title=_("移送与协助"),
                         headers=[_("编号"), _("类型"), _("事由"), _("移送单位"), _("接收单位"), _("状态"), _("发送时间"),
                                  _("签收时间"), _("决定日期"), _("办理完毕日期")], rows=rows)


def _receivers(actor):
    return permissions.scope(actor, "view", Unit.objects.filter(is_active=True)).exclude(pk=actor.unit_id)


@login_required
def transfer_create(request):
    if not permissions.can(request.user, "create", model=Transfer):
        raise PermissionDenied
    case = selectors.case_get(actor=request.user, pk=request.GET.get("case")) if request.GET.get("case") else None
    initial = {"discovered_on": timezone.localdate()}
    if case is not None:
        initial.update(title=case.title, facts=case.facts)
    form = TransferForm(request.POST or None, initial=initial, units=_receivers(request.user))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            transfer = services.transfer_create(
                kind=d["kind"], from_unit=request.user.unit, to_unit=d["to_unit"], title=d["title"], facts=d["facts"],
                request=d["request"], discovered_on=d["discovered_on"], materials=form.material_rows(),
                case=case, team=[request.user] if d["kind"] == TransferKind.CRIME else (), actor=request.user)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            return redirect(transfer)
    return render(request, "cases/transfer_form.html", {"form": form, "case": case})


def _visible(request, pk):
    transfer = selectors.transfer_get(actor=request.user, pk=pk)
    if transfer is None:
        raise Http404
    return transfer


@login_required
def transfer_detail(request, pk):
    transfer = _visible(request, pk)
    available = {t.name for t in TRANSFER_FLOW.available(transfer, request.user)}
    initial = {"state_version": transfer.state_version}
    return render(request, "cases/transfer_detail.html", {
        "transfer": transfer, "available": available, "materials": transfer.materials.all(),
        "team": transfer.team.all(), "deadlines": selectors.deadlines_of(transfer),
        "version_form": VersionForm(initial=initial), "reason_form": ReasonForm(initial=initial),
        "accept_form": AcceptForm(initial={**initial, "decided_on": timezone.localdate()}),
        "result_form": ResultForm(initial={**initial, "handled_on": timezone.localdate()}),
    })


STEPS = {
    "approve": (VersionForm, lambda t, d, a: services.transfer_approve(transfer=t, actor=a), gettext_lazy("已批准移送")),
    "send": (VersionForm, lambda t, d, a: services.transfer_send(transfer=t, actor=a), gettext_lazy("已发送")),
    "receive": (VersionForm, lambda t, d, a: services.transfer_receive(transfer=t, actor=a), gettext_lazy("已签收")),
    "return": (ReasonForm, lambda t, d, a: services.transfer_return(transfer=t, reason=d["reason"], actor=a),
               gettext_lazy("已退回并说明理由")),
    "accept": (AcceptForm, lambda t, d, a: services.transfer_accept(
        transfer=t, decided_on=d["decided_on"], reason=d["reason"], actor=a), gettext_lazy("已受理并回告")),
    "refuse": (ReasonForm, lambda t, d, a: services.transfer_refuse(transfer=t, reason=d["reason"], actor=a),
               gettext_lazy("已作出不予立案决定")),
    "report_result": (ResultForm, lambda t, d, a: services.transfer_report_result(
        transfer=t, handled_on=d["handled_on"], result=d["result"], actor=a), gettext_lazy("已回告办理结果")),
}


@login_required
@require_POST
def transfer_step(request, pk, step):
    if step not in STEPS:
        raise Http404
    transfer = _visible(request, pk)
    form_class, call, done = STEPS[step]
    return act(request, transfer, form_class(request.POST), lambda d: call(transfer, d, request.user), done)


@login_required
def transfer_docx(request, pk, document):
    transfer = _visible(request, pk)
    if document == "letter":
        content, name = documents.transfer_letter(transfer), f"{transfer.number}.docx"
    elif document == "receipt" and transfer.received_at:
        content, name = documents.transfer_receipt(transfer), _("%(n)s-回执.docx") % {"n": transfer.number}
    else:
        raise Http404
    response = HttpResponse(content, content_type=documents.DOCX_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(name)}"
    return response
