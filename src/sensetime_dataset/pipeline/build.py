"""Run the pipeline: sources → normalize → claims → resolve → tables → publish (staged)
→ validate → swap into place; then the reports (the README's chart, coverage)."""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..checkout import Project
from ..published.reader import PublishedPackage
from ..published.schema import Schemas
from ..published.validate import validate_package
from ..reports.chart import update_chart
from ..reports.coverage import Coverage, compute, write_report
from .claims import load_rows
from .normalize import normalize
from .readings import ReadingCount
from .publish import package_metadata, swap_into_place, write_package
from .resolve import load_registry, resolve
from .sources import verify_sources
from .tables import build_tables

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    counts: dict[str, int]
    descriptor: Path
    coverage: Coverage
    coverage_report: Path
    readings: ReadingCount


def load_schemas(project: Project, meta: dict) -> Schemas:
    return Schemas.from_dir(project.schemas_dir, list(meta.get("tables") or []))


def build(root: Path) -> BuildResult:
    project = Project(root.resolve())
    meta = package_metadata(project)
    schemas = load_schemas(project, meta)
    documents = normalize(verify_sources(project))
    _write_normalized(project, documents)
    rows = load_rows(project, {d.source_id: d for d in documents}, schemas.with_role("curated"))
    orgs = load_registry(project)
    resolve(rows, orgs, schemas)
    readings = ReadingCount()
    tables = build_tables(rows, orgs, documents, schemas, project, readings)
    # Stage next to the published package (same file system, so the swap is a rename).
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=project.root))
    try:
        write_package(staging, tables, schemas, meta)
        validate_package(PublishedPackage(staging, project.schemas_dir))
        swap_into_place(staging, project)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    update_chart(project, tables["rounds"])   # the README's chart of the published rounds
    coverage = compute(tables)
    report = project.build_dir / "coverage.md"
    write_report(coverage, report)
    return BuildResult({t: len(r) for t, r in tables.items()}, project.descriptor, coverage,
                       report, readings)


def _write_normalized(project: Project, documents) -> None:
    """The normalized texts, for curators to copy quotes from (not published)."""
    folder = project.build_dir / "normalized"
    folder.mkdir(parents=True, exist_ok=True)
    for doc in documents:
        (folder / f"{doc.source_id}.txt").write_text(doc.text, encoding="utf-8")
