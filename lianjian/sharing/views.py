from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response

from . import selectors, services
from .forms import (
    AcknowledgeForm,
    DecideForm,
    DeliverForm,
    EventExchangeForm,
    ExchangeFilterForm,
    RequestFilterForm,
    RequestForm,
    SubmitForm,
)
from .models import Exchange, ExchangeReceipt, InfoRequest, Trigger
from .workflows import EXCHANGE_FLOW, REQUEST_FLOW

PAGE_SIZE = 50


def _apply_errors(form, exc):
    for field, errors in getattr(exc, "message_dict", {None: exc.messages}).items():
        form.add_error(field if field in form.fields else None, errors)


def _event_schedules(request):
    return selectors.schedules(actor=request.user).filter(trigger=Trigger.EVENT)


@login_required
def exchange_list(request):
    form = ExchangeFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    exchanges = selectors.exchanges_for(actor=request.user, **filters)
    if request.GET.get("export") == "xlsx":
        rows = ([e.title, e.schedule.name, str(e.sender_unit), e.period_start, e.period_end, e.get_state_display(),
                 timezone.localtime(e.submitted_at).strftime("%Y-%m-%d %H:%M") if e.submitted_at else "",
                 f"{e.received_count}/{e.receipt_count}"] for e in exchanges)
        return xlsx_response(filename=_("信息报送-%(d)s.xlsx") % {"d": timezone.localdate().isoformat()},
                             title=_("信息报送"), rows=rows, headers=[
                                 _("事项"), _("报送计划"), _("报送单位"), _("所属期起"), _("所属期止"), _("状态"),
                                 _("报送时间"), _("签收情况")])
    page = Paginator(exchanges, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "sharing/exchange_list.html", {
        "form": form, "page": page, "schedules": selectors.schedules(actor=request.user),
        "query": request.GET.urlencode(),
        "can_open_event": permissions.can(request.user, "open_event", model=Exchange),
    })


@login_required
def exchange_new(request):
    if not permissions.can(request.user, "open_event", model=Exchange):
        raise PermissionDenied(_("您无权登记信息报送事项"))
    form = EventExchangeForm(request.POST or None, schedules=_event_schedules(request))
    if request.method == "POST" and form.is_valid():
        try:
            exchange = services.exchange_open_event(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("已登记报送事项，报送期限已开始计算"))
            return redirect(exchange)
    return render(request, "sharing/exchange_new.html", {"form": form})


def _visible_exchange(request, pk):
    exchange = selectors.exchange_get(actor=request.user, pk=pk)
    if exchange is None:
        raise Http404
    return exchange


@login_required
def exchange_detail(request, pk):
    exchange = _visible_exchange(request, pk)
    can_submit = bool(EXCHANGE_FLOW.available(exchange, request.user))
    form = SubmitForm(request.POST or None, request.FILES or None, initial={"state_version": exchange.state_version})
    if request.method == "POST":
        if not can_submit:
            permissions.require(request.user, "submit", exchange)
        if form.is_valid():
            exchange.state_version = form.cleaned_data["state_version"]
            try:
                services.exchange_submit(exchange=exchange, actor=request.user, file=form.cleaned_data["file"],
                                         note=form.cleaned_data["note"], generate=form.cleaned_data["generate"])
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("已报送，接收单位已收到通知"))
                return redirect(exchange)
    receipts = selectors.exchange_receipts(actor=request.user, exchange=exchange)
    own = next((r for r in receipts if r.unit_id == request.user.unit_id and r.received_at is None), None)
    return render(request, "sharing/exchange_detail.html", {
        "exchange": exchange, "form": form, "can_submit": can_submit, "receipts": receipts,
        "can_generate": bool(exchange.schedule.generator),
        "receivable": own if own is not None and permissions.can(request.user, "receive", own) else None,
    })


@login_required
@require_POST
def exchange_receive(request, pk):
    receipt = get_object_or_404(ExchangeReceipt.objects.select_related("exchange", "unit"), pk=pk)
    permissions.require(request.user, "receive", receipt)
    try:
        services.exchange_receive(receipt=receipt, actor=request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已签收"))
    return redirect(receipt.exchange)


@login_required
def exchange_download(request, pk):
    exchange = _visible_exchange(request, pk)
    if exchange.data:
        return xlsx_response(filename=f"{exchange.data['title']}.xlsx", title=exchange.data["title"],
                             headers=exchange.data["headers"], rows=exchange.data["rows"])
    if exchange.file:
        return FileResponse(exchange.file.open("rb"), as_attachment=True, filename=exchange.file.name.split("/")[-1])
    raise Http404


@login_required
def request_list(request):
    form = RequestFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    requests = selectors.requests_for(actor=request.user, **filters)
    if request.GET.get("export") == "xlsx":
        rows = ([r.subject, str(r.requesting_unit), str(r.holder_unit), str(r.requested_by), r.get_state_display(),
                 timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M")] for r in requests)
        return xlsx_response(filename=_("信息调用申请.xlsx"), title=_("信息调用申请"), rows=rows, headers=[
            _("所需信息"), _("申请单位"), _("信息持有单位"), _("申请人"), _("状态"), _("申请时间")])
    page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "sharing/request_list.html", {
        "form": form, "page": page, "can_request": permissions.can(request.user, "request", model=InfoRequest)})


@login_required
def request_new(request):
    if not permissions.can(request.user, "request", model=InfoRequest):
        raise PermissionDenied(_("您无权申请调用非公开信息"))
    form = RequestForm(request.POST or None, units=selectors.holder_units(actor=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            info_request = services.info_request_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("申请已提交，待信息持有单位负责人审批"))
            return redirect(info_request)
    return render(request, "sharing/request_new.html", {"form": form})


def _visible_request(request, pk):
    info_request = selectors.request_get(actor=request.user, pk=pk)
    if info_request is None:
        raise Http404
    return info_request


@login_required
def request_detail(request, pk):
    info_request = _visible_request(request, pk)
    available = {t.name for t in REQUEST_FLOW.available(info_request, request.user)}
    initial = {"state_version": info_request.state_version}
    return render(request, "sharing/request_detail.html", {
        "r": info_request, "available": available,
        "decide_form": DecideForm(initial=initial), "deliver_form": DeliverForm(initial=initial),
        "acknowledge_form": AcknowledgeForm(initial=initial),
        "show_delivery": selectors.delivery_visible(actor=request.user, request=info_request),
    })


_FORMS = {"approve": DecideForm, "refuse": DecideForm, "deliver": DeliverForm, "acknowledge": AcknowledgeForm}
_DONE = {"approve": gettext_lazy("已同意提供"), "refuse": gettext_lazy("已决定不予提供"), "deliver": gettext_lazy("已提供信息"),
         "acknowledge": gettext_lazy("已确认保密要求")}


def _run(action, info_request, actor, data):
    if action in ("approve", "refuse"):
        return services.info_request_decide(request=info_request, approve=action == "approve", actor=actor,
                                            terms=data["terms"], note=data["note"])
    if action == "deliver":
        return services.info_request_deliver(request=info_request, actor=actor, note=data["note"], file=data["file"])
    return services.info_request_acknowledge(request=info_request, accept_terms=data["accept_terms"], actor=actor)


@login_required
@require_POST
def request_act(request, pk, action):
    if action not in _FORMS:
        raise Http404
    info_request = _visible_request(request, pk)
    transition = REQUEST_FLOW.transition(action)
    permissions.require(request.user, transition.permission, info_request)
    form = _FORMS[action](request.POST, request.FILES)
    if form.is_valid():
        # Act on the version the officer saw: if someone acted since, the workflow refuses (StaleTransition).
        info_request.state_version = form.cleaned_data["state_version"]
        try:
            _run(action, info_request, request.user, form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, _DONE[action])
    else:
        messages.error(request, _("提交的内容无效，请刷新后重试"))
    return redirect(info_request)


@login_required
def request_file(request, pk):
    info_request = _visible_request(request, pk)
    if not info_request.delivery_file or not selectors.delivery_visible(actor=request.user, request=info_request):
        raise Http404
    return FileResponse(info_request.delivery_file.open("rb"), as_attachment=True,
                        filename=info_request.delivery_file.name.split("/")[-1])
