"""Is a package valid? Each fact is checked once:

1. frictionless validates the CSV copy of every table against its Table Schema (types,
   constraints, primary and foreign keys, bytes and sha256);
2. the Parquet copies: the sha256 the descriptor gives (frictionless does not check a
   Parquet hash), the declared column types, and the same rows as the CSV copy, compared
   column by column in pyarrow; so every rule checked on the CSV holds for the Parquet;
3. pandera for the rules Table Schema cannot state, driven by the schemas' keys and
   annotations: foreign keys resolve (against the set of published ids), every row has
   evidence, quotes are the source text at their offsets, evidence and claims point at
   published rows, precision columns match their dates, partial dates are real calendar
   dates whose first and last days are the `date` columns beside them, numbers are
   finite, qualifiers are set exactly with their values, copied columns equal their
   origin (rounds.valuation and valuations).
"""

from __future__ import annotations

import logging
import math
import re
from pathlib import Path

from ..errors import BuildError
from .reader import PublishedPackage
from .schema import PRECISION, Schemas, date_bounds

log = logging.getLogger(__name__)
MAX_REPORTED = 20
DATE_SHAPE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")


def validate_package(folder: Path | PublishedPackage) -> None:
    """Raise BuildError listing every problem found in the package at `folder`."""
    pkg = folder if isinstance(folder, PublishedPackage) else PublishedPackage(Path(folder))
    problems = _frictionless_problems(pkg)
    if not problems:
        problems = _parquet_problems(pkg)
    if not problems:
        problems = _pandera_problems(pkg)
    if problems:
        shown = problems[:MAX_REPORTED]
        more = len(problems) - len(shown)
        raise BuildError(f"{pkg.folder}: package is not valid ({len(problems)} problems):\n  "
                         + "\n  ".join(shown) + (f"\n  … and {more} more" if more else ""))
    log.info("package at %s is valid", pkg.folder)


def _frictionless_problems(pkg: PublishedPackage) -> list[str]:
    from frictionless import Package

    descriptor = dict(pkg.descriptor)
    # The CSV copies only (the Parquet copies are compared with them below), and without
    # foreign keys: frictionless re-reads the target table for every key (a third of its
    # time); the pandera step checks every key against the set of published ids instead.
    descriptor["resources"] = [
        dict(r, schema={k: v for k, v in r["schema"].items() if k != "foreignKeys"})
        for r in descriptor["resources"] if r.get("format") == "csv"]
    # Not trusted: a downloaded descriptor may only read files inside its own folder.
    try:
        report = Package(descriptor, basepath=str(pkg.folder)).validate()
    except Exception as exc:   # frictionless raises its own errors for a broken descriptor
        return [f"datapackage.json: {exc}"]
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


def _parquet_problems(pkg: PublishedPackage) -> list[str]:
    import pyarrow as pa
    import pyarrow.csv as pcsv

    problems = pkg.parquet_hash_problems()
    if problems:
        return problems
    schemas = pkg.schemas
    for table in pkg.tables:
        where = f"{table} (Parquet)"
        declared = [(f["name"], f["type"]) for f in pkg.resource(table, "parquet")["schema"]["fields"]]
        if declared != [(f["name"], f["type"]) for f in schemas.fields(table)]:
            problems.append(f"{where}: the descriptor declares other columns than the CSV copy")
            continue
        expected = schemas.arrow_schema(table)
        arrow = pkg.arrow(table)
        if not arrow.schema.equals(expected, check_metadata=False):
            problems.append(f"{where}: columns are {arrow.schema.to_string(show_schema_metadata=False)!r}, "
                            f"the schema declares {expected.to_string()!r}")
            continue
        # The CSV copy read with the same types: equal tables mean every check frictionless
        # made on the CSV rows holds for the Parquet rows too.
        options = pcsv.ConvertOptions(
            column_types={f.name: f.type for f in expected}, strings_can_be_null=True,
            quoted_strings_can_be_null=False, true_values=["true"], false_values=["false"],
            null_values=[""])
        try:
            csv = pcsv.read_csv(pkg.path(pkg.resource(table, "csv")), convert_options=options,
                                read_options=pcsv.ReadOptions(use_threads=False))
        except pa.ArrowInvalid as exc:
            problems.append(f"{table} (CSV): {exc}")
            continue
        problem = _first_difference(csv, arrow, schemas.primary_key(table))
        if problem:
            resource = pkg.resource(table, "parquet")
            problems.append(f"{resource['name']} ({resource['path']}): {problem}; the CSV and "
                            "Parquet copies must hold the same rows")
    return problems


def _first_difference(csv, arrow, key: str) -> str | None:
    """Where two tables of the same schema first differ, or None if they are equal."""
    if csv.num_rows != arrow.num_rows:
        return f"{arrow.num_rows} rows, the CSV copy has {csv.num_rows}"
    for name in arrow.column_names:
        a, b = csv.column(name), arrow.column(name)
        if a.equals(b):
            continue
        import pyarrow.compute as pc

        same = pc.fill_null(pc.equal(a, b), False)
        both_null = pc.and_(pc.is_null(a), pc.is_null(b))
        differs = pc.invert(pc.or_(same, both_null))
        index = pc.index(differs, True).as_py()
        if index < 0:
            continue
        row = arrow.column(key)[index].as_py()
        return (f"row {row!r}, column {name}: {b[index].as_py()!r}, the CSV copy has "
                f"{a[index].as_py()!r}")
    return None


def _pandera_problems(pkg: PublishedPackage) -> list[str]:
    import pandas as pd
    import pandera.pandas as pa

    frames = pkg.frames("parquet")
    if not pkg.schemas.has_annotations:
        # Since 1.0.0 the descriptor carries them: a package without them was tampered with.
        if not str(pkg.version).startswith("0."):
            return [f"{pkg.folder}: datapackage.json has no table annotations (tableRole …); "
                    "the cross-table checks need them"]
        log.warning("%s: a package before 1.0.0 without our schema annotations; the checks "
                    "that need them were skipped", pkg.folder)
        return []
    problems = []
    for table, schema in cross_table_schemas(frames, pkg.schemas).items():
        try:
            schema.validate(frames[table], lazy=True)
        except pa.errors.SchemaErrors as exc:
            key = pkg.schemas.primary_key(table)
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


def cross_table_schemas(frames: dict, schemas: Schemas) -> dict:
    """pandera schemas: the Table Schema's columns plus the rules it cannot state."""
    import pandas as pd
    import pandera.pandas as pa
    texts = dict(zip(frames["sources"]["source_id"], frames["sources"]["text"]))
    keys = {t: set(frames[t][schemas.primary_key(t)]) for t in frames}
    evidenced = set(zip(frames["evidence"]["table_name"], frames["evidence"]["row_id"]))

    def quote_at_offsets(df: pd.DataFrame) -> pd.Series:
        return pd.Series([texts.get(s, "")[int(b):int(e)] == q for s, q, b, e in
                          zip(df["source_id"], df["quote"], df["start"], df["end"])], index=df.index)

    def row_exists(df: pd.DataFrame) -> pd.Series:
        return pd.Series([r in keys.get(t, ()) for t, r in zip(df["table_name"], df["row_id"])],
                         index=df.index)

    def has_evidence(table: str):
        key = schemas.primary_key(table)
        return pa.Check(lambda df: df[key].map(lambda k: (table, k) in evidenced).astype(bool),
                        name="every row has evidence")

    def precision_matches(precision: str, date: str):
        def check(df: pd.DataFrame) -> pd.Series:
            expected = [PRECISION.get(len(d)) if isinstance(d, str) else None for d in df[date]]
            actual = [None if pd.isna(p) else str(p) for p in df[precision]]
            return pd.Series([e == a for e, a in zip(expected, actual)], index=df.index)
        return pa.Check(check, name=f"{precision} matches {date}")

    def bounds_match(column: str, date: str, side: int):
        def check(df: pd.DataFrame) -> pd.Series:
            # A date-shaped text must be a real calendar date ("2018-02-30" is not);
            # another word the pattern allows ("unknown") has no bounds.
            dated = [isinstance(d, str) and DATE_SHAPE.match(d) is not None for d in df[date]]
            expected = [(date_bounds(d) or (None, None))[side] if ok else None
                        for d, ok in zip(df[date], dated)]
            actual = [None if pd.isna(v) else v for v in df[column]]
            return pd.Series([e == a and (e is not None or not ok)
                              for e, a, ok in zip(expected, actual, dated)], index=df.index)
        return pa.Check(check, name=f"{date} is a calendar date and {column} its "
                                   f"{('first', 'last')[side]} day")

    def copied(column: str, origin: dict, key: str):
        source = frames[origin["table"]]
        values = {k: v for k, v in zip(source[origin["link"]], source[origin["field"]])
                  if not pd.isna(k)}

        def check(df: pd.DataFrame) -> pd.Series:
            return pd.Series([(values.get(k) == v) if not pd.isna(v) else k not in values
                              for k, v in zip(df[key], df[column])], index=df.index)
        return pa.Check(check, name=f"{column} equals {origin['table']}.{origin['field']} "
                                    f"of the row whose {origin['link']} is {key}")

    def references(table: str, target: str):
        return pa.Column(None, nullable=True, checks=pa.Check(
            lambda s: s.isna() | s.isin(keys[target]),
            name=f"foreign key: a {schemas.primary_key(target)} of {target}"))

    evidenced_tables = set(schemas.evidenced_tables())
    out = {}
    for table in frames:
        columns = schemas.field_names(table)
        checks, columns_checked = [], {}
        if table in evidenced_tables:
            checks.append(has_evidence(table))
        if {"table_name", "row_id", "quote", "start", "end"} <= set(columns):
            checks += [pa.Check(quote_at_offsets, name="quote equals the source text at offsets"),
                       pa.Check(row_exists, name="table_name/row_id is a published row")]
        for precision, date in schemas.precision_columns(table).items():
            checks.append(precision_matches(precision, date))
        for fk in schemas.foreign_keys(table):
            columns_checked[fk["fields"][0]] = references(table, fk["reference"]["resource"]
                                                           or table)
        for column, (date, side) in schemas.bound_columns(table).items():
            checks.append(bounds_match(column, date, side))
        for number in schemas.number_columns(table):
            # Table Schema has no rule against inf; a stated amount is always finite.
            checks.append(pa.Check(lambda df, n=number: df[n].map(
                lambda v: pd.isna(v) or math.isfinite(v)).astype(bool), name=f"{number} is finite"))
        for column, origin in schemas.copied_columns(table).items():
            checks.append(copied(column, origin, schemas.primary_key(table)))
        for qualifier, qualified in schemas.qualifier_columns(table).items():
            checks.append(pa.Check(
                lambda df, q=qualifier, x=qualified: (df[q].isna() == df[x].isna()).astype(bool),
                name=f"{qualifier} is set exactly when {qualified} is"))
        # Columns, types and single-column constraints were checked by frictionless on the
        # CSV copy (and the Parquet copy equals it): only the cross-table rules remain.
        out[table] = pa.DataFrameSchema(columns_checked, checks=checks, name=table)
    return out

