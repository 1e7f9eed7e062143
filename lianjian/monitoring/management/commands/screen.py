"""`lianjian screen`: the analytics engine from the command line.

``evaluate`` scores the learned model on a labelled bids file (screens computed from the raw bids); ``run`` runs
the indicator suite over the trading database or a folder of Parquet tables and stores the findings as alerts
through ``monitoring.services.alert_ingest``. Ingestion is keyed on each finding's identity, so a run that stopped
part-way is resumed by running it again: alerts already written are recognised and left as they are.
"""

import json
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lianjian.analytics import run_suite
from lianjian.analytics.evaluate import LabelledDataError, evaluate, read_bids_csv
from lianjian.analytics.schema import SchemaError, read_parquet_dir
from lianjian.monitoring.screening import database_tables
from lianjian.monitoring.services import alert_ingest


class Command(BaseCommand):
    help = ("风险指标引擎：evaluate 用带标注的投标数据评估模型；run 运行指标并写入预警。"
            "Analytics engine: evaluate the learned score on labelled bids; run the indicators and store alerts.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        ev = sub.add_parser("evaluate", help="分组交叉验证评估 / grouped cross-validation on labelled bids")
        ev.add_argument("path", metavar="BIDS.csv")
        ev.add_argument("--tender", required=True, help="招标（标段）编号列 / tender id column")
        ev.add_argument("--price", required=True, help="投标报价列 / bid price column")
        ev.add_argument("--winner", help="是否中标列（1 为中标）/ winner flag column")
        ev.add_argument("--label", required=True, help="串通标注列（1 为串通）/ collusion label column")
        ev.add_argument("--bidder", help="投标人列，用于按投标人分组 / bidder id column, for folds by bidder")
        ev.add_argument("--folds", type=int, default=5)
        ev.add_argument("--seed", type=int, default=0)
        run = sub.add_parser("run", help="运行指标并写入预警 / run the suite and store alerts")
        source = run.add_mutually_exclusive_group()
        source.add_argument("--parquet", metavar="DIR", help="从 Parquet 目录读取 / read <table>.parquet from DIR")
        run.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
        run.add_argument("--dry-run", action="store_true", help="只输出结果，不写入预警 / print, do not store")

    def handle(self, *args, action, **options):
        if action == "evaluate":
            return self._evaluate(**options)
        return self._run(**options)

    def _evaluate(self, *, path, tender, price, winner, label, bidder, folds, seed, **_options):
        try:
            bids = read_bids_csv(path, tender=tender, price=price, label=label, winner=winner, bidder=bidder)
        except (OSError, LabelledDataError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(_("%(bids)d 条投标，%(tenders)d 个招标；指标由原始报价计算") % {
            "bids": bids.num_rows, "tenders": len(set(bids.column("lot_code").to_pylist()))})
        self.stdout.write(f"{'level':<7}{'folds by':<10}{'model':<19}{'n':>6}{'pos':>6}{'k':>3}"
                          f"{'accuracy':>10}{'bal.acc':>9}{'ROC AUC':>9}")
        for s in evaluate(bids, folds=folds, seed=seed, by_bidder=bool(bidder)):
            self.stdout.write(f"{s.level:<7}{s.grouping:<10}{s.model:<19}{s.samples:>6}{s.positives:>6}{s.folds:>3}"
                              f"{s.accuracy:>10.3f}{s.balanced_accuracy:>9.3f}{s.roc_auc:>9.3f}")
        if not bidder:
            self.stdout.write(_("未给出 --bidder：不做按投标人分组的验证"))

    def _run(self, *, parquet, engine, dry_run, **_options):
        try:
            tables = read_parquet_dir(parquet) if parquet else database_tables()
            findings = run_suite(tables, engine=engine, progress=self._progress)
        except (OSError, SchemaError) as exc:
            raise CommandError(str(exc)) from None
        if dry_run:
            for f in findings:
                self.stdout.write(json.dumps({"key": f.key, "indicator": f.indicator, "lot_code": f.lot_code,
                                              "entities": list(f.entities), "score": f.score,
                                              "severity": f.severity, "evidence": f.evidence}, ensure_ascii=False))
            return
        try:
            counts = alert_ingest(findings=findings, source=f"screen:{parquet or 'database'}:{engine}", actor=None,
                                  progress=lambda done, total: self._progress(done, total, _("写入预警")))
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        self.stdout.write(_("指标线索 %(n)d 条；写入结果：%(counts)s") % {
            "n": len(findings), "counts": json.dumps(counts, ensure_ascii=False)})

    @staticmethod
    def _progress(done, total, message=""):
        print(f"  {done}/{total} {message}", file=sys.stderr, flush=True)
