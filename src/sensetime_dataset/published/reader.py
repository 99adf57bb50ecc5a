"""`PublishedPackage`: one package directory, its descriptor parsed once, its tables read
in either format, and the one check that a Parquet file is the one published
(frictionless 5.21 does not check a Parquet resource's hash)."""

from __future__ import annotations

import difflib
import json
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BuildError
from .format import (DESCRIPTOR, MAX_PACKAGE_BYTES, PARQUET_SUFFIX, parquet_table,
                     sha256_bytes, table_of, unsafe_path)
from .schema import Schemas

if TYPE_CHECKING:   # heavy, imported where used
    import pandas
    import pyarrow


def read_descriptor_file(path: Path) -> dict:
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(f"{path}: not found; is this a package directory? (run "
                         "`sensetime-dataset build` to make one)") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BuildError(f"{path}: not valid JSON: {exc}") from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise BuildError(f"{path}: not a data package descriptor (no 'resources' list)")
    return descriptor


def find_resource(descriptor: dict, table: str, fmt: str, where) -> dict:
    for resource in descriptor["resources"]:
        if resource.get("format") == fmt and table_of(resource) == table:
            return resource
    names = sorted({table_of(r) for r in descriptor["resources"]})
    close = difflib.get_close_matches(str(table), names, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise BuildError(f"{where}: no table {table!r}; {hint}the tables are {', '.join(names)}")


def checked(data: bytes, resource: dict, where) -> bytes:
    """`data` if its sha256 is the one the descriptor gives, else a BuildError."""
    expected = str(resource.get("hash", "")).removeprefix("sha256:")
    actual = sha256_bytes(data)
    if actual != expected:
        raise BuildError(f"{where}: {resource['path']} has sha256 {actual}, the descriptor "
                         f"says {expected or 'nothing'}; refusing a file that is not the one "
                         "published")
    return data


class PublishedPackage:
    """A package directory: datapackage.json, data/ and (usually) schemas/."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @cached_property
    def descriptor(self) -> dict:
        return read_descriptor_file(self.folder / DESCRIPTOR)

    @property
    def name(self) -> str:
        return self.descriptor["name"]

    @property
    def version(self) -> str:
        return self.descriptor["version"]

    @cached_property
    def tables(self) -> list[str]:
        """Table names in the order of the descriptor."""
        return list(dict.fromkeys(table_of(r) for r in self.descriptor["resources"]))

    def resource(self, table: str, fmt: str = "csv") -> dict:
        return find_resource(self.descriptor, table, fmt, self.folder)

    def path(self, resource: dict) -> Path:
        """A resource's file; its path comes from a descriptor that may not be ours."""
        why = unsafe_path(resource.get("path"))
        if why:
            raise BuildError(f"{self.folder}: resource {resource.get('name')!r} has path "
                             f"{resource.get('path')!r}, not inside the package ({why})")
        return self.folder / resource["path"]

    @cached_property
    def schemas(self) -> Schemas:
        """The full Table Schemas (the CSV resources carry them unchanged); a package
        before 1.0.0 gets our annotations from the schemas/ it ships."""
        return Schemas.annotated({t: self.resource(t, "csv")["schema"] for t in self.tables},
                                 self.folder / "schemas")

    def parquet_bytes(self, table: str) -> bytes:
        resource = self.resource(table, "parquet")
        path = self.path(resource)
        if not path.is_file():
            raise BuildError(f"{path}: missing; the descriptor lists it")
        if path.stat().st_size > MAX_PACKAGE_BYTES:   # never read a huge file whole
            raise BuildError(f"{path}: {path.stat().st_size:,} bytes, more than a package "
                             "may hold; refused")
        return checked(path.read_bytes(), resource, self.folder)

    def parquet_hash_problems(self) -> list[str]:
        problems = []
        for table in self.tables:
            try:
                self.parquet_bytes(table)
            except BuildError as exc:
                problems.append(str(exc))
        return problems

    def arrow(self, table: str) -> "pyarrow.Table":
        """A table from its Parquet file, after the hash check."""
        return parquet_table(self.parquet_bytes(table))

    def frame(self, table: str, fmt: str = "parquet") -> "pandas.DataFrame":
        """A table as pandas with pyarrow-backed types, from either format."""
        import pandas as pd

        if fmt == "parquet":
            return self.arrow(table).to_pandas(types_mapper=pd.ArrowDtype, use_threads=False)
        resource = self.resource(table, "csv")
        fields = resource["schema"]["fields"]
        types = {"string": "string[pyarrow]", "number": "double[pyarrow]",
                 "integer": "int64[pyarrow]", "boolean": "string[pyarrow]",
                 "date": "date32[pyarrow]"}
        frame = pd.read_csv(self.path(resource), dtype={f["name"]: types[f["type"]]
                                                        for f in fields},
                            keep_default_na=False, na_values=[""], dtype_backend="pyarrow")
        for f in fields:
            if f["type"] == "boolean":
                frame[f["name"]] = frame[f["name"]].map({"true": True, "false": False}) \
                    .astype("bool[pyarrow]")
        return frame

    def frames(self, fmt: str = "parquet") -> dict[str, "pandas.DataFrame"]:
        return {t: self.frame(t, fmt) for t in self.tables}

    def rows(self, table: str) -> list[dict]:
        """A table as plain Python rows (None for null), from Parquet."""
        return self.arrow(table).to_pylist()


__all__ = ["PARQUET_SUFFIX", "PublishedPackage", "checked", "find_resource",
           "read_descriptor_file"]
