"""The pipeline, stage by stage: sources → normalize → claims → resolve → tables →
publish (staged) → validate → swap into place → chart."""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .chart import chart_svg, funding_rows, write_chart
from .claims import load_rows
from .coverage import Coverage, compute, write_report
from .normalize import normalize
from .project import Project
from .publish import package_metadata, swap_into_place, write_package
from .resolve import load_registry, resolve
from .schemas import Schemas
from .sources import verify_sources
from .tables import build_tables
from .validate import validate_package

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    counts: dict[str, int]
    descriptor: Path
    coverage: Coverage
    coverage_report: Path


def build(root: Path) -> BuildResult:
    project = Project(root.resolve())
    schemas = Schemas.load(project)
    documents = normalize(verify_sources(project))
    _write_normalized(project, documents)
    rows = load_rows(project, {d.source_id: d for d in documents})
    orgs = load_registry(project)
    resolve(rows, orgs, schemas)
    tables = build_tables(rows, orgs, documents, schemas, project)
    meta = package_metadata(project)
    # Stage next to the published package (same file system, so the swap is a rename).
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=project.root))
    try:
        write_package(staging, tables, schemas, meta)
        validate_package(staging)
        # Drawn before the swap, so that a failing chart cannot leave a half-done build.
        chart = chart_svg(funding_rows(staging / "data" / "rounds.parquet"))
        swap_into_place(staging, project)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    write_chart(project.root, chart)   # the README's chart of the published rounds
    coverage = compute(tables)
    report = project.build_dir / "coverage.md"
    write_report(coverage, report)
    return BuildResult({t: len(r) for t, r in tables.items()}, project.descriptor, coverage,
                       report)


def _write_normalized(project: Project, documents) -> None:
    """The normalized texts, for curators to copy quotes from (not published)."""
    folder = project.build_dir / "normalized"
    folder.mkdir(parents=True, exist_ok=True)
    for doc in documents:
        (folder / f"{doc.source_id}.txt").write_text(doc.text, encoding="utf-8")
