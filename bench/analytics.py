"""Benchmark of the indicator suite: bids per second and peak memory at growing market sizes.

    .venv/bin/python -m bench analytics                 # about 100 000 and 1 000 000 bids
    .venv/bin/python -m bench analytics --ten-million   # adds about 10 000 000 bids (generation takes a while)
    .venv/bin/python -m bench analytics --engine spark --bids 100000

Each size is generated with ``lianjian.synthetic`` into a temporary folder (not timed), then the whole suite runs
on it in a fresh process, so the peak resident size printed is that of the run alone.
"""

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIDS_PER_LOT = 6.3
DEFAULT_SIZES = (100_000, 1_000_000)
TEN_MILLION = 10_000_000


def _run_one(folder, engine):
    from lianjian.analytics import run_suite
    from lianjian.analytics.schema import read_parquet_dir

    started = time.monotonic()
    tables = read_parquet_dir(folder)
    loaded = time.monotonic()
    findings = run_suite(tables, engine=engine)
    done = time.monotonic()
    print(json.dumps({"bids": tables["bids"].num_rows, "load": loaded - started, "suite": done - loaded,
                      "findings": len(findings),
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bids", type=int, action="append", help="a market size in bids (repeatable)")
    parser.add_argument("--ten-million", action="store_true", help="also run about 10 000 000 bids")
    parser.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _run_one(args.child, args.engine)
        return
    from lianjian.synthetic import generate_market

    sizes = list(args.bids or DEFAULT_SIZES) + ([TEN_MILLION] if args.ten_million else [])
    print(f"analytics suite on {args.engine}")
    print(f"{'bids':>12}{'lots':>10}{'findings':>10}{'load s':>9}{'suite s':>9}{'bids/s':>12}{'peak MB':>10}")
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix="lianjian-analytics-"))
        try:
            lots = max(100, round(size / BIDS_PER_LOT))
            generate_market(seed=args.seed, lots=lots, out_dir=folder)
            out = subprocess.run([sys.executable, "-m", "bench.analytics", "--child", str(folder), "--engine",
                                  args.engine], check=True, capture_output=True, text=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            print(f"{r['bids']:>12,}{lots:>10,}{r['findings']:>10,}{r['load']:>9.1f}{r['suite']:>9.1f}"
                  f"{r['bids'] / r['suite']:>12,.0f}{r['peak_mb']:>10,.0f}", flush=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
