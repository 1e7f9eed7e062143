from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from lianjian.core.backup import backup_create


class Command(BaseCommand):
    help = "备份数据库与上传文件到一个归档文件（.tar.gz），含校验清单。Back up the database and uploads."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="归档文件路径（默认 lianjian-backup-<时间>.tar.gz）")

    def handle(self, *args, output=None, **options):
        path = Path(output or f"lianjian-backup-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz")
        manifest = backup_create(path=path)
        self.stdout.write(self.style.SUCCESS(
            f"已备份 {manifest['engine']} 数据库与 {len(manifest['media'])} 个上传文件到 {path}"))
