"""Open a package wherever it is: a directory, a release archive (.zip) or the
http(s) URL of its datapackage.json. Every reader (diff, verify, load) goes through
here, so they all accept the same kinds of location."""

from __future__ import annotations

import contextlib
import json
import tempfile
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from .errors import BuildError

DESCRIPTOR = "datapackage.json"


def is_url(location: str | Path) -> bool:
    return str(location).startswith(("http://", "https://"))


@contextlib.contextmanager
def package_dir(location: str | Path) -> Iterator[Path]:
    """A local directory holding the package at `location` (a directory, a .zip, or a
    folder/datapackage.json path), extracted to a temporary directory if need be."""
    path = Path(location)
    if path.is_dir():
        yield path
    elif path.is_file() and path.name == DESCRIPTOR:
        yield path.parent
    elif path.is_file() and zipfile.is_zipfile(path):
        with tempfile.TemporaryDirectory(prefix="sensetime-package-") as tmp:
            yield extract_archive(path, Path(tmp))
    else:
        raise BuildError(f"{location}: not a package directory, a datapackage.json or a "
                         ".zip archive")


def extract_archive(archive: Path, target: Path) -> Path:
    """Extract a release archive, refusing members that would land outside `target`."""
    with zipfile.ZipFile(archive) as zf:
        for name in zf.namelist():
            member = PurePosixPath(name)
            if member.is_absolute() or ".." in member.parts:
                raise BuildError(f"{archive}: member {name!r} points outside the archive")
        zf.extractall(target)
    if not (target / DESCRIPTOR).is_file():
        raise BuildError(f"{archive}: no {DESCRIPTOR} at the top of the archive")
    return target


def read_descriptor(folder: Path) -> dict:
    path = folder / DESCRIPTOR
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(f"{path}: not found; is this a package directory?") from None
    except json.JSONDecodeError as exc:
        raise BuildError(f"{path}: not valid JSON: {exc}") from None


def fetch(url: str, timeout: float = 60) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (http(s) only)
        return response.read()


def resolve_url(descriptor_url: str, relative: str) -> str:
    """The URL of a resource path given relative to the descriptor's URL."""
    rel = PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts or "://" in relative:
        raise BuildError(f"{descriptor_url}: resource path {relative!r} is not inside "
                         "the package")
    return urllib.parse.urljoin(descriptor_url, relative)

