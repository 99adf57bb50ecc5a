"""Latency of the served Datasette (the real `sensetime-dataset serve` process on a free
loopback port): median and 99th percentile for every table page (HTML), a JSON table
page, the front page, canned queries and a row page. Not a test: figures depend on the
machine (targets on the development machine: every table page p50 < 25 ms, p99 < 60 ms).

    .venv/bin/python benchmarks/bench_datasette.py [--requests 300]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
import urllib.request
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from server_process import free_port, spawn  # noqa: E402
from sensetime_dataset.published.reader import PublishedPackage
from sensetime_dataset.serve.database import database_path

ROOT = Path(__file__).resolve().parents[1]


def measure(url: str, requests: int, warmup: int = 20) -> list[float]:
    for _ in range(warmup):
        urllib.request.urlopen(url).read()
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        with urllib.request.urlopen(url) as response:
            response.read()
            assert response.status == 200
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    db = database_path(PublishedPackage(ROOT), ROOT / "build").stem
    port = free_port()
    process = spawn(ROOT, port)
    base = f"http://127.0.0.1:{port}/{db}"
    with (ROOT / "data" / "rounds.csv").open(encoding="utf-8") as fh:
        round_id = next(csv.DictReader(fh))["round_id"]  # any row will do
    tables = PublishedPackage(ROOT).tables
    pages = {
        "front page (HTML)": f"http://127.0.0.1:{port}/",
        **{f"table page ({t}, HTML)": f"{base}/{t}" for t in tables},
        "table page (rounds, JSON)": f"{base}/rounds.json",
        "canned query (rounds_with_lead_investors, HTML)": f"{base}/rounds_with_lead_investors",
        "canned query (evidence_for_row, HTML)":
            f"{base}/evidence_for_row?table_name=rounds&row_id={round_id}",
        "canned query (rounds_with_lead_investors, JSON)":
            f"{base}/rounds_with_lead_investors.json",
        "row page (rounds, HTML)": f"{base}/rounds/{round_id}",
    }
    try:
        print(f"{args.requests} sequential requests each, after 20 warm-up requests")
        print(f"{'page':<52} {'median ms':>9} {'p99 ms':>8}")
        for name, url in pages.items():
            times = sorted(measure(url, args.requests))
            p99 = times[min(len(times) - 1, int(round(0.99 * len(times))) - 1)]
            print(f"{name:<52} {statistics.median(times):>9.1f} {p99:>8.1f}")
    finally:
        process.terminate()
        process.wait(timeout=20)


if __name__ == "__main__":
    main()
