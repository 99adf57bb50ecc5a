"""Load the published package (datapackage.json + data/) into one SQLite file
for Datasette: declared keys, indexes on the columns people filter on, full-text search
(the columns whose schema says `fullText`) and a few views. Everything about the tables
comes from the package's schemas."""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from pathlib import Path

from ..errors import BuildError
from ..published.reader import PublishedPackage

log = logging.getLogger(__name__)

SQL_TYPES = {"string": str, "number": float, "integer": int, "boolean": int,
             "date": str}   # ISO 8601 text: sorts and compares as dates

# Characters of source text shown around a quote in `evidence_passages`.
CONTEXT = 160

VIEWS = {
    # One row per funding event, in date order (a tranche takes its round's date;
    # undated last), with its lead investors and other participants by name.
    "funding_timeline": """
        SELECT r.round_id, coalesce(r.date, p.date) AS date, r.round_name, r.round_type,
               r.parent_round_id, r.amount, r.currency, r.valuation, r.valuation_qualifier,
               (SELECT group_concat(name, '; ') FROM (
                    SELECT o.name FROM investors i
                    JOIN organizations o ON o.organization_id = i.organization_id
                    WHERE i.round_id = r.round_id AND i.role = 'lead' ORDER BY o.name))
                 AS lead_investors,
               (SELECT group_concat(name, '; ') FROM (
                    SELECT o.name FROM investors i
                    JOIN organizations o ON o.organization_id = i.organization_id
                    WHERE i.round_id = r.round_id AND i.role <> 'lead' ORDER BY o.name))
                 AS participants,
               r.description
        FROM rounds r LEFT JOIN rounds p ON p.round_id = r.parent_round_id
        ORDER BY coalesce(r.date, p.date) IS NULL, coalesce(r.date, p.date), r.round_id""",
    # Each organization's roles across the tables that refer to it.
    "organization_roles": """
        SELECT o.organization_id, o.name, 'investors' AS table_name, i.investor_id AS row_id,
               i.role AS role, r.date, r.round_name || ': ' || r.description AS description
        FROM investors i JOIN organizations o USING (organization_id)
        JOIN rounds r USING (round_id)
        UNION ALL
        SELECT o.organization_id, o.name, 'partners', p.partner_id, p.kind, p.date,
               p.description
        FROM partners p JOIN organizations o USING (organization_id)
        UNION ALL
        SELECT o.organization_id, o.name, 'sanctions', s.sanction_id, 'authority', s.date,
               s.program || ': ' || s.description
        FROM sanctions s JOIN organizations o ON o.organization_id = s.authority_id
        ORDER BY 1, 6, 4""",
    # Each evidence quote with its source and the passage around it.
    "evidence_passages": f"""
        SELECT e.evidence_id, e.table_name, e.row_id, e.source_id, s.title AS source_title,
               s.kind AS source_kind, s.published, s.url,
               CASE WHEN e.start > {CONTEXT} THEN '…' ELSE '' END
                 || substr(s.text, max(e.start - {CONTEXT}, 0) + 1,
                           e.start - max(e.start - {CONTEXT}, 0))
                 || '«' || e.quote || '»' || substr(s.text, e."end" + 1, {CONTEXT})
                 || CASE WHEN length(s.text) > e."end" + {CONTEXT} THEN '…' ELSE '' END
                 AS passage,
               e.quote, e.start, e."end"
        FROM evidence e JOIN sources s USING (source_id)
        ORDER BY e.table_name, e.row_id, e.evidence_id""",
}


def database_path(pkg: PublishedPackage, build_dir: Path) -> Path:
    return build_dir / f"{pkg.name}.db"


def build_database(pkg: PublishedPackage, target: Path) -> Path:
    """Write the package to the SQLite file `target` (replaced whole, so a failure leaves
    the previous file as it was)."""
    import sqlite_utils

    schemas = pkg.schemas

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".sqlite-", suffix=".db", dir=target.parent)
    os.close(fd)
    os.unlink(tmp)
    try:
        db = sqlite_utils.Database(tmp)
        deferred = []
        for table in pkg.tables:
            deferred += _load_table(db, table, schemas.tables[table], pkg.rows(table))
        # A foreign key to a table created later (partners.event_id → events, which
        # refers back to partners) is added once both tables exist.
        if deferred:
            db.add_foreign_keys(deferred)
        for table in pkg.tables:
            columns = schemas.fulltext_columns(table)
            if columns:
                # Porter stemming: a search for "invest" finds "investment".
                db[table].enable_fts(columns, tokenize="porter")
        for name, sql in VIEWS.items():
            db.create_view(name, sql.strip())
        db.conn.commit()
        db.execute("ANALYZE")
        db.conn.commit()
        db.vacuum()
        db.close()
        _check_foreign_keys(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    log.info("wrote %s", target)
    return target


def _load_table(db, table: str, schema: dict, rows: list[dict]) -> list[tuple]:
    """Create and fill one table; return its foreign keys to tables not created yet."""
    fields = schema["fields"]
    keys = [(table, fk["fields"][0], fk["reference"]["resource"] or table,
             fk["reference"]["fields"][0]) for fk in schema.get("foreignKeys", [])]
    now = [k for k in keys if k[2] == table or db[k[2]].exists()]
    db[table].create(
        {f["name"]: SQL_TYPES[f["type"]] for f in fields},
        pk=schema["primaryKey"][0],
        not_null=[f["name"] for f in fields if f.get("constraints", {}).get("required")],
        foreign_keys=[k[1:] for k in now],
        column_order=[f["name"] for f in fields],
    )
    dates = [f["name"] for f in fields if f["type"] == "date"]
    db[table].insert_all({k: (v.isoformat() if k in dates and v is not None else v)
                          for k, v in row.items()} for row in rows)
    for columns in _indexed_columns(schema):
        db[table].create_index(columns)
    return [k for k in keys if k not in now]


def _indexed_columns(schema: dict) -> list[list[str]]:
    """The columns people filter and facet on: foreign keys, enumerations, dates, and the
    (table_name, row_id) reference of evidence and claims."""
    names = [f["name"] for f in schema["fields"]]
    key = schema["primaryKey"][0]
    out = [[fk["fields"][0]] for fk in schema.get("foreignKeys", [])]
    out += [[f["name"]] for f in schema["fields"]
            if "enum" in f.get("constraints", {}) or f["name"] in ("date", "published")]
    if "table_name" in names and "row_id" in names:
        out = [c for c in out if c != ["table_name"]] + [["table_name", "row_id"]]
    return [c for c in out if c != [key]]


def _check_foreign_keys(path: str) -> None:
    with sqlite3.connect(path) as conn:
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise BuildError(f"{path}: foreign keys do not resolve: {broken[:5]}")
