"""Pages of meetings: the list, ad-hoc requests, one meeting with its agenda and actions, the minutes, and the
annual report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response
from lianjian.org import access
from lianjian.org import selectors as org_selectors
from lianjian.org.models import UnitType

from .. import selectors, services
from ..forms import (
    DecisionFormSet,
    MeetingRequestForm,
    MeetingSearchForm,
    MeetingUpdateForm,
    MinutesForm,
    NoteForm,
    ProposalForm,
)
from ..models import AgendaItem, AgendaState, Meeting, MeetingState
from ..services.common import member_units
from ..services.report import DOCX_TYPE
from .common import apply_errors, page_of, report_error


def _search(request):
    form = MeetingSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, selectors.meetings(actor=request.user, **filters)


@login_required
def meeting_list(request):
    form, rows = _search(request)
    actor = request.user
    return render(request, "meetings/meeting_list.html", {
        "form": form, "page": page_of(request, rows),
        "can_request": permissions.can(actor, "request", model=Meeting),
        "can_report": access.is_lead_office_staff(actor) and not access.is_oversight(actor),
        "year": timezone.localdate().year,
    })


@login_required
def meeting_export(request):
    _form, rows = _search(request)
    data = [[m.title, m.unit.name, m.get_kind_display(), m.get_state_display(), m.planned_on, m.held_on,
             m.requested_by_unit.name if m.requested_by_unit else "", m.reasons] for m in rows]
    headers = [_("会议名称"), _("牵头单位"), _("会议类型"), _("状态"), _("会议日期"), _("召开日期"), _("提请单位"),
               _("提请理由")]
    return xlsx_response(filename=_("联席会议-%(d)s.xlsx") % {"d": timezone.localdate().isoformat()},
                         title=_("联席会议"), headers=headers, rows=data)


def _lead_units(actor):
    """The lead office of the actor's own region: members request meetings of their own mechanism."""
    return org_selectors.units(actor=actor).filter(type=UnitType.LEAD_OFFICE, region=access.actor_region(actor))


@login_required
def meeting_request(request):
    if not permissions.can(request.user, "request", model=Meeting):
        raise PermissionDenied(_("无权提请召开联席会议"))
    form = MeetingRequestForm(request.POST or None, lead_units=_lead_units(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_request(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已提请召开临时联席会议，待召集人决定"))
            return redirect(meeting)
    return render(request, "meetings/form.html", {"form": form, "title": _("提请召开临时联席会议"),
                                                  "submit": _("提请"), "back": "meetings:list"})


def _meeting_or_404(request, pk):
    meeting = selectors.meeting_get(actor=request.user, pk=pk)
    if meeting is None:
        raise Http404(_("会议不存在或无权查看"))
    return meeting


@login_required
def meeting_detail(request, pk):
    actor = request.user
    meeting = _meeting_or_404(request, pk)
    items = list(selectors.agenda_items(actor=actor, meeting=meeting))
    for item in items:
        item.actions = services.AGENDA_FLOW.available(item, actor)
        if meeting.state != MeetingState.PLANNED:
            item.actions = [t for t in item.actions if t.name == "strike" and meeting.state == MeetingState.COMPILED]
    collecting = meeting.state == MeetingState.PLANNED
    probe = AgendaItem(meeting=meeting, unit=access.actor_unit(actor))
    return render(request, "meetings/meeting_detail.html", {
        "meeting": meeting, "items": items,
        "transitions": [t for t in services.MEETING_FLOW.available(meeting, actor) if t.name != "record_minutes"],
        "can_minutes": meeting.state == MeetingState.APPROVED and permissions.can(actor, "record_minutes", meeting),
        "can_update": meeting.state not in (MeetingState.HELD, MeetingState.REJECTED)
        and permissions.can(actor, "update", meeting),
        "can_propose": collecting and probe.unit is not None and permissions.can(actor, "propose", probe),
        "proposal_form": ProposalForm(), "note_form": NoteForm(),
        "update_form": MeetingUpdateForm(initial={"planned_on": meeting.planned_on, "location": meeting.location}),
        "decisions": selectors.decisions(actor=actor, meeting=meeting),
        "AgendaState": AgendaState,
    })


@login_required
@require_POST
def meeting_action(request, pk, name):
    meeting = _meeting_or_404(request, pk)
    note = request.POST.get("note", "")
    actions = {
        "approve_request": lambda: services.meeting_decide_request(meeting=meeting, approve=True, note=note,
                                                                   actor=request.user),
        "reject_request": lambda: services.meeting_decide_request(meeting=meeting, approve=False, note=note,
                                                                  actor=request.user),
        "compile": lambda: services.meeting_compile(meeting=meeting, actor=request.user),
        "return_agenda": lambda: services.meeting_return_agenda(meeting=meeting, reason=note, actor=request.user),
        "approve_agenda": lambda: services.meeting_approve_agenda(meeting=meeting, note=note, actor=request.user),
    }
    if name not in actions:
        raise Http404()
    try:
        meeting = actions[name]()
    except ValidationError as exc:
        report_error(request, exc)
    else:
        messages.success(request, _("已办理：%(s)s") % {"s": meeting.get_state_display()})
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
@require_POST
def meeting_update(request, pk):
    meeting = _meeting_or_404(request, pk)
    form = MeetingUpdateForm(request.POST)
    if form.is_valid():
        try:
            services.meeting_update(meeting=meeting, actor=request.user, **form.cleaned_data)
            messages.success(request, _("会议安排已保存"))
        except ValidationError as exc:
            report_error(request, exc)
    else:
        messages.error(request, _("会议日期无效"))
    return redirect(meeting)


@login_required
@require_POST
def agenda_propose(request, pk):
    meeting = _meeting_or_404(request, pk)
    form = ProposalForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors)
        services.agenda_propose(meeting=meeting, actor=request.user, **form.cleaned_data)
    except ValidationError as exc:
        report_error(request, exc)
    else:
        messages.success(request, _("议题已保存，待本单位负责人签字"))
    return redirect(meeting)


@login_required
@require_POST
def agenda_action(request, pk, name):
    item = selectors.agenda_item_get(actor=request.user, pk=pk)
    if item is None:
        raise Http404(_("议题不存在或无权查看"))
    actions = {
        "sign_off": lambda: services.agenda_sign_off(item=item, actor=request.user),
        "withdraw": lambda: services.agenda_withdraw(item=item, actor=request.user),
        "strike": lambda: services.agenda_strike(item=item, reason=request.POST.get("note", ""), actor=request.user),
    }
    if name not in actions:
        raise Http404()
    try:
        item = actions[name]()
    except ValidationError as exc:
        report_error(request, exc)
    else:
        messages.success(request, _("议题“%(t)s”：%(s)s") % {"t": item.title, "s": item.get_state_display()})
    return redirect("meetings:detail", pk=item.meeting_id)


def _decision_rows(formset):
    return [(f.cleaned_data.get("text", ""), list(f.cleaned_data.get("units") or []))
            for f in formset.forms if f.cleaned_data.get("text") or f.cleaned_data.get("units")]


@login_required
def meeting_minutes(request, pk):
    actor = request.user
    meeting = _meeting_or_404(request, pk)
    if not permissions.can(actor, "record_minutes", meeting):
        raise PermissionDenied(_("只有联席会议办公室可以录入会议纪要"))
    units = member_units(meeting.unit).order_by("name")
    form = MinutesForm(request.POST or None, initial={"held_on": meeting.planned_on or timezone.localdate()})
    formset = DecisionFormSet(request.POST or None, prefix="decisions", form_kwargs={"units": units})
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.meeting_record_minutes(meeting=meeting, decisions=_decision_rows(formset), actor=actor,
                                            **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("会议纪要已录入，议定事项已交办责任单位"))
            return redirect(meeting)
    return render(request, "meetings/minutes_form.html", {"meeting": meeting, "form": form, "formset": formset})


@login_required
def annual_report(request):
    actor = request.user
    unit = access.actor_unit(actor)
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = None
    if unit is None:
        raise PermissionDenied(_("无权生成年度报告"))
    try:
        content = services.annual_report_docx(lead_unit=unit, year=year, actor=actor)
    except ValidationError as exc:
        report_error(request, exc)
        return redirect("meetings:list")
    response = HttpResponse(content, content_type=DOCX_TYPE)
    filename = _("%(year)s年度公共资源交易监管工作情况报告.docx") % {"year": year}
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(filename)}"
    return response
