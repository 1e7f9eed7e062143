import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from lianjian.deadlines import selectors
from lianjian.deadlines.models import DeadlineStatus
from lianjian.deadlines.services import deadline_recompute_provisional, deadline_send_reminders


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"日期“{value}”无效，应为 YYYY-MM-DD") from None


class Command(BaseCommand):
    help = ("期限：remind 发送到期提醒；list 列出期限；recompute 重算暂定期限；rules 期限规则。"
            "Deadlines: send reminders, list deadlines, recompute provisional ones, list rules.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        remind = sub.add_parser("remind", help="向即将到期和已逾期的期限发送提醒（每种状态只提醒一次）/ send reminders")
        remind.add_argument("--today", type=_date, help="按指定日期判断（默认今天）")
        listing = sub.add_parser("list", help="列出期限 / list deadlines")
        listing.add_argument("--overdue", action="store_true", help="只列已逾期的")
        listing.add_argument("--status", choices=DeadlineStatus.values, help="按状态筛选")
        listing.add_argument("--today", type=_date, help="按指定日期判断（默认今天）")
        recompute = sub.add_parser("recompute", help="载入某年节假日安排后重算暂定期限 / recompute provisional deadlines")
        recompute.add_argument("--year", type=int, required=True)
        sub.add_parser("rules", help="期限规则及依据 / deadline rules and their sources")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _remind(self, *, today, **options):
        sent = deadline_send_reminders(today=today)
        self.stdout.write(self.style.SUCCESS(f"已发送 {sent} 项期限提醒。"))

    def _list(self, *, overdue, status, today, **options):
        status = DeadlineStatus.OVERDUE if overdue else status
        deadlines = selectors.deadlines_all(status=status, today=today)
        count = 0
        for d in deadlines:
            count += 1
            due = f"{timezone.localtime(d.due_at):%Y-%m-%d %H:%M}" if d.due_at else d.due.isoformat()
            flag = "（暂定）" if d.provisional and d.is_active else ""
            self.stdout.write(f"#{d.pk} [{d.status_label()}] 到期 {due}{flag}  {d.title}  "
                              f"{d.responsible_unit} / {d.assignee or '—'}  {d.rule.code}")
        self.stdout.write(f"共 {count} 项。")

    def _recompute(self, *, year, **options):
        changed = deadline_recompute_provisional(year=year)
        self.stdout.write(self.style.SUCCESS(f"已重算 {changed} 项暂定期限。"))

    def _rules(self, **options):
        for rule in selectors.deadline_rules(active_only=False):
            state = "" if rule.is_active else "（停用）"
            self.stdout.write(f"{rule.code}{state}  {rule.name}  {rule.describe()}  提前 {rule.due_soon_days} 个工作日提醒")
            self.stdout.write(f"    依据：{rule.source}")
