"""Pages of the warning loop: the alert list and its export, an alert with its evidence and actions, the watch
list, and the market overview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response
from lianjian.core.workflow import StaleTransition

from . import selectors, services
from .evidence import evidence_view
from .forms import (
    AlertFilterForm, ConfirmForm, DispatchForm, EndForm, ReasonForm, SuperviseForm, WatchEntryForm,
)
from .models import Alert, Severity, WatchEntry

PAGE_SIZE = 30


def _page(request, queryset, param="page"):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get(param))


def _apply_errors(form, exc):
    """Put a service's ValidationError on the form fields it names, the rest above the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error.messages)
    else:
        form.add_error(None, exc.messages)


def _filtered(request):
    form = AlertFilterForm(request.GET or None, actor=request.user)
    return form, selectors.alerts_for(actor=request.user, **form.filters())


@login_required
def alert_list(request):
    if not permissions.can(request.user, "view", model=Alert):
        raise PermissionDenied(_("无权查看风险预警"))
    form, alerts = _filtered(request)
    return render(request, "monitoring/alert_list.html", {
        "form": form, "page": _page(request, alerts), "counts": selectors.severity_counts(alerts),
        "severities": Severity,
    })


def _deadline_label(alert):
    return {"overdue": _("已逾期"), "due_soon": _("即将到期"), "on_time": _("正常"),
            "paused": _("暂停计时")}.get(alert.deadline_status or "", "")


@login_required
def alert_export(request):
    if not permissions.can(request.user, "export", model=Alert):
        raise PermissionDenied(_("无权导出风险预警"))
    _form, alerts = _filtered(request)
    headers = [_("预警等级"), _("指标代码"), _("指标名称"), _("标段（包）编号"), _("标段（包）名称"), _("行政区划"),
               _("承办单位"), _("状态"), _("风险分值"), _("研判期限"), _("期限状态"), _("涉及主体"), _("首次发现"),
               _("最近发现"), _("发现次数"), _("排除理由")]
    rows = (
        [a.get_severity_display(), a.indicator, a.indicator_name, a.lot_code, a.lot.name if a.lot else "",
         a.region.name if a.region else "", str(a.unit) if a.unit else "", a.get_state_display(), round(a.score, 4),
         a.deadline_due, _deadline_label(a), "、".join(a.entities),
         timezone.localtime(a.first_seen_at).strftime("%Y-%m-%d %H:%M"),
         timezone.localtime(a.last_seen_at).strftime("%Y-%m-%d %H:%M"), a.runs_seen, a.dismiss_reason]
        for a in alerts.iterator()
    )
    return xlsx_response(filename=_("风险预警.xlsx"), title=_("风险预警"), headers=headers, rows=rows)


def _forms_for(alert, actor, bound=None):
    """The action forms the actor may use on this alert, keyed by action; ``bound`` replaces one with errors."""
    names = {t.name for t in services.ALERT_FLOW.available(alert, actor)}
    forms = {}
    if "confirm" in names:
        forms["confirm"] = ConfirmForm(prefix="confirm")
    if "dismiss" in names:
        forms["dismiss"] = ReasonForm(prefix="dismiss")
    if "return" in names:
        forms["return"] = ReasonForm(prefix="return")
    if "dispatch" in names:
        forms["dispatch"] = DispatchForm(prefix="dispatch", actor=actor)
    if alert.deadline_status == "overdue" and alert.state == "pending" and permissions.can(actor, "supervise", alert):
        forms["supervise"] = SuperviseForm(prefix="supervise")
    if bound is not None:
        forms[bound[0]] = bound[1]
    return forms


def _detail(request, alert, bound=None, status=200):
    facts, tables = evidence_view(alert.evidence)
    return render(request, "monitoring/alert_detail.html", {
        "alert": alert, "facts": facts, "tables": tables, "forms": _forms_for(alert, request.user, bound),
        "supervisions": selectors.supervisions_of(actor=request.user, alert=alert),
        "watch_form": WatchEntryForm() if permissions.can(request.user, "change", model=WatchEntry) else None,
    }, status=status)


def _alert_or_404(request, pk):
    alert = selectors.alert_get(actor=request.user, pk=pk)
    if alert is None:
        raise Http404(_("预警不存在或无权查看"))
    return alert


@login_required
def alert_detail(request, pk):
    return _detail(request, _alert_or_404(request, pk))


ACTIONS = {
    "confirm": (ConfirmForm, lambda alert, actor, data: services.alert_confirm(alert=alert, actor=actor, **data),
                _("已确认预警并转为问题线索")),
    "dismiss": (ReasonForm, lambda alert, actor, data: services.alert_dismiss(alert=alert, actor=actor, **data),
                _("已排除该预警")),
    "return": (ReasonForm, lambda alert, actor, data: services.alert_return(alert=alert, actor=actor, **data),
               _("已退回牵头单位重新分办")),
    "supervise": (SuperviseForm, lambda alert, actor, data: services.alert_supervise(alert=alert, actor=actor,
                                                                                      **data),
                  _("已督办，承办单位已收到通知")),
    "dispatch": (DispatchForm, lambda alert, actor, data: services.alert_dispatch(alert=alert, actor=actor, **data),
                 _("已分办")),
}


@login_required
@require_POST
def alert_act(request, pk, action):
    if action not in ACTIONS:
        raise Http404(action)
    alert = _alert_or_404(request, pk)
    form_class, run, done = ACTIONS[action]
    extra = {"actor": request.user} if form_class is DispatchForm else {}
    form = form_class(request.POST, prefix=action, **extra)
    if form.is_valid():
        try:
            run(alert, request.user, form.cleaned_data)
        except StaleTransition as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(alert)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect(alert)
    return _detail(request, alert, bound=(action, form), status=400)


@login_required
def watchlist(request):
    actor = request.user
    if not permissions.can(actor, "view", model=WatchEntry):
        raise PermissionDenied(_("无权查看重点关注名单"))
    can_change = permissions.can(actor, "change", model=WatchEntry)
    form = WatchEntryForm(request.POST or None) if can_change else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("只有牵头单位可以维护重点关注名单"))
        if form.is_valid():
            data = form.cleaned_data
            source = request.POST.get("alert", "")
            alert = selectors.alert_get(actor=actor, pk=int(source)) if source.isdigit() else None
            try:
                entry = services.watch_entry_add(
                    kind=data["kind"], entity=data["entity"], person_name=data["person_name"],
                    person_cert=data["person_cert"], reason=data["reason"], actor=actor, alert=alert)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("已将“%(party)s”列入重点关注名单") % {"party": entry})
                return redirect("monitoring:watchlist")
    q = request.GET.get("q", "")
    return render(request, "monitoring/watchlist.html", {
        "form": form, "q": q, "end_form": EndForm() if can_change else None,
        "page": _page(request, selectors.watch_entries(actor=actor, query=q)),
        "tracked": _page(request, selectors.tracked_lots(actor=actor, query=q), param="tracked_page"),
    }, status=400 if form is not None and form.errors else 200)


@login_required
def watchlist_export(request):
    actor = request.user
    if not permissions.can(actor, "export", model=WatchEntry):
        raise PermissionDenied(_("无权导出重点关注名单"))
    entries = selectors.watch_entries(actor=actor, query=request.GET.get("q", ""))
    headers = [_("类别"), _("关注对象"), _("统一社会信用代码/证书编号"), _("关注范围"), _("列入单位"), _("列入理由"),
               _("列入时间"), _("跟踪标段数")]
    rows = (
        [e.get_kind_display(), str(e), e.entity.credit_code if e.entity_id else e.person_cert, e.region.name,
         str(e.unit), e.reason, timezone.localtime(e.added_at).strftime("%Y-%m-%d"), e.lots]
        for e in entries
    )
    return xlsx_response(filename=_("重点关注名单.xlsx"), title=_("重点关注名单"), headers=headers, rows=rows)


@login_required
@require_POST
def watch_entry_end(request, pk):
    entry = get_object_or_404(selectors.watch_entries(actor=request.user), pk=pk)
    form = EndForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写移出重点关注名单的理由"))
        return redirect("monitoring:watchlist")
    try:
        services.watch_entry_end(entry=entry, reason=form.cleaned_data["end_reason"], actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("已将“%(party)s”移出重点关注名单") % {"party": entry})
    return redirect("monitoring:watchlist")


@login_required
def market(request):
    if not permissions.can(request.user, "view", model=Alert):
        raise PermissionDenied(_("无权查看市场分析"))
    regions = selectors.alerts_by_region(actor=request.user)
    top = selectors.top_problem_lots(actor=request.user)
    chart = {
        "regions": [r["region__name"] for r in regions],
        "series": [{"name": str(Severity(s).label), "key": s, "data": [r[s] for r in regions]}
                   for s in Severity.values],
        "lots": [t["lot__code"] for t in top][::-1],
        "weights": [round(t["weight"], 2) for t in top][::-1],
    }
    return render(request, "monitoring/market.html", {"regions": regions, "top": top, "chart": chart})
