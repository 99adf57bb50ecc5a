"""Open a package wherever it is: a directory, its datapackage.json, a release archive
(.zip), or the http(s) URL of a datapackage.json or of an archive. Every command and
`load` go through here, so they all accept the same locations with the same errors.

Nothing read here is trusted: archive members and descriptor paths must stay inside
the package (no absolute, `..`, backslash or symbolic-link paths), an archive may not
unpack to more than `MAX_PACKAGE_BYTES`, a download may not exceed it either, and a
damaged member is named in a one-line error."""

from __future__ import annotations

import contextlib
import json
import shutil
import stat
import tempfile
import urllib.parse
import urllib.request
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from ..errors import BuildError
from .format import DESCRIPTOR, MAX_PACKAGE_BYTES, unsafe_path
from .reader import PublishedPackage, find_resource

_CHUNK = 1 << 20


def is_url(location: str | Path) -> bool:
    return str(location).startswith(("http://", "https://"))


def symlink_in(folder: Path, name: str) -> bool:
    """True if `name` under `folder`, or a folder on the way to it, is a symbolic link."""
    current = Path(folder)
    for part in PurePosixPath(name).parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


@contextlib.contextmanager
def open_package(location: str | Path) -> Iterator[PublishedPackage]:
    """The package at `location`, downloaded and extracted to a temporary directory if
    need be (removed when the block ends)."""
    if is_url(location):
        with tempfile.TemporaryDirectory(prefix="sensetime-package-") as tmp:
            yield PublishedPackage(download_package(str(location), Path(tmp)))
        return
    path = local_path(location)
    if path.is_dir():
        yield PublishedPackage(path)
    elif path.name == DESCRIPTOR:
        yield PublishedPackage(path.parent)
    else:
        with tempfile.TemporaryDirectory(prefix="sensetime-package-") as tmp:
            yield PublishedPackage(extract_archive(path, Path(tmp)))


def local_path(location: str | Path) -> Path:
    """`location` as an existing directory, datapackage.json or zip archive, or the
    error every command gives for it."""
    path = Path(location)
    if not path.exists():
        raise BuildError(f"{location}: no such file or directory")
    if path.is_dir() or (path.is_file() and path.name == DESCRIPTOR):
        return path
    if path.is_file() and zipfile.is_zipfile(path):
        return path
    raise BuildError(f"{location}: not a package directory, a {DESCRIPTOR} or a .zip "
                     "archive")


def _is_symlink_member(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def member_problems(zf: zipfile.ZipFile) -> list[str]:
    """Every member that may not be extracted: unsafe names, links, special files,
    duplicates, and a total size over the limit."""
    problems, seen, total = [], set(), 0
    for info in zf.infolist():
        name = info.filename
        why = unsafe_path(name)
        mode = info.external_attr >> 16 if info.create_system == 3 else 0
        if why:
            problems.append(f"member {name!r}: {why}")
        elif _is_symlink_member(info):
            problems.append(f"member {name!r}: a symbolic link")
        elif stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
            problems.append(f"member {name!r}: not a regular file")
        elif name in seen:
            problems.append(f"member {name!r}: present twice")
        seen.add(name)
        total += info.file_size
    if total > MAX_PACKAGE_BYTES:
        problems.append(f"unpacks to {total:,} bytes, more than the {MAX_PACKAGE_BYTES:,} "
                        "a package may hold")
    return problems


def open_zip(archive, where=None) -> zipfile.ZipFile:
    """`archive` (a path or a file object) as a ZipFile, or an error naming `where`."""
    try:
        return zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BuildError(f"{where or archive}: not a readable zip archive ({exc})") from None


def extract_archive(archive: Path, target: Path) -> Path:
    """Extract a release archive into `target`, refusing it whole if any member is
    unsafe, and naming every damaged member (a bad compressed stream or CRC)."""
    with open_zip(archive) as zf:
        problems = member_problems(zf)
        if problems:
            raise BuildError(f"{archive}: refused, nothing extracted: " + "; ".join(problems))
        damaged = []
        for info in zf.infolist():
            dest = target / info.filename
            if info.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                with zf.open(info) as src, open(dest, "wb") as out:
                    shutil.copyfileobj(src, out, _CHUNK)   # never a whole member in memory
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
                    RuntimeError) as exc:
                damaged.append(f"{info.filename} ({exc})")
        if damaged:
            raise BuildError(f"{archive}: damaged members: " + "; ".join(damaged))
    if not (target / DESCRIPTOR).is_file():
        raise BuildError(f"{archive}: no {DESCRIPTOR} at the top of the archive")
    return target


def read_member(archive: Path | str, zf: zipfile.ZipFile, name: str) -> bytes:
    """One member's bytes, read whole (a resource of a package: bounded by the limit)."""
    why = unsafe_path(name)
    if why:
        raise BuildError(f"{archive}: path {name!r} is not inside the package ({why})")
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise BuildError(f"{archive}: no member {name!r}, which the descriptor names") from None
    if _is_symlink_member(info) or info.file_size > MAX_PACKAGE_BYTES:
        raise BuildError(f"{archive}: member {name!r} is a link or larger than a package "
                         "may be; refused")
    try:
        return zf.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise BuildError(f"{archive}: damaged member {name} ({exc})") from None


def fetch(url: str, timeout: float = 60) -> bytes:
    """The body at `url`, at most MAX_PACKAGE_BYTES; errors name the URL."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (http(s) only)
            data = response.read(MAX_PACKAGE_BYTES + 1)
    except OSError as exc:   # HTTPError and URLError are OSErrors
        raise BuildError(f"{url}: {exc}") from None
    if len(data) > MAX_PACKAGE_BYTES:
        raise BuildError(f"{url}: larger than the {MAX_PACKAGE_BYTES:,} bytes a package "
                         "may hold; refused")
    return data


def is_zip_bytes(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def parse_descriptor(data: bytes, where: str) -> dict:
    try:
        descriptor = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise BuildError(f"{where}: neither a {DESCRIPTOR} nor a .zip archive") from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise BuildError(f"{where}: not a data package descriptor (no 'resources' list)")
    return descriptor


def download_package(url: str, target: Path) -> Path:
    """The package at `url` (a datapackage.json or a .zip) as a directory under
    `target`: the archive extracted, or the descriptor with every resource it names."""
    data = fetch(url)
    if is_zip_bytes(data):
        archive = target / "download.zip"
        archive.write_bytes(data)
        return extract_archive(archive, target / "package")
    descriptor = parse_descriptor(data, url)
    folder = target / "package"
    folder.mkdir()
    (folder / DESCRIPTOR).write_bytes(data)
    for resource in descriptor["resources"]:
        dest = folder / resource["path"]
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(fetch(resolve_url(url, resource["path"])))
    return folder


def resolve_url(descriptor_url: str, relative) -> str:
    """The URL of a resource path given relative to the descriptor's URL."""
    why = unsafe_path(relative) or ("a URL, not a path" if "://" in str(relative) else None)
    if why:
        raise BuildError(f"{descriptor_url}: resource path {relative!r} is not inside "
                         f"the package ({why})")
    return urllib.parse.urljoin(descriptor_url, relative)


def remote_parquet(url: str, table: str) -> tuple[bytes, dict]:
    """The Parquet bytes of `table` at `url` (a descriptor or an archive) and its
    resource, downloading no more than needed."""
    data = fetch(url)
    if is_zip_bytes(data):
        import io

        with open_zip(io.BytesIO(data), url) as zf:
            descriptor = parse_descriptor(read_member(url, zf, DESCRIPTOR), url)
            resource = find_resource(descriptor, table, "parquet", url)
            return read_member(url, zf, resource["path"]), resource
    descriptor = parse_descriptor(data, url)
    resource = find_resource(descriptor, table, "parquet", url)
    return fetch(resolve_url(url, resource["path"])), resource
