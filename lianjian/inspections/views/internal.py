"""Pages for officials: plans, tasks, the draw, results, the pools, exports and the printable notice."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianjian.core import permissions
from lianjian.core.exports import xlsx_response

from .. import documents, selectors, services
from ..forms import PlanForm, RedrawForm, ResultForm, SearchForm, TaskForm, WitnessForm
from ..models import Draw, DrawStatus, InspectionObject, InspectionPlan, ObjectKind, TaskStatus
from .common import apply_errors, messages_of, page_of


def _plan(request, pk):
    try:
        return selectors.plan_get(actor=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None


def _task(request, pk):
    try:
        return selectors.task_get(actor=request.user, pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None


def _filtered_plans(request):
    form = SearchForm(request.GET or None)
    filters = {}
    if form.is_valid():
        filters = {"q": form.cleaned_data["q"].strip(), "year": form.cleaned_data["year"],
                   "status": form.cleaned_data["status"]}
    return form, selectors.plans(actor=request.user, **filters)


@login_required
def plan_list(request):
    form, rows = _filtered_plans(request)
    return render(request, "inspections/plan_list.html", {
        "form": form, "page": page_of(request, rows), "plan_form": PlanForm(prefix="plan"),
        "can_create": permissions.can(request.user, "change", model=InspectionPlan)
        and request.user.unit is not None and permissions.can(request.user, "change", InspectionPlan(
            unit=request.user.unit, region=request.user.unit.region)),
    })


@login_required
def plan_export(request):
    _form, rows = _filtered_plans(request)
    return xlsx_response(filename="年度抽查计划.xlsx", title=_("年度抽查计划"), headers=[
        _("年度"), _("计划名称"), _("组织单位"), _("状态"), _("任务数"), _("公布时间")], rows=(
        [p.year, p.title, str(p.unit), p.get_status_display(), p.task_count,
         p.published_at.strftime("%Y-%m-%d %H:%M") if p.published_at else ""] for p in rows))


@login_required
@require_POST
def plan_create(request):
    form = PlanForm(request.POST, prefix="plan")
    if form.is_valid():
        try:
            plan = services.plan_create(year=form.cleaned_data["year"], title=form.cleaned_data["title"],
                                        ratios=form.ratios(), actor=request.user)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已创建年度抽查计划"))
            return redirect(plan)
    search, rows = _filtered_plans(request)
    return render(request, "inspections/plan_list.html", {
        "form": search, "page": page_of(request, rows), "plan_form": form, "can_create": True}, status=400)


def _items_for(request, plan):
    return selectors.items(actor=request.user).filter(unit__region__code__startswith=plan.region.subtree_prefix)


@login_required
def plan_detail(request, pk, task_form=None):
    plan = _plan(request, pk)
    return render(request, "inspections/plan_detail.html", {
        "plan": plan, "tasks": selectors.tasks_of(plan),
        "ratios": plan.ratios.select_related("sampling_class"),
        "can_change": permissions.can(request.user, "change", plan),
        "task_form": task_form or TaskForm(items=_items_for(request, plan)),
    }, status=400 if task_form is not None else 200)


@login_required
@require_POST
def task_create(request, pk):
    plan = _plan(request, pk)
    form = TaskForm(request.POST, items=_items_for(request, plan))
    if form.is_valid():
        try:
            task = services.task_create(plan=plan, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已添加抽查任务"))
            return redirect(task)
    return plan_detail(request, pk, task_form=form)


@login_required
@require_POST
def plan_publish(request, pk):
    plan = _plan(request, pk)
    try:
        services.plan_publish(plan=plan, actor=request.user)
        messages.success(request, _("计划已公布"))
    except ValidationError as exc:
        messages.error(request, "；".join(messages_of(exc)))
    return redirect(plan)


@login_required
def task_detail(request, pk):
    task = _task(request, pk)
    actor = request.user
    live = task.draws.exclude(status=DrawStatus.SUPERSEDED).first()
    drawn = live if live is not None and live.status == DrawStatus.DRAWN else None
    results = {r.obj_id: r for r in selectors.task_results(task)}
    rows = [(row, team, results.get(row.obj_id)) for row, team in selectors.team_rows(drawn)] if drawn else []
    may_record = permissions.can(actor, "record", task) and task.status == TaskStatus.DRAWN
    return render(request, "inspections/task_detail.html", {
        "task": task, "items": task.items.select_related("unit", "power_item"), "live": live, "drawn": drawn,
        "rows": rows, "history": task.draws.order_by("attempt"),
        "can_draw": permissions.can(actor, "draw", task),
        "can_finish": permissions.can(actor, "finish", task) and task.status == TaskStatus.DRAWN,
        "can_publish": permissions.can(actor, "publish", task) and task.status == TaskStatus.FINISHED,
        "can_record": may_record, "witness_form": WitnessForm(), "redraw_form": RedrawForm(),
        "result_form": ResultForm(objects=[row.obj for row, _team, result in rows if result is None])
        if may_record else None,
    })


def _fail_to(request, target, exc):
    messages.error(request, "；".join(messages_of(exc)))
    return redirect(target)


@login_required
@require_POST
def draw_commit(request, pk):
    task = _task(request, pk)
    try:
        services.draw_commit(task=task, actor=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        return _fail_to(request, task, exc)
    messages.success(request, _("已公布种子承诺值，见证人可添加随机值后执行抽取"))
    return redirect(task)


def _draw(request, pk):
    draw = get_object_or_404(Draw.objects.select_related("task__plan"), pk=pk)
    if not permissions.can(request.user, "view", draw):
        raise Http404
    return draw


@login_required
@require_POST
def draw_witness(request, pk):
    draw = _draw(request, pk)
    form = WitnessForm(request.POST)
    try:
        services.draw_witness_add(draw=draw, actor=request.user, witness=form.data.get("witness", ""),
                                  value=form.data.get("value", ""))
    except ValidationError as exc:
        return _fail_to(request, draw.task, exc)
    messages.success(request, _("已记录见证人随机值"))
    return redirect(draw.task)


@login_required
@require_POST
def draw_execute(request, pk):
    draw = _draw(request, pk)
    try:
        services.draw_execute(draw=draw, actor=request.user)
    except ValidationError as exc:
        return _fail_to(request, draw.task, exc)
    messages.success(request, _("抽取完成，抽取记录已公开，可供任何人复核"))
    return redirect(draw.task)


@login_required
@require_POST
def result_add(request, pk):
    task = _task(request, pk)
    rows = selectors.team_rows(services.live_draw(task)) if services.live_draw(task) else []
    form = ResultForm(request.POST, request.FILES, objects=[row.obj for row, _team in rows])
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.result_record(task=task, obj=InspectionObject.objects.get(pk=data["obj"]),
                                   outcome=data["outcome"], findings=data["findings"],
                                   inspected_on=data["inspected_on"], evidence=data["evidence"],
                                   actor=request.user)
        except ValidationError as exc:
            return _fail_to(request, task, exc)
        messages.success(request, _("已登记检查结果"))
    else:
        messages.error(request, "；".join(f"{form.fields[f].label if f in form.fields else ''}：{e}"
                                         for f, errs in form.errors.items() for e in errs))
    return redirect(task)


@login_required
@require_POST
def task_finish(request, pk):
    task = _task(request, pk)
    try:
        services.task_finish(task=task, actor=request.user)
    except ValidationError as exc:
        return _fail_to(request, task, exc)
    messages.success(request, _("检查已结束，请在期限内公示抽查结果"))
    return redirect(task)


@login_required
@require_POST
def task_publish(request, pk):
    task = _task(request, pk)
    try:
        services.task_publish(task=task, actor=request.user)
    except ValidationError as exc:
        return _fail_to(request, task, exc)
    messages.success(request, _("抽查结果已公示"))
    return redirect(task)


@login_required
def task_results_export(request, pk):
    task = _task(request, pk)
    return xlsx_response(filename=f"抽查结果-{task.pk}.xlsx", title=_("抽查结果"), headers=[
        _("检查对象"), _("对象类型"), _("检查日期"), _("检查结果"), _("检查情况"), _("移交线索编号")], rows=(
        [r.obj.name, r.obj.get_kind_display(), r.inspected_on, r.get_outcome_display(), r.findings, r.clue_id]
        for r in selectors.task_results(task)))


@login_required
def task_notice(request, pk, obj_pk):
    task = _task(request, pk)
    draw = services.live_draw(task)
    row = draw.drawn_objects.filter(obj_id=obj_pk, selected=True).select_related("obj").first() if draw else None
    if row is None:
        raise Http404
    team = draw.assignments.filter(obj_id=obj_pk).select_related("inspector__person", "inspector__unit")
    content = documents.inspection_notice(task=task, draw=draw, obj=row.obj, team=team, verify_url=(
        request.build_absolute_uri(reverse("inspections:public_draw", args=[draw.pk]))))
    response = HttpResponse(content, content_type=documents.DOCX_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(f'检查通知书-{row.obj.name}.docx')}"
    return response


@login_required
def my_tasks(request):
    return render(request, "inspections/my_tasks.html", {
        "page": page_of(request, selectors.my_assignments(actor=request.user))})


def _pool_page(request, template, rows, export_headers, export_row, filename):
    if request.GET.get("export") == "xlsx":
        return xlsx_response(filename=filename, title=filename.removesuffix(".xlsx"), headers=export_headers,
                             rows=(export_row(r) for r in rows))
    return render(request, template, {"page": page_of(request, rows), "q": request.GET.get("q", ""),
                                      "kinds": ObjectKind.choices, "kind": request.GET.get("kind", "")})


@login_required
def item_list(request):
    rows = selectors.items(actor=request.user, q=request.GET.get("q", "").strip())
    return _pool_page(request, "inspections/item_list.html", rows, [
        _("抽查事项"), _("实施单位"), _("事项类别"), _("检查方式"), _("权责清单事项编码")],
        lambda i: [i.name, str(i.unit), i.get_level_display(), i.get_method_display(), i.power_item.code],
        "抽查事项清单.xlsx")


@login_required
def inspector_list(request):
    rows = selectors.inspectors(actor=request.user, q=request.GET.get("q", "").strip())
    return _pool_page(request, "inspections/inspector_list.html", rows, [
        _("姓名"), _("单位"), _("执法证号"), _("有效期至"), _("在库")],
        lambda i: [i.person.full_name, str(i.unit), i.certificate_no, i.certificate_valid_until,
                   _("是") if i.is_active else _("否")], "执法人员库.xlsx")


@login_required
def object_list(request):
    rows = selectors.objects(actor=request.user, q=request.GET.get("q", "").strip(), kind=request.GET.get("kind", ""))
    return _pool_page(request, "inspections/object_list.html", rows, [
        _("对象名称"), _("对象类型"), _("行政区划"), _("风险等级"), _("信用等级"), _("最近一次被抽查日期")],
        lambda o: [o.name, o.get_kind_display(), str(o.region), o.risk_class.code, o.credit_class.code,
                   o.last_inspected_on], "检查对象名录库.xlsx")
