"""Time the reading-back of every curated value from its quote (pipeline/readings.py),
the stage every build runs after the tables are merged.
Usage: python benchmarks/bench_readings.py [runs]"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from sensetime_dataset.checkout import Project
from sensetime_dataset.pipeline.build import load_schemas
from sensetime_dataset.pipeline.claims import load_rows
from sensetime_dataset.pipeline.normalize import normalize
from sensetime_dataset.pipeline.publish import package_metadata
from sensetime_dataset.pipeline.readings import Anchors, check_readings
from sensetime_dataset.pipeline.resolve import load_registry, resolve
from sensetime_dataset.pipeline.sources import verify_sources
from sensetime_dataset.pipeline.tables import build_tables

ROOT = Path(__file__).resolve().parents[1]


def main(runs: int) -> None:
    project = Project(ROOT)
    schemas = load_schemas(project, package_metadata(project))
    documents = normalize(verify_sources(project))
    docs = {d.source_id: d for d in documents}
    rows = load_rows(project, docs, schemas.with_role("curated"))
    orgs = load_registry(project)
    resolve(rows, orgs, schemas)
    tables = build_tables(rows, orgs, documents, schemas, project)   # types the values
    records = {(t, r[schemas.primary_key(t)]): r for t in tables
               if t in schemas.tables for r in tables[t]}
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        count = check_readings(rows, schemas, Anchors(docs, records, rows))
        timings.append(time.perf_counter() - started)
    claims = sum(len(r.claims) for r in rows)
    print(f"{count} in {claims} claims: median {statistics.median(timings) * 1000:.1f} ms, "
          f"min {min(timings) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms "
          f"over {runs} runs")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
