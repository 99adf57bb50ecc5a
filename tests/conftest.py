"""Shared fixtures: a throwaway copy of the repository to build in."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sensetime_dataset.published.reader import PublishedPackage

REPO = Path(__file__).resolve().parents[1]
# The committed package, read as a user reads it; its descriptor gives the table list.
PUBLISHED = PublishedPackage(REPO)
TABLES = PUBLISHED.tables
ROW_TABLES = PUBLISHED.schemas.evidenced_tables()
# What a checkout needs to build; data/ and datapackage.json are the last good package.
INPUTS = ("sources", "curation", "schemas", "package.yaml", "data", "datapackage.json",
          "README.md", "CITATION.cff", "LICENSE", "LICENSE-DATA")


def copy_repo(target: Path) -> Path:
    for name in INPUTS:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        else:
            shutil.copy2(src, target / name)
    return target


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    return copy_repo(tmp_path / "repo")


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Change curation or a source the way a person editing the file does."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the command-line tool the way a user does."""
    return subprocess.run([sys.executable, "-m", "sensetime_dataset", *args], cwd=cwd,
                          capture_output=True, text=True)


def flip_a_byte(path: Path) -> None:
    """Corrupt a file the way a bad download does: one byte in the middle changes."""
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    path.write_bytes(bytes(blob))


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file of the published package (data/ and datapackage.json)."""
    files = [root / "datapackage.json", *sorted((root / "data").rglob("*"))]
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in files if p.is_file()}


@pytest.fixture(scope="session")
def built_copy(tmp_path_factory):
    """A copy of the repository built once through the command line, as a newcomer does:
    (its root, the finished process). For the tests that read what a build writes
    without changing the inputs."""
    root = copy_repo(tmp_path_factory.mktemp("built") / "repo")
    result = run_cli("build", "--root", str(root))
    assert result.returncode == 0, result.stderr
    return root, result


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """The committed package in a SQLite file with its Datasette metadata, built once for
    every test that only reads it."""
    from sensetime_dataset.checkout import Project
    from sensetime_dataset.serve.app import Served
    from sensetime_dataset.serve.database import build_database, database_path
    from sensetime_dataset.serve.metadata import write_metadata
    from sensetime_dataset.serve.site import build_site

    folder = tmp_path_factory.mktemp("served")
    db = build_database(PUBLISHED, database_path(PUBLISHED, folder))
    links = build_site(PUBLISHED, Project(REPO), folder / "site")
    return Served(db, write_metadata(PUBLISHED, db.stem, folder / "metadata.json", links),
                  folder / "site")
