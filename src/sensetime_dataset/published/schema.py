"""The Table Schemas: the single source of truth for every table.

Besides standard Table Schema, each schema carries properties of ours (Table Schema
allows custom properties; the README's data dictionary documents them), so that no
code keeps its own list of which columns are what:

table level
  tableRole      curated (rows from curation/<table>.yaml), registry (organizations) or
                 provenance (sources, evidence, claims, conflicts)
  derivedEvent   every row also appears in `events`: {"idPrefix", "link", "eventType"}
  defaultSort    the column a table is sorted by when shown
field level
  precisionOf    this column is the precision (year/month/day) of the partial date named
  startOf/endOf  this `date` column is the first/last day of the partial date named
  qualifies      this column says how the value of the column named is stated
  fullText       the column is indexed for full-text search
  unit           (standard in spirit) the column holding the currency of a money column
  readAs         the generic reader that must find a curated value in its quote: money,
                 currency, bound (of the money column it `qualifies`), date or role
  derived        computed from the claims: sourceCount (distinct sources stating the
                 row) or disputed (the row has sides in `conflicts`)
  copiedFrom     {"table", "link", "field"}: copied from the row of `table` whose `link`
                 column is this row's key

Since 1.0.0 these properties are published in datapackage.json, so a downloaded
descriptor describes itself. Packages before 1.0.0 lacked them: `annotated` puts them
back from the schemas/ folder those packages ship.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError

TABLE_ANNOTATIONS = ("tableRole", "derivedEvent", "defaultSort")
FIELD_ANNOTATIONS = ("precisionOf", "startOf", "endOf", "qualifies", "fullText", "readAs",
                     "derived", "copiedFrom")
READERS = ("money", "currency", "bound", "date", "role")
ROLES = ("curated", "registry", "provenance")
# ISO 8601 partial dates: the length of the text says its precision.
PRECISION = {4: "year", 7: "month", 10: "day"}


def precision_of(date: str | None) -> str | None:
    return PRECISION.get(len(date)) if date else None


def date_bounds(date: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a partial ISO date ("2018-04" → 2018-04-01, 2018-04-30);
    None when it is empty or not a real calendar date ("2018-02-30", "2018-13")."""
    if not date or len(date) not in PRECISION:
        return None
    try:
        parts = [int(p) for p in date.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            year, month = parts
            return (dt.date(year, month, 1),
                    dt.date(year, month, calendar.monthrange(year, month)[1]))
        day = dt.date(*parts)
        return day, day
    except ValueError:
        return None


def read_schema_file(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(f"{path}: missing; every table needs a Table Schema") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BuildError(f"{path}: not valid JSON: {exc}") from None



@dataclass(frozen=True)
class Schemas:
    """Every table's schema, in package order."""

    tables: dict[str, dict]

    @classmethod
    def from_dir(cls, folder: Path, names: list[str]) -> "Schemas":
        return cls({name: read_schema_file(folder / f"{name}.json") for name in names})

    @classmethod
    def annotated(cls, schemas: dict[str, dict], folder: Path) -> "Schemas":
        """Published schemas; for a package before 1.0.0 (no annotations in its
        descriptor) with our annotations put back from `folder`/<table>.json."""
        out = {}
        for name, schema in schemas.items():
            path = folder / f"{name}.json"
            if "tableRole" not in schema and path.is_file():
                source = read_schema_file(path)
                schema = dict(schema, **{k: source[k] for k in TABLE_ANNOTATIONS if k in source})
                extra = {f["name"]: f for f in source.get("fields", [])}
                schema["fields"] = [dict(f, **{k: extra.get(f["name"], {})[k]
                                               for k in FIELD_ANNOTATIONS
                                               if k in extra.get(f["name"], {})})
                                    for f in schema["fields"]]
            out[name] = schema
        return cls(out)

    @property
    def names(self) -> list[str]:
        return list(self.tables)

    def fields(self, table: str) -> list[dict]:
        return self.tables[table]["fields"]

    def field_names(self, table: str) -> list[str]:
        return [f["name"] for f in self.fields(table)]

    def field(self, table: str, name: str) -> dict:
        for f in self.fields(table):
            if f["name"] == name:
                return f
        raise KeyError(f"{table}.{name}")

    def field_type(self, table: str, name: str) -> str:
        return self.field(table, name)["type"]

    def primary_key(self, table: str) -> str:
        (key,) = self.tables[table]["primaryKey"]
        return key

    def foreign_keys(self, table: str) -> list[dict]:
        return self.tables[table].get("foreignKeys", [])

    # --- our annotations ---------------------------------------------------------------

    def role(self, table: str) -> str:
        role = self.tables[table].get("tableRole")
        if role not in ROLES:
            raise BuildError(f"schemas/{table}.json: tableRole is {role!r}; use one of "
                             f"{', '.join(ROLES)}")
        return role

    def with_role(self, *roles: str) -> list[str]:
        return [t for t in self.tables if self.role(t) in roles]

    def evidenced_tables(self) -> list[str]:
        """Tables whose every row must have at least one evidence quote: the tables an
        evidence row may point at (the enum of evidence.table_name)."""
        allowed = self.field("evidence", "table_name").get("constraints", {}).get("enum", [])
        return [t for t in self.tables if t in allowed]

    @property
    def has_annotations(self) -> bool:
        return all("tableRole" in s for s in self.tables.values())

    def derived_event(self, table: str) -> dict | None:
        return self.tables[table].get("derivedEvent")

    def default_sort(self, table: str) -> str | None:
        return self.tables[table].get("defaultSort")

    def precision_columns(self, table: str) -> dict[str, str]:
        """precision column -> the partial-date column it describes."""
        return {f["name"]: f["precisionOf"] for f in self.fields(table) if "precisionOf" in f}

    def qualifier_columns(self, table: str) -> dict[str, str]:
        """qualifier column -> the column whose statement it qualifies."""
        return {f["name"]: f["qualifies"] for f in self.fields(table) if "qualifies" in f}

    def money_columns(self, table: str) -> dict[str, str]:
        """money column -> its currency column."""
        return {f["name"]: f["unit"] for f in self.fields(table) if "unit" in f}

    def bound_columns(self, table: str) -> dict[str, tuple[str, int]]:
        """date column -> (the partial-date column it bounds, 0 for start or 1 for end)."""
        out = {}
        for f in self.fields(table):
            for side, key in enumerate(("startOf", "endOf")):
                if key in f:
                    out[f["name"]] = (f[key], side)
        return out

    def partial_date_columns(self, table: str) -> set[str]:
        return set(self.precision_columns(table).values())

    def read_as(self, table: str) -> dict[str, str]:
        """column -> the reader that must find its curated value in the quote."""
        out = {f["name"]: f["readAs"] for f in self.fields(table) if "readAs" in f}
        for name, reader in out.items():
            if reader not in READERS:
                raise BuildError(f"schemas/{table}.json: {name} has readAs {reader!r}; use one "
                                 f"of {', '.join(READERS)}")
        return out

    def derived_columns(self, table: str) -> dict[str, str]:
        """column -> what it is derived from the claims (sourceCount, disputed)."""
        return {f["name"]: f["derived"] for f in self.fields(table) if "derived" in f}

    def copied_columns(self, table: str) -> dict[str, dict]:
        return {f["name"]: f["copiedFrom"] for f in self.fields(table) if "copiedFrom" in f}

    def computed_columns(self, table: str) -> set[str]:
        """Columns the build fills, which curation may not state."""
        return (set(self.precision_columns(table)) | set(self.bound_columns(table))
                | set(self.derived_columns(table)) | set(self.copied_columns(table)))

    def number_columns(self, table: str) -> list[str]:
        return [f["name"] for f in self.fields(table) if f["type"] == "number"]

    def fulltext_columns(self, table: str) -> list[str]:
        return [f["name"] for f in self.fields(table) if f.get("fullText")]

    def organization_fields(self, table: str) -> set[str]:
        return {fk["fields"][0] for fk in self.foreign_keys(table)
                if fk["reference"]["resource"] == "organizations"}

    # --- checks and types --------------------------------------------------------------

    def check_value(self, table: str, name: str, value, where: str) -> None:
        """Check one curated value against its column's constraints (type, enum, pattern,
        bounds), so that a wrong value is refused even where it is not the published one."""
        _, notes = self._frictionless_field(table, name).read_cell(value)
        if notes:
            raise BuildError(f"{where}: {name} = {value!r} breaks schemas/{table}.json: "
                             + "; ".join(notes.values()))

    def _frictionless_field(self, table: str, name: str):
        # One Field per column: building one validates its descriptor (a millisecond),
        # and the build checks some 700 values.
        cache = self.__dict__.setdefault("_fields", {})
        if (table, name) not in cache:
            from frictionless import Field   # heavy: only the build checks values

            cache[(table, name)] = Field.from_descriptor(self.field(table, name))
        return cache[(table, name)]

    def arrow_schema(self, table: str):
        import pyarrow as pa

        types = {"string": pa.string(), "number": pa.float64(), "integer": pa.int64(),
                 "boolean": pa.bool_(), "date": pa.date32()}
        return pa.schema([pa.field(f["name"], types[f["type"]],
                                   nullable=not f.get("constraints", {}).get("required", False))
                          for f in self.fields(table)])
