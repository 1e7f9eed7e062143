"""Benchmark of the synthetic-market generator: rows per second, seconds, peak memory and output size.

    .venv/bin/python -m bench.synthetic_market                # about 100 000 bids
    .venv/bin/python -m bench.synthetic_market --ten-million  # about 10 000 000 bids (several GB of output)
    .venv/bin/python -m bench.synthetic_market --bids 2000000 --no-parquet --keep /data/market

Memory must stay flat as the market grows: the peak resident size is printed for that reason.
"""

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from lianjian.synthetic import generate_market

# Average bidders per lot of the generated market (measured), to turn a bid target into a number of lots.
BIDS_PER_LOT = 6.3
DEFAULT_BIDS = 100_000
TEN_MILLION = 10_000_000


def _size(folder):
    return sum(p.stat().st_size for p in Path(folder).iterdir() if p.is_file())


def _human(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{n} B"
        n /= 1024
    return f"{n:.1f} GB"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--bids", type=int, default=DEFAULT_BIDS, help="approximate number of bids (default 100000)")
    size.add_argument("--ten-million", action="store_true", help="generate about 10 million bids")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-parquet", action="store_true", help="write the CSV and ground truth only")
    parser.add_argument("--keep", metavar="DIR", help="write into DIR and keep the files (default: a temporary "
                                                      "folder, removed afterwards)")
    args = parser.parse_args(argv)
    target = TEN_MILLION if args.ten_million else args.bids
    lots = max(100, round(target / BIDS_PER_LOT))
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="lianjian-market-"))
    last = [time.monotonic()]

    def progress(done, total, message):
        now = time.monotonic()
        if now - last[0] >= 10 or done == total:
            last[0] = now
            print(f"  {done * 100 // total:3d}%  {message}", file=sys.stderr, flush=True)

    started = time.monotonic()
    try:
        summary = generate_market(seed=args.seed, lots=lots, out_dir=out, parquet=not args.no_parquet,
                                  progress=progress)
        seconds = time.monotonic() - started
        total = _size(out)
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"synthetic market: seed {args.seed}, {summary.lots:,} lots, {summary.bids:,} bids, "
              f"{summary.entities:,} entities, {summary.patterns} planted patterns, {summary.clean_lots:,} clean lots")
        print(f"  seconds      {seconds:,.1f}")
        print(f"  rows/s       {summary.bids / seconds:,.0f} bids/s")
        print(f"  peak RSS     {peak_kb / 1024:,.1f} MB")
        print(f"  output       {_human(total)} in {out}")
        for name, path in sorted(summary.files.items()):
            print(f"    {name:<13}{_human(Path(path).stat().st_size)}")
    finally:
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
