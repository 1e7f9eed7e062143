"""Row errors, file rejections and the downloadable error report."""

from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _

from lianjian.core.exports import xlsx_bytes

# The report keeps the first errors of an import; beyond that only the count grows, so a file that is wrong on
# every one of a million rows cannot exhaust memory or produce an unusable workbook.
MAX_REPORTED_ERRORS = 10_000


class FileRejected(Exception):
    """The file cannot be read at all (format, encoding, missing columns); nothing of it was imported."""


@dataclass
class RowError:
    file: str
    row: int
    column: str
    value: str
    reason: str

    def as_dict(self):
        return asdict(self)


def report_headers():
    return [_("文件"), _("行号"), _("列"), _("值"), _("原因")]


def report_rows(errors):
    for e in errors:
        yield [e["file"], e["row"], e["column"], e["value"], e["reason"]]


def error_report_xlsx(errors):
    """The error report as an Excel workbook (bytes): one line per error, naming file, row, column and reason."""
    return xlsx_bytes(title=_("导入错误"), headers=report_headers(), rows=report_rows(errors))
