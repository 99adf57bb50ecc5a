"""Shared fixtures: a throwaway copy of the repository to build in."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# What a checkout needs to build; data/ and datapackage.json are the last good package.
INPUTS = ("sources", "curation", "schemas", "package.yaml", "data", "datapackage.json")


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
