"""The published format: file names and conventions shared by the writer (the pipeline's
publish stage) and every reader, so that readers never import the writer."""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # heavy, imported where used
    import pyarrow

DESCRIPTOR = "datapackage.json"
# Each table is published twice: resource `<table>` (CSV) and `<table>_parquet`.
PARQUET_SUFFIX = "_parquet"
FORMATS = ("csv", "parquet")
# Far above any release (about 2 MB unpacked today), far below what hurts a machine:
# the most a reader unpacks, downloads or reads of one package.
MAX_PACKAGE_BYTES = 256 * 1024 * 1024


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parquet_table(data: bytes) -> "pyarrow.Table":
    """A Parquet file's table, read without starting any thread: pyarrow's pool threads
    can abort the process at exit ("terminate called without an active exception",
    docs/stack-notes.md). `pq.read_table` starts one even with use_threads=False (its
    dataset reader), and so does a Python file object; ParquetFile over an Arrow buffer
    starts none (counted in /proc/self/task)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    return pq.ParquetFile(pa.BufferReader(data)).read(use_threads=False)


def table_of(resource: dict) -> str:
    """The table a resource holds (both formats of a table share one name)."""
    return resource["name"].removesuffix(PARQUET_SUFFIX) \
        if resource.get("format") == "parquet" else resource["name"]


def unsafe_path(name: str) -> str | None:
    """Why `name` (an archive member, a descriptor path, a SHA256SUMS entry) may not be
    read as a file of the package, or None if it is a plain relative path inside it."""
    if not isinstance(name, str) or not name.strip():
        return "an empty path"
    if "\\" in name:
        return "a backslash in the path"
    if "\0" in name or any(ord(c) < 32 for c in name):
        return "a control character in the path"
    path = PurePosixPath(name)
    if path.is_absolute() or (path.parts and ":" in path.parts[0]):
        return "an absolute path"
    if ".." in path.parts:
        return "'..' in the path"
    return None
