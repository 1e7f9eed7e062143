"""Load on the public complaint window: many citizens submitting at once to a running server.

    .venv/bin/python -m bench complaints_load                      # 600 anonymous reports from 50 threads
    .venv/bin/python -m bench complaints_load --submissions 5000 --threads 200
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lianjian_bench .venv/bin/python -m bench complaints_load

Starts `lianjian runserver` (threaded) on a free port against the configured database (the demo city is built if
missing), sends the submissions to the public API, then counts what the database holds: every submission that
the server acknowledged must be stored exactly once, with a unique tracking code. Prints sent, acknowledged,
stored, duplicates, errors, throughput and latency percentiles.
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    sys.exit(f"server did not answer at {url}")


def _submission(batch, n):
    return {
        "kind": "report", "anonymous": True, "title": f"压力测试举报 {batch} #{n}", "region": "330100",
        "facts": "多家投标人投标文件由同一台电脑制作。", "respondent_name": "杭州某建设有限公司",
        "evidence": "开标记录显示三家投标人的网卡MAC地址相同。",
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=600)
    parser.add_argument("--threads", type=int, default=50)
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lianjian.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from lianjian.complaints.models import Complaint
    from lianjian.org.models import Unit

    call_command("migrate", verbosity=0)
    if not Unit.objects.filter(region__code="330100").exists():
        call_command("demo", trading=0, experts=0, stdout=open(os.devnull, "w"))

    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "lianjian.cli", "runserver", f"127.0.0.1:{port}", "--noreload"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ))
    base = f"http://127.0.0.1:{port}"
    batch = uuid.uuid4().hex[:8]
    latencies, codes, errors = [], [], []
    lock = threading.Lock()

    def send(n):
        body = json.dumps(_submission(batch, n)).encode()
        request = urllib.request.Request(f"{base}/api/v1/complaints/public/submit/", data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                code = json.loads(response.read())["tracking_code"]
            with lock:
                latencies.append(time.perf_counter() - started)
                codes.append(code)
        except (urllib.error.URLError, ConnectionError, KeyError, ValueError) as exc:
            with lock:
                errors.append(str(exc)[:120])

    try:
        _wait(f"{base}/healthz")
        started = time.perf_counter()
        with ThreadPoolExecutor(args.threads) as pool:
            list(pool.map(send, range(args.submissions)))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(10)

    stored = Complaint.objects.filter(title__startswith=f"压力测试举报 {batch} #")
    stored_count = stored.count()
    distinct_titles = stored.values("title").distinct().count()
    print(f"database            {django.db.connection.vendor}")
    print(f"sent                {args.submissions} from {args.threads} threads in {elapsed:.1f} s "
          f"({args.submissions / elapsed:.1f} submissions/s)")
    print(f"acknowledged        {len(codes)} (tracking codes unique: {len(set(codes)) == len(codes)})")
    print(f"stored              {stored_count} (duplicates: {stored_count - distinct_titles})")
    print(f"lost                {len(codes) - len(set(codes) & set(stored.values_list('tracking_code', flat=True)))}")
    print(f"errors              {len(errors)}" + (f" e.g. {errors[0]}" if errors else ""))
    if latencies:
        q = statistics.quantiles(latencies, n=100)
        print(f"latency p50/p95/p99 {q[49] * 1000:.0f} / {q[94] * 1000:.0f} / {q[98] * 1000:.0f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
