"""Compare two versions of the package: tables, columns, types, keys and rows.

Rows are matched by primary key and compared as their CSV text, the published form
of every value, so that a number, a date or a boolean compares exactly as a reader
sees it. Works from the descriptors alone: any set of tables and columns."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..published.format import PARQUET_SUFFIX, parquet_table
from ..published.location import open_package
from ..published.reader import PublishedPackage

# Bump levels, in increasing order of what a reader has to do about the change.
NONE, PATCH, MINOR, MAJOR = "none", "patch", "minor", "major"
LEVELS = (NONE, PATCH, MINOR, MAJOR)
# Package metadata that changes with every release and is not a change of the data.
RELEASE_FIELDS = {"version", "created", "resources"}
SHOWN_CHARS = 60


@dataclass(frozen=True)
class Kind:
    """What a kind of change means: the version bump it needs and the CHANGELOG section
    it goes in. Every report formats the same list of changes from these."""
    level: str
    section: str   # Added | Changed | Removed | "" (not a change of the data)


# In the order every report lists them.
KINDS = {
    "table-added": Kind(MINOR, "Added"),
    "table-removed": Kind(MAJOR, "Removed"),
    "metadata-changed": Kind(PATCH, "Changed"),
    "column-added": Kind(MINOR, "Added"),
    "column-removed": Kind(MAJOR, "Removed"),
    "type-changed": Kind(MAJOR, "Changed"),
    "column-property-changed": Kind(PATCH, "Changed"),
    # A value a reader may filter on is no longer allowed: their query breaks.
    "enum-narrowed": Kind(MAJOR, "Changed"),
    "primary-key-changed": Kind(MAJOR, "Changed"),
    "foreign-key-added": Kind(MINOR, "Added"),
    "foreign-key-removed": Kind(MAJOR, "Removed"),
    "rows-not-compared": Kind(NONE, ""),
    # Rows that come or go change what a reader can join to: at least MINOR, so that a
    # PATCH release keeps the same rows and only corrects values.
    "rows-added": Kind(MINOR, "Added"),
    "rows-removed": Kind(MINOR, "Removed"),
    "rows-changed": Kind(PATCH, "Changed"),
}


@dataclass(frozen=True)
class Change:
    """One change between two package versions. `detail` holds what the kind needs:
    rows (table-added/removed), keys (metadata-changed), column, type, old, new, what,
    key (a foreign key), keys (rows added/removed), rows ([{key, changes}])."""
    kind: str
    table: str | None = None
    detail: dict = field(default_factory=dict)

    @property
    def level(self) -> str:
        return KINDS[self.kind].level

    def why(self) -> str:
        """One line: the reason this change needs its level."""
        d, n = self.detail, self.table
        return {
            "table-added": lambda: f"table {n} added",
            "table-removed": lambda: f"table {n} removed",
            "metadata-changed": lambda: f"package metadata changed: {', '.join(d['keys'])}",
            "column-added": lambda: f"column {n}.{d['column']} added",
            "column-removed": lambda: f"column {n}.{d['column']} removed",
            "type-changed": lambda: f"type of {n}.{d['column']} changed",
            "column-property-changed": lambda: f"column {n}.{d['column']}: {d['what']} changed",
            "enum-narrowed": lambda: f"values of {n}.{d['column']} no longer allowed: "
                                     f"{', '.join(d['removed'])}",
            "primary-key-changed": lambda: f"primary key of {n} changed",
            "foreign-key-added": lambda: f"foreign key {n}.{d['key']} added",
            "foreign-key-removed": lambda: f"foreign key {n}.{d['key']} removed or changed",
            "rows-not-compared": lambda: f"rows of {n} not compared",
            "rows-added": lambda: f"{len(d['keys'])} rows added to {n}",
            "rows-removed": lambda: f"{len(d['keys'])} rows removed from {n}",
            "rows-changed": lambda: f"{len(d['rows'])} rows of {n} changed",
        }[self.kind]()


@dataclass
class PackageDiff:
    old: dict            # {"name", "version"}
    new: dict
    changes: list[Change] = field(default_factory=list)   # in KINDS order per table

    @property
    def reasons(self) -> list[tuple[str, str]]:
        """(level, why) for every change that needs a version bump."""
        return [(c.level, c.why()) for c in self.changes if c.level != NONE]

    @property
    def level(self) -> str:
        return max((c.level for c in self.changes), key=LEVELS.index, default=NONE)

    def package_changes(self) -> list[Change]:
        return [c for c in self.changes if c.table is None or c.kind.startswith("table-")]

    def table_changes(self) -> dict[str, list[Change]]:
        out: dict[str, list[Change]] = {}
        for c in self.changes:
            if c.table is not None and not c.kind.startswith("table-"):
                out.setdefault(c.table, []).append(c)
        return out

    def to_json(self) -> dict:
        return {"old": self.old, "new": self.new, "level": self.level,
                "changes": [{"kind": c.kind, "level": c.level, "table": c.table,
                             **c.detail, "why": c.why()} for c in self.changes],
                "reasons": [{"level": lvl, "why": why} for lvl, why in self.reasons]}


def diff_locations(old: str | Path, new: str | Path) -> PackageDiff:
    with open_package(old) as a, open_package(new) as b:
        return diff_packages(a, b)


def diff_packages(old_pkg: PublishedPackage, new_pkg: PublishedPackage) -> PackageDiff:
    old, new = old_pkg.descriptor, new_pkg.descriptor
    old_tables, new_tables = _tables(old), _tables(new)
    result = PackageDiff(old=_ident(old), new=_ident(new))
    changes = result.changes
    for name, res in new_tables.items():
        if name not in old_tables:
            changes.append(Change("table-added", name,
                                  {"rows": len(_read_rows(new_pkg.folder, res))}))
    for name, res in old_tables.items():
        if name not in new_tables:
            changes.append(Change("table-removed", name,
                                  {"rows": len(_read_rows(old_pkg.folder, res))}))
    keys = sorted((set(old) | set(new)) - RELEASE_FIELDS)
    metadata = [k for k in keys if old.get(k) != new.get(k)]
    if metadata:
        changes.append(Change("metadata-changed", None, {"keys": metadata}))
    for name, res in new_tables.items():
        if name in old_tables:
            found = _diff_table(name, old_pkg.folder, old_tables[name], new_pkg.folder, res)
            changes += sorted(found, key=lambda c: list(KINDS).index(c.kind))
    return result


def _ident(descriptor: dict) -> dict:
    return {"name": descriptor.get("name"), "version": descriptor.get("version")}


def _tables(descriptor: dict) -> dict[str, dict]:
    """One resource per table: the CSV one (the Parquet copy holds the same rows, and its
    schema is the CSV one adapted for frictionless), or the Parquet one if alone."""
    tables: dict[str, dict] = {}
    for res in descriptor.get("resources", []):
        name = res["name"].removesuffix(PARQUET_SUFFIX) if res.get("format") == "parquet" \
            else res["name"]
        if name not in tables or res.get("format") == "csv":
            tables[name] = res
    return tables


def _fields(res: dict) -> dict[str, dict]:
    return {f["name"]: f for f in res.get("schema", {}).get("fields", [])}


def _primary_key(res: dict) -> list[str]:
    key = res.get("schema", {}).get("primaryKey", [])
    return [key] if isinstance(key, str) else list(key)


def _foreign_keys(res: dict) -> list[str]:
    out = []
    for fk in res.get("schema", {}).get("foreignKeys", []):
        fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref = fk["reference"]
        ref_fields = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
        target = ref.get("resource", "").removesuffix(PARQUET_SUFFIX)
        out.append(f"{', '.join(fields)} → {target}.{', '.join(ref_fields)}")
    return out


def _diff_table(name: str, old_dir: Path, old: dict, new_dir: Path, new: dict) -> list[Change]:
    out = []
    old_fields, new_fields = _fields(old), _fields(new)
    out += [Change("column-added", name, {"column": n, "type": f.get("type", "any")})
            for n, f in new_fields.items() if n not in old_fields]
    out += [Change("column-removed", name, {"column": n, "type": f.get("type", "any")})
            for n, f in old_fields.items() if n not in new_fields]
    for n, f in new_fields.items():
        if n not in old_fields:
            continue
        o = old_fields[n]
        if o.get("type", "any") != f.get("type", "any"):
            out.append(Change("type-changed", name, {"column": n, "old": o.get("type", "any"),
                                                     "new": f.get("type", "any")}))
        old_enum = o.get("constraints", {}).get("enum")
        new_enum = f.get("constraints", {}).get("enum")
        if old_enum is not None:
            removed = [v for v in old_enum if new_enum is not None and v not in new_enum]
            if removed:
                out.append(Change("enum-narrowed", name, {"column": n, "removed": removed}))
        what = [k for k in sorted((set(o) | set(f)) - {"name", "type"}) if o.get(k) != f.get(k)]
        if what:
            out.append(Change("column-property-changed", name,
                              {"column": n, "what": ", ".join(what)}))
    old_pk, new_pk = _primary_key(old), _primary_key(new)
    if old_pk != new_pk:
        out.append(Change("primary-key-changed", name, {"old": old_pk, "new": new_pk}))
    old_fks, new_fks = _foreign_keys(old), _foreign_keys(new)
    out += [Change("foreign-key-added", name, {"key": k}) for k in new_fks if k not in old_fks]
    out += [Change("foreign-key-removed", name, {"key": k}) for k in old_fks if k not in new_fks]

    # Rows are matched by the new primary key, which the old table must also have.
    if not new_pk or not all(k in old_fields for k in new_pk):
        return out + [Change("rows-not-compared", name)]
    old_rows = _keyed(_read_rows(old_dir, old), new_pk)
    new_rows = _keyed(_read_rows(new_dir, new), new_pk)
    common = [n for n in new_fields if n in old_fields]
    added = [k for k in new_rows if k not in old_rows]
    removed = [k for k in old_rows if k not in new_rows]
    changed = []
    for key, row in new_rows.items():
        before = old_rows.get(key)
        if before is None:
            continue
        diffs = {c: {"old": before.get(c), "new": row.get(c)} for c in common
                 if before.get(c) != row.get(c)}
        if diffs:
            changed.append({"key": key, "changes": diffs})
    if added:
        out.append(Change("rows-added", name, {"keys": added}))
    if removed:
        out.append(Change("rows-removed", name, {"keys": removed}))
    if changed:
        out.append(Change("rows-changed", name, {"rows": changed}))
    return out


def _read_rows(folder: Path, res: dict) -> list[dict[str, str | None]]:
    """The rows as published text (empty cell → None)."""
    path = folder / res["path"]
    if res.get("format") == "parquet":
        import pyarrow.csv as pcsv
        sink = io.BytesIO()
        pcsv.write_csv(parquet_table(path.read_bytes()), sink,
                       pcsv.WriteOptions(quoting_style="needed"))
        text = sink.getvalue().decode("utf-8")
    else:
        text = path.read_text(encoding=res.get("encoding", "utf-8"))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return [{k: (v if v != "" else None) for k, v in row.items()} for row in reader]


def _keyed(rows: list[dict], key: list[str]) -> dict[str, dict]:
    return {", ".join(str(row.get(k)) for k in key): row for row in rows}


# --- the human-readable report ---------------------------------------------------------


def shown(value: str | None, start: int = 0) -> str:
    """A value for the report: bare if short and simple, else quoted and cut to
    SHOWN_CHARS from `start`, with … where text is left out."""
    if value is None:
        return "(empty)"
    if _plain(value):
        return value
    if len(value) <= SHOWN_CHARS:
        return repr(value)
    start = min(start, max(0, len(value) - SHOWN_CHARS))
    cut = value[start:start + SHOWN_CHARS]
    return repr(("…" if start else "") + cut + ("…" if start + SHOWN_CHARS < len(value) else ""))


def shown_change(old: str | None, new: str | None) -> str:
    """`old → new`, long texts cut around their first difference so that it shows."""
    start = 0
    if old is not None and new is not None:
        same = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b),
                    min(len(old), len(new)))
        start = max(0, same - SHOWN_CHARS // 3)
    return f"{shown(old, start)} → {shown(new, start)}"


def _plain(text: str) -> bool:
    """Short single words are shown bare, anything else quoted."""
    return len(text) <= SHOWN_CHARS and text.strip() == text and " " not in text and text != ""


def _listed(keys: list[str], most: int | None) -> str:
    """Row keys for a terminal: the first `most`, then how many more (--json has all)."""
    if most is None or len(keys) <= most:
        return "; ".join(keys)
    return "; ".join(keys[:most]) + f"; … and {len(keys) - most} more (--json lists all)"


def terminal_lines(change: Change, most: int | None) -> list[str]:
    """The terminal report's lines for one change (under its table's heading)."""
    d = change.detail
    match change.kind:
        case "table-added":
            return [f"Table added: {change.table} ({d['rows']} rows)"]
        case "table-removed":
            return [f"Table removed: {change.table} ({d['rows']} rows)"]
        case "metadata-changed":
            return [f"Package metadata changed: {', '.join(d['keys'])}"]
        case "column-added":
            return [f"  column added: {d['column']} ({d['type']})"]
        case "column-removed":
            return [f"  column removed: {d['column']} ({d['type']})"]
        case "type-changed":
            return [f"  type changed: {d['column']}: {d['old']} → {d['new']}"]
        case "column-property-changed":
            return [f"  column {d['column']}: {d['what']} changed"]
        case "enum-narrowed":
            return [f"  values no longer allowed in {d['column']}: {', '.join(d['removed'])}"]
        case "primary-key-changed":
            return [f"  primary key changed: {', '.join(d['old'])} → {', '.join(d['new'])}"]
        case "foreign-key-added":
            return [f"  foreign key added: {d['key']}"]
        case "foreign-key-removed":
            return [f"  foreign key removed: {d['key']}"]
        case "rows-not-compared":
            return ["  rows not compared: the new primary key is not in the old table"]
        case "rows-added":
            return [f"  rows added ({len(d['keys'])}): {_listed(d['keys'], most)}"]
        case "rows-removed":
            return [f"  rows removed ({len(d['keys'])}): {_listed(d['keys'], most)}"]
        case "rows-changed":
            return [f"  rows changed ({len(d['rows'])}):"] + [
                f"    {r['key']}: " + "; ".join(f"{c} {shown_change(v['old'], v['new'])}"
                                                for c, v in r["changes"].items())
                for r in d["rows"]]
    raise ValueError(change.kind)


def render(diff: PackageDiff, most: int | None = 30) -> str:
    o, n = diff.old, diff.new
    lines = [f"{o['name']} {o['version']} → {n['version']}" if o["name"] == n["name"]
             else f"{o['name']} {o['version']} → {n['name']} {n['version']}"]
    if diff.level == NONE:
        lines.append("No changes.")
        return "\n".join(lines) + "\n"
    lines.append(f"Needs at least a {diff.level.upper()} version bump.")
    for change in diff.package_changes():
        lines += terminal_lines(change, most)
    for table, changes in diff.table_changes().items():
        lines += ["", f"{table}:"]
        for change in changes:
            lines += terminal_lines(change, most)
    return "\n".join(lines) + "\n"
