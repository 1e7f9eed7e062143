"""Helpers shared by the services of this app."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.cn import uscc

from lianjian.org.access import region_ancestors
from lianjian.org.models import RoleCode, Unit, UnitType, User
from lianjian.trading.models import Entity


def raise_if(errors):
    if errors:
        raise ValidationError(errors)


def text(value):
    return (value or "").strip()


def require_text(errors, field, value, label, max_length=None):
    value = text(value)
    if not value:
        errors[field] = _("请填写%(label)s") % {"label": label}
    elif max_length and len(value) > max_length:
        errors[field] = _("%(label)s不能超过 %(n)d 个字符") % {"label": label, "n": max_length}
    return value


def resolve_entities(entities, field="entities"):
    """(credit_code, Entity or None) pairs for credit codes or Entity objects; a bad code is named."""
    pairs, seen = [], set()
    codes = []
    for item in entities or ():
        if isinstance(item, Entity):
            code, entity = item.credit_code, item
        else:
            code, entity = text(str(item)).upper(), None
            if not uscc.is_valid(code):
                raise ValidationError({field: _("统一社会信用代码“%(code)s”无效（应为 18 位且校验位正确）") % {"code": item}})
            codes.append(code)
        if code not in seen:
            seen.add(code)
            pairs.append([code, entity])
    known = {e.credit_code: e for e in Entity.objects.filter(credit_code__in=codes)}
    return [(code, entity or known.get(code)) for code, entity in pairs]


def lead_office_of(region):
    """The lead office (牵头单位) nearest above or at ``region``."""
    for level in region_ancestors(region):
        unit = Unit.objects.filter(region=level, type=UnitType.LEAD_OFFICE, is_active=True).order_by("pk").first()
        if unit is not None:
            return unit
    return None


def staff_of(*units, roles=(RoleCode.OFFICE_STAFF, RoleCode.UNIT_HEAD, RoleCode.SUPERVISOR_OFFICER,
                            RoleCode.INSPECTOR, RoleCode.CENTRE_STAFF, RoleCode.OVERSIGHT)):
    """Active people of ``units`` who hold one of ``roles`` (the recipients of a notice to those units)."""
    return list(User.objects.filter(unit__in=[u for u in units if u is not None], is_active=True,
                                    roles__code__in=roles).distinct())
