from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from lianjian.trading.services import lot_refresh_stages


class Command(BaseCommand):
    help = "交易数据：refresh-stages 按日期更新全部标段的阶段。Trading data: refresh every lot's stage from its dates."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("refresh-stages", help="按日期更新全部标段的阶段 / refresh every lot's stage")

    def handle(self, *args, action, **options):
        changed = lot_refresh_stages(actor=None)
        self.stdout.write(_("阶段有变化的标段：%(n)d") % {"n": changed})
