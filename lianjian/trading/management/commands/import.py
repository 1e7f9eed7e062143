import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lianjian.org.models import Region
from lianjian.trading.importing.errors import error_report_xlsx
from lianjian.trading.models import ImportStatus
from lianjian.trading.services import FILE_STATUS_LABELS, trading_import

BAR_WIDTH = 30


class Progress:
    """One redrawn line on a terminal, a plain line every few seconds on a pipe or log."""

    def __init__(self, stream):
        self.stream = stream
        self.interactive = hasattr(stream, "isatty") and stream.isatty()
        self.gap = 0.1 if self.interactive else 5.0
        self.started = self.last = time.monotonic()

    def __call__(self, done, total, message):
        now = time.monotonic()
        if now - self.last < self.gap and done < total:
            return
        self.last = now
        percent = min(100, done * 100 // total) if total else 0
        filled = BAR_WIDTH * percent // 100
        line = f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {percent:3d}% {message} ({now - self.started:.0f}s)"
        if self.interactive:
            self.stream.write("\r\033[K" + line, ending="")
        else:
            self.stream.write(line)
        self.stream.flush()

    def close(self):
        if self.interactive:
            self.stream.write("")


class Command(BaseCommand):
    help = ("导入数据：trading 导入交易数据（CSV、XLSX、JSON、OCDS），显示进度条。"
            " Import data: trading imports CSV, XLSX, JSON and OCDS trading data with a progress bar.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        trading = sub.add_parser(
            "trading", help="导入交易数据 / import trading data",
            description="每个文件要么全部写入，要么（有错误行时）一行也不写；用 --skip-bad-rows 只写正确的行。"
                        " Each file is written whole or, when a row is bad, not at all, unless --skip-bad-rows.",
        )
        trading.add_argument("files", nargs="+", metavar="FILE", help="CSV、XLSX、JSON、JSON Lines 或 OCDS 数据包")
        trading.add_argument("--user", default="", help="以该用户名导入（默认为系统）/ import as this username")
        trading.add_argument("--region", default="", help="缺少行政区划代码的行使用该区划 / default region code")
        trading.add_argument("--skip-bad-rows", action="store_true",
                             help="写入正确的行，跳过并报告错误行 / write the good rows, report the bad ones")
        trading.add_argument("--errors", default="", metavar="XLSX",
                             help="把错误报告写入该 Excel 文件 / write the error report to this workbook")
        trading.add_argument("--no-progress", action="store_true", help="不显示进度条 / no progress bar")

    def handle(self, *args, what, **options):
        getattr(self, f"_{what}")(**options)

    def _trading(self, files, user="", region="", skip_bad_rows=False, errors="", no_progress=False, **options):
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(_("没有用户名为 %(user)s 的用户") % {"user": user})
        default_region = None
        if region:
            default_region = Region.objects.filter(code=region).first()
            if default_region is None:
                raise CommandError(_("行政区划代码 %(code)s 未登记") % {"code": region})
        progress = None if no_progress else Progress(self.stderr)
        started = time.monotonic()
        run = trading_import(paths=files, actor=actor, default_region=default_region, skip_bad_rows=skip_bad_rows,
                             progress=progress)
        if progress is not None:
            progress.close()
        seconds = time.monotonic() - started
        for name, entry in run.counts.items():
            label = FILE_STATUS_LABELS.get(entry["status"], entry["status"])
            self.stdout.write(f"{name}：{label} {entry['message']}".rstrip())
            self.stdout.write(_("  读取 %(rows)d 行，错误 %(bad)d 行；格式 %(kind)s %(enc)s")
                              % {"rows": entry["rows"], "bad": entry["bad_rows"], "kind": entry["kind"],
                                 "enc": entry["encoding"]})
            for table, change in entry["counts"].items():
                self.stdout.write(_("  %(table)s：新增 %(c)d，更新 %(u)d，删除 %(d)d")
                                  % {"table": table, "c": change["created"], "u": change["updated"],
                                     "d": change["deleted"]})
            if entry["stages_changed"]:
                self.stdout.write(_("  阶段变化的标段：%(n)d") % {"n": entry["stages_changed"]})
            for warning in entry["warnings"]:
                self.stdout.write(f"  ! {warning}")
        for error in run.errors[:20]:
            self.stderr.write(_("%(file)s 第 %(row)s 行 [%(column)s] %(value)s：%(reason)s") % error)
        if len(run.errors) > 20:
            self.stderr.write(_("……共 %(n)d 条错误") % {"n": len(run.errors)})
        if errors and run.errors:
            with open(errors, "wb") as out:
                out.write(error_report_xlsx(run.errors))
            self.stderr.write(_("错误报告已写入 %(path)s") % {"path": errors})
        self.stdout.write(_("导入 #%(id)s：%(status)s，用时 %(s).1f 秒，%(rows)d 行（%(rate).0f 行/秒）")
                          % {"id": run.pk, "status": run.get_status_display(), "s": seconds, "rows": run.rows_read,
                             "rate": run.rows_read / seconds if seconds else 0})
        if run.status in (ImportStatus.REJECTED, ImportStatus.FAILED):
            raise CommandError(run.message or _("导入未完成"))
