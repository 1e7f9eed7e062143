"""State changes of the organisation domain.

Every function checks the actor's permission, runs in one transaction and writes the audit log, so a refused or
invalid request leaves nothing behind. Other domains call :func:`power_item_check` before any official action
that must cite an item of the acting unit's published power-and-responsibility list (seed 002 §(四)).
"""

import re
import zipfile

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.core.workflow import Transition, Workflow
from lianjian.deadlines.models import DeadlineState
from lianjian.deadlines.services import deadline_meet, deadline_open
from lianjian.notifications.services import notification_send

from .models import (
    LiaisonAssignment, LiaisonKind, PowerItem, PowerKind, PowerList, PowerListStatus, Region, RegionLevel, Role,
    RoleCode, Sector, Unit, UnitType, User,
)
from .reference_data import POWER_LIST_COLUMNS, PROVINCE_PREFIXES, ROLE_UNIT_TYPES

# Deadline rule (lianjian.deadlines) for reporting a liaison change to the office: 3 working days by default,
# seed 002 §(十七); the count lives in the rule row, editable per jurisdiction.
LIAISON_REPORT_RULE = "liaison_change_report"

# A spreadsheet larger than any real power list is refused before it is parsed row by row.
POWER_LIST_IMPORT_MAX_ROWS = 2000

REGION_FIELDS = ("code", "name", "level", "parent")
UNIT_FIELDS = ("name", "short_name", "type", "region", "address", "phone", "is_active")
PERSON_FIELDS = ("full_name", "title", "phone", "mobile", "email", "unit")
POWER_ITEM_FIELDS = ("code", "kind", "name", "legal_basis", "sector", "responsibility", "accountability")


def _reject_unknown(fields, allowed):
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")


def _model_errors(obj, exclude=()):
    """Length and choice errors from the model's own field definitions, keyed by field."""
    try:
        obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        return exc.message_dict
    return {}


def _raise_if(errors):
    if errors:
        raise ValidationError(errors)


# ---------------------------------------------------------------------------------------------------------------
# Regions (GB/T 2260)


def region_level_of(code):
    """The level a six-digit GB/T 2260 code denotes: XX0000 a province, XXYY00 a city, any other a county."""
    if code.endswith("0000"):
        return RegionLevel.PROVINCE
    if code.endswith("00"):
        return RegionLevel.CITY
    return RegionLevel.COUNTY


def _expected_parent(code, level):
    """The parent code a division must have, described for an error message."""
    province_code = code[:2] + "0000"
    if level == RegionLevel.CITY:
        return province_code, province_code
    city_code = code[:4] + "00"
    if Region.objects.filter(code=city_code).exists():
        return city_code, city_code
    # Districts of a municipality and county-level cities administered directly by a province (e.g. 429004) sit
    # under the province when the division table has no city-level entry for their prefix.
    return province_code, _("%(city)s（若已登记该市级区划）或 %(province)s") % {"city": city_code,
                                                                        "province": province_code}


def _region_errors(*, code, name, level, parent, instance=None):
    errors = {}
    if not (name or "").strip():
        errors["name"] = _("名称不能为空")
    if not re.fullmatch(r"\d{6}", code or ""):
        errors["code"] = _("行政区划代码须为6位数字（GB/T 2260），收到“%(code)s”") % {"code": code or ""}
        return errors
    if code[:2] not in PROVINCE_PREFIXES:
        errors["code"] = _("行政区划代码“%(code)s”的前两位“%(prefix)s”不是 GB/T 2260 中的省级代码") % {
            "code": code, "prefix": code[:2]}
        return errors
    expected = region_level_of(code)
    if level and level != expected:
        errors["level"] = _(
            "代码“%(code)s”表示%(expected)s级行政区划（省级为XX0000，市级为XXYY00，县级为其余代码），"
            "与所填层级“%(level)s”不符"
        ) % {"code": code, "expected": RegionLevel(expected).label, "level": _level_label(level)}
    if expected == RegionLevel.PROVINCE:
        if parent is not None:
            errors["parent"] = _("省级行政区划“%(code)s”不能有上级") % {"code": code}
    else:
        wanted_code, wanted = _expected_parent(code, expected)
        if parent is None:
            errors["parent"] = _("行政区划“%(code)s”须有上级，上级代码应为 %(wanted)s") % {
                "code": code, "wanted": wanted}
        elif parent.code != wanted_code:
            errors["parent"] = _("上级“%(parent)s（%(parent_code)s）”与代码“%(code)s”不符，上级代码应为 %(wanted)s") % {
                "parent": parent.name, "parent_code": parent.code, "code": code, "wanted": wanted}
    clash = Region.objects.filter(code=code).exclude(pk=instance.pk if instance else None).first()
    if clash is not None:
        errors["code"] = _("行政区划代码“%(code)s”已被“%(name)s”使用") % {"code": code, "name": clash.name}
    return errors


def _level_label(level):
    try:
        return RegionLevel(level).label
    except ValueError:
        return level


def region_create(*, code, name, actor, level=None, parent=None):
    """Add a division; ``level`` may be left out, it follows from the code. The parent must be the division
    whose code prefix the new code extends."""
    code = (code or "").strip()
    region = Region(code=code, name=(name or "").strip(), level=level or "", parent=parent)
    permissions.require(actor, "change", region)
    errors = _region_errors(code=code, name=name, level=level, parent=parent)
    _raise_if(errors)
    region.level = region_level_of(code)
    with transaction.atomic():
        region.save()
        audit_record(actor=actor, action="org.region.create", obj=region, after=snapshot(region))
    return region


def region_update(*, region, actor, **fields):
    """Change a division's code, name, level or parent. A code with divisions below it is fixed: their codes
    extend it."""
    _reject_unknown(fields, REGION_FIELDS)
    permissions.require(actor, "change", region)
    before = snapshot(region)
    code = (fields.get("code", region.code) or "").strip()
    name = (fields.get("name", region.name) or "").strip()
    parent = fields.get("parent", region.parent)
    level = fields.get("level")
    errors = _region_errors(code=code, name=name, level=level, parent=parent, instance=region)
    if code != region.code and region.children.exists():
        errors["code"] = _("“%(name)s”下已有下级行政区划，其代码以“%(code)s”为前缀，不能修改代码") % {
            "name": region.name, "code": region.code}
    _raise_if(errors)
    region.code, region.name, region.parent, region.level = code, name, parent, region_level_of(code)
    permissions.require(actor, "change", region)
    with transaction.atomic():
        region.save()
        audit_record(actor=actor, action="org.region.update", obj=region, before=before, after=snapshot(region))
    return region


# ---------------------------------------------------------------------------------------------------------------
# Units


def _unit_errors(unit):
    errors = _model_errors(unit, exclude=["region"])
    if not unit.name:
        errors["name"] = [_("单位名称不能为空")]
    elif Unit.objects.filter(name=unit.name).exclude(pk=unit.pk).exists():
        errors["name"] = [_("单位名称“%(name)s”已存在") % {"name": unit.name}]
    if unit.region_id is None:
        errors["region"] = [_("须选择所属行政区划")]
    return errors


def unit_create(*, name, type, region, actor, short_name="", address="", phone="", sectors=()):
    unit = Unit(name=(name or "").strip(), short_name=short_name.strip(), type=type, region=region,
                address=address.strip(), phone=phone.strip())
    permissions.require(actor, "change", unit)
    _raise_if(_unit_errors(unit))
    with transaction.atomic():
        unit.save()
        unit.sectors.set(sectors)
        audit_record(actor=actor, action="org.unit.create", obj=unit,
                     after={**snapshot(unit), "sectors": sorted(s.pk for s in sectors)})
    return unit


def unit_update(*, unit, actor, **fields):
    """Change a unit's details; moving it to another region needs the right to maintain units there too."""
    _reject_unknown(fields, UNIT_FIELDS)
    permissions.require(actor, "change", unit)
    before = snapshot(unit)
    for name, value in fields.items():
        setattr(unit, name, value.strip() if isinstance(value, str) else value)
    if "region" in fields:
        permissions.require(actor, "change", unit)
    _raise_if(_unit_errors(unit))
    with transaction.atomic():
        unit.save()
        audit_record(actor=actor, action="org.unit.update", obj=unit, before=before, after=snapshot(unit))
    return unit


def unit_set_sectors(*, unit, sectors, actor):
    """The sectors (行业领域) the unit supervises; replaces the previous set."""
    permissions.require(actor, "change", unit)
    sectors = list(sectors)
    with transaction.atomic():
        before = sorted(unit.sectors.values_list("pk", flat=True))
        unit.sectors.set(sectors)
        audit_record(actor=actor, action="org.unit.set_sectors", obj=unit, before={"sectors": before},
                     after={"sectors": sorted(s.pk for s in sectors)})
    return unit


# ---------------------------------------------------------------------------------------------------------------
# People


def _roles_from(roles):
    """Role rows for codes or Role instances; unknown codes are a validation error."""
    codes = {r.code if isinstance(r, Role) else str(r) for r in roles}
    found = list(Role.objects.filter(code__in=codes))
    missing = codes - {r.code for r in found}
    if missing:
        raise ValidationError({"roles": [_("未知的角色代码：%(codes)s") % {"codes": "、".join(sorted(missing))}]})
    return found


def _role_errors(*, actor, unit, roles):
    problems = []
    for role in roles:
        if role.code == RoleCode.ADMIN and not (actor.is_superuser or actor.has_role(RoleCode.ADMIN)):
            problems.append(_("只有系统管理员才能授予“%(role)s”角色") % {"role": role.name})
        allowed = ROLE_UNIT_TYPES.get(role.code)
        if allowed and (unit is None or unit.type not in allowed):
            problems.append(_("“%(role)s”角色只能授予%(types)s的人员，“%(unit)s”不是") % {
                "role": role.name, "unit": unit or _("无单位"),
                "types": "、".join(str(UnitType(t).label) for t in sorted(allowed))})
    return {"roles": problems} if problems else {}


def _is_current_liaison(person):
    return person.pk is not None and LiaisonAssignment.objects.filter(person=person, ended_on__isnull=True).exists()


def _person_snapshot(person):
    data = snapshot(person, fields=("username", "full_name", "unit", "title", "phone", "mobile", "email",
                                    "is_active"))
    data["roles"] = sorted(person.roles.values_list("code", flat=True)) if person.pk else []
    return data


def person_create(*, unit, username, full_name, actor, roles=(), title="", phone="", mobile="", email="",
                  password=None):
    """A person of ``unit``. With a password they can log in; without one they are a contact only (for example
    a responsible leader who never uses the system)."""
    person = User(unit=unit, username=(username or "").strip(), full_name=(full_name or "").strip(),
                  title=title.strip(), phone=phone.strip(), mobile=mobile.strip(), email=email.strip())
    permissions.require(actor, "change", person)
    role_rows = _roles_from(roles)
    errors = _model_errors(person, exclude=["password", "unit"])
    if not person.full_name:
        errors["full_name"] = [_("姓名不能为空")]
    if person.username and User.objects.filter(username__iexact=person.username).exists():
        errors["username"] = [_("用户名“%(username)s”已被使用") % {"username": person.username}]
    errors.update(_role_errors(actor=actor, unit=unit, roles=role_rows))
    if password:
        try:
            validate_password(password, person)
        except ValidationError as exc:
            errors["password"] = exc.messages
    _raise_if(errors)
    if password:
        person.set_password(password)
    else:
        person.set_unusable_password()
    with transaction.atomic():
        person.save()
        person.roles.set(role_rows)
        person.__dict__.pop("_role_codes", None)
        audit_record(actor=actor, action="org.person.create", obj=person, after=_person_snapshot(person))
    return person


def person_update(*, person, actor, **fields):
    """Change a person's contact details or move them to another unit (both units must be the actor's to
    maintain). A current responsible leader or liaison officer cannot leave their unit before being replaced."""
    _reject_unknown(fields, PERSON_FIELDS)
    permissions.require(actor, "change", person)
    before = _person_snapshot(person)
    moving = "unit" in fields and fields["unit"] != person.unit
    for name, value in fields.items():
        setattr(person, name, value.strip() if isinstance(value, str) else value)
    errors = _model_errors(person, exclude=["password", "unit", "username"])
    if not person.full_name:
        errors["full_name"] = [_("姓名不能为空")]
    if moving:
        permissions.require(actor, "change", person)
        if _is_current_liaison(User.objects.get(pk=person.pk)):
            errors["unit"] = [_("%(person)s 是原单位现任分管负责人或联络员，请先变更联络机制人员再调整单位") % {
                "person": person}]
        errors.update(_role_errors(actor=actor, unit=person.unit, roles=list(person.roles.all())))
    _raise_if(errors)
    with transaction.atomic():
        person.save()
        audit_record(actor=actor, action="org.person.update", obj=person, before=before,
                     after=_person_snapshot(person))
    return person


def person_set_roles(*, person, roles, actor):
    permissions.require(actor, "change", person)
    role_rows = _roles_from(roles)
    _raise_if(_role_errors(actor=actor, unit=person.unit, roles=role_rows))
    with transaction.atomic():
        before = sorted(person.roles.values_list("code", flat=True))
        person.roles.set(role_rows)
        person.__dict__.pop("_role_codes", None)
        audit_record(actor=actor, action="org.person.set_roles", obj=person, before={"roles": before},
                     after={"roles": sorted(r.code for r in role_rows)})
    return person


def person_deactivate(*, person, actor):
    """End a person's access; their records and history stay. A current liaison must be replaced first so the
    contact book never points at someone who has left."""
    permissions.require(actor, "change", person)
    if person.pk == actor.pk:
        raise ValidationError({"person": [_("不能停用自己的账号")]})
    if _is_current_liaison(person):
        raise ValidationError({"person": [_("%(person)s 是现任分管负责人或联络员，请先变更联络机制人员") % {
            "person": person}]})
    if not person.is_active:
        return person
    with transaction.atomic():
        User.objects.filter(pk=person.pk).update(is_active=False)
        person.is_active = False
        audit_record(actor=actor, action="org.person.deactivate", obj=person, before={"is_active": True},
                     after={"is_active": False})
    return person


# ---------------------------------------------------------------------------------------------------------------
# Liaison mechanism (seed 002 §(十六)(十七))


def _lead_office_staff_for(unit):
    """Who at the lead office of the unit's own region keeps the contact book."""
    return User.objects.filter(
        is_active=True, unit__type=UnitType.LEAD_OFFICE, unit__region=unit.region, unit__is_active=True,
        roles__code__in=[RoleCode.OFFICE_STAFF, RoleCode.UNIT_HEAD],
    ).distinct()


def liaison_change(*, unit, kind, person, effective_on, actor, reported_at=None):
    """Name ``person`` as the unit's responsible leader or liaison officer from ``effective_on``.

    Recording the change is the report to the office: it ends the current assignment, opens and meets a deadline
    of rule ``liaison_change_report`` counted in working days from ``effective_on``, and flags a late report.
    ``reported_at`` defaults to now; it is given only when recording a report made earlier on paper.
    """
    assignment = LiaisonAssignment(unit=unit, kind=kind, person=person, effective_on=effective_on)
    permissions.require(actor, "change", assignment)
    reported_at = reported_at or timezone.now()
    errors = {}
    if kind not in LiaisonKind.values:
        errors["kind"] = [_("未知的类别“%(kind)s”") % {"kind": kind}]
    if person is None or person.unit_id != unit.pk:
        errors["person"] = [_("%(person)s 不是“%(unit)s”的人员") % {"person": person or _("未选择人员"), "unit": unit}]
    elif not person.is_active:
        errors["person"] = [_("%(person)s 已停用，不能担任联络机制人员") % {"person": person}]
    if effective_on is None:
        errors["effective_on"] = [_("须填写变更生效日")]
    elif effective_on > timezone.localdate(reported_at):
        errors["effective_on"] = [_("变更生效日 %(date)s 晚于报备日，请在调整确定后报备") % {"date": effective_on}]
    _raise_if(errors)
    with transaction.atomic():
        current = (LiaisonAssignment.objects.select_for_update()
                   .filter(unit=unit, kind=kind, ended_on__isnull=True).first())
        if current is not None:
            if current.person_id == person.pk:
                raise ValidationError({"person": [_("%(person)s 已是“%(unit)s”现任%(kind)s") % {
                    "person": person, "unit": unit, "kind": current.get_kind_display()}]})
            if effective_on < current.effective_on:
                raise ValidationError({"effective_on": [_(
                    "变更生效日 %(date)s 早于现任%(kind)s %(person)s 的生效日 %(since)s") % {
                    "date": effective_on, "kind": current.get_kind_display(), "person": current.person,
                    "since": current.effective_on}]})
            current.ended_on = effective_on
            current.save(update_fields=["ended_on"])
        assignment.reported_at = reported_at
        assignment.reported_by = actor
        assignment.save()
        deadline = deadline_open(
            subject=assignment, rule=LIAISON_REPORT_RULE, start=effective_on, responsible_unit=unit,
            assignee=actor if actor.unit_id == unit.pk else None, actor=actor,
            title=_("%(unit)s %(kind)s变更报备") % {"unit": unit, "kind": assignment.get_kind_display()},
        )
        deadline = deadline_meet(deadline=deadline, actor=actor, at=reported_at)
        assignment.report_due_on = deadline.due
        assignment.report_due_provisional = deadline.provisional
        assignment.reported_on_time = deadline.state == DeadlineState.MET
        assignment.save(update_fields=["report_due_on", "report_due_provisional", "reported_on_time"])
        audit_record(
            actor=actor, action="org.liaison.change", obj=assignment,
            before={"person": current.person_id, "effective_on": current.effective_on} if current else None,
            after=snapshot(assignment),
        )
        if not assignment.reported_on_time:
            notification_send(
                recipients=_lead_office_staff_for(unit),
                subject=_("联络机制人员变更逾期报备：%(unit)s") % {"unit": unit},
                body=_("%(unit)s 的%(kind)s自 %(date)s 起变更为 %(person)s，应于 %(due)s 前报备，实际报备于 %(at)s。") % {
                    "unit": unit, "kind": assignment.get_kind_display(), "date": effective_on, "person": person,
                    "due": assignment.report_due_on, "at": timezone.localtime(reported_at).strftime("%Y-%m-%d %H:%M")},
                link=reverse("org:liaisons") + "?late=1",
                actor=actor,
            )
    return assignment


# ---------------------------------------------------------------------------------------------------------------
# Power-and-responsibility lists (权责清单, seed 002 §(三)(四))

POWER_LIST_FLOW = Workflow(
    name="org.power_list",
    states=dict(PowerListStatus.choices),
    state_field="status",
    transitions=[
        Transition("publish", source=(PowerListStatus.DRAFT,), target=PowerListStatus.PUBLISHED,
                   permission="publish", label=gettext_lazy("公布")),
        Transition("supersede", source=(PowerListStatus.PUBLISHED,), target=PowerListStatus.SUPERSEDED,
                   permission="publish", label=gettext_lazy("替代")),
    ],
)


def _require_draft(power_list):
    if power_list.status != PowerListStatus.DRAFT:
        raise ValidationError({"power_list": [_("%(list)s 状态为“%(status)s”，只能修改草稿") % {
            "list": power_list, "status": power_list.get_status_display()}]})


def power_list_create_draft(*, unit, actor, note=""):
    """A new draft version of the unit's list, starting from the items of its currently published version."""
    draft = PowerList(unit=unit, status=PowerListStatus.DRAFT, note=note.strip())
    permissions.require(actor, "change", draft)
    existing = PowerList.objects.filter(unit=unit, status=PowerListStatus.DRAFT).first()
    if existing is not None:
        raise ValidationError({"unit": [_("%(unit)s 已有草稿 v%(version)s，请先编辑或公布该草稿") % {
            "unit": unit, "version": existing.version}]})
    try:
        with transaction.atomic():
            published = PowerList.objects.filter(unit=unit, status=PowerListStatus.PUBLISHED).first()
            draft.version = (PowerList.objects.filter(unit=unit).aggregate(v=Max("version"))["v"] or 0) + 1
            draft.save()
            copied = []
            if published is not None:
                copied = PowerItem.objects.bulk_create([
                    PowerItem(power_list=draft, **{f: getattr(item, f) for f in POWER_ITEM_FIELDS})
                    for item in published.items.all()
                ])
            audit_record(actor=actor, action="org.power_list.create_draft", obj=draft, after=snapshot(draft),
                         detail={"copied_from": published.pk if published else None, "items": len(copied)})
    except IntegrityError:
        raise ValidationError({"unit": [_("%(unit)s 刚刚已由他人创建草稿，请刷新后继续") % {"unit": unit}]}) from None
    return draft


def _item_errors(item):
    errors = _model_errors(item, exclude=["power_list", "sector"])
    for name, message in (("code", _("事项编码不能为空")), ("name", _("事项名称不能为空")),
                          ("legal_basis", _("设定依据不能为空"))):
        if not getattr(item, name):
            errors[name] = [message]
    if item.code and PowerItem.objects.filter(power_list=item.power_list, code=item.code).exclude(
            pk=item.pk).exists():
        errors["code"] = [_("事项编码“%(code)s”在本清单中已存在") % {"code": item.code}]
    return errors


def power_item_add(*, power_list, code, kind, name, legal_basis, actor, sector=None, responsibility="",
                   accountability=""):
    permissions.require(actor, "change", power_list)
    _require_draft(power_list)
    item = PowerItem(power_list=power_list, code=(code or "").strip(), kind=kind, name=(name or "").strip(),
                     legal_basis=(legal_basis or "").strip(), sector=sector,
                     responsibility=responsibility.strip(), accountability=accountability.strip())
    _raise_if(_item_errors(item))
    with transaction.atomic():
        item.save()
        audit_record(actor=actor, action="org.power_item.add", obj=item, after=snapshot(item))
    return item


def power_item_update(*, power_item, actor, **fields):
    _reject_unknown(fields, POWER_ITEM_FIELDS)
    permissions.require(actor, "change", power_item)
    _require_draft(power_item.power_list)
    before = snapshot(power_item)
    for name, value in fields.items():
        setattr(power_item, name, value.strip() if isinstance(value, str) else value)
    _raise_if(_item_errors(power_item))
    with transaction.atomic():
        power_item.save()
        audit_record(actor=actor, action="org.power_item.update", obj=power_item, before=before,
                     after=snapshot(power_item))
    return power_item


def power_item_remove(*, power_item, actor):
    permissions.require(actor, "change", power_item)
    _require_draft(power_item.power_list)
    with transaction.atomic():
        audit_record(actor=actor, action="org.power_item.remove", obj=power_item, before=snapshot(power_item))
        power_item.delete()


def power_list_publish(*, power_list, actor):
    """Publish a draft; the version published until now becomes superseded in the same transaction. A second
    officer publishing the same draft from a stale page gets StaleTransition and nothing changes."""
    permissions.require(actor, "publish", power_list)
    if power_list.status == PowerListStatus.DRAFT and not power_list.items.exists():
        raise ValidationError({"power_list": [_("%(list)s 没有任何事项，不能公布") % {"list": power_list}]})
    with transaction.atomic():
        current = (PowerList.objects.select_for_update()
                   .filter(unit=power_list.unit, status=PowerListStatus.PUBLISHED).exclude(pk=power_list.pk).first())
        # The previous version goes first: the database allows only one published version per unit.
        if current is not None:
            POWER_LIST_FLOW.fire(current, "supersede", actor=actor, detail={"superseded_by": power_list.pk})
        POWER_LIST_FLOW.fire(power_list, "publish", actor=actor, updates={"published_at": timezone.now()},
                             detail={"supersedes": current.pk if current else None})
    return power_list


def power_item_check(*, unit, power_item, kinds=None):
    """Refuse an official action of ``unit`` that does not cite an item of the unit's currently published list
    (of one of ``kinds`` when given). Returns the item, freshly read, when the citation is valid.

    Raises ValidationError keyed ``power_item`` that says exactly what is wrong."""
    if power_item is None:
        raise ValidationError({"power_item": [_("未引用权责清单事项：%(unit)s 的行政行为须引用本单位已公布权责清单中的事项") % {
            "unit": unit}]}, code="power_item_missing")
    pk = power_item.pk if isinstance(power_item, PowerItem) else power_item
    item = PowerItem.objects.select_related("power_list__unit").filter(pk=pk).first()
    if item is None:
        raise ValidationError({"power_item": [_("权责清单事项不存在（编号 %(pk)s）") % {"pk": pk}]},
                              code="power_item_missing")
    owner = item.power_list.unit
    if owner.pk != unit.pk:
        raise ValidationError({"power_item": [_("事项“%(item)s”属于“%(owner)s”的权责清单，不在“%(unit)s”的权责清单内") % {
            "item": item, "owner": owner, "unit": unit}]}, code="power_item_other_unit")
    if item.power_list.status != PowerListStatus.PUBLISHED:
        raise ValidationError({"power_item": [_(
            "事项“%(item)s”所在的权责清单 v%(version)s 状态为“%(status)s”，不是现行公布的清单") % {
            "item": item, "version": item.power_list.version, "status": item.power_list.get_status_display()}]},
            code="power_item_not_published")
    if kinds and item.kind not in set(kinds):
        raise ValidationError({"power_item": [_("事项“%(item)s”的权力类型为“%(kind)s”，本行为须引用“%(wanted)s”类事项") % {
            "item": item, "kind": item.get_kind_display(),
            "wanted": "、".join(str(PowerKind(k).label) for k in kinds)}]}, code="power_item_wrong_kind")
    return item


# ---------------------------------------------------------------------------------------------------------------
# Power list import from Excel


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _kind_lookup():
    with translation.override("zh-hans"):
        lookup = {str(label): value for value, label in PowerKind.choices}
    lookup.update({str(label): value for value, label in PowerKind.choices})
    lookup.update({value: value for value in PowerKind.values})
    return lookup


def _sector_lookup():
    lookup = {}
    for sector in Sector.objects.all():
        lookup[sector.code] = sector
        lookup[sector.name] = sector
    return lookup


def _read_sheet(file):
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ValidationError({"file": [_("文件不是有效的 Excel（.xlsx）文件")]}) from None
    try:
        rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    return rows


def _row_error(row, column, reason):
    return ValidationError(_("第%(row)d行“%(column)s”：%(reason)s"), code="invalid_row",
                           params={"row": row, "column": column, "reason": reason})


def power_list_import_xlsx(*, power_list, file, actor, replace=False):
    """Add the items of a spreadsheet (header row: 事项编码, 权力类型, 事项名称, 设定依据, 行业领域, 责任事项,
    追责情形) to a draft; with ``replace`` the draft's current items are dropped first. Every bad row is reported
    with its row number, column and reason, and then nothing is written. Returns the number of items imported."""
    permissions.require(actor, "change", power_list)
    _require_draft(power_list)
    rows = _read_sheet(file)
    if not rows:
        raise ValidationError({"file": [_("表格是空的，第1行应为表头：%(columns)s") % {
            "columns": "、".join(POWER_LIST_COLUMNS)}]})
    header = [_cell_text(v) for v in rows[0]]
    missing = [c for c in POWER_LIST_COLUMNS[:4] if c not in header]
    if missing:
        raise ValidationError({"file": [_row_error(1, c, _("缺少此列")) for c in missing]})
    position = {name: header.index(name) for name in POWER_LIST_COLUMNS if name in header}
    data_rows = [(n, r) for n, r in enumerate(rows[1:], start=2) if any(_cell_text(v) for v in r)]
    if len(data_rows) > POWER_LIST_IMPORT_MAX_ROWS:
        raise ValidationError({"file": [_("一次最多导入 %(max)d 行，本表有 %(n)d 行") % {
            "max": POWER_LIST_IMPORT_MAX_ROWS, "n": len(data_rows)}]})
    if not data_rows:
        raise ValidationError({"file": [_("表格中没有事项（表头以下均为空行）")]})

    kinds, sectors = _kind_lookup(), _sector_lookup()
    existing = set() if replace else set(power_list.items.values_list("code", flat=True))
    seen = {}
    problems, items = [], []
    for number, row in data_rows:
        values = {c: _cell_text(row[position[c]]) if position.get(c, len(row)) < len(row) else ""
                  for c in POWER_LIST_COLUMNS}
        row_problems = []
        code = values["事项编码"]
        if not code:
            row_problems.append(_row_error(number, "事项编码", _("不能为空")))
        elif code in seen:
            row_problems.append(_row_error(number, "事项编码", _("“%(code)s”与第%(first)d行重复") % {
                "code": code, "first": seen[code]}))
        elif code in existing:
            row_problems.append(_row_error(number, "事项编码", _("“%(code)s”在草稿中已存在") % {"code": code}))
        if code:
            seen.setdefault(code, number)
        kind = kinds.get(values["权力类型"])
        if kind is None:
            row_problems.append(_row_error(number, "权力类型", _("“%(value)s”不是可用的权力类型（%(choices)s）") % {
                "value": values["权力类型"], "choices": "、".join(str(label) for _v, label in PowerKind.choices)}))
        for column in ("事项名称", "设定依据"):
            if not values[column]:
                row_problems.append(_row_error(number, column, _("不能为空")))
        sector = None
        if values["行业领域"]:
            sector = sectors.get(values["行业领域"])
            if sector is None:
                row_problems.append(_row_error(number, "行业领域", _("“%(value)s”不是已登记的行业领域") % {
                    "value": values["行业领域"]}))
        item = PowerItem(power_list=power_list, code=code, kind=kind or "", name=values["事项名称"],
                         legal_basis=values["设定依据"], sector=sector, responsibility=values["责任事项"],
                         accountability=values["追责情形"])
        if not row_problems:
            for field_name, messages in _model_errors(item, exclude=["power_list", "sector"]).items():
                column = str(PowerItem._meta.get_field(field_name).verbose_name)
                row_problems.extend(_row_error(number, column, m) for m in messages)
        problems.extend(row_problems)
        items.append(item)
    if problems:
        raise ValidationError({"file": problems})
    with transaction.atomic():
        removed = 0
        if replace:
            removed, _detail = power_list.items.all().delete()
        PowerItem.objects.bulk_create(items)
        audit_record(actor=actor, action="org.power_list.import", obj=power_list,
                     detail={"imported": len(items), "removed": removed, "codes": [i.code for i in items]})
    return len(items)
