"""Loading in one line: `load("rounds")`, `load_arrow("rounds")`, `package()`.

A location is the installed copy (default), a package directory, its datapackage.json,
a release archive (.zip), or the http(s) URL of a datapackage.json or of an archive:
the same locations, with the same errors, as every command (`location.py`). Tables are
read from their Parquet files, whose sha256 is checked against the descriptor first
(from a URL too: a file that is not the one published is refused, not loaded)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BuildError
from .format import DESCRIPTOR, parquet_table
from .location import (download_package, is_url, local_path, open_package, open_zip,
                       parse_descriptor, read_member, remote_parquet)
from .reader import checked, find_resource

if TYPE_CHECKING:   # imported lazily: `import sensetime_dataset` stays cheap
    import frictionless
    import pandas
    import pyarrow

HERE = Path(__file__).resolve().parent.parent


def installed_location() -> Path:
    """The package shipped with the distribution (`_package/`, see pyproject.toml) or, in
    a source checkout (an editable install), the checkout's own package."""
    for candidate in (HERE / "_package", HERE.parents[1]):
        if (candidate / DESCRIPTOR).is_file():
            return candidate
    raise BuildError(f"no {DESCRIPTOR} installed next to {HERE}; pass a location")


def load_arrow(table: str, location: str | Path | None = None) -> "pyarrow.Table":
    """One table as a pyarrow Table, read from its verified Parquet file (no thread
    started: see format.parquet_table)."""
    return parquet_table(_parquet_bytes(table, location))


def load(table: str, location: str | Path | None = None) -> "pandas.DataFrame":
    """One table as a pandas DataFrame with pyarrow-backed types (strings stay strings,
    nulls stay nulls in every column type)."""
    import pandas as pd

    return load_arrow(table, location).to_pandas(types_mapper=pd.ArrowDtype, use_threads=False)


def package(location: str | Path | None = None) -> "frictionless.Package":
    """The frictionless Package (both formats of every table, with their schemas)."""
    from frictionless import Package

    location = installed_location() if location is None else location
    if is_url(location):
        # Downloaded through our door (the URL in errors, size-capped, archives too),
        # kept for the life of the process since frictionless reads rows lazily.
        folder = Path(tempfile.mkdtemp(prefix="sensetime-package-"))
        atexit.register(shutil.rmtree, folder, True)
        return Package(str(download_package(str(location), folder) / DESCRIPTOR))
    path = local_path(location)
    return Package(str(path / DESCRIPTOR if path.is_dir() else path))


def _parquet_bytes(table: str, location) -> bytes:
    """The bytes of `table`'s Parquet file, sha256 checked, fetching no more than it."""
    location = installed_location() if location is None else location
    if is_url(location):
        data, resource = remote_parquet(str(location), table)
        return checked(data, resource, location)
    path = local_path(location)
    if path.is_file() and path.name != DESCRIPTOR:
        # An archive: read its descriptor and the one member, not the whole archive.
        with open_zip(path) as zf:
            descriptor = parse_descriptor(read_member(path, zf, DESCRIPTOR), str(path))
            resource = find_resource(descriptor, table, "parquet", path)
            return checked(read_member(path, zf, resource["path"]), resource, path)
    with open_package(path) as pkg:
        return pkg.parquet_bytes(table)
