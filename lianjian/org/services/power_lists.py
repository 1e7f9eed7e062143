"""Power-and-responsibility lists (权责清单, seed 002 §(三)(四)): drafts, publication, the citation check and
Excel import."""

import zipfile

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions
from lianjian.core.workflow import Transition, Workflow

from ..models import (
    PowerItem,
    PowerKind,
    PowerList,
    PowerListStatus,
    Sector,
)
from ..reference_data import POWER_LIST_COLUMNS
from .common import POWER_ITEM_FIELDS, POWER_LIST_IMPORT_MAX_ROWS, _model_errors, _raise_if, _reject_unknown

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
