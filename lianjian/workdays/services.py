"""Changing the holiday table: loading a year's official schedule, and single-date edits from the admin."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions

from .models import CalendarYear, DayKind, Holiday

_KIND_ALIASES = {
    DayKind.HOLIDAY.value: DayKind.HOLIDAY,
    "法定节假日": DayKind.HOLIDAY,
    "休": DayKind.HOLIDAY,
    DayKind.MAKEUP_WORKDAY.value: DayKind.MAKEUP_WORKDAY,
    "调休上班": DayKind.MAKEUP_WORKDAY,
    "班": DayKind.MAKEUP_WORKDAY,
}
NAME_MAX_LENGTH = Holiday._meta.get_field("name").max_length
SOURCE_MAX_LENGTH = CalendarYear._meta.get_field("source").max_length


def _require(actor, action, obj=None):
    """``actor`` None is the operator's console or a migration, which act as the system."""
    if actor is not None:
        permissions.require(actor, action, obj, model=None if obj is not None else Holiday)


def _parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value).strip())


def holiday_problems(*, date, kind, name):
    """Problems with one special date, as (field, message) pairs (empty when it is acceptable)."""
    problems = []
    if kind == DayKind.MAKEUP_WORKDAY and date.weekday() < 5:
        problems.append(("kind", _("%(date)s 是工作日（周一至周五），不能登记为调休上班日")
                         % {"date": date.isoformat()}))
    if not name:
        problems.append(("name", _("名称不能为空（如：国庆节）")))
    elif len(name) > NAME_MAX_LENGTH:
        problems.append(("name", _("名称不能超过 %(n)d 个字符") % {"n": NAME_MAX_LENGTH}))
    return problems


def validate_schedule(*, rows, year=None):
    """Check every row of a year's schedule; returns (year, [(date, kind, name)]) or raises ValidationError
    listing every problem with the row it is on."""
    errors = []
    clean = []
    seen = {}
    for index, row in enumerate(rows, start=1):
        label = row.get("row") or _("第 %(n)d 条") % {"n": index}
        raw_date, raw_kind, name = row.get("date"), row.get("kind"), str(row.get("name") or "").strip()
        try:
            date = _parse_date(raw_date)
        except (TypeError, ValueError):
            errors.append(_("%(row)s：日期“%(value)s”无效，应为 YYYY-MM-DD") % {"row": label, "value": raw_date})
            continue
        kind = _KIND_ALIASES.get(str(raw_kind or "").strip())
        if kind is None:
            errors.append(_("%(row)s：类别“%(value)s”无效，应为 holiday（法定节假日）或 makeup_workday（调休上班）")
                          % {"row": label, "value": raw_kind})
            continue
        if date in seen:
            errors.append(_("%(row)s：日期 %(date)s 与%(other)s重复")
                          % {"row": label, "date": date.isoformat(), "other": seen[date]})
            continue
        seen[date] = label
        errors.extend(f"{label}：{message}" for _field, message in holiday_problems(date=date, kind=kind, name=name))
        clean.append((label, date, kind, name))
    if not rows:
        errors.append(_("文件中没有任何日期"))
    if year is None and clean:
        years = sorted({date.year for _label, date, _kind, _name in clean})
        if len(years) > 1:
            errors.append(_("文件包含多个年份（%(years)s）的日期；请每次只载入一年，或用 --year 指明年份")
                          % {"years": "、".join(map(str, years))})
        else:
            year = years[0]
    if year is not None:
        errors.extend(
            _("%(row)s：日期 %(date)s 不属于 %(year)d 年") % {"row": label, "date": date.isoformat(), "year": year}
            for label, date, _kind, _name in clean if date.year != year
        )
    if errors:
        raise ValidationError(errors, code="invalid_schedule")
    return year, [(date, kind, name) for _label, date, kind, name in clean]


def calendar_year_load(*, rows, source, actor=None, year=None):
    """Replace one year's special dates with ``rows`` (dicts with date, kind, name) and mark the year loaded.

    Every row is validated first; nothing is written unless all are valid. Deadlines computed provisionally
    for this year are not touched here: the caller runs ``deadline_recompute_provisional`` in the same
    transaction."""
    _require(actor, "load")
    source = (source or "").strip()
    if not source:
        raise ValidationError({"source": _("请注明来源（如：国务院办公厅关于2027年部分节假日安排的通知）")})
    if len(source) > SOURCE_MAX_LENGTH:
        raise ValidationError({"source": _("来源不能超过 %(n)d 个字符") % {"n": SOURCE_MAX_LENGTH}})
    year, days = validate_schedule(rows=rows, year=year)
    with transaction.atomic():
        previous = CalendarYear.objects.filter(year=year).first()
        removed, _detail = Holiday.objects.filter(date__year=year).delete()
        Holiday.objects.bulk_create(Holiday(date=date, kind=kind, name=name) for date, kind, name in days)
        loaded, _created = CalendarYear.objects.update_or_create(
            year=year, defaults={"source": source, "loaded_at": timezone.now()}
        )
        audit_record(
            actor=actor,
            action="workdays.calendar_year.load",
            obj=loaded,
            before={"loaded": previous is not None, "source": previous.source if previous else None,
                    "dates": removed},
            after={"loaded": True, "source": source, "dates": len(days),
                   "holidays": sum(1 for _d, kind, _n in days if kind == DayKind.HOLIDAY),
                   "makeup_workdays": sum(1 for _d, kind, _n in days if kind == DayKind.MAKEUP_WORKDAY)},
        )
    return loaded


def holiday_save(*, holiday, actor):
    """Create or change one special date (the admin's form); the year's loaded flag is left as it is."""
    _require(actor, "change", holiday if holiday.pk else None)
    problems = holiday_problems(date=holiday.date, kind=holiday.kind, name=(holiday.name or "").strip())
    if problems:
        raise ValidationError({field: message for field, message in problems})
    with transaction.atomic():
        before = snapshot(Holiday.objects.get(pk=holiday.pk)) if holiday.pk else None
        holiday.name = holiday.name.strip()
        holiday.save()
        audit_record(actor=actor, action="workdays.holiday.change" if before else "workdays.holiday.create",
                     obj=holiday, before=before, after=snapshot(holiday))
    return holiday


def holiday_delete(*, holiday, actor):
    _require(actor, "change", holiday)
    with transaction.atomic():
        before = snapshot(holiday)
        audit_record(actor=actor, action="workdays.holiday.delete", obj=holiday, before=before)
        holiday.delete()
