from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from lianjian.core.backup import backup_restore


class Command(BaseCommand):
    help = "从备份归档恢复数据库与上传文件（会覆盖现有数据）。Restore from a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="不再确认，直接覆盖现有数据")

    def handle(self, *args, archive, yes, **options):
        if not yes:
            answer = input(f"将用 {archive} 覆盖当前全部数据，确定吗？输入 yes 继续：")
            if answer.strip().lower() != "yes":
                raise CommandError("已取消，未作任何改动")
        try:
            manifest = backup_restore(path=archive)
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"已恢复 {manifest['created_at']} 的备份"))
