"""The item list and the two pools: inspection items, enforcement officers (with their declared relations) and
inspection objects. Every function checks permission, validates everything first and writes the audit log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.credit.services import credit_class_of
from lianjian.org.models import PowerKind
from lianjian.org.services import power_item_check

from ..models import (
    InspectionItem,
    InspectionObject,
    Inspector,
    InspectorConflict,
    ItemLevel,
    Method,
    ObjectKind,
    SamplingClass,
)


def raise_if(errors):
    if errors:
        raise ValidationError(errors)


def item_create(*, unit, power_item, name, actor, level=ItemLevel.GENERAL, sector=None, method=Method.ELECTRONIC,
                content=""):
    """Add an item to the 抽查事项清单; it must cite an 行政检查 item of the unit's published power list."""
    item = InspectionItem(unit=unit, name=(name or "").strip(), level=level, sector=sector, method=method,
                          content=(content or "").strip())
    permissions.require(actor, "change", item)
    errors = {}
    if not item.name:
        errors["name"] = _("请填写抽查事项名称")
    if level not in ItemLevel.values:
        errors["level"] = _("事项类别“%(v)s”无效") % {"v": level}
    if method not in Method.values:
        errors["method"] = _("检查方式“%(v)s”无效") % {"v": method}
    try:
        item.power_item = power_item_check(unit=unit, power_item=power_item, kinds=[PowerKind.INSPECTION])
    except ValidationError as exc:
        errors.update(exc.message_dict)
    raise_if(errors)
    with transaction.atomic():
        item.save()
        audit_record(actor=actor, action="inspections.item.create", obj=item, after=snapshot(item))
    return item


def inspector_register(*, person, certificate_no, certificate_valid_until, actor, specialties=()):
    """Put an officer with a valid enforcement certificate into the 执法人员库."""
    inspector = Inspector(person=person, unit=person.unit, certificate_no=(certificate_no or "").strip(),
                          certificate_valid_until=certificate_valid_until)
    errors = {}
    if person.unit is None:
        raise ValidationError({"person": _("人员“%(p)s”未关联单位，不能入库") % {"p": person}})
    permissions.require(actor, "change", inspector)
    if not inspector.certificate_no:
        errors["certificate_no"] = _("请填写执法证号")
    elif Inspector.objects.filter(certificate_no=inspector.certificate_no).exists():
        errors["certificate_no"] = _("执法证号“%(no)s”已登记") % {"no": inspector.certificate_no}
    if certificate_valid_until is None:
        errors["certificate_valid_until"] = _("请填写执法证有效期")
    elif certificate_valid_until < timezone.localdate():
        errors["certificate_valid_until"] = _("执法证已于 %(d)s 过期，不能入库") % {"d": certificate_valid_until}
    if Inspector.objects.filter(person=person).exists():
        errors["person"] = _("“%(p)s”已在执法人员库中") % {"p": person}
    raise_if(errors)
    with transaction.atomic():
        inspector.save()
        inspector.specialties.set(specialties)
        audit_record(actor=actor, action="inspections.inspector.register", obj=inspector, after={
            **snapshot(inspector), "specialties": sorted(s.code for s in inspector.specialties.all())})
    return inspector


def inspectors_expire(*, today=None):
    """Take every officer whose certificate has expired out of the pool (periodic job, system work)."""
    today = today or timezone.localdate()
    with transaction.atomic():
        expired = list(Inspector.objects.select_for_update().filter(is_active=True,
                                                                    certificate_valid_until__lt=today))
        for inspector in expired:
            reason = _("执法证已于 %(d)s 过期") % {"d": inspector.certificate_valid_until}
            matched = Inspector.objects.filter(pk=inspector.pk, is_active=True).update(
                is_active=False, inactive_reason=reason)
            if matched:
                audit_record(actor=None, action="inspections.inspector.expire", obj=inspector,
                             before={"is_active": True}, after={"is_active": False, "inactive_reason": reason})
    return len(expired)


def conflict_declare(*, inspector, entity, relation, actor, declared_on=None, valid_until=None):
    """Record a relation the officer declared with a market entity (applied by every later draw)."""
    conflict = InspectorConflict(inspector=inspector, entity=entity, relation=(relation or "").strip(),
                                 declared_on=declared_on or timezone.localdate(), valid_until=valid_until)
    permissions.require(actor, "change", conflict)
    errors = {}
    if entity is None:
        errors["entity"] = _("请选择关系主体")
    if not conflict.relation:
        errors["relation"] = _("请说明利害关系")
    if valid_until is not None and valid_until < conflict.declared_on:
        errors["valid_until"] = _("有效期至不能早于申报日期")
    raise_if(errors)
    with transaction.atomic():
        conflict.save()
        audit_record(actor=actor, action="inspections.conflict.declare", obj=conflict, after=snapshot(conflict))
    return conflict


def object_register(*, kind, region, risk_class, credit_class, actor, name="", entity=None, lot=None, sector=None,
                    last_inspected_on=None):
    """Add an entity, a lot or a trading behaviour to the 检查对象名录库."""
    if kind == ObjectKind.LOT and lot is not None:
        name = name or f"{lot.code} {lot.name}"
        sector = sector or lot.tender_project.sector
    if kind == ObjectKind.ENTITY and entity is not None:
        name = name or entity.name
    obj = InspectionObject(kind=kind, name=(name or "").strip(), region=region, sector=sector, entity=entity,
                           lot=lot, last_inspected_on=last_inspected_on)
    errors = {}
    if region is None:
        raise ValidationError({"region": _("请选择所在行政区划")})
    permissions.require(actor, "change", obj)
    if kind not in ObjectKind.values:
        errors["kind"] = _("对象类型“%(v)s”无效") % {"v": kind}
    if kind == ObjectKind.ENTITY and entity is None:
        errors["entity"] = _("市场主体类对象须选择市场主体")
    if kind == ObjectKind.LOT and lot is None:
        errors["lot"] = _("交易项目类对象须选择标段（包）")
    if not obj.name:
        errors["name"] = _("请填写对象名称")
    for field, value in (("risk_class", risk_class), ("credit_class", credit_class)):
        if not isinstance(value, SamplingClass):
            errors[field] = _("请选择等级")
    if kind == ObjectKind.ENTITY and entity and InspectionObject.objects.filter(kind=kind, entity=entity).exists():
        errors["entity"] = _("市场主体“%(e)s”已在检查对象名录库中") % {"e": entity}
    if kind == ObjectKind.LOT and lot and InspectionObject.objects.filter(kind=kind, lot=lot).exists():
        errors["lot"] = _("标段“%(l)s”已在检查对象名录库中") % {"l": lot.code}
    raise_if(errors)
    obj.risk_class, obj.credit_class = risk_class, credit_class
    with transaction.atomic():
        obj.save()
        audit_record(actor=actor, action="inspections.object.register", obj=obj, after=snapshot(obj))
    return obj


def object_classify(*, obj, risk_class, credit_class, actor):
    """Change an object's risk level and credit class (until the credit and monitoring modules supply them)."""
    permissions.require(actor, "change", obj)
    with transaction.atomic():
        before = snapshot(obj, fields={"risk_class", "credit_class"})
        obj.risk_class, obj.credit_class = risk_class, credit_class
        obj.save(update_fields=["risk_class", "credit_class"])
        audit_record(actor=actor, action="inspections.object.classify", obj=obj, before=before,
                     after=snapshot(obj, fields={"risk_class", "credit_class"}))
    return obj


def objects_sync_credit(*, actor=None, on=None):
    """Give every market-entity object the credit class the credit module computes for it today, so a penalty that
    lowers an entity's class raises its chance of being drawn (seed 000 §7: sampling ratios by credit class).
    Returns how many objects changed; each change is audited."""
    classes = {c.code: c for c in SamplingClass.objects.all()}
    changed = 0
    with transaction.atomic():
        objects = (InspectionObject.objects.select_for_update().select_related("entity", "credit_class")
                   .filter(kind=ObjectKind.ENTITY, entity__isnull=False, is_active=True))
        for obj in objects:
            target = classes.get(credit_class_of(entity=obj.entity, on=on))
            if target is None or target.pk == obj.credit_class_id:
                continue
            before = obj.credit_class.code
            obj.credit_class = target
            obj.save(update_fields=["credit_class"])
            audit_record(actor=actor, action="inspections.object.credit_sync", obj=obj,
                         before={"credit_class": before}, after={"credit_class": target.code})
            changed += 1
    return changed
