"""Time full builds (verify, normalize, claims, tables, write, validate, swap) in a
throwaway copy of the repository. Usage: python benchmarks/bench_build.py [runs]"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import copy_repo  # noqa: E402

from sensetime_dataset.pipeline.build import build  # noqa: E402


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_repo(Path(tmp) / "repo")
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            result = build(root)
            timings.append(time.perf_counter() - started)
    rows = sum(result.counts.values())
    print(f"{runs} builds of {rows} rows in {len(result.counts)} tables: "
          f"median {statistics.median(timings):.2f} s, min {min(timings):.2f} s, "
          f"max {max(timings):.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
