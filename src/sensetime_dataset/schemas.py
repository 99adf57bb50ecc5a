"""The Table Schemas in schemas/: the single source of truth for every table."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
from frictionless import Field

from .errors import BuildError
from .project import TABLES, Project

ARROW_TYPES = {
    "string": pa.string(),
    "number": pa.float64(),
    "integer": pa.int64(),
    "boolean": pa.bool_(),
}


@dataclass(frozen=True)
class Schemas:
    tables: dict[str, dict]

    @classmethod
    def load(cls, project: Project) -> "Schemas":
        return cls.from_dir(project.schemas_dir)

    @classmethod
    def from_dir(cls, folder: Path) -> "Schemas":
        tables = {}
        for name in TABLES:
            path = folder / f"{name}.json"
            try:
                tables[name] = json.loads(path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise BuildError(f"{path}: missing; every table needs a Table Schema") from None
            except json.JSONDecodeError as exc:
                raise BuildError(f"{path}: not valid JSON: {exc}") from None
        return cls(tables)

    def fields(self, table: str) -> list[dict]:
        return self.tables[table]["fields"]

    def field_names(self, table: str) -> list[str]:
        return [f["name"] for f in self.fields(table)]

    def field_type(self, table: str, name: str) -> str:
        for f in self.fields(table):
            if f["name"] == name:
                return f["type"]
        raise KeyError(name)

    def primary_key(self, table: str) -> str:
        (key,) = self.tables[table]["primaryKey"]
        return key

    def foreign_keys(self, table: str) -> list[dict]:
        return self.tables[table].get("foreignKeys", [])

    def organization_fields(self, table: str) -> set[str]:
        return {fk["fields"][0] for fk in self.foreign_keys(table)
                if fk["reference"]["resource"] == "organizations"}

    def check_value(self, table: str, name: str, value, where: str) -> None:
        """Check one curated value against its column's constraints (type, enum, pattern,
        bounds), so that a wrong value is refused even where it is not the published one."""
        spec = next(f for f in self.fields(table) if f["name"] == name)
        _, notes = Field.from_descriptor(spec).read_cell(value)
        if notes:
            raise BuildError(f"{where}: {name} = {value!r} breaks schemas/{table}.json: "
                             + "; ".join(notes.values()))

    def arrow_schema(self, table: str) -> pa.Schema:
        return pa.schema([pa.field(f["name"], ARROW_TYPES[f["type"]],
                                   nullable=not f.get("constraints", {}).get("required", False))
                          for f in self.fields(table)])
