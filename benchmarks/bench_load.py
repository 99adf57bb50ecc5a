"""Load on the real server (`sensetime-dataset serve` on a free loopback port): a mix of
reader requests (table pages as HTML and JSON, canned queries, row pages, the front
page) at a given concurrency, first alone, then with abusive queries kept in flight (each
abusive client sends its next query as soon as the last one is answered). Reports p50
and p99 per kind of page, the statuses seen, and the server's memory (RSS now and its
peak). Not a test: figures depend on the machine (target here: a table page's p99 under
1 s with 20 abusive queries in flight).

    .venv/bin/python benchmarks/bench_load.py [--requests 3000] [--concurrency 16] [--abusive 20]
"""

from __future__ import annotations

import argparse
import collections
import csv
import itertools
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
import sys
from pathlib import Path

from sensetime_dataset.published.reader import PublishedPackage
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from server_process import free_port, spawn  # noqa: E402
from sensetime_dataset.serve.database import database_path

ROOT = Path(__file__).resolve().parents[1]

ABUSIVE_SQL = [
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
    "SELECT length(printf('%.*c', 2147483647, 'x'))",
    "SELECT randomblob(100000000)",
    "SELECT replace(hex(zeroblob(50000000)), '0', '00')",
    "SELECT count(*) FROM claims a, claims b, claims c, claims d",
    "SELECT s.text, s.text AS again FROM sources s, evidence LIMIT 1000",
]


def get(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    return status, (time.perf_counter() - started) * 1000


def memory(pid: int) -> dict[str, int]:
    """VmRSS (now) and VmHWM (peak) of the server, in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) // 1024
    return fields


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(p * len(values))) - 1))]


def reader_mix(port: int, db: str, tables: list[str], round_id: str) -> list[tuple[str, str]]:
    base = f"http://127.0.0.1:{port}"
    mix = [("table page (HTML)", f"{base}/{db}/{t}") for t in tables]
    mix += [("table page (JSON)", f"{base}/{db}/{t}.json") for t in ("rounds", "claims")]
    mix += [("canned query", f"{base}/{db}/rounds_with_lead_investors"),
            ("canned query", f"{base}/{db}/evidence_for_row?table_name=rounds&row_id={round_id}"),
            ("row page", f"{base}/{db}/rounds/{round_id}"),
            ("front page", f"{base}/")]
    return mix


def run(mix, requests: int, concurrency: int) -> dict[str, list]:
    results = collections.defaultdict(list)
    jobs = list(itertools.islice(itertools.cycle(mix), requests))
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for (kind, _), answer in zip(jobs, pool.map(lambda job: get(job[1]), jobs)):
            results[kind].append(answer)
    return results


def report(title: str, results: dict[str, list], mem: dict[str, int]) -> None:
    print(f"\n{title}")
    print(f"{'page':<20} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8}  statuses")
    for kind, answers in sorted(results.items()):
        times = [ms for _, ms in answers]
        statuses = collections.Counter(status for status, _ in answers)
        print(f"{kind:<20} {len(answers):>8} {percentile(times, 0.5):>8.1f} "
              f"{percentile(times, 0.99):>8.1f}  {dict(statuses)}")
    print(f"server memory: RSS {mem['VmRSS']} MB, peak {mem['VmHWM']} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--abusive", type=int, default=20)
    args = parser.parse_args()
    pkg = PublishedPackage(ROOT)
    db = database_path(pkg, ROOT / "build").stem
    with (ROOT / "data" / "rounds.csv").open(encoding="utf-8") as fh:
        round_id = next(csv.DictReader(fh))["round_id"]
    port = free_port()
    process = spawn(ROOT, port)
    mix = reader_mix(port, db, pkg.tables, round_id)
    try:
        run(mix, 100, args.concurrency)   # warm-up
        report(f"{args.requests} reader requests at concurrency {args.concurrency}, alone",
               run(mix, args.requests, args.concurrency), memory(process.pid))

        stop = threading.Event()
        abusive = collections.defaultdict(list)

        def abuse(sql: str) -> None:
            url = f"http://127.0.0.1:{port}/{db}.json?" + urllib.parse.urlencode({"sql": sql})
            while not stop.is_set():
                abusive[sql[:40]].append(get(url))

        threads = [threading.Thread(target=abuse, args=(sql,), daemon=True)
                   for sql in itertools.islice(itertools.cycle(ABUSIVE_SQL), args.abusive)]
        for thread in threads:
            thread.start()
        time.sleep(1)
        results = run(mix, args.requests, args.concurrency)
        stop.set()
        for thread in threads:
            thread.join()
        report(f"the same with {args.abusive} abusive queries in flight", results,
               memory(process.pid))
        print("\nabusive queries")
        for sql, answers in abusive.items():
            statuses = collections.Counter(status for status, _ in answers)
            print(f"  {sql:<42} {len(answers):>5} answered, p50 "
                  f"{percentile([ms for _, ms in answers], 0.5):>7.1f} ms  {dict(statuses)}")
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
