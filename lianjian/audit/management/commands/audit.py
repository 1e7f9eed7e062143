from django.core.management.base import BaseCommand, CommandError

from lianjian.audit.models import AuditEntry
from lianjian.audit.services import audit_verify


class Command(BaseCommand):
    help = "审计日志：verify 校验哈希链；tail 查看最近记录。Audit log: verify the hash chain, show recent entries."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="校验整条哈希链，指出被修改或删除的记录 / verify the whole chain")
        tail = sub.add_parser("tail", help="最近的审计记录 / most recent entries")
        tail.add_argument("-n", type=int, default=20)

    def handle(self, *args, action, **options):
        if action == "verify":
            total = AuditEntry.objects.count()
            problems = audit_verify()
            if not problems:
                self.stdout.write(self.style.SUCCESS(f"审计日志完整：{total} 条记录，哈希链校验通过。"))
                return
            for p in problems:
                row = f"#{p['seq']}" + (f" (id {p['id']})" if p["id"] else "")
                self.stderr.write(f"{row}: {p['problem']}")
            raise CommandError(f"审计日志被篡改：发现 {len(problems)} 处问题（共 {total} 条记录）。")
        for entry in AuditEntry.objects.order_by("-seq")[: options["n"]]:
            self.stdout.write(f"#{entry.seq} {entry.at:%Y-%m-%d %H:%M:%S} {entry.actor_label} "
                              f"[{entry.unit_label}] {entry.action} {entry.object_repr}")
