"""Results of a task: recorded per selected object by its team, findings that reveal violations handed to the
cases module as clues, the end of the campaign (which starts the publication deadline) and publication."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.cases.models import ClueSource
from lianjian.cases.services import clue_register
from lianjian.core import permissions
from lianjian.deadlines.models import DeadlineState
from lianjian.deadlines.selectors import deadlines_for_object
from lianjian.deadlines.services import deadline_meet, deadline_open
from lianjian.org.models import RoleCode
from lianjian.trading.models import Entity

from .. import recusal
from ..models import (
    Draw,
    DrawStatus,
    InspectionObject,
    InspectionResult,
    Outcome,
    TaskStatus,
)
from .plans import TASK_WORKFLOW
from .pools import raise_if

PUBLISH_RULE = "random_inspection_publish"


def live_draw(task):
    return Draw.objects.filter(task=task, status=DrawStatus.DRAWN).first()


def result_record(*, task, obj, outcome, findings, inspected_on, actor, evidence=None):
    """Record the team's result for one selected object. A violation becomes a clue of the cases module."""
    result = InspectionResult(task=task, obj=obj, outcome=outcome, findings=(findings or "").strip(),
                              inspected_on=inspected_on, recorded_by=actor)
    permissions.require(actor, "record", result)
    draw = live_draw(task)
    errors = {}
    if task.status != TaskStatus.DRAWN or draw is None:
        raise ValidationError(_("任务“%(task)s”当前状态为“%(s)s”，不能登记检查结果") % {
            "task": task, "s": task.get_status_display()})
    if not draw.drawn_objects.filter(obj=obj, selected=True).exists():
        errors["obj"] = _("“%(obj)s”不是本任务抽中的检查对象") % {"obj": obj}
    elif not (actor.has_role(RoleCode.UNIT_HEAD) or draw.assignments.filter(obj=obj, inspector__person=actor)
              .exists()):
        errors["obj"] = _("您不在“%(obj)s”的检查组中，不能登记其检查结果") % {"obj": obj}
    if outcome not in Outcome.values:
        errors["outcome"] = _("检查结果“%(v)s”无效") % {"v": outcome}
    if not result.findings:
        errors["findings"] = _("请填写检查情况")
    if inspected_on is None:
        errors["inspected_on"] = _("请填写检查日期")
    elif inspected_on > timezone.localdate():
        errors["inspected_on"] = _("检查日期不能晚于今天")
    elif inspected_on < task.scheduled_start:
        errors["inspected_on"] = _("检查日期不能早于任务开始日期 %(d)s") % {"d": task.scheduled_start}
    if InspectionResult.objects.filter(task=task, obj=obj).exists():
        errors["obj"] = _("“%(obj)s”的检查结果已登记") % {"obj": obj}
    raise_if(errors)
    if evidence is not None:
        result.evidence = evidence
    try:
        with transaction.atomic():
            result.save()
            InspectionObject.objects.filter(pk=obj.pk).update(last_inspected_on=inspected_on)
            if outcome == Outcome.VIOLATION:
                result.clue_id = _clue_for(result, actor).pk
                result.save(update_fields=["clue_id"])
            audit_record(actor=actor, action="inspections.result.record", obj=result, after=snapshot(result))
    except IntegrityError:
        raise ValidationError({"obj": _("“%(obj)s”的检查结果刚刚已由他人登记") % {"obj": obj}}) from None
    return result


def _clue_for(result, actor):
    obj = result.obj
    parties, _names = recusal.object_parties([obj])
    entities = list(Entity.objects.filter(pk__in=parties.get(obj.pk, set())).order_by("pk"))
    return clue_register(
        source=ClueSource.INSPECTION, source_object=result,
        title=_("双随机抽查发现违法违规线索：%(obj)s") % {"obj": obj}, description=result.findings,
        unit=actor.unit, actor=actor, region=obj.region, lot=obj.lot, entities=entities)


def task_finish(*, task, actor, finished_on=None):
    """End the campaign once every selected object has a result; the publication deadline starts
    (rules.md §1: 10 working days in Yunnan, 20 in Haikou — the ``random_inspection_publish`` rule row)."""
    finished_on = finished_on or timezone.localdate()
    draw = live_draw(task)
    if draw is None:
        raise ValidationError(_("任务“%(task)s”尚未抽取") % {"task": task})
    missing = draw.drawn_objects.filter(selected=True).exclude(obj__results__task=task)
    if missing.exists():
        names = "、".join(str(o.obj) for o in missing.select_related("obj")[:10])
        raise ValidationError(_("还有 %(n)d 个检查对象未登记结果：%(names)s") % {"n": missing.count(), "names": names})
    if finished_on > timezone.localdate():
        raise ValidationError({"finished_on": _("检查结束日期不能晚于今天")})
    with transaction.atomic():
        task = TASK_WORKFLOW.fire(task, "finish", actor=actor, updates={"finished_on": finished_on})
        deadline_open(subject=task, rule=PUBLISH_RULE, start=finished_on, responsible_unit=task.plan.unit,
                      title=_("公示抽查结果：%(task)s") % {"task": task}, actor=actor)
    return task


def task_publish(*, task, actor):
    """Publish the results on the public page and meet the publication deadline (on time or late)."""
    now = timezone.now()
    with transaction.atomic():
        task = TASK_WORKFLOW.fire(task, "publish", actor=actor, updates={"published_at": now})
        for deadline in deadlines_for_object(task).filter(state__in=[DeadlineState.OPEN, DeadlineState.PAUSED]):
            deadline_meet(deadline=deadline, actor=actor, at=now)
        audit_record(actor=actor, action="inspections.task.results_published", obj=task,
                     after={"published_at": now, "results": task.results.count()})
    return task
