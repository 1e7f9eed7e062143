"""Import benchmark: generate a national-specification CSV of N bids, import it with ``lianjian import trading``
into a fresh database, import it again (nothing may change), and print rows/s, seconds and peak RSS.

    python -m bench import_trading                      # 100,000 bids into a temporary SQLite database
    python -m bench import_trading --bids 1000000
    python -m bench import_trading --postgres postgres://postgres@127.0.0.1:5432/lianjian

With ``--postgres`` a throwaway database named after the given one (``<name>_bench``) is created on that server
and dropped afterwards; the given database itself is not touched. Target: 1,000,000 bids in under 5 minutes.
"""

import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
HEADER = [
    "PROJECT_CODE", "PROJECT_NAME", "APPROVAL_DATE", "TENDER_PROJECT_CODE", "UNIFIED_DEAL_CODE",
    "TENDER_PROJECT_NAME", "TENDER_PROJECT_TYPE", "TENDERER_CODE", "TENDERER_NAME", "TENDER_AGENCY_CODE",
    "TENDER_AGENCY_NAME", "BID_SECTION_CODE", "BID_SECTION_NAME", "TENDER_PROJECT_CLASSIFY_CODE", "TENDER_MODE",
    "REGION_CODE", "SUPERVISE_DEPT_NAME", "CONTRACT_RECKON_PRICE", "CONTROL_PRICE", "NOTICE_SEND_TIME",
    "BID_OPEN_TIME", "BIDDER_ORG_CODE", "BIDDER_NAME", "BID_PRICE", "SUBMIT_TIME", "MARGIN_PAY_FORM",
    "MARGIN_PAY_ACCOUNT", "CPU_ID", "HARD_DISK_SERIAL_NUMBER", "MAC_ADDRESS", "NET_ID", "TOOL_VERSION",
    "BID_DOC_HASH", "BID_DOC_AUTHOR", "BID_MANAGER", "REGIST_CERTIFICATE", "BIDDER_CONTACTOR",
    "BIDDER_PHONE_NUMBER", "EVALUATION_SCORE", "CANDIDATE_RANK", "WIN_BIDDER_CODE", "WIN_BIDDER_NAME",
    "BID_AMOUNT", "WIN_NOTICE_SEND_TIME",
]
UNIT_NAME = "基准测试市住房和城乡建设局"
REGION = ("339900", "基准测试市")
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code(n):
    """A valid 统一社会信用代码 (GB 32100-2015 check digit) for company number ``n``."""
    body = f"913399{n:011d}"[:17]
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(body, USCC_WEIGHTS))
    return body + USCC_CHARS[(31 - total % 31) % 31]


def generate(path, bids, seed=20251118):
    """Write ``bids`` bid rows: lots of 5–12 bids, 1–3 lots per tender project, 20,000 bidding companies."""
    rng = random.Random(seed)
    companies = max(200, min(20_000, bids // 10))
    start = datetime(2024, 1, 8, 9, 30)
    written = lot_no = tender_no = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        while written < bids:
            tender_no += 1
            opening = start + timedelta(hours=tender_no % 5000)
            tenderer = credit_code(900_000 + tender_no % 3000)
            agency = credit_code(800_000 + tender_no % 200)
            tp = f"E3399{tender_no:08d}"
            for _lot in range(rng.randint(1, 3)):
                lot_no += 1
                n = min(rng.randint(5, 12), bids - written)
                estimate = rng.randrange(500_000, 50_000_000, 1000)
                bidders = rng.sample(range(companies), n)
                winner = bidders[0]
                lot = [f"P{tender_no:08d}", f"基准测试项目{tender_no}", "2023-12-01", tp, f"D{tp}",
                       f"基准测试招标项目{tender_no}", "construction.housing", tenderer, f"招标人{tender_no % 3000}",
                       agency, f"代理机构{tender_no % 200}", f"{tp}{lot_no % 1000:03d}", f"第{lot_no}标段", "A", "1",
                       REGION[0], UNIT_NAME, f"{estimate}.00", f"{estimate * 1.05:.2f}",
                       (opening - timedelta(days=21)).isoformat(" "), opening.isoformat(" ")]
                for rank, b in enumerate(bidders, start=1):
                    price = estimate * rng.uniform(0.85, 1.0)
                    out.writerow(lot + [
                        credit_code(b), f"投标公司{b}", f"{price:.2f}", (opening - timedelta(hours=rank)).isoformat(" "),
                        "银行转账", f"6222{b:012d}", f"BFEBFBFF{b:08X}", f"WD-{b:010d}",
                        f"00:1A:2B:{b >> 16 & 255:02X}:{b >> 8 & 255:02X}:{b & 255:02X}",
                        f"10.{b >> 16 & 255}.{b >> 8 & 255}.{b & 255}", "V3.2.1", f"{rng.getrandbits(128):032x}",
                        f"编制人{b}", f"项目经理{b}", f"浙1{b:09d}", f"联系人{b}", f"1380000{b % 10000:04d}",
                        f"{90 - rank * 0.5:.3f}", str(rank) if rank <= 3 else "", credit_code(winner),
                        f"投标公司{winner}", f"{estimate * 0.9:.2f}", (opening + timedelta(days=10)).isoformat(" "),
                    ])
                written += n
                if written >= bids:
                    break
    return lot_no


def _fresh_postgres(url):
    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_bench"
    admin = urlunsplit(parts._replace(path="/postgres"))
    bench = urlunsplit(parts._replace(path=f"/{name}"))
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return bench, lambda: _drop_postgres(admin, name)


def _drop_postgres(admin, name):
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _run(env, *args):
    """Run ``lianjian ARGS`` in a child process; returns (seconds, peak RSS in MiB, output)."""
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "lianjian.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"lianjian {' '.join(args)} failed:\n{output}")
    return seconds, usage.ru_maxrss / 1024, output


SEED = f"""
from lianjian.org.models import Region, Unit
region, _ = Region.objects.get_or_create(code="{REGION[0]}", defaults={{"name": "{REGION[1]}", "level": "city"}})
Unit.objects.get_or_create(name="{UNIT_NAME}", defaults={{"type": "industry_supervisor", "region": region}})
"""


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench import_trading", description=__doc__.splitlines()[0])
    parser.add_argument("--bids", type=int, default=100_000)
    parser.add_argument("--postgres", default="", metavar="URL",
                        help="PostgreSQL server to benchmark on (a <name>_bench database is created and dropped)")
    parser.add_argument("--keep", action="store_true", help="keep the generated CSV and database")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="lianjian-bench-"))
    csv_path = workdir / f"bids_{args.bids}.csv"
    started = time.monotonic()
    lots = generate(csv_path, args.bids)
    generated = time.monotonic() - started
    size = csv_path.stat().st_size / 2**20
    print(f"generated {args.bids:,} bids in {lots:,} lots: {csv_path} ({size:.0f} MiB, {generated:.1f} s)")

    cleanup = None
    if args.postgres:
        url, cleanup = _fresh_postgres(args.postgres)
        backend = "PostgreSQL"
    else:
        url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        backend = "SQLite"
    env = {**os.environ, "DATABASE_URL": url, "LIANJIAN_DATA_DIR": str(workdir), "LIANJIAN_DEBUG": "0",
           "DJANGO_SETTINGS_MODULE": "lianjian.settings"}
    try:
        _run(env, "migrate", "--noinput", "-v", "0")
        _run(env, "shell", "-c", SEED)
        seconds, rss, output = _run(env, "import", "trading", str(csv_path), "--no-progress")
        again, rss_again, output_again = _run(env, "import", "trading", str(csv_path), "--no-progress")
    finally:
        if cleanup is not None and not args.keep:
            cleanup()
    print(output.strip())
    print(f"== {backend}, {os.cpu_count()} CPUs ==")
    print(f"first import : {args.bids:,} bids in {seconds:.1f} s = {args.bids / seconds:,.0f} rows/s, "
          f"peak RSS {rss:.0f} MiB")
    unchanged = "新增" not in output_again and "更新" not in output_again
    print(f"re-import    : {again:.1f} s = {args.bids / again:,.0f} rows/s, peak RSS {rss_again:.0f} MiB, "
          f"{'nothing changed' if unchanged else 'CHANGES WRITTEN (not idempotent!)'}")
    if args.keep:
        print(f"kept: {workdir}")
    else:
        shutil.rmtree(workdir)
    return seconds
