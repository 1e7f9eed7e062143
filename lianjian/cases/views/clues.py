from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response
from lianjian.org.access import region_subtree_q
from lianjian.org.models import Unit, User

from .. import selectors, services
from ..forms import (
    AssignForm,
    ClueFilterForm,
    ClueForm,
    ConcludeForm,
    ReportForm,
    WitnessForm,
)
from ..models import (
    Case,
    Clue,
    ClueState,
    JointVerification,
    VerificationState,
    WitnessReport,
)
from ..workflows import CLUE_FLOW
from .common import act, attach_errors, paginate


def _filtered(request, action="view"):
    form = ClueFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    return form, selectors.clues_for(actor=request.user, q=data.get("q", ""), state=data.get("state", ""),
                                     source=data.get("source", ""), action=action)


@login_required
def clue_list(request):
    form, clues = _filtered(request)
    return render(request, "cases/clue_list.html", {
        "form": form, "page": paginate(request, clues), "query_string": request.GET.urlencode(),
        "can_register": permissions.can(request.user, "register", model=Clue),
        "can_witness": permissions.can(request.user, "report", model=WitnessReport),
    })


@login_required
def clue_export(request):
    _form, clues = _filtered(request, "export")
    rows = ([c.number, c.title, c.get_source_display(), str(c.unit), str(c.region), c.lot.code if c.lot else "",
             c.get_state_display(), c.get_outcome_display(), str(c.outcome_unit or ""),
             timezone.localtime(c.registered_at).strftime("%Y-%m-%d %H:%M")] for c in clues)
    return xlsx_response(filename=_("问题线索-%(d)s.xlsx") % {"d": timezone.localdate()}, title=_("问题线索"),
                         headers=[_("编号"), _("标题"), _("来源"), _("登记单位"), _("行政区划"), _("标段（包）"),
                                  _("状态"), _("核查结论"), _("承办单位"), _("登记时间")], rows=rows)


@login_required
def clue_create(request):
    if not permissions.can(request.user, "register", model=Clue):
        raise PermissionDenied
    form = ClueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            clue = services.clue_register(source=data["source"], source_object=None, title=data["title"],
                                          description=data["description"], unit=request.user.unit,
                                          actor=request.user, lot=data["lot"], entities=form.entity_codes())
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            return redirect(clue)
    return render(request, "cases/clue_form.html", {"form": form, "heading": _("登记问题线索")})


@login_required
def witness_create(request):
    if not permissions.can(request.user, "report", model=WitnessReport):
        raise PermissionDenied
    form = WitnessForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            clue = services.witness_report_file(
                unit=request.user.unit, lot=data["lot"], observed_at=data["observed_at"], place=data["place"],
                summary=data["description"], title=data["title"], files=data["files"], actor=request.user,
                entities=form.entity_codes())
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            return redirect(clue)
    return render(request, "cases/clue_form.html", {"form": form, "heading": _("报告见证发现的问题"),
                                                     "multipart": True})


def _visible(request, pk):
    clue = selectors.clue_get(actor=request.user, pk=pk)
    if clue is None:
        raise Http404
    return clue


def _region_units(clue):
    return Unit.objects.filter(region_subtree_q(clue.region, "region"), is_active=True).order_by("type", "name")


@login_required
def clue_detail(request, pk):
    clue = _visible(request, pk)
    available = {t.name for t in CLUE_FLOW.available(clue, request.user)}
    verification = JointVerification.objects.filter(clue=clue).prefetch_related("members").first()
    initial = {"state_version": clue.state_version}
    report = clue.source_object if isinstance(clue.source_object, WitnessReport) else None
    can_report = (verification is not None and verification.state == VerificationState.OPEN
                  and permissions.can(request.user, "report", clue))
    return render(request, "cases/clue_detail.html", {
        "clue": clue, "verification": verification, "report": report,
        "evidence": report.evidence.all() if report else [],
        "entities": clue.entities.select_related("entity"),
        "transfers": permissions.scope(request.user, "view", clue.transfers.all()),
        "cases": permissions.scope(request.user, "view", clue.cases.all()),
        "deadlines": selectors.deadlines_of(clue),
        "assign_form": AssignForm(initial={**initial, "due_on": timezone.localdate() + timezone.timedelta(days=10)},
                                  units=_region_units(clue)) if "assign" in available else None,
        "report_form": ReportForm() if can_report else None,
        "conclude_form": ConcludeForm(initial=initial, units=Unit.objects.filter(is_active=True),
                                      people=User.objects.filter(unit=request.user.unit, is_active=True))
        if "dispose" in available and verification and verification.state == VerificationState.REPORTED else None,
        "can_open_case": clue.state == ClueState.DISPOSED and clue.outcome_unit_id == getattr(
            request.user.unit, "pk", None) and permissions.can(request.user, "register", model=Case),
    })


@login_required
@require_POST
def clue_assign(request, pk):
    clue = _visible(request, pk)
    form = AssignForm(request.POST, units=_region_units(clue))
    return act(request, clue, form, lambda d: services.verification_assign(
        clue=clue, members=list(d["members"]), due_on=d["due_on"], instructions=d["instructions"],
        actor=request.user), _("已组织联合核查"))


@login_required
@require_POST
def clue_report(request, pk):
    clue = _visible(request, pk)
    return act(request, clue, ReportForm(request.POST), lambda d: services.verification_report(
        clue=clue, findings=d["findings"], actor=request.user), _("核查情况已报告"))


@login_required
@require_POST
def clue_conclude(request, pk):
    clue = _visible(request, pk)
    form = ConcludeForm(request.POST, units=Unit.objects.filter(is_active=True),
                        people=User.objects.filter(unit=request.user.unit, is_active=True))
    return act(request, clue, form, lambda d: services.clue_conclude(
        clue=clue, outcome=d["outcome"], reason=d["reason"], unit=d["unit"], team=list(d["team"]),
        actor=request.user), _("核查结论已作出"))
