import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from lianjian.deadlines.services import deadline_recompute_provisional
from lianjian.workdays import selectors
from lianjian.workdays.services import calendar_year_load
from lianjian.workdays.sources import (
    CHINESECALENDAR_SOURCE, chinesecalendar_schedule, chinesecalendar_years, parse_schedule_file,
)


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"日期“{value}”无效，应为 YYYY-MM-DD") from None


def _count(value):
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise CommandError(f"天数“{value}”无效，应为 0 或正整数")
    return n


class Command(BaseCommand):
    help = ("工作日历：add 计算期限；is 查询某日；years 已载入年度；load 载入节假日安排。"
            "Working-day calendar: compute due dates, query a day, list and load yearly schedules.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="起算日后第 N 个工作日（起算日不计入）/ N working days after a date")
        add.add_argument("start", type=_date, help="起算日 YYYY-MM-DD")
        add.add_argument("days", type=_count, help="天数 N")
        add.add_argument("--calendar-days", action="store_true",
                         help="按自然日计算（期间最后一日为法定节假日的顺延至其后第一个工作日）")
        day = sub.add_parser("is", help="某日是否工作日 / whether a date is a working day")
        day.add_argument("date", type=_date)
        sub.add_parser("years", help="已载入官方节假日安排的年度 / years with a loaded schedule")
        load = sub.add_parser("load", help="载入一年的节假日安排（CSV/JSON 文件或 chinesecalendar）/ load a schedule")
        load.add_argument("file", nargs="?", help="date,kind,name 格式的 CSV 或 JSON 文件")
        load.add_argument("--year", type=int, help="年份（文件只含一个年份时可省略）")
        load.add_argument("--source", default="", help="来源，如：国务院办公厅关于2027年部分节假日安排的通知")
        load.add_argument("--from-chinesecalendar", action="store_true",
                          help="从 chinesecalendar 包载入（不指定 --year 时载入其覆盖的全部年份）")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _add(self, *, start, days, calendar_days, **options):
        due, unloaded = selectors.due_date(start=start, days=days,
                                           unit="calendar_days" if calendar_days else "working_days")
        line = due.date.isoformat()
        if due.provisional:
            line += f"（暂定：{'、'.join(map(str, unloaded))} 年节假日安排尚未载入）"
        self.stdout.write(line)

    def _is(self, *, date, **options):
        info = selectors.day_info(date)
        line = f"{date.isoformat()} {'工作日' if info['working_day'] else '休息日'}"
        if info["name"]:
            line += f"（{info['name']}，{info['kind_label']}）"
        elif info["fallback_holiday"]:
            line += "（固定日期法定节假日）"
        if info["provisional"]:
            line += f"；暂定：{date.year} 年节假日安排尚未载入"
        self.stdout.write(line)

    def _years(self, **options):
        years = list(selectors.calendar_years())
        if not years:
            self.stdout.write("尚未载入任何年度的节假日安排。")
        for loaded in years:
            self.stdout.write(f"{loaded.year}  {loaded.loaded_at:%Y-%m-%d %H:%M}  {loaded.source}")

    def _load(self, *, file, year, source, from_chinesecalendar, **options):
        if bool(file) == bool(from_chinesecalendar):
            raise CommandError("请指定一个文件，或使用 --from-chinesecalendar（二者选一）")
        if file and not source.strip():
            raise CommandError("请用 --source 注明来源，如：--source 国务院办公厅关于2027年部分节假日安排的通知")
        try:
            if from_chinesecalendar:
                years = [year] if year else list(chinesecalendar_years())
                batches = [(y, chinesecalendar_schedule(y), source or CHINESECALENDAR_SOURCE) for y in years]
            else:
                batches = [(year, parse_schedule_file(file), source)]
            with transaction.atomic():
                for batch_year, rows, batch_source in batches:
                    loaded = calendar_year_load(rows=rows, source=batch_source, year=batch_year)
                    recomputed = deadline_recompute_provisional(year=loaded.year)
                    self.stdout.write(self.style.SUCCESS(
                        f"{loaded.year} 年节假日安排已载入（{len(rows)} 个日期）；重算暂定期限 {recomputed} 条。"
                    ))
        except ValidationError as exc:
            for message in exc.messages:
                self.stderr.write(message)
            raise CommandError(f"未载入任何数据：发现 {len(exc.messages)} 处问题。") from None
