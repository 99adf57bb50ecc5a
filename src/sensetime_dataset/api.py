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

from .errors import BuildError
from .location import DESCRIPTOR, fetch, is_url, read_descriptor, resolve_url
from .publish import PARQUET_SUFFIX, sha256_bytes

if TYPE_CHECKING:   # imported lazily: `import sensetime_dataset` stays cheap
    import frictionless
    import pandas
    import pyarrow

HERE = Path(__file__).resolve().parent


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

    descriptor, data = _parquet_bytes(table, location)
    return pq.read_table(io.BytesIO(data))


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


def _parquet_bytes(table: str, location) -> tuple[dict, bytes]:
    """The descriptor and the bytes of `table`'s Parquet file, sha256 checked."""
    location = installed_location() if location is None else location
    if is_url(location):
        url = str(location)
        descriptor = json.loads(fetch(url))
        resource = _resource(descriptor, table, url)
        data = fetch(resolve_url(url, resource["path"]))
    else:
        path = Path(location)
        if path.is_file() and zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                descriptor = json.loads(zf.read(DESCRIPTOR))
                resource = _resource(descriptor, table, path)
                data = zf.read(resource["path"])
        else:
            folder = path.parent if path.name == DESCRIPTOR else path
            descriptor = read_descriptor(folder)
            resource = _resource(descriptor, table, folder)
            data = (folder / resource["path"]).read_bytes()
    expected = resource.get("hash", "").removeprefix("sha256:")
    if sha256_bytes(data) != expected:
        raise BuildError(f"{location}: {resource['path']} has sha256 {sha256_bytes(data)}, "
                         f"the descriptor says {expected}; refusing a file that is not the "
                         "one published")
    return descriptor, data


def _resource(descriptor: dict, table: str, where) -> dict:
    for resource in descriptor.get("resources", []):
        if resource.get("format") == "parquet" and \
                resource["name"].removesuffix(PARQUET_SUFFIX) == table:
            return resource
    names = sorted(r["name"].removesuffix(PARQUET_SUFFIX)
                   for r in descriptor.get("resources", []) if r.get("format") == "parquet")
    raise BuildError(f"{where}: no table {table!r}; the tables are {', '.join(names)}")
