"""Stage 6: validate a package directory: frictionless for what Table Schema says,
pandera for what it cannot (cross-table rules, provenance, CSV/Parquet agreement)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pyarrow.parquet as pq
from frictionless import Package
from pandera.io.pandas_io import from_frictionless_schema

from .errors import BuildError
from .publish import PARQUET_SUFFIX, sha256_bytes
from .tables import PRECISION

log = logging.getLogger(__name__)
ROW_TABLES = ("organizations", "rounds", "investors", "partners", "sanctions", "events")
MAX_REPORTED = 20


def validate_package(folder: Path) -> None:
    """Raise BuildError listing every problem found in the package at `folder`."""
    descriptor_path = folder / "datapackage.json"
    if not descriptor_path.is_file():
        raise BuildError(f"{descriptor_path}: not found; is this a package directory?")
    problems = _frictionless_problems(descriptor_path)
    if not problems:
        problems = _parquet_hash_problems(folder, descriptor_path)
    if not problems:
        problems = _pandera_problems(folder, descriptor_path)
    if problems:
        shown = problems[:MAX_REPORTED]
        more = len(problems) - len(shown)
        raise BuildError(f"{folder}: package is not valid ({len(problems)} problems):\n  "
                         + "\n  ".join(shown) + (f"\n  … and {more} more" if more else ""))
    log.info("package at %s is valid", folder)


def _frictionless_problems(descriptor_path: Path) -> list[str]:
    # Not trusted: a downloaded descriptor may only read files inside its own folder.
    report = Package(str(descriptor_path)).validate()
    problems = []
    for task in report.tasks:
        for error in task.errors:
            where = f"{task.name} ({task.place})"
            row = getattr(error, "row_number", None)
            field = getattr(error, "field_name", None)
            loc = "".join([f", row {row}" if row else "", f", field {field}" if field else ""])
            problems.append(f"{where}{loc}: {error.title}: {error.note}")
    for error in report.errors:
        problems.append(f"package: {error.title}: {error.note}")
    return problems


def _parquet_hash_problems(folder: Path, descriptor_path: Path) -> list[str]:
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    problems = []
    for resource in descriptor["resources"]:
        if resource.get("format") != "parquet":
            continue
        path = folder / resource["path"]
        expected = resource.get("hash", "").removeprefix("sha256:")
        actual = sha256_bytes(path.read_bytes()) if path.is_file() else "missing"
        if actual != expected:
            problems.append(f"{resource['path']}: sha256 is {actual}, the descriptor says "
                            f"{expected}; the file is not the one published")
    return problems


def read_tables(folder: Path, fmt: str) -> dict[str, pd.DataFrame]:
    """The package's tables as pandas frames, in the schema's column order."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    frames = {}
    for resource in descriptor["resources"]:
        if resource["format"] != fmt:
            continue
        table = resource["name"].removesuffix(PARQUET_SUFFIX)
        path = folder / resource["path"]
        if fmt == "parquet":
            frame = pq.read_table(path).to_pandas(types_mapper=pd.ArrowDtype)
        else:
            types = {f["name"]: _pandas_type(f["type"]) for f in resource["schema"]["fields"]}
            frame = pd.read_csv(path, dtype=types, keep_default_na=False,
                                na_values=[""], dtype_backend="pyarrow")
            for f in resource["schema"]["fields"]:
                if f["type"] == "boolean":
                    frame[f["name"]] = frame[f["name"]].map({"true": True, "false": False}) \
                        .astype("bool[pyarrow]")
        frames[table] = frame
    return frames


def _pandas_type(ftype: str) -> str:
    return {"string": "string[pyarrow]", "number": "double[pyarrow]",
            "integer": "int64[pyarrow]", "boolean": "string[pyarrow]"}[ftype]


def _pandera_problems(folder: Path, descriptor_path: Path) -> list[str]:
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    schemas = {r["name"]: r["schema"] for r in descriptor["resources"] if r["format"] == "csv"}
    csv_frames = read_tables(folder, "csv")
    parquet_frames = read_tables(folder, "parquet")
    problems = []
    for table in schemas:   # the package's own tables: an older release may lack a newer one
        a, b = csv_frames[table], parquet_frames[table]
        if not a.astype(str).reset_index(drop=True).equals(b.astype(str).reset_index(drop=True)):
            problems.append(f"{table}: the CSV and Parquet files do not hold the same rows")
    frames = parquet_frames
    for table, schema in cross_table_schemas(frames, schemas).items():
        try:
            schema.validate(frames[table], lazy=True)
        except pa.errors.SchemaErrors as exc:
            key = schemas[table]["primaryKey"][0]
            seen = set()
            for _, case in exc.failure_cases.iterrows():
                index = case["index"]
                row = (f"row {frames[table][key].iloc[int(index)]!r}"
                       if isinstance(index, (int, float)) and not pd.isna(index) else "table")
                if (case["check"], row) in seen:
                    continue
                seen.add((case["check"], row))
                column = "" if case["check"] and case["column"] in (None, table) \
                    or pd.isna(case["column"]) else f", column {case['column']}"
                problems.append(f"{table}, {row}{column}: fails '{case['check']}' "
                                f"(value {case['failure_case']!r})")
    return problems


def cross_table_schemas(frames: dict[str, pd.DataFrame],
                        schemas: dict[str, dict]) -> dict[str, pa.DataFrameSchema]:
    """pandera schemas: the Table Schema's columns plus the rules it cannot state."""
    texts = dict(zip(frames["sources"]["source_id"], frames["sources"]["text"]))
    keys = {t: set(frames[t][schemas[t]["primaryKey"][0]]) for t in schemas}
    evidenced = set(zip(frames["evidence"]["table_name"], frames["evidence"]["row_id"]))

    def quote_at_offsets(df: pd.DataFrame) -> pd.Series:
        return pd.Series([texts.get(s, "")[int(b):int(e)] == q for s, q, b, e in
                          zip(df["source_id"], df["quote"], df["start"], df["end"])], index=df.index)

    def row_exists(df: pd.DataFrame) -> pd.Series:
        return pd.Series([r in keys.get(t, ()) for t, r in zip(df["table_name"], df["row_id"])],
                         index=df.index)

    def has_evidence(table: str):
        key = schemas[table]["primaryKey"][0]
        return pa.Check(lambda df: df[key].map(lambda k: (table, k) in evidenced).astype(bool),
                        name="every row has evidence")

    def precision_matches(df: pd.DataFrame) -> pd.Series:
        expected = [PRECISION.get(len(d)) if isinstance(d, str) else None for d in df["date"]]
        actual = [None if pd.isna(p) else str(p) for p in df["date_precision"]]
        return pd.Series([e == a for e, a in zip(expected, actual)], index=df.index)

    def references(column: str, table: str, key: str):
        return pa.Check(lambda df: df[column].map(lambda v: pd.isna(v) or v in keys[table])
                        .astype(bool), name=f"{column} refers to a row of {table}")

    out = {}
    for table in schemas:
        base = from_frictionless_schema(schemas[table])
        checks = []
        if table in ROW_TABLES:
            checks.append(has_evidence(table))
        if table in ("evidence", "claims", "conflicts"):
            checks += [pa.Check(quote_at_offsets, name="quote equals the source text at offsets"),
                       pa.Check(row_exists, name="table_name/row_id is a published row")]
        if "date_precision" in frames[table].columns:
            checks.append(pa.Check(precision_matches, name="date_precision matches date"))
        for fk in schemas[table].get("foreignKeys", []):
            checks.append(references(fk["fields"][0], fk["reference"]["resource"],
                                     fk["reference"]["fields"][0]))
        for money in ("amount", "valuation"):
            if money in frames[table].columns:
                checks.append(pa.Check(lambda df, m=money: df[m].map(
                    lambda v: pd.isna(v) or v > 0).astype(bool), name=f"{money} is positive"))
        for column in frames[table].columns:
            # A `<x>_qualifier` column says how `<x>` is stated: set exactly when `<x>` is.
            qualified = column.removesuffix("_qualifier")
            if column.endswith("_qualifier") and qualified in frames[table].columns:
                checks.append(pa.Check(
                    lambda df, q=column, x=qualified: (df[q].isna() == df[x].isna()).astype(bool),
                    name=f"{column} is set exactly when {qualified} is"))
        out[table] = pa.DataFrameSchema(columns=base.columns, checks=checks, coerce=True,
                                        strict=True, name=table)
    return out
