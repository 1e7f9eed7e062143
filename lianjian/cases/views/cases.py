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
from lianjian.org.models import PowerItem, PowerKind, PowerListStatus, User

from .. import documents, selectors, services
from ..forms import (
    CaseFilterForm,
    CaseForm,
    CloseForm,
    DateStepForm,
    DecideForm,
    HearingForm,
    NotifyForm,
    ReviewForm,
)
from ..models import Case, PenaltyDecision
from ..workflows import CASE_FLOW
from .common import act, attach_errors, paginate


def _filtered(request, action="view"):
    form = CaseFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    return form, selectors.cases_for(actor=request.user, q=data.get("q", ""), state=data.get("state", ""),
                                     action=action)


@login_required
def case_list(request):
    form, cases = _filtered(request)
    return render(request, "cases/case_list.html", {"form": form, "page": paginate(request, cases.prefetch_related(
        "parties")), "query_string": request.GET.urlencode()})


@login_required
def case_export(request):
    _form, cases = _filtered(request, "export")
    decisions = {d.case_id: d for d in PenaltyDecision.objects.filter(case__in=cases)}
    rows = []
    for case in cases.prefetch_related("parties"):
        decision = decisions.get(case.pk)
        rows.append([case.number, case.title, str(case.unit), "、".join(p.name for p in case.parties.all()),
                     case.registered_on, case.get_state_display(), decision.document_number if decision else "",
                     decision.get_kind_display() if decision else "", decision.fine_amount if decision else "",
                     decision.decided_on if decision else ""])
    return xlsx_response(filename=_("案件-%(d)s.xlsx") % {"d": timezone.localdate()}, title=_("案件"),
                         headers=[_("案件编号"), _("案由"), _("办案单位"), _("当事人"), _("立案日期"), _("状态"),
                                  _("决定书文号"), _("决定类型"), _("罚款金额（元）"), _("决定日期")], rows=rows)


def _people(unit):
    return User.objects.filter(unit=unit, is_active=True)


@login_required
def case_create(request, clue_pk):
    clue = selectors.clue_get(actor=request.user, pk=clue_pk)
    if clue is None:
        raise Http404
    unit = request.user.unit
    if not permissions.can(request.user, "register", model=Case):
        raise PermissionDenied
    initial = {"title": clue.title, "facts": clue.description, "registered_on": timezone.localdate(),
               "parties": "\n".join(clue.entities.values_list("credit_code", flat=True))}
    form = CaseForm(request.POST or None, initial=initial, people=_people(unit))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            case = services.case_register(unit=unit, title=d["title"], facts=d["facts"], handlers=list(d["handlers"]),
                                          registered_on=d["registered_on"], actor=request.user, clue=clue,
                                          parties=form.party_codes(), is_major=d["is_major"])
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            return redirect(case)
    return render(request, "cases/case_form.html", {"form": form, "clue": clue})


def _visible(request, pk):
    case = selectors.case_get(actor=request.user, pk=pk)
    if case is None:
        raise Http404
    return case


def _power_items(case):
    return PowerItem.objects.filter(power_list__unit=case.unit, power_list__status=PowerListStatus.PUBLISHED,
                                    kind=PowerKind.PENALTY)


@login_required
def case_detail(request, pk):
    case = _visible(request, pk)
    available = {t.name for t in CASE_FLOW.available(case, request.user)}
    initial = {"state_version": case.state_version, "on": timezone.localdate()}
    decision = PenaltyDecision.objects.filter(case=case).select_related(
        "power_item", "benchmark", "tolerance_item").first()
    forms = {
        "notify_form": NotifyForm(initial={**initial, "notified_on": timezone.localdate()}) if "notify" in available
        else None,
        "hearing_form": HearingForm(initial=initial) if "request_hearing" in available else None,
        "review_form": ReviewForm(initial=initial) if "review" in available else None,
        "decide_form": DecideForm(initial={**initial, "decided_on": timezone.localdate()},
                                  power_items=_power_items(case)) if "decide" in available else None,
        "step_form": DateStepForm(initial=initial),
        "close_form": CloseForm(initial=initial) if "close" in available else None,
    }
    return render(request, "cases/case_detail.html", {
        "case": case, "decision": decision, "available": available, "parties": case.parties.all(),
        "handlers": case.handlers.all(), "deadlines": selectors.deadlines_of(case),
        "benchmarks": selectors.benchmarks(), "tolerance_items": selectors.tolerance_items(), **forms,
    })


def _date(d):
    return d["on"]


STEPS = {
    "investigate": (DateStepForm, lambda case, d, actor: services.case_investigate(case=case, actor=actor),
                    gettext_lazy("已开始调查")),
    "notify": (NotifyForm, lambda case, d, actor: services.case_notify(
        case=case, notified_on=d["notified_on"], summary=d["summary"], actor=actor), gettext_lazy("已事先告知当事人")),
    "hearing": (HearingForm, lambda case, d, actor: services.case_request_hearing(
        case=case, requested_on=d["requested_on"], actor=actor), gettext_lazy("已登记听证申请")),
    "review": (ReviewForm, lambda case, d, actor: services.case_review(case=case, opinion=d["opinion"], actor=actor),
               gettext_lazy("已记录法制审核/集体讨论意见")),
    "serve": (DateStepForm, lambda case, d, actor: services.case_serve(case=case, served_on=_date(d), actor=actor),
              gettext_lazy("已送达")),
    "execute": (DateStepForm, lambda case, d, actor: services.case_execute(
        case=case, executed_on=_date(d), actor=actor), gettext_lazy("已执行完毕")),
    "close": (CloseForm, lambda case, d, actor: services.case_close(case=case, summary=d["summary"], actor=actor),
              gettext_lazy("已结案")),
}


@login_required
@require_POST
def case_step(request, pk, step):
    if step not in STEPS:
        raise Http404
    case = _visible(request, pk)
    form_class, call, done = STEPS[step]
    return act(request, case, form_class(request.POST), lambda d: call(case, d, request.user), done)


@login_required
@require_POST
def case_decide(request, pk):
    case = _visible(request, pk)
    form = DecideForm(request.POST, power_items=_power_items(case))
    return act(request, case, form, lambda d: services.case_decide(
        case=case, kind=d["kind"], document_number=d["document_number"], decided_on=d["decided_on"],
        power_item=d["power_item"], reasons=d["reasons"], benchmark=d["benchmark"], base_amount=d["base_amount"],
        fine_amount=d["fine_amount"], other_measures=d["other_measures"], tolerance_item=d["tolerance_item"],
        credit_commitment=d["credit_commitment"], actor=request.user), _("已作出决定"))


@login_required
def case_decision_docx(request, pk):
    case = _visible(request, pk)
    if not PenaltyDecision.objects.filter(case=case).exists():
        raise Http404
    response = HttpResponse(documents.penalty_decision(case), content_type=documents.DOCX_TYPE)
    name = f"{case.decision.document_number}.docx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(name)}"
    return response
