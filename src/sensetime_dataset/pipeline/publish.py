"""Write CSV, Parquet and datapackage.json, byte-identical for identical input.

The package is written to a staging directory; `swap_into_place` moves it over the
published one only after validation passed, so a failed build leaves data/ and
datapackage.json untouched, and a crash during the move is finished at the next start.
"""

from __future__ import annotations

import copy
import datetime as dt
import csv
import io
import json
import logging
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..checkout import Project, read_yaml
from . import journal
from ..published.format import DESCRIPTOR, PARQUET_SUFFIX, sha256_bytes
from ..published.schema import Schemas

log = logging.getLogger(__name__)

# Fixed writer options: compression, row-group size and statistics change the bytes.
PARQUET_OPTIONS = dict(compression="zstd", compression_level=9, row_group_size=1 << 20,
                       write_statistics=True, use_dictionary=True)


def csv_bytes(rows: list[dict], schemas: Schemas, table: str) -> bytes:
    """RFC 4180 CSV, header first, empty cell for null, quoting only where needed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = schemas.field_names(table)
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row.get(n)) for n in names])
    return buffer.getvalue().encode("utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.15g}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def parquet_bytes(rows: list[dict], schemas: Schemas, table: str) -> bytes:
    schema = schemas.arrow_schema(table)
    arrow = pa.Table.from_pylist([{n: r.get(n) for n in schema.names} for r in rows],
                                 schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(arrow, sink, **PARQUET_OPTIONS)
    return sink.getvalue().to_pybytes()


def descriptor(meta: dict, schemas: Schemas, files: dict[str, bytes],
               counts: dict[str, int]) -> dict:
    """The datapackage.json: package metadata plus a CSV and a Parquet resource per table."""
    resources = []
    for table in schemas.names:
        schema = schemas.tables[table]
        csv_name = f"data/{table}.csv"
        resources.append({
            "name": table,
            "title": schema.get("title", table),
            "description": schema.get("description", ""),
            "path": csv_name, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "bytes": len(files[csv_name]), "hash": f"sha256:{sha256_bytes(files[csv_name])}",
            "rows": counts[table],
            "dialect": {"csv": {"delimiter": ",", "quoteChar": '"', "lineTerminator": "\n"}},
            "schema": schema,
        })
    for table in schemas.names:
        schema = copy.deepcopy(schemas.tables[table])
        # A Parquet resource's foreign keys point at the Parquet sibling of the target.
        for fk in schema.get("foreignKeys", []):
            fk["reference"]["resource"] += PARQUET_SUFFIX
        _drop_bounds_on_nullable_numbers(schema)
        pq_name = f"data/{table}.parquet"
        resources.append({
            "name": table + PARQUET_SUFFIX,
            "title": schema.get("title", table) + " (Parquet)",
            "description": schema.get("description", ""),
            "path": pq_name, "format": "parquet",
            "mediatype": "application/vnd.apache.parquet", "encoding": "utf-8",
            # frictionless 5.21 does not check a Parquet hash, and rejects a correct
            # `bytes` ("actual is None"): we write the hash and check it ourselves.
            "hash": f"sha256:{sha256_bytes(files[pq_name])}",
            "schema": schema,
        })
    package = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": meta["name"], "title": meta["title"], "description": meta["description"],
        "version": meta["version"], "created": meta["created"],
        "keywords": meta["keywords"],
        "licenses": meta["licenses"], "contributors": meta["contributors"],
        "sources": meta["sources"], "resources": resources,
    }
    return package


def _drop_bounds_on_nullable_numbers(schema: dict) -> None:
    """frictionless 5.21 reads a null of a Parquet float column as NaN (its pandas
    parser tests `value is np.nan`, which a NaN from a row never is), and NaN fails any
    bound. The CSV resource keeps the bound, and validation checks that the Parquet file
    holds the same rows as the CSV file."""
    for f in schema["fields"]:
        constraints = f.get("constraints", {})
        if f["type"] == "number" and not constraints.get("required"):
            for bound in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
                constraints.pop(bound, None)


def package_metadata(project: Project) -> dict:
    return read_yaml(project.package_metadata)


def write_package(staging: Path, tables: dict[str, list[dict]], schemas: Schemas,
                  meta: dict) -> dict:
    files: dict[str, bytes] = {}
    for table in schemas.names:
        rows = tables.get(table, [])
        files[f"data/{table}.csv"] = csv_bytes(rows, schemas, table)
        files[f"data/{table}.parquet"] = parquet_bytes(rows, schemas, table)
    counts = {t: len(tables.get(t, [])) for t in schemas.names}
    package = descriptor(meta, schemas, files, counts)
    (staging / "data").mkdir(parents=True)
    for name, data in files.items():
        (staging / name).write_bytes(data)
    (staging / DESCRIPTOR).write_text(
        json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return package


def swap_into_place(staging: Path, project: Project) -> None:
    """Replace data/ and datapackage.json by the staged ones (see `journal.py`: the
    journal is written first, so a crash at any step is finished at the next start)."""
    journal.switch(project.root, staging)
    log.info("published %s and %s", project.data_dir, project.descriptor)
