from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response
from lianjian.core.workflow import InvalidTransition, StaleTransition
from lianjian.deadlines.selectors import deadline_rules

from . import selectors, services
from .forms import LiaisonChangeForm, PowerItemForm, PowerListImportForm, PublicSearchForm, UnitSearchForm
from .models import LiaisonAssignment, PowerItem, PowerList, PowerListStatus
from .reference_data import POWER_LIST_COLUMNS

PAGE_SIZE = 50


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _apply_errors(form, exc):
    """Put a service's ValidationError on the form fields it names, the rest above the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error.messages)
    else:
        form.add_error(None, exc.messages)


def _messages_of(exc):
    if hasattr(exc, "error_dict"):
        return [m for errors in exc.error_dict.values() for e in errors for m in e.messages]
    return exc.messages


@login_required
def unit_list(request):
    form = UnitSearchForm(request.GET or None)
    q = unit_type = ""
    if form.is_valid():
        q, unit_type = form.cleaned_data["q"].strip(), form.cleaned_data["type"]
    units = selectors.units(actor=request.user, q=q, unit_type=unit_type)
    return render(request, "org/unit_list.html", {"form": form, "page": _page(request, units)})


@login_required
def unit_detail(request, pk):
    unit = get_object_or_404(selectors.units(actor=request.user, include_inactive=True), pk=pk)
    actor = request.user
    return render(request, "org/unit_detail.html", {
        "unit": unit,
        "people": selectors.people(actor=actor, unit=unit),
        "liaisons": selectors.liaisons(actor=actor, unit=unit),
        "liaison_history": selectors.liaisons(actor=actor, unit=unit, current=False).exclude(ended_on=None),
        "power_lists": selectors.power_lists(actor=actor, unit=unit),
        "can_change_liaison": permissions.can(actor, "change", LiaisonAssignment(unit=unit)),
    })


@login_required
def people_list(request):
    q = request.GET.get("q", "").strip()
    people = selectors.people(actor=request.user, q=q)
    return render(request, "org/people_list.html", {"q": q, "page": _page(request, people)})


@login_required
def liaison_list(request):
    late = request.GET.get("late") == "1"
    history = request.GET.get("history") == "1"
    rows = selectors.liaisons(actor=request.user, current=not history, late=True if late else None)
    return render(request, "org/liaison_list.html", {"late": late, "history": history,
                                                      "page": _page(request, rows)})


@login_required
def liaison_change(request, unit_pk):
    unit = get_object_or_404(selectors.units(actor=request.user), pk=unit_pk)
    permissions.require(request.user, "change", LiaisonAssignment(unit=unit))
    form = LiaisonChangeForm(request.POST or None, people=selectors.people(actor=request.user, unit=unit))
    if request.method == "POST" and form.is_valid():
        try:
            assignment = services.liaison_change(unit=unit, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            if assignment.reported_on_time:
                messages.success(request, _("已报备：%(a)s，报备期限 %(due)s，按期报备。") % {
                    "a": assignment, "due": assignment.report_due_on})
            else:
                messages.warning(request, _("已报备：%(a)s。报备期限为 %(due)s，本次报备已逾期，牵头办公室将看到逾期标记。") % {
                    "a": assignment, "due": assignment.report_due_on})
            return redirect("org:unit_detail", pk=unit.pk)
    return render(request, "org/liaison_form.html", {
        "unit": unit, "form": form, "current": selectors.liaisons(actor=request.user, unit=unit),
        "rule": deadline_rules().filter(code=services.LIAISON_REPORT_RULE).first()})


@login_required
def contact_book(request):
    q = request.GET.get("q", "").strip()
    rows = selectors.contact_book(actor=request.user, q=q)
    return render(request, "org/contact_book.html", {"q": q, "page": _page(request, rows)})


@login_required
def contact_book_export(request):
    q = request.GET.get("q", "").strip()
    rows = [
        [r.unit.name, r.unit.region.name, r.kind_label, str(r.person) if r.person else _("（未指定）"), r.title,
         r.phone, r.mobile, r.email]
        for r in selectors.contact_book(actor=request.user, q=q)
    ]
    filename = _("联络机制通讯录-%(date)s.xlsx") % {"date": timezone.localdate().isoformat()}
    headers = [_("单位"), _("所属行政区划"), _("类别"), _("姓名"), _("职务"), _("办公电话"), _("手机"), _("电子邮箱")]
    return xlsx_response(filename=filename, title=_("通讯录"), headers=headers, rows=rows)


@login_required
def power_lists(request):
    actor = request.user
    unit = actor.unit
    if request.GET.get("unit"):
        unit = get_object_or_404(selectors.units(actor=actor), pk=request.GET["unit"])
    versions = selectors.power_lists(actor=actor, unit=unit) if unit else PowerList.objects.none()
    has_draft = any(v.status == PowerListStatus.DRAFT for v in versions)
    can_draft = unit is not None and not has_draft and permissions.can(actor, "change", PowerList(unit=unit))
    return render(request, "org/power_lists.html", {"unit": unit, "versions": versions, "can_draft": can_draft})


@login_required
@require_POST
def power_list_create_draft(request):
    if request.user.unit is None:
        messages.error(request, _("您的账号未关联单位，不能创建权责清单"))
        return redirect("org:power_lists")
    try:
        draft = services.power_list_create_draft(unit=request.user.unit, actor=request.user,
                                                 note=request.POST.get("note", ""))
    except ValidationError as exc:
        for message in _messages_of(exc):
            messages.error(request, message)
        return redirect("org:power_lists")
    messages.success(request, _("已创建草稿 %(list)s，可增删事项后公布。") % {"list": draft})
    return redirect("org:power_list_detail", pk=draft.pk)


def _power_list_for(request, pk):
    return get_object_or_404(selectors.power_lists(actor=request.user), pk=pk)


def _detail_context(request, power_list, **extra):
    actor = request.user
    editable = power_list.status == PowerListStatus.DRAFT and permissions.can(actor, "change", power_list)
    return {
        "power_list": power_list,
        "items": selectors.power_list_items(actor=actor, power_list=power_list),
        "editable": editable,
        "can_publish": editable and permissions.can(actor, "publish", power_list),
        "item_form": PowerItemForm(),
        "import_form": PowerListImportForm(),
        "columns": POWER_LIST_COLUMNS,
        **extra,
    }


@login_required
def power_list_detail(request, pk):
    power_list = _power_list_for(request, pk)
    return render(request, "org/power_list_detail.html", _detail_context(request, power_list))


@login_required
def power_list_export(request, pk):
    power_list = _power_list_for(request, pk)
    permissions.require(request.user, "export", power_list)
    return xlsx_response(
        filename=_("权责清单-%(unit)s-v%(version)s.xlsx") % {"unit": power_list.unit.name,
                                                           "version": power_list.version},
        title=_("权责清单"), headers=POWER_LIST_COLUMNS,
        rows=selectors.power_list_rows(actor=request.user, power_list=power_list),
    )


@login_required
def power_item_add(request, pk):
    power_list = _power_list_for(request, pk)
    form = PowerItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.power_item_add(power_list=power_list, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("已添加事项 %(item)s") % {"item": item})
            return redirect("org:power_list_detail", pk=power_list.pk)
    return render(request, "org/power_item_form.html", {"power_list": power_list, "form": form, "item": None})


def _item_for(request, pk):
    item = get_object_or_404(PowerItem.objects.select_related("power_list__unit"), pk=pk)
    if not permissions.can(request.user, "view", item):
        raise permissions.AccessDenied(_("无权查看该事项"))
    return item


@login_required
def power_item_edit(request, pk):
    item = _item_for(request, pk)
    initial = {f: getattr(item, f) for f in services.POWER_ITEM_FIELDS}
    form = PowerItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.power_item_update(power_item=item, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("已修改事项 %(item)s") % {"item": item})
            return redirect("org:power_list_detail", pk=item.power_list_id)
    return render(request, "org/power_item_form.html", {"power_list": item.power_list, "form": form, "item": item})


@login_required
@require_POST
def power_item_remove(request, pk):
    item = _item_for(request, pk)
    try:
        services.power_item_remove(power_item=item, actor=request.user)
    except ValidationError as exc:
        for message in _messages_of(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("已删除事项 %(item)s") % {"item": item})
    return redirect("org:power_list_detail", pk=item.power_list_id)


@login_required
@require_POST
def power_list_import(request, pk):
    power_list = _power_list_for(request, pk)
    form = PowerListImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            count = services.power_list_import_xlsx(power_list=power_list, file=form.cleaned_data["file"],
                                                    actor=request.user, replace=form.cleaned_data["replace"])
        except ValidationError as exc:
            context = _detail_context(request, power_list, import_form=form, import_errors=_messages_of(exc))
            return render(request, "org/power_list_detail.html", context, status=400)
        messages.success(request, _("已导入 %(n)d 个事项，请核对后公布。") % {"n": count})
        return redirect("org:power_list_detail", pk=power_list.pk)
    return render(request, "org/power_list_detail.html", _detail_context(request, power_list, import_form=form),
                  status=400)


@login_required
@require_POST
def power_list_publish(request, pk):
    power_list = _power_list_for(request, pk)
    # The version the officer saw on the page: if someone published in between, the workflow refuses.
    seen = request.POST.get("state_version", "")
    if seen.isdigit():
        power_list.state_version = int(seen)
    try:
        services.power_list_publish(power_list=power_list, actor=request.user)
    except (StaleTransition, InvalidTransition, ValidationError) as exc:
        for message in _messages_of(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("已公布 %(list)s，上一版本已被替代。") % {"list": power_list})
    return redirect("org:power_list_detail", pk=power_list.pk)


def public_power_lists(request):
    """The public page (no login): every unit's published list, searchable."""
    form = PublicSearchForm(request.GET or None)
    q = kind = ""
    if form.is_valid():
        q, kind = form.cleaned_data["q"].strip(), form.cleaned_data["kind"]
    lists = selectors.published_power_lists(q=q, kind=kind)
    return render(request, "org/public_power_lists.html", {"form": form, "page": _page(request, lists), "q": q})
