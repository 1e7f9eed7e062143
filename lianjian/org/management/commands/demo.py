import unicodedata

from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from lianjian.analytics import run_suite
from lianjian.experts.demo import DEMO_EXPERT_COUNT, build_demo_experts
from lianjian.monitoring.screening import database_tables
from lianjian.monitoring.services import alert_ingest
from lianjian.org.demo import build_demo, demo_accounts
from lianjian.synthetic.demo import build_demo_market

# Enough lots for every page and indicator to have something to show, few enough that `make run` starts quickly.
DEFAULT_TRADING_LOTS = 600


def _width(text):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text, width):
    return text + " " * (width - _width(text))


def account_table(rows, headers):
    """A plain-text table whose columns line up in a terminal even with Chinese text."""
    widths = [max(_width(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(_pad(str(h), w) for h, w in zip(headers, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(str(c), w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(line.rstrip() for line in lines)


class Command(BaseCommand):
    help = "建立或刷新演示城市（杭州市，幂等）：单位、人员、交易市场与专家库，并列出演示账号。"

    def add_arguments(self, parser):
        parser.add_argument("--trading", type=int, default=DEFAULT_TRADING_LOTS, metavar="N",
                            help=f"生成并导入 N 个标段的演示交易市场（含已标注的围标串标样本；0 表示不生成；默认 {DEFAULT_TRADING_LOTS}）")
        parser.add_argument("--seed", type=int, default=2026, help="随机种子：同一种子生成同一市场")
        parser.add_argument("--experts", type=int, default=DEMO_EXPERT_COUNT, metavar="N",
                            help=f"演示评标专家人数（默认 {DEMO_EXPERT_COUNT}）")

    def handle(self, *args, trading, seed, experts, **options):
        if trading < 0 or experts < 0:
            raise CommandError("--trading 与 --experts 须为非负整数")
        # The demo's people have fictional addresses: notifications it triggers must never reach a mail server.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            changes = build_demo()
            if changes:
                self.stdout.write(self.style.SUCCESS(f"演示城市已建立或更新（{changes} 处变更）。"))
            else:
                self.stdout.write("演示城市已是最新，未作任何变更。")
            if trading:
                self.stdout.write(f"正在生成并导入 {trading} 个标段的演示交易市场（种子 {seed}）……")
                market = build_demo_market(lots=trading, seed=seed)
                summary = market.summary
                self.stdout.write(self.style.SUCCESS(
                    f"交易市场：{summary.lots} 个标段、{summary.bids} 份投标、{summary.entities} 家市场主体，"
                    f"其中 {summary.patterns} 组已标注的串通投标样本；文件与真值表在 {market.out_dir}"))
            if experts:
                added = build_demo_experts(count=experts, seed=seed)
                self.stdout.write(f"评标专家库：新登记 {added} 人。")
            if trading:
                # Screen the market as the nightly run would, so the officers find alerts waiting for triage.
                findings = run_suite(database_tables())
                counts = alert_ingest(findings=findings, source="demo", actor=None)
                self.stdout.write(f"风险筛查：{len(findings)} 条指标线索；新预警 {counts['created']} 条，"
                                  f"更新 {counts['updated']} 条，未变 {counts['unchanged']} 条。")
        self.stdout.write("\n演示账号（共用密码，仅供演示）：\n")
        self.stdout.write(account_table(demo_accounts(), ("用户名", "姓名", "单位", "角色", "密码")))
