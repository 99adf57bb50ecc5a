"""Compare two versions of the package: tables, columns, types, keys and rows.

Rows are matched by primary key and compared as their CSV text, the published form
of every value, so that a number, a date or a boolean compares exactly as a reader
sees it. Works from the descriptors alone: any set of tables and columns."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..published.format import PARQUET_SUFFIX
from ..published.location import open_package
from ..published.reader import PublishedPackage

# Bump levels, in increasing order of what a reader has to do about the change.
NONE, PATCH, MINOR, MAJOR = "none", "patch", "minor", "major"
LEVELS = (NONE, PATCH, MINOR, MAJOR)
# Package metadata that changes with every release and is not a change of the data.
RELEASE_FIELDS = {"version", "created", "resources"}
SHOWN_CHARS = 60


@dataclass
class RowChange:
    key: str
    changes: dict[str, dict[str, str | None]]   # column -> {"old": …, "new": …}


@dataclass
class TableDiff:
    name: str
    columns_added: list[dict] = field(default_factory=list)    # {"name", "type"}
    columns_removed: list[dict] = field(default_factory=list)
    type_changes: list[dict] = field(default_factory=list)     # {"column", "old", "new"}
    other_field_changes: list[dict] = field(default_factory=list)  # {"column", "what"}
    primary_key: dict | None = None                            # {"old": [...], "new": [...]}
    foreign_keys_added: list[str] = field(default_factory=list)
    foreign_keys_removed: list[str] = field(default_factory=list)
    rows_added: list[str] = field(default_factory=list)
    rows_removed: list[str] = field(default_factory=list)
    rows_changed: list[RowChange] = field(default_factory=list)
    rows_compared: bool = True

    def is_empty(self) -> bool:
        return not any((self.columns_added, self.columns_removed, self.type_changes,
                        self.other_field_changes, self.primary_key, self.foreign_keys_added,
                        self.foreign_keys_removed, self.rows_added, self.rows_removed,
                        self.rows_changed)) and self.rows_compared


@dataclass
class PackageDiff:
    old: dict            # {"name", "version"}
    new: dict
    tables_added: list[dict] = field(default_factory=list)    # {"name", "rows"}
    tables_removed: list[dict] = field(default_factory=list)
    metadata_changed: list[str] = field(default_factory=list)
    tables: list[TableDiff] = field(default_factory=list)     # only tables with changes

    @property
    def reasons(self) -> list[tuple[str, str]]:
        """(level, why) for every change, in the order of the report."""
        out = [(MAJOR, f"table {t['name']} removed") for t in self.tables_removed]
        out += [(MINOR, f"table {t['name']} added") for t in self.tables_added]
        out += [(PATCH, f"package metadata changed: {', '.join(self.metadata_changed)}")
                ] if self.metadata_changed else []
        for t in self.tables:
            n = t.name
            out += [(MAJOR, f"column {n}.{c['name']} removed") for c in t.columns_removed]
            out += [(MAJOR, f"type of {n}.{c['column']} changed") for c in t.type_changes]
            out += [(MAJOR, f"primary key of {n} changed")] if t.primary_key else []
            out += [(MAJOR, f"foreign key {n}.{k} removed or changed")
                    for k in t.foreign_keys_removed]
            out += [(MINOR, f"column {n}.{c['name']} added") for c in t.columns_added]
            out += [(MINOR, f"foreign key {n}.{k} added") for k in t.foreign_keys_added]
            # Rows that come or go change what a reader can join to: at least MINOR, so
            # that a PATCH release keeps the same rows and only corrects values.
            out += [(MINOR, f"{len(t.rows_added)} rows added to {n}")] if t.rows_added else []
            out += [(MINOR, f"{len(t.rows_removed)} rows removed from {n}")
                    ] if t.rows_removed else []
            out += [(PATCH, f"{len(t.rows_changed)} rows of {n} changed")
                    ] if t.rows_changed else []
            out += [(PATCH, f"column {n}.{c['column']}: {c['what']} changed")
                    for c in t.other_field_changes]
        return out

    @property
    def level(self) -> str:
        return max((lvl for lvl, _ in self.reasons), key=LEVELS.index, default=NONE)

    def to_json(self) -> dict:
        out = asdict(self)
        out["level"] = self.level
        out["reasons"] = [{"level": lvl, "why": why} for lvl, why in self.reasons]
        return out


def diff_locations(old: str | Path, new: str | Path) -> PackageDiff:
    with open_package(old) as a, open_package(new) as b:
        return diff_packages(a, b)


def diff_packages(old_pkg: PublishedPackage, new_pkg: PublishedPackage) -> PackageDiff:
    old, new = old_pkg.descriptor, new_pkg.descriptor
    old_dir, new_dir = old_pkg.folder, new_pkg.folder
    old_tables, new_tables = _tables(old), _tables(new)
    result = PackageDiff(old=_ident(old), new=_ident(new))
    for name, res in new_tables.items():
        if name not in old_tables:
            result.tables_added.append({"name": name, "rows": len(_read_rows(new_dir, res))})
    for name, res in old_tables.items():
        if name not in new_tables:
            result.tables_removed.append({"name": name, "rows": len(_read_rows(old_dir, res))})
    keys = sorted((set(old) | set(new)) - RELEASE_FIELDS)
    result.metadata_changed = [k for k in keys if old.get(k) != new.get(k)]
    for name, res in new_tables.items():
        if name in old_tables:
            table = _diff_table(name, old_dir, old_tables[name], new_dir, res)
            if not table.is_empty():
                result.tables.append(table)
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


def _diff_table(name: str, old_dir: Path, old: dict, new_dir: Path, new: dict) -> TableDiff:
    out = TableDiff(name)
    old_fields, new_fields = _fields(old), _fields(new)
    out.columns_added = [{"name": n, "type": f.get("type", "any")}
                         for n, f in new_fields.items() if n not in old_fields]
    out.columns_removed = [{"name": n, "type": f.get("type", "any")}
                           for n, f in old_fields.items() if n not in new_fields]
    for n, f in new_fields.items():
        if n not in old_fields:
            continue
        o = old_fields[n]
        if o.get("type", "any") != f.get("type", "any"):
            out.type_changes.append({"column": n, "old": o.get("type", "any"),
                                     "new": f.get("type", "any")})
        what = [k for k in sorted((set(o) | set(f)) - {"name", "type"}) if o.get(k) != f.get(k)]
        if what:
            out.other_field_changes.append({"column": n, "what": ", ".join(what)})
    old_pk, new_pk = _primary_key(old), _primary_key(new)
    if old_pk != new_pk:
        out.primary_key = {"old": old_pk, "new": new_pk}
    old_fks, new_fks = _foreign_keys(old), _foreign_keys(new)
    out.foreign_keys_added = [k for k in new_fks if k not in old_fks]
    out.foreign_keys_removed = [k for k in old_fks if k not in new_fks]

    # Rows are matched by the new primary key, which the old table must also have.
    if not new_pk or not all(k in old_fields for k in new_pk):
        out.rows_compared = False
        return out
    old_rows = _keyed(_read_rows(old_dir, old), new_pk)
    new_rows = _keyed(_read_rows(new_dir, new), new_pk)
    common = [n for n in new_fields if n in old_fields]
    out.rows_added = [k for k in new_rows if k not in old_rows]
    out.rows_removed = [k for k in old_rows if k not in new_rows]
    for key, row in new_rows.items():
        before = old_rows.get(key)
        if before is None:
            continue
        changes = {c: {"old": before.get(c), "new": row.get(c)} for c in common
                   if before.get(c) != row.get(c)}
        if changes:
            out.rows_changed.append(RowChange(key, changes))
    return out


def _read_rows(folder: Path, res: dict) -> list[dict[str, str | None]]:
    """The rows as published text (empty cell → None)."""
    path = folder / res["path"]
    if res.get("format") == "parquet":
        import pyarrow.csv as pcsv
        import pyarrow.parquet as pq
        sink = io.BytesIO()
        pcsv.write_csv(pq.read_table(path), sink,
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


def render(diff: PackageDiff, most: int | None = 30) -> str:
    o, n = diff.old, diff.new
    lines = [f"{o['name']} {o['version']} → {n['version']}" if o["name"] == n["name"]
             else f"{o['name']} {o['version']} → {n['name']} {n['version']}"]
    if diff.level == NONE:
        lines.append("No changes.")
        return "\n".join(lines) + "\n"
    lines.append(f"Needs at least a {diff.level.upper()} version bump.")
    for t in diff.tables_added:
        lines.append(f"Table added: {t['name']} ({t['rows']} rows)")
    for t in diff.tables_removed:
        lines.append(f"Table removed: {t['name']} ({t['rows']} rows)")
    if diff.metadata_changed:
        lines.append(f"Package metadata changed: {', '.join(diff.metadata_changed)}")
    for t in diff.tables:
        lines.append("")
        lines.append(f"{t.name}:")
        lines += [f"  column added: {c['name']} ({c['type']})" for c in t.columns_added]
        lines += [f"  column removed: {c['name']} ({c['type']})" for c in t.columns_removed]
        lines += [f"  type changed: {c['column']}: {c['old']} → {c['new']}"
                  for c in t.type_changes]
        lines += [f"  column {c['column']}: {c['what']} changed" for c in t.other_field_changes]
        if t.primary_key:
            lines.append(f"  primary key changed: {', '.join(t.primary_key['old'])} → "
                         f"{', '.join(t.primary_key['new'])}")
        lines += [f"  foreign key added: {k}" for k in t.foreign_keys_added]
        lines += [f"  foreign key removed: {k}" for k in t.foreign_keys_removed]
        if not t.rows_compared:
            lines.append("  rows not compared: the new primary key is not in the old table")
        if t.rows_added:
            lines.append(f"  rows added ({len(t.rows_added)}): {_listed(t.rows_added, most)}")
        if t.rows_removed:
            lines.append(f"  rows removed ({len(t.rows_removed)}): "
                         f"{_listed(t.rows_removed, most)}")
        if t.rows_changed:
            lines.append(f"  rows changed ({len(t.rows_changed)}):")
            for r in t.rows_changed:
                parts = [f"{c} {shown_change(v['old'], v['new'])}"
                         for c, v in r.changes.items()]
                lines.append(f"    {r.key}: " + "; ".join(parts))
    return "\n".join(lines) + "\n"
