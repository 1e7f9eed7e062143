"""Parsing one cell: text, codes, 统一社会信用代码, amounts, dates and choices. Each parser returns the typed
value or raises ``ValueError`` with the reason in Chinese; blank cells are None (or "" for text)."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength

from .fields import CHOICE_INDEX, normalise_header

CENT = Decimal("0.01")
MAX_MONEY = Decimal("1e16")
LIST_SEPARATORS = re.compile(r"[;；,，、|]")
_DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M", "%Y%m%d%H%M%S", "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日%H时%M分",
    "%Y年%m月%d日 %H时%M分",
)
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y年%m月%d日", "%Y.%m.%d")


def as_text(value):
    """A cell as text: spreadsheet numbers that are really codes lose their ".0", dates become ISO text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat(" ") if isinstance(value, datetime.datetime) else value.isoformat()
    return str(value).strip()


def parse_text(value, max_length=None):
    text = as_text(value)
    if max_length and len(text) > max_length:
        raise ValueError(_("不能超过 %(n)d 个字符（现有 %(len)d 个）") % {"n": max_length, "len": len(text)})
    return text


_uscc_cache = {}
_USCC_CACHE_LIMIT = 200_000


def parse_uscc(value):
    """A validated 统一社会信用代码 (GB 32100-2015 check digit), upper case; blank is None."""
    text = as_text(value).upper().replace(" ", "").replace("-", "")
    if not text:
        return None
    cached = _uscc_cache.get(text)
    if cached is not None:
        return text
    try:
        uscc.validate(text)
    except InvalidLength:
        raise ValueError(_("统一社会信用代码应为 18 位（现为 %(n)d 位）") % {"n": len(text)}) from None
    except InvalidChecksum:
        raise ValueError(_("统一社会信用代码校验位错误（GB 32100-2015）")) from None
    except InvalidFormat:
        raise ValueError(_("统一社会信用代码含有不允许的字符")) from None
    if len(_uscc_cache) >= _USCC_CACHE_LIMIT:
        _uscc_cache.clear()
    _uscc_cache[text] = True
    return text


def parse_decimal(value):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(_("应为数字"))
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = as_text(value).replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("应为数字")) from None
    if not number.is_finite():
        raise ValueError(_("应为数字"))
    return number


def parse_money(value, unit=1):
    number = parse_decimal(value)
    if number is None:
        return None
    if number < 0:
        raise ValueError(_("金额不能为负数"))
    number = (number * unit).quantize(CENT)
    if number >= MAX_MONEY:
        raise ValueError(_("金额过大"))
    return number


def parse_int(value):
    number = parse_decimal(value)
    if number is None:
        return None
    if number != number.to_integral_value() or number < 0:
        raise ValueError(_("应为非负整数"))
    if number > 2_000_000_000:
        raise ValueError(_("数值过大"))
    return int(number)


def parse_bool(value):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = normalise_header(as_text(value))
    if text in {"是", "Y", "YES", "TRUE", "1", "否决", "已否决"}:
        return True
    if text in {"否", "N", "NO", "FALSE", "0", "未否决"}:
        return False
    raise ValueError(_("应为“是”或“否”"))


_dt_cache = {}


def _aware(naive):
    return timezone.make_aware(naive, timezone.get_default_timezone())


def parse_datetime(value):
    """An aware datetime; text without an offset is local time (Asia/Shanghai), a bare date is its midnight."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value if timezone.is_aware(value) else _aware(value)
    if isinstance(value, datetime.date):
        return _aware(datetime.datetime.combine(value, datetime.time()))
    text = as_text(value)
    if not text:
        return None
    cached = _dt_cache.get(text)
    if cached is not None:
        return cached
    parsed = _parse_datetime_text(text)
    if len(_dt_cache) > 20_000:
        _dt_cache.clear()
    _dt_cache[text] = parsed
    return parsed


def _parse_datetime_text(text):
    iso = text[:-1] + "+00:00" if text.endswith("Z") else text
    try:
        parsed = datetime.datetime.fromisoformat(iso)
    except ValueError:
        parsed = None
    if parsed is None:
        for fmt in _DATETIME_FORMATS:
            try:
                parsed = datetime.datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        day = _parse_date_text(text)
        if day is None:
            raise ValueError(_("无法识别的日期时间，应如 2025-03-18 09:30:00"))
        parsed = datetime.datetime.combine(day, datetime.time())
    return parsed if timezone.is_aware(parsed) else _aware(parsed)


def _parse_date_text(text):
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_date(value):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, datetime.date):
        return value
    text = as_text(value)
    if not text:
        return None
    day = _parse_date_text(text)
    if day is not None:
        return day
    try:
        return timezone.localtime(_parse_datetime_text(text)).date()
    except ValueError:
        raise ValueError(_("无法识别的日期，应如 2025-03-18")) from None


def parse_choice(value, vocabulary):
    text = as_text(value)
    if not text:
        return None
    found = CHOICE_INDEX[vocabulary].get(normalise_header(text))
    if found is None:
        raise ValueError(_("不是可识别的取值"))
    return found


def split_list(value):
    if isinstance(value, (list, tuple)):
        return [as_text(v) for v in value if as_text(v)]
    return [part.strip() for part in LIST_SEPARATORS.split(as_text(value)) if part.strip()]
