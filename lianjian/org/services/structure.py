"""Regions (GB/T 2260), units and people: the structure every other domain hangs on."""

import re

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions

from ..models import (
    LiaisonAssignment,
    Region,
    RegionLevel,
    Role,
    RoleCode,
    Unit,
    UnitType,
    User,
)
from ..reference_data import PROVINCE_PREFIXES, ROLE_UNIT_TYPES
from .common import PERSON_FIELDS, REGION_FIELDS, UNIT_FIELDS, _model_errors, _raise_if, _reject_unknown

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
