"""Where holiday schedules come from: the ``chinesecalendar`` package (2004–2026) and files an administrator
prepares from a newly published State Council notice.

A schedule file has three columns, ``date,kind,name`` (CSV with that header, UTF-8 with or without BOM), or is a
JSON list of objects with those keys. ``kind`` is ``holiday`` / ``makeup_workday`` or 法定节假日 / 调休上班 (also
休 / 班).
"""

import csv
import io
import json
from importlib.metadata import version
from pathlib import Path

from chinese_calendar import constants as cc
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import DayKind

CHINESECALENDAR_SOURCE = f"chinesecalendar {version('chinesecalendar')}（国务院办公厅历年部分节假日安排的通知）"

# The package names some holidays by their short form; the register uses the names of 《全国年节及纪念日放假办法》.
_NAMES = {
    cc.Holiday.tomb_sweeping_day.value: "清明节",
    cc.Holiday.dragon_boat_festival.value: "端午节",
    cc.Holiday.mid_autumn_festival.value: "中秋节",
}


def _chinese_name(english):
    if english in _NAMES:
        return _NAMES[english]
    return next((h.chinese for h in cc.Holiday if h.value == english), english)


def chinesecalendar_years():
    """The years the installed package covers."""
    return range(min(cc.holidays).year, max(cc.holidays).year + 1)


def chinesecalendar_schedule(year):
    """One year's special dates from the package, as rows ready for loading."""
    if year not in chinesecalendar_years():
        raise ValidationError(
            _("chinesecalendar 只包含 %(first)d–%(last)d 年的节假日安排，没有 %(year)d 年的数据")
            % {"first": chinesecalendar_years()[0], "last": chinesecalendar_years()[-1], "year": year},
            code="year_not_covered",
        )
    rows = [
        {"date": d, "kind": DayKind.HOLIDAY, "name": _chinese_name(name)}
        for d, name in cc.holidays.items() if d.year == year
    ] + [
        {"date": d, "kind": DayKind.MAKEUP_WORKDAY, "name": _chinese_name(name)}
        for d, name in cc.workdays.items() if d.year == year
    ]
    return sorted(rows, key=lambda row: row["date"])


def parse_schedule_file(path):
    """Rows read from a CSV or JSON schedule file, each carrying a ``row`` label for error messages."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(_("找不到文件：%(path)s") % {"path": path}, code="not_found") from None
    except UnicodeDecodeError:
        raise ValidationError(_("文件 %(path)s 不是 UTF-8 编码") % {"path": path}, code="encoding") from None
    if path.suffix.lower() == ".json":
        return _parse_json(text)
    return _parse_csv(text)


def _parse_json(text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            _("JSON 格式错误（第 %(line)d 行第 %(col)d 列）：%(msg)s") % {"line": exc.lineno, "col": exc.colno,
                                                                 "msg": exc.msg},
            code="json",
        ) from None
    if not isinstance(data, list):
        raise ValidationError(_("JSON 文件应为对象列表：[{\"date\": …, \"kind\": …, \"name\": …}, …]"), code="json")
    rows = []
    for i, item in enumerate(data, start=1):
        label = _("第 %(n)d 条") % {"n": i}
        if not isinstance(item, dict):
            raise ValidationError(_("%(row)s：应为含 date、kind、name 的对象") % {"row": label}, code="json")
        rows.append({"row": label, **{key: item.get(key, "") for key in ("date", "kind", "name")}})
    return rows


def _parse_csv(text):
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = {"date", "kind", "name"} - set(header)
    if missing:
        raise ValidationError(
            _("CSV 第 1 行应为表头 date,kind,name，缺少：%(missing)s") % {"missing": ", ".join(sorted(missing))},
            code="csv_header",
        )
    reader.fieldnames = header
    rows = []
    for record in reader:
        if not any((value or "").strip() for value in record.values() if isinstance(value, str)):
            continue
        label = _("第 %(n)d 行") % {"n": reader.line_num}
        rows.append({"row": label, **{key: (record.get(key) or "").strip() for key in ("date", "kind", "name")}})
    return rows
