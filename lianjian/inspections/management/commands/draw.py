"""``lianjian draw verify DRAW_ID`` / ``lianjian draw verify --file record.json``: re-run a random-inspection draw
from its published record and say whether it reproduces the published selection."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from lianjian.inspections import services
from lianjian.inspections.models import Draw


class Command(BaseCommand):
    help = "复核双随机抽取：按公布的种子和快照重新计算 / verify a random-inspection draw"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="复核一次抽取")
        verify.add_argument("draw_id", nargs="?", type=int, help="抽取记录编号")
        verify.add_argument("--file", help="公示页下载的抽取记录 JSON（离线复核）")

    def handle(self, *args, action, draw_id=None, file=None, **options):
        if (draw_id is None) == (file is None):
            raise CommandError("请给出抽取记录编号，或用 --file 指定抽取记录 JSON（二者选一）")
        try:
            if file:
                with open(file, encoding="utf-8") as handle:
                    verified = services.verify_record(json.load(handle))
            else:
                draw = Draw.objects.filter(pk=draw_id).first()
                if draw is None:
                    raise CommandError(f"抽取记录 {draw_id} 不存在")
                verified = services.draw_verify(draw)
        except ValidationError as exc:
            messages = [m for ms in exc.message_dict.values() for m in ms] if hasattr(exc, "error_dict") \
                else exc.messages
            raise CommandError("复核未通过：\n  " + "\n  ".join(messages)) from None
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"无法读取抽取记录：{exc}") from None
        self.stdout.write(self.style.SUCCESS(
            f"复核通过：抽取 {verified.draw_id}，种子 {verified.seed}，抽中 {verified.selected} 个对象，"
            f"匹配 {verified.assignments} 人次；结果摘要 {verified.result_hash}"))
