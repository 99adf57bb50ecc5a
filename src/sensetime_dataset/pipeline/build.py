"""Run the pipeline: sources → normalize → claims → resolve → tables → publish (staged)
→ validate → swap into place; then the reports (the README's chart, coverage).

`Build` computes the tables once; it can stage the package more than once (a release
stages it, diffs it against the last release, then stages it with the new version) and
publishes one staged package: validation runs once, on what is published."""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..checkout import Project
from ..errors import BuildError
from ..published.reader import PublishedPackage
from ..published.schema import Schemas
from ..published.validate import validate_package
from ..reports.chart import update_chart
from ..reports.coverage import Coverage, compute, render_summary, write_report
from . import stamp
from .claims import load_rows
from . import journal
from .normalize import normalize
from .readings import ReadingCount
from .publish import package_metadata, swap_into_place, write_package
from .references import check_references
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


class Build:
    def __init__(self, root: Path):
        self.project = project = Project(Path(root).resolve())
        self._staged: list[Path] = []
        # The checkout's publishing lock, held until `discard`: taking it finishes a
        # publish a crash interrupted and removes stale staging folders.
        self._lock = contextlib.ExitStack()
        self._lock.enter_context(journal.exclusive(project.root))
        try:
            self._compute()
        except BaseException:
            self._lock.close()
            raise

    def _compute(self) -> None:
        project = self.project
        stamp.forget(project)   # until a build succeeds, nothing is known to be up to date
        self.meta = package_metadata(project)
        self.schemas = schemas = load_schemas(project, self.meta)
        documents = normalize(verify_sources(project))
        _write_normalized(project, documents)
        rows = load_rows(project, {d.source_id: d for d in documents},
                         schemas.with_role("curated"))
        orgs = load_registry(project)
        resolve(rows, orgs, schemas)
        check_references(rows, schemas)
        self.readings = ReadingCount()
        self.tables = build_tables(rows, orgs, documents, schemas, project, self.readings)

    @property
    def counts(self) -> dict[str, int]:
        return {t: len(r) for t, r in self.tables.items()}

    def stage(self, version: str | None = None, created: str | None = None) -> PublishedPackage:
        """Write the package into a staging directory beside the published one (same file
        system, so the swap is a rename), with another version and date if given."""
        meta = dict(self.meta)
        meta.update({k: v for k, v in (("version", version), ("created", created)) if v})
        staging = Path(tempfile.mkdtemp(prefix=journal.STAGING_PREFIX, dir=self.project.root))
        self._staged.append(staging)
        write_package(staging, self.tables, self.schemas, meta)
        return PublishedPackage(staging)

    def publish(self, staged: PublishedPackage) -> BuildResult:
        """Validate a staged package and swap it into place; then the reports."""
        try:
            _validate_staged(staged)
            swap_into_place(staged.folder, self.project)
        finally:
            self._remove_staged()
        project = self.project
        update_chart(project, self.tables["rounds"])   # the README's chart
        coverage = compute(self.tables)
        report = project.build_dir / "coverage.md"
        write_report(coverage, report)
        stamp.record(project, self.counts, render_summary(coverage))
        return BuildResult(self.counts, project.descriptor, coverage, report, self.readings)

    def _remove_staged(self) -> None:
        for folder in self._staged:
            shutil.rmtree(folder, ignore_errors=True)
        self._staged.clear()

    def discard(self) -> None:
        """Remove what was staged and release the checkout."""
        self._remove_staged()
        self._lock.close()


def build(root: Path) -> BuildResult:
    run = Build(root)
    try:
        return run.publish(run.stage())
    finally:
        run.discard()


def _validate_staged(staged: PublishedPackage) -> None:
    """Validate the staged package; its problems are named as the new package's, not
    by the staging folder (removed when the build stops)."""
    try:
        validate_package(staged)
    except BuildError as exc:
        raise BuildError(str(exc).replace(f"{staged.folder}: package is not valid",
                                          "the new package is not valid, nothing was "
                                          "published")) from None


def _write_normalized(project: Project, documents) -> None:
    """The normalized texts, for curators to copy quotes from (not published)."""
    folder = project.build_dir / "normalized"
    folder.mkdir(parents=True, exist_ok=True)
    for doc in documents:
        (folder / f"{doc.source_id}.txt").write_text(doc.text, encoding="utf-8")
