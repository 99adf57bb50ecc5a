"""Cut a release: diff against the last one, check the version against the rules, set
it in package.yaml, publish the package (built once), write the CHANGELOG entry and
the archive.

The published releases are kept in releases/<name>-<version>.zip, committed: a fresh
clone can diff against the last release without a network or git history, and the
archive a user downloaded can be compared with the one we published."""

from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..checkout import Project
from ..errors import BuildError
from ..published.location import open_package
from ..published.reader import PublishedPackage
from .archive import archive_name, file_problems, write_archive
from .changelog import add_entry
from .citation import update_citation
from .diff import PackageDiff, diff_packages
from .versioning import Version, check_version, next_version

log = logging.getLogger(__name__)
RELEASE_FILE = re.compile(r"^(?P<name>.+)-(?P<version>[0-9]+\.[0-9]+\.[0-9]+)\.zip$")


@dataclass(frozen=True)
class ReleaseResult:
    version: str
    previous: str | None
    diff: PackageDiff | None
    archive: Path
    kept: Path
    changelog_written: bool
    checked: list[str]


def releases_dir(project: Project) -> Path:
    return project.releases_dir


def dist_dir(project: Project) -> Path:
    return project.build_dir / "dist"


def last_release(project: Project, name: str) -> tuple[Version, Path] | None:
    """The highest version among releases/<name>-<version>.zip."""
    found = []
    for path in releases_dir(project).glob("*.zip"):
        match = RELEASE_FILE.match(path.name)
        if match and match["name"] == name:
            found.append((Version.parse(match["version"]), path))
    return max(found, default=None)


class Builder(Protocol):
    """What a release needs of the build (the pipeline's `Build`, handed in by the
    command line: releasing does not import the pipeline)."""

    counts: dict[str, int]

    def stage(self, version: str | None = None,
              created: str | None = None) -> PublishedPackage: ...

    def publish(self, staged: PublishedPackage): ...

    def discard(self) -> None: ...


def release(root: Path, make_build: Callable[[Path], Builder], version: str | None = None,
            date: str | None = None) -> ReleaseResult:
    """Build once: stage the package as the inputs say now, diff it against the last
    release, check or choose the version, stage it again with that version and publish
    it (validated once); then the CHANGELOG entry and the archive. On any failure
    package.yaml and the published package are left as they were."""
    project = Project(root.resolve())
    day = _release_date(date)
    run = make_build(project.root)
    try:
        draft = run.stage()
        last = last_release(project, draft.name)
        if last is None:
            # The first release: nothing to diff against, any version the maintainer names.
            diff = None
            new = Version.parse(version or draft.version)
        else:
            with open_package(last[1]) as previous:
                diff = diff_packages(previous, draft)
            new = check_version(version, str(last[0]), diff) if version \
                else next_version(str(last[0]), diff)
            diff.new["version"] = str(new)   # diffed before the version was set
        original = project.package_metadata.read_bytes()
        set_version(project.package_metadata, str(new), f"{day}T00:00:00Z")
        try:
            run.publish(run.stage(str(new), f"{day}T00:00:00Z"))
        except BaseException:
            project.package_metadata.write_bytes(original)   # leave the checkout as it was
            raise
    finally:
        run.discard()
    written = add_entry(project.root / "CHANGELOG.md", str(new), day, diff, run.counts)
    published = PublishedPackage(project.root)
    update_citation(project.root, published.descriptor)   # the archive holds CITATION.cff
    archive = write_archive(published, dist_dir(project) / archive_name(published.descriptor))
    # The package was validated before it was published; the archive must hold exactly
    # its files (sizes, hashes, SHA256SUMS).
    with open_package(archive) as unpacked:
        problems = file_problems(unpacked)
    if problems:
        raise BuildError(f"{archive}: does not hold the published files:\n  "
                         + "\n  ".join(problems))
    checked = [f"{len(published.descriptor['resources'])} resources and SHA256SUMS match "
               "the published package, which passed validation"]
    kept = releases_dir(project) / archive.name
    kept.parent.mkdir(exist_ok=True)
    shutil.copyfile(archive, kept)
    return ReleaseResult(str(new), str(last[0]) if last else None, diff, archive, kept,
                         written, checked)


def _release_date(date: str | None) -> str:
    if date is None:
        return dt.datetime.now(dt.timezone.utc).date().isoformat()
    try:
        return dt.date.fromisoformat(date).isoformat()
    except ValueError:
        raise BuildError(f"--date {date!r}: not a date like 2026-11-23") from None


def set_version(path: Path, version: str, created: str) -> None:
    """Rewrite the `version` and `created` lines of package.yaml, keeping its comments."""
    text = path.read_text(encoding="utf-8")
    for key, value in (("version", version), ("created", f'"{created}"')):
        text, count = re.subn(rf"^{key}:.*$", f"{key}: {value}", text, flags=re.MULTILINE)
        if count != 1:
            raise BuildError(f"{path}: expected one top-level '{key}:' line, found {count}")
    path.write_text(text, encoding="utf-8")
