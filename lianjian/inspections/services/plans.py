"""Annual plans, their sampling ratios and their tasks (joint tasks across units)."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.core.workflow import Transition, Workflow

from ..models import (
    InspectionItem,
    InspectionPlan,
    InspectionRule,
    InspectionTask,
    ObjectKind,
    PlanRatio,
    PlanStatus,
    SamplingClass,
    TaskStatus,
)
from ..reference_data import MIN_TEAM_SIZE
from .pools import raise_if

PLAN_WORKFLOW = Workflow(
    name="inspections.plan", states=dict(PlanStatus.choices), state_field="status",
    transitions=[Transition("publish", (PlanStatus.DRAFT,), PlanStatus.PUBLISHED, "publish",
                            gettext_lazy("公布计划"))],
)

TASK_WORKFLOW = Workflow(
    name="inspections.task", states=dict(TaskStatus.choices), state_field="status",
    transitions=[
        Transition("commit", (TaskStatus.PLANNED, TaskStatus.DRAWN), TaskStatus.COMMITTED, "draw",
                   gettext_lazy("公布种子承诺")),
        Transition("draw", (TaskStatus.COMMITTED,), TaskStatus.DRAWN, "draw", gettext_lazy("执行抽取")),
        Transition("finish", (TaskStatus.DRAWN,), TaskStatus.FINISHED, "finish", gettext_lazy("结束检查")),
        Transition("publish", (TaskStatus.FINISHED,), TaskStatus.PUBLISHED, "publish", gettext_lazy("公示结果")),
    ],
)


def rule_value(code):
    rule = InspectionRule.objects.filter(code=code).first()
    if rule is None:
        raise ValidationError(_("尚未配置抽查规则“%(code)s”，请管理员在“抽查规则”中添加") % {"code": code})
    return rule.value


def _percent(value):
    try:
        return Decimal(str(value).strip()).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None


def _ratio_errors(ratios):
    """Validated {SamplingClass: Decimal} and the errors keyed ``ratio_<code>``."""
    classes = {c.code: c for c in SamplingClass.objects.all()}
    clean, errors = {}, {}
    for code, cls in classes.items():
        value = ratios.get(code, cls.default_percent) if ratios else cls.default_percent
        percent = _percent(value)
        if percent is None:
            errors[f"ratio_{code}"] = _("%(cls)s 的抽查比例应为数字，收到“%(v)s”") % {"cls": cls, "v": value}
        elif not cls.min_percent <= percent <= cls.max_percent:
            errors[f"ratio_{code}"] = _("%(cls)s 的抽查比例应在 %(lo)s%%–%(hi)s%% 之间（%(source)s），收到 %(v)s%%") % {
                "cls": cls, "lo": cls.min_percent, "hi": cls.max_percent, "v": percent,
                "source": _("依据抽查分类设置")}
        else:
            clean[cls] = percent
    unknown = set(ratios or {}) - set(classes)
    for code in sorted(unknown):
        errors[f"ratio_{code}"] = _("抽查分类“%(code)s”不存在") % {"code": code}
    if not classes:
        errors["ratios"] = _("尚未配置抽查分类，请管理员先添加")
    return clean, errors


def plan_create(*, year, title, actor, ratios=None):
    """Create the lead office's annual plan for its region; ``ratios`` maps class codes to percentages (defaults
    from the class table)."""
    unit = getattr(actor, "unit", None)
    if unit is None:
        raise ValidationError(_("当前账号未关联单位"))
    plan = InspectionPlan(unit=unit, region=unit.region, year=year, title=(title or "").strip(), created_by=actor)
    permissions.require(actor, "change", plan)
    errors = {}
    if not plan.title:
        errors["title"] = _("请填写计划名称")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        errors["year"] = _("年度应为四位年份，收到“%(v)s”") % {"v": year}
    clean, ratio_errors = _ratio_errors(ratios)
    errors.update(ratio_errors)
    raise_if(errors)
    with transaction.atomic():
        plan.save()
        PlanRatio.objects.bulk_create([PlanRatio(plan=plan, sampling_class=c, percent=p) for c, p in clean.items()])
        audit_record(actor=actor, action="inspections.plan.create", obj=plan, after={
            **snapshot(plan), "ratios": {c.code: str(p) for c, p in clean.items()}})
    return plan


def plan_publish(*, plan, actor):
    if not plan.tasks.exists():
        raise ValidationError(_("计划“%(plan)s”尚无抽查任务，不能公布") % {"plan": plan})
    return PLAN_WORKFLOW.fire(plan, "publish", actor=actor, updates={"published_at": timezone.now()})


def task_create(*, plan, title, items, object_kind, scheduled_start, scheduled_end, actor, team_size=None):
    """Add a task to the plan. Several items (of one or more units) on the same objects make one joint visit."""
    permissions.require(actor, "change", plan)
    minimum = rule_value(MIN_TEAM_SIZE)
    items = list(items or [])
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("请填写任务名称")
    if not items:
        errors["items"] = _("请至少选择一个抽查事项")
    inactive = [i for i in items if not i.is_active]
    if inactive:
        errors["items"] = _("抽查事项“%(names)s”已停用") % {"names": "、".join(i.name for i in inactive)}
    foreign = [i for i in items if not plan.region.contains(i.unit.region) and not i.unit.region.contains(plan.region)]
    if foreign:
        errors["items"] = _("抽查事项“%(names)s”的实施单位不在本计划的行政区划内") % {
            "names": "、".join(i.name for i in foreign)}
    if object_kind not in ObjectKind.values:
        errors["object_kind"] = _("对象类型“%(v)s”无效") % {"v": object_kind}
    if team_size is None:
        team_size = minimum
    if not isinstance(team_size, int) or team_size < minimum:
        errors["team_size"] = _("每个对象的检查人员不得少于 %(n)d 人（行政处罚法第四十二条），收到“%(v)s”") % {
            "n": minimum, "v": team_size}
    if scheduled_start is None or scheduled_end is None:
        errors["scheduled_end"] = _("请填写计划起止日期")
    elif scheduled_end < scheduled_start:
        errors["scheduled_end"] = _("计划结束日期不能早于开始日期")
    elif scheduled_start.year != plan.year:
        errors["scheduled_start"] = _("计划开始日期应在 %(y)d 年内") % {"y": plan.year}
    raise_if(errors)
    with transaction.atomic():
        task = InspectionTask.objects.create(
            plan=plan, title=title.strip(), object_kind=object_kind, team_size=team_size,
            scheduled_start=scheduled_start, scheduled_end=scheduled_end)
        task.items.set(items)
        audit_record(actor=actor, action="inspections.task.create", obj=task, after={
            **snapshot(task), "items": sorted(i.pk for i in items)})
    return task


def task_units(task):
    """The units whose items the task merges, in id order."""
    return sorted({i.unit_id for i in InspectionItem.objects.filter(tasks=task)})
