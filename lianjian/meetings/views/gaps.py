"""The page of power-list gaps and overlaps, its export, and sending a finding to a meeting's agenda."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response
from lianjian.org import access
from lianjian.org.models import RoleCode

from .. import selectors, services
from ..forms import GapSearchForm
from ..models import AgendaItem
from .common import page_of, report_error


def _may_read(actor):
    """The findings concern the whole mechanism: the office, oversight readers and unit heads read them; an
    ordinary officer works from the agenda instead."""
    return actor.is_superuser or access.is_lead_office_staff(actor) or access.is_oversight(actor) or (
        access.actor_unit(actor) is not None and actor.has_role(RoleCode.UNIT_HEAD))


def _search(request):
    if not _may_read(request.user):
        raise PermissionDenied(_("无权查看权责交叉与空白"))
    form = GapSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, selectors.power_gaps(actor=request.user, **filters)


@login_required
def power_gaps(request):
    form, rows = _search(request)
    actor = request.user
    return render(request, "meetings/power_gaps.html", {
        "form": form, "page": page_of(request, rows),
        "meetings": selectors.collecting_meetings(actor=actor),
        "can_send": permissions.can(actor, "send_gap", model=AgendaItem),
    })


@login_required
def power_gaps_export(request):
    _form, rows = _search(request)
    data = [[g.category_label, g.title, g.unit_names, g.detail] for g in rows]
    return xlsx_response(filename=_("权责交叉与空白-%(d)s.xlsx") % {"d": timezone.localdate().isoformat()},
                         title=_("权责交叉与空白"), headers=[_("类别"), _("问题"), _("涉及单位"), _("情况")], rows=data)


@login_required
@require_POST
def gap_to_agenda(request):
    actor = request.user
    meeting = selectors.meeting_get(actor=actor, pk=request.POST.get("meeting") or 0) \
        if (request.POST.get("meeting") or "").isdigit() else None
    gap = selectors.power_gap_get(actor=actor, key=request.POST.get("key", "")) if _may_read(actor) else None
    try:
        if meeting is None:
            raise ValidationError({"meeting": _("请选择正在征集议题的会议")})
        if gap is None:
            raise ValidationError({"gap": _("该问题已不存在或不在您的查看范围内")})
        item = services.agenda_from_gap(meeting=meeting, gap=gap, actor=actor)
    except ValidationError as exc:
        report_error(request, exc)
    else:
        messages.success(request, _("已列入“%(m)s”议题：%(t)s") % {"m": meeting, "t": item.title})
    return redirect("meetings:power_gaps")
