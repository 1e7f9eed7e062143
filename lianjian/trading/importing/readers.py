"""Readers: each turns one file into a stream of units (a numbered row holding one or more raw rows of canonical
fields). CSV and XLSX rows and flat JSON objects are one raw row each; an OCDS release is one unit of several raw
rows (its lots, bids, awards, contracts), accepted or rejected together.
"""

import csv
import json
import os
import zipfile
from dataclasses import dataclass, field
from operator import itemgetter

from django.utils.translation import gettext as _

from . import ocds
from .encoding import detect_encoding
from .errors import FileRejected
from .fields import FIELD_BY_NAME, field_for_header
from .jsonstream import JsonStream

csv.field_size_limit(1 << 24)
PACKAGE_ARRAYS = frozenset({"releases", "records"})


@dataclass
class RawRow:
    values: dict
    labels: dict
    problems: list = field(default_factory=list)


@dataclass
class Unit:
    row: int
    rows: list


@dataclass
class Source:
    """One file being read. ``provided`` grows as fields are seen; ``override`` means later units replace
    earlier records with the same key (OCDS release streams), instead of having to agree with them."""

    name: str
    path: str
    kind: str = ""
    override: bool = False
    provided: set = field(default_factory=set)
    warnings: list = field(default_factory=list)
    done: int = 0
    total: int = 0
    encoding: str = ""
    _units: object = None

    def units(self):
        return self._units


def open_source(path, name=None):
    """A :class:`Source` for ``path``, or :class:`FileRejected` saying plainly why the file cannot be read."""
    name = name or os.path.basename(path)
    if not os.path.exists(path):
        raise FileRejected(_("找不到文件：%(name)s") % {"name": name})
    size = os.path.getsize(path)
    if size == 0:
        raise FileRejected(_("文件是空的：%(name)s") % {"name": name})
    source = Source(name=name, path=path, total=size)
    with open(path, "rb") as fh:
        head = fh.read(8)
    lower = name.lower()
    if head.startswith(b"PK\x03\x04") or lower.endswith((".xlsx", ".xlsm")):
        source.kind = "xlsx"
        source._units = _xlsx_units(source)
    elif lower.endswith((".json", ".jsonl", ".ndjson")) or head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        source._units = _json_units(source)
    elif lower.endswith((".xls", ".doc", ".docx", ".pdf", ".zip")):
        raise FileRejected(_("不支持的文件类型：%(name)s。请上传 CSV、XLSX、JSON 或 OCDS 数据包") % {"name": name})
    else:
        source.kind = "csv"
        source._units = _csv_units(source)
    return source


def _map_header(source, header):
    """Column index → canonical field; unknown columns are reported once as a warning and ignored."""
    mapping = {}
    seen = {}
    for index, title in enumerate(header):
        title = (title or "").strip() if isinstance(title, str) else ("" if title is None else str(title))
        if not title:
            continue
        name = field_for_header(title)
        if name is None:
            source.warnings.append(_("忽略未识别的列：%(col)s") % {"col": title})
            continue
        if name in seen:
            raise FileRejected(_("列“%(a)s”与列“%(b)s”含义相同（%(label)s），请只保留一列")
                               % {"a": seen[name], "b": title, "label": FIELD_BY_NAME[name].label})
        seen[name] = title
        mapping[index] = name
    if not mapping:
        raise FileRejected(_("第 1 行没有可识别的列名。请使用国家数据规范字段名（如 PROJECT_CODE、BID_SECTION_CODE）"
                             "或对应的中文列名（如 项目编号、标段（包）编号）"))
    if not any(n in mapping.values() for n in ("project.code", "lot.code", "contract.code")):
        raise FileRejected(_("缺少必需的列：项目编号（PROJECT_CODE）、标段（包）编号（BID_SECTION_CODE）"
                             "或合同编号（CONTRACT_CODE）至少应有一列"))
    source.provided.update(mapping.values())
    return mapping, seen


def _rows_from_table(source, rows, first_row_number=2):
    header = next(rows, None)
    if header is None:
        raise FileRejected(_("文件没有内容：%(name)s") % {"name": source.name})
    mapping, labels = _map_header(source, header)
    names = tuple(mapping.values())
    pick = itemgetter(*mapping)
    width = max(mapping) + 1
    number = first_row_number - 1
    for cells in rows:
        number += 1
        if len(cells) < width:
            cells = list(cells) + [None] * (width - len(cells))
        picked = pick(cells)
        if len(names) == 1:
            picked = (picked,)
        values = {name: cell for name, cell in zip(names, picked) if cell is not None and cell != ""}
        if values:
            yield Unit(number, [RawRow(values, labels)])


def _csv_units(source):
    source.encoding = detect_encoding(source.path)
    with open(source.path, newline="", encoding=source.encoding) as fh:
        first = fh.readline()
        fh.seek(0)
        delimiter = max(",\t;", key=first.count)
        reader = csv.reader(fh, delimiter=delimiter)
        try:
            for unit in _rows_from_table(source, reader):
                source.done = fh.buffer.tell()
                yield unit
        except csv.Error as exc:
            raise FileRejected(_("CSV 格式错误（第 %(line)d 行附近）：%(err)s")
                               % {"line": reader.line_num, "err": exc}) from None
    source.done = source.total


def _xlsx_units(source):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(source.path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileRejected(_("不是有效的 XLSX 文件：%(name)s（%(err)s）") % {"name": source.name, "err": exc}) from None
    try:
        sheet = workbook.worksheets[0]
        source.total = max(sheet.max_row or 1, 1)
        for unit in _rows_from_table(source, sheet.iter_rows(values_only=True)):
            source.done = unit.row
            yield unit
    finally:
        workbook.close()
    source.done = source.total


def _flat_object_row(source, obj, unknown):
    values, labels = {}, {}
    for key, value in obj.items():
        name = field_for_header(key)
        if name is None:
            if key not in unknown:
                unknown.add(key)
                source.warnings.append(_("忽略未识别的字段：%(col)s") % {"col": key})
            continue
        if value is not None and value != "":
            values[name] = value
            labels[name] = key
        source.provided.add(name)
    return RawRow(values, labels)


def _item_units(source, number, item, unknown):
    """A unit from one JSON value: an OCDS release, record or package, or a flat row object."""
    if not isinstance(item, dict):
        raise FileRejected(_("第 %(n)d 条数据不是 JSON 对象") % {"n": number})
    if "releases" in item or "records" in item:
        source.kind, source.override = "ocds", True
        for inner in item.get("releases") or []:
            yield Unit(number, ocds.release_rows(inner, source))
        for record in item.get("records") or []:
            yield Unit(number, ocds.release_rows(ocds.record_release(record), source))
    elif "ocid" in item or "compiledRelease" in item:
        source.kind, source.override = "ocds", True
        yield Unit(number, ocds.release_rows(ocds.record_release(item), source))
    else:
        source.kind = source.kind or "json"
        yield Unit(number, [_flat_object_row(source, item, unknown)])


def _json_units(source):
    unknown = set()
    with open(source.path, encoding="utf-8-sig") as fh:
        stream = JsonStream(fh)
        try:
            first = stream.peek()
            number = 0
            if first == "[":
                source.kind = "json"
                for item in stream.items():
                    number += 1
                    yield from _item_units(source, number, item, unknown)
                    source.done = fh.buffer.tell()
            elif first == "{":
                collected, number = {}, 0
                for key, value in stream.members(PACKAGE_ARRAYS):
                    if key in PACKAGE_ARRAYS:
                        number += 1
                        source.kind, source.override = "ocds", True
                        release = value if key == "releases" else ocds.record_release(value)
                        yield Unit(number, ocds.release_rows(release, source))
                        source.done = fh.buffer.tell()
                    else:
                        collected[key] = value
                if not number:
                    source.kind = "jsonl"
                    number = 1
                    yield from _item_units(source, number, collected, unknown)
                while not stream.at_end():
                    number += 1
                    yield from _item_units(source, number, stream.value(), unknown)
                    source.done = fh.buffer.tell()
            else:
                raise FileRejected(_("不是有效的 JSON 文件：%(name)s") % {"name": source.name})
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise FileRejected(_("JSON 格式错误：%(name)s（%(err)s）") % {"name": source.name, "err": exc}) from None
    source.done = source.total

