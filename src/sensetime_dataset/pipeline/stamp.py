"""Is the published package already what the inputs make? A rebuild with nothing changed
should cost milliseconds, not a full build (and not the import of pandas, pandera and
frictionless): this module imports nothing heavy.

The stamp (build/build-stamp.json) records, after a successful build, the sha256 of
every input (sources/, curation/, schemas/, package.yaml), of the code that builds
(this package's Python files and the versions of the libraries that shape
the output) and of the published files. The package is up to date
when all three still match; anything else (an edited curation file, a new version of
the code, a published file changed or missing) means a full build.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..checkout import Project

CODE = Path(__file__).resolve().parents[1]   # the sensetime_dataset package


def _digest(paths: list[Path], base: Path) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(str(path.relative_to(base)).encode("utf-8") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _files(folder: Path, pattern: str = "*") -> list[Path]:
    return sorted(p for p in folder.rglob(pattern) if p.is_file()) if folder.is_dir() else []


def inputs_digest(project: Project) -> str:
    paths = [*_files(project.sources_dir), *_files(project.curation_dir),
             *_files(project.schemas_dir), project.package_metadata]
    return _digest([p for p in paths if p.is_file()], project.root)


# The libraries whose versions end up in the published bytes or decide validity.
LIBRARIES = ("pyarrow", "pandas", "frictionless", "pandera", "matplotlib")


def code_digest() -> str:
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "absent"

    libraries = " ".join(f"{n}=={installed(n)}" for n in LIBRARIES)
    return hashlib.sha256((_digest(_files(CODE, "*.py"), CODE) + libraries).encode()).hexdigest()


def outputs_digest(project: Project) -> str | None:
    paths = [project.descriptor, *_files(project.data_dir)]
    if not project.descriptor.is_file():
        return None
    return _digest(paths, project.root)


def stamp_path(project: Project) -> Path:
    return project.build_dir / "build-stamp.json"


def up_to_date(project: Project) -> dict | None:
    """The recorded result of the last build if nothing changed since, else None."""
    path = stamp_path(project)
    try:
        stamp = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    current = {"inputs": inputs_digest(project), "code": code_digest(),
               "outputs": outputs_digest(project)}
    if any(stamp.get(k) != v for k, v in current.items()):
        return None
    return stamp


def record(project: Project, counts: dict[str, int], summary: str) -> None:
    path = stamp_path(project)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "inputs": inputs_digest(project), "code": code_digest(),
        "outputs": outputs_digest(project), "counts": counts, "summary": summary,
    }, indent=2) + "\n", encoding="utf-8")


def forget(project: Project) -> None:
    stamp_path(project).unlink(missing_ok=True)
