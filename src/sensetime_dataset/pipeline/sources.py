"""Read the manifest and verify every raw file against it."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError
from ..checkout import Project, read_yaml

log = logging.getLogger(__name__)

REQUIRED_FILE_KEYS = ("file", "sha256", "title", "kind", "publisher", "url", "retrieved",
                      "licence", "repairs", "split", "documents")


@dataclass(frozen=True)
class RawFile:
    """One raw input file, verified against its manifest entry."""

    path: Path
    entry: dict

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def sha256(self) -> str:
        return self.entry["sha256"]


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_manifest(project: Project) -> list[dict]:
    manifest = read_yaml(project.manifest)
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
        raise BuildError(f"{project.manifest}: expected a mapping with a 'files' list")
    for i, entry in enumerate(manifest["files"]):
        missing = [k for k in REQUIRED_FILE_KEYS if k not in entry]
        if missing:
            raise BuildError(
                f"{project.manifest}: files[{i}] ({entry.get('file', '?')}) lacks "
                f"{', '.join(missing)}; add them (write 'unknown' where a value is not known)"
            )
    return manifest["files"]


def _check_name(project: Project, index: int, name) -> None:
    """A manifest entry names a plain file directly inside sources/: no folder, no way
    out of it, nothing the build would read from elsewhere on the machine."""
    if not isinstance(name, str) or not name or name in (".", "..") or "/" in name \
            or "\\" in name or "\0" in name or name == project.manifest.name:
        raise BuildError(
            f"{project.manifest}: files[{index}]: file {name!r} is not the name of a file in "
            f"{project.sources_dir.name}/; give the bare file name (no folder, no '..'), "
            "and copy the file into sources/")


def verify_sources(project: Project) -> list[RawFile]:
    """Return the raw files in manifest order; refuse missing, changed or unknown files."""
    entries = load_manifest(project)
    for i, entry in enumerate(entries):
        _check_name(project, i, entry["file"])
    declared = {e["file"] for e in entries}
    links = sorted(p.name for p in project.sources_dir.iterdir() if p.is_symlink())
    if links:
        raise BuildError(
            f"{project.sources_dir}: {', '.join(links)} is a symbolic link; a source must be "
            "the file as received, copied into sources/ (replace the link by the file)")
    on_disk = {p.name for p in project.sources_dir.iterdir()
               if p.is_file() and p.name != project.manifest.name}
    unknown = sorted(on_disk - declared)
    if unknown:
        raise BuildError(
            f"{project.sources_dir}: {', '.join(unknown)} not in {project.manifest.name}; "
            "declare each new source in the manifest (with its sha256) or remove it"
        )
    files = []
    for entry in entries:
        path = project.sources_dir / entry["file"]
        if not path.is_file():
            raise BuildError(
                f"{path}: declared in {project.manifest.name} but missing; "
                "restore the file exactly as received"
            )
        actual = sha256_file(path)
        if actual != entry["sha256"]:
            raise BuildError(
                f"{path}: sha256 is {actual}, the manifest declares {entry['sha256']}; the file "
                "changed since it was recorded. Restore the original, or record the new version "
                "as a new source (with its own sha256, repairs and review of its claims)"
            )
        log.info("verified %s (sha256 %s…)", entry["file"], actual[:12])
        files.append(RawFile(path=path, entry=entry))
    return files
