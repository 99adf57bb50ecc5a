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
  qualifies      this column says how the value of the column named is stated
  fullText       the column is indexed for full-text search
  unit           (standard in spirit) the column holding the currency of a money column

These properties are kept out of the published descriptor until a major release (they
would change its bytes); readers find them in schemas/, which every package form ships.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError

TABLE_ANNOTATIONS = ("tableRole", "derivedEvent", "defaultSort")
FIELD_ANNOTATIONS = ("precisionOf", "qualifies", "fullText")
ROLES = ("curated", "registry", "provenance")
# ISO 8601 partial dates: the length of the text says its precision.
PRECISION = {4: "year", 7: "month", 10: "day"}


def precision_of(date: str | None) -> str | None:
    return PRECISION.get(len(date)) if date else None


def read_schema_file(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(f"{path}: missing; every table needs a Table Schema") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BuildError(f"{path}: not valid JSON: {exc}") from None


def published(schema: dict) -> dict:
    """The schema as published in datapackage.json: without our annotations."""
    out = {k: v for k, v in schema.items() if k not in TABLE_ANNOTATIONS}
    out["fields"] = [{k: v for k, v in f.items() if k not in FIELD_ANNOTATIONS}
                     for f in schema["fields"]]
    return out


@dataclass(frozen=True)
class Schemas:
    """Every table's schema, in package order."""

    tables: dict[str, dict]

    @classmethod
    def from_dir(cls, folder: Path, names: list[str]) -> "Schemas":
        return cls({name: read_schema_file(folder / f"{name}.json") for name in names})

    @classmethod
    def annotated(cls, schemas: dict[str, dict], folder: Path) -> "Schemas":
        """Published schemas with our annotations put back from `folder`/<table>.json,
        where that file exists (a package read from a bare descriptor has none)."""
        out = {}
        for name, schema in schemas.items():
            path = folder / f"{name}.json"
            if path.is_file():
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

            spec = published({"fields": [self.field(table, name)]})["fields"][0]
            cache[(table, name)] = Field.from_descriptor(spec)
        return cache[(table, name)]

    def arrow_schema(self, table: str):
        import pyarrow as pa

        types = {"string": pa.string(), "number": pa.float64(), "integer": pa.int64(),
                 "boolean": pa.bool_()}
        return pa.schema([pa.field(f["name"], types[f["type"]],
                                   nullable=not f.get("constraints", {}).get("required", False))
                          for f in self.fields(table)])
