"""Loading in one line: `load("rounds")`, `load_arrow("rounds")`, `package()`.

A location is the installed copy (default), a package directory, its datapackage.json,
a release archive (.zip), or the http(s) URL of a datapackage.json. Tables are read
from their Parquet files, whose sha256 is checked against the descriptor first (from a
URL too: a file that is not the one published is refused, not loaded)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BuildError
from .format import DESCRIPTOR
from .location import fetch, is_url, open_package, resolve_url
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
    """One table as a pyarrow Table, read from its verified Parquet file."""
    import pyarrow.parquet as pq

    return pq.read_table(io.BytesIO(_parquet_bytes(table, location)))


def load(table: str, location: str | Path | None = None) -> "pandas.DataFrame":
    """One table as a pandas DataFrame with pyarrow-backed types (strings stay strings,
    nulls stay nulls in every column type)."""
    import pandas as pd

    return load_arrow(table, location).to_pandas(types_mapper=pd.ArrowDtype)


def package(location: str | Path | None = None) -> "frictionless.Package":
    """The frictionless Package (both formats of every table, with their schemas)."""
    from frictionless import Package

    location = installed_location() if location is None else location
    if is_url(location):
        return Package(str(location))
    path = Path(location)
    return Package(str(path / DESCRIPTOR if path.is_dir() else path))


def _parquet_bytes(table: str, location) -> bytes:
    """The bytes of `table`'s Parquet file, sha256 checked, fetching no more than it."""
    location = installed_location() if location is None else location
    if is_url(location):
        url = str(location)
        try:
            descriptor = json.loads(fetch(url))
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise BuildError(f"{url}: not a datapackage.json") from None
        resource = find_resource(descriptor, table, "parquet", url)
        return checked(fetch(resolve_url(url, resource["path"])), resource, url)
    path = Path(location)
    if path.is_file() and zipfile.is_zipfile(path):
        # Read the one member, not the whole archive.
        with zipfile.ZipFile(path) as zf:
            descriptor = json.loads(zf.read(DESCRIPTOR))
            resource = find_resource(descriptor, table, "parquet", path)
            return checked(zf.read(resource["path"]), resource, path)
    with open_package(path) as pkg:
        return pkg.parquet_bytes(table)
