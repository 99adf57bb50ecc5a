"""Open a package wherever it is: a directory, its datapackage.json, a release archive
(.zip) or the http(s) URL of a datapackage.json. Every command that reads a package
goes through here, so they all accept the same kinds of location."""

from __future__ import annotations

import contextlib
import tempfile
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from ..errors import BuildError
from .format import DESCRIPTOR
from .reader import PublishedPackage


def is_url(location: str | Path) -> bool:
    return str(location).startswith(("http://", "https://"))


@contextlib.contextmanager
def open_package(location: str | Path) -> Iterator[PublishedPackage]:
    """The package at `location` (a directory, a datapackage.json or a .zip), extracted
    to a temporary directory if need be."""
    path = Path(location)
    if path.is_dir():
        yield PublishedPackage(path)
    elif path.is_file() and path.name == DESCRIPTOR:
        yield PublishedPackage(path.parent)
    elif path.is_file() and zipfile.is_zipfile(path):
        with tempfile.TemporaryDirectory(prefix="sensetime-package-") as tmp:
            yield PublishedPackage(extract_archive(path, Path(tmp)))
    elif not path.exists():
        raise BuildError(f"{location}: no such file or directory")
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


def fetch(url: str, timeout: float = 60) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (http(s) only)
            return response.read()
    except OSError as exc:   # HTTPError and URLError are OSErrors
        raise BuildError(f"{url}: {exc}") from None


def resolve_url(descriptor_url: str, relative: str) -> str:
    """The URL of a resource path given relative to the descriptor's URL."""
    rel = PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts or "://" in relative:
        raise BuildError(f"{descriptor_url}: resource path {relative!r} is not inside "
                         "the package")
    return urllib.parse.urljoin(descriptor_url, relative)
