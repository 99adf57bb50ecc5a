"""Datasette metadata (titles, descriptions, licence, facets, sort orders, label
columns, full-text search, canned queries, the front page) generated from
datapackage.json and the Table Schemas in it, so that nothing is described twice."""

from __future__ import annotations

import json
from pathlib import Path

from ..published.reader import PublishedPackage
from ..published.schema import Schemas
from .database import CONTEXT, VIEWS

PLUGIN = "sensetime-evidence"

# Canned queries: generic SQL with named parameters; no fact about the company here.
QUERIES = {
    "rounds_with_lead_investors": {
        "title": "Funding rounds with their lead investors",
        "description": "Every funding event in date order, with lead investors and other "
                       "participants by name (from the funding_timeline view).",
        "sql": "SELECT round_id, date, round_name, round_type, amount, currency, valuation,\n"
               "       valuation_qualifier, lead_investors, participants\n"
               "FROM funding_timeline ORDER BY date IS NULL, date, round_id",
    },
    "organization": {
        "title": "Everything on one organization",
        "description": "Enter an organization id (for example from the organizations "
                       "table) or part of its name or aliases: its roles across the tables "
                       "(investor, partner, authority) and the evidence quotes that name it.",
        "sql": "WITH org AS (\n"
               "  SELECT organization_id FROM organizations\n"
               "  WHERE organization_id = :organization\n"
               "     OR (length(:organization) > 2\n"
               "         AND (name LIKE '%' || :organization || '%'\n"
               "              OR aliases LIKE '%' || :organization || '%')))\n"
               "SELECT r.organization_id, r.name, r.table_name, r.row_id, r.role, r.date,\n"
               "       r.description AS what\n"
               "FROM organization_roles r WHERE r.organization_id IN org\n"
               "UNION ALL\n"
               "SELECT o.organization_id, o.name, 'evidence', e.evidence_id, o.kind,\n"
               "       e.published, e.quote\n"
               "FROM evidence_passages e\n"
               "JOIN organizations o ON e.table_name = 'organizations'\n"
               "                    AND e.row_id = o.organization_id\n"
               "WHERE o.organization_id IN org\n"
               "ORDER BY 1, 3, 6, 4",
    },
    "evidence_for_row": {
        "title": "The evidence for one row",
        "description": "Every quote that supports one published row, with its source and "
                       "the passage of the source text around it (the quote in «»).",
        "sql": "SELECT evidence_id, table_name, row_id, source_id, source_title, source_kind,\n"
               "       published, url, passage, start, \"end\"\n"
               "FROM evidence_passages\n"
               "WHERE table_name = :table_name AND row_id = :row_id\n"
               "ORDER BY evidence_id",
    },
    "timeline_for_year": {
        "title": "The timeline for one year",
        "description": "Every dated event of one year (enter four digits), in date order.",
        "sql": "SELECT event_id, date, event_type, description, round_id, partner_id,\n"
               "       sanction_id\n"
               "FROM events WHERE substr(date, 1, 4) = :year\n"
               "ORDER BY date, event_id",
    },
    "conflicts_between_sources": {
        "title": "Where sources disagree",
        "description": "Every side of every disagreement between sources, with the quote "
                       "that states it; preferred = true marks the published side and rule "
                       "says why.",
        "sql": "SELECT conflict_id, kind, value, stated_as, preferred, published_value,\n"
               "       rule, source_id, source_kind, quote, note, claim_id\n"
               "FROM conflicts ORDER BY conflict_id, preferred DESC, claim_id",
    },
}

# A row page's quotes, each with the source text around it in three parts (before, the
# quote, after), so that the page marks the quote itself.
QUOTES_SQL = f"""
SELECT e.source_id, s.title AS source_title, s.published, e.quote,
       CASE WHEN e.start > {CONTEXT} THEN '…' ELSE '' END
         || substr(s.text, max(e.start - {CONTEXT}, 0) + 1,
                   e.start - max(e.start - {CONTEXT}, 0)) AS before,
       substr(s.text, e."end" + 1, {CONTEXT})
         || CASE WHEN length(s.text) > e."end" + {CONTEXT} THEN '…' ELSE '' END AS after
FROM evidence e JOIN sources s USING (source_id)
WHERE e.table_name = :table AND e.row_id = :row_id
ORDER BY s.published, e.source_id, e.start"""

VIEW_DESCRIPTIONS = {
    "funding_timeline": "One row per funding event in date order (a tranche takes the date "
                        "of its round), with lead investors and other participants by name.",
    "organization_roles": "Each organization's roles across investors, partners and "
                          "sanctions.",
    "evidence_passages": "Each evidence quote with its source and the passage around it.",
}

def build_metadata(pkg: PublishedPackage, database: str, site: dict | None = None) -> dict:
    """`site`: what the front page links to besides the database (chart, downloads,
    changelog: url paths by name), from `app.prepare`."""
    descriptor = pkg.descriptor
    schemas = pkg.schemas
    licence = descriptor["licenses"][0]
    tables = {table: _table_metadata(table, schemas) for table in pkg.tables}
    for view, description in VIEW_DESCRIPTIONS.items():
        assert view in VIEWS, view
        tables[view] = {"description": description}
    # money column -> its currency column, from the schemas' `unit`
    money = {column: unit for t in pkg.tables
             for column, unit in schemas.money_columns(t).items()}
    # Canned queries open with their results; "Show SQL" unfolds the query.
    queries = {name: {**query, "hide_sql": True} for name, query in QUERIES.items()}
    return {
        "title": descriptor["title"],
        "description": descriptor["description"],
        "license": licence["name"],
        "license_url": licence["path"],
        "source": f"{len(pkg.rows('sources'))} documents from "
                  f"{len(descriptor.get('sources', []))} files (the sources table)",
        "source_url": f"/{database}/sources",
        "about": f"data package version {descriptor['version']}",
        "extra_css_urls": [site["stylesheet"]] if site and site.get("stylesheet") else [],
        "databases": {database: {
            "title": descriptor["title"],
            "description": descriptor["description"],
            "tables": tables,
            "queries": queries,
        }},
        "plugins": {
            PLUGIN: {
                "database": database,
                "row_tables": {t: schemas.primary_key(t) for t in pkg.tables
                               if _is_referenced_by_evidence(schemas, t)},
                "money": money,
                # qualifier column -> the money column it qualifies ("> 3,000,000,000 USD")
                "qualifiers": {q: c for t in pkg.tables
                               for q, c in schemas.qualifier_columns(t).items()},
                "booleans": sorted({f["name"] for t in pkg.tables for f in schemas.fields(t)
                                    if f["type"] == "boolean"}),
                "evidence_query": "evidence_for_row",
                # Column descriptions, folded under the table's description by our
                # table.html (Datasette's own list pushes the rows a screen down).
                "columns": {t: {f["name"]: f.get("description", "") for f in schemas.fields(t)}
                            for t in pkg.tables},
                "source_table": "sources",
                "quotes_sql": QUOTES_SQL,
                "front": _front_page(pkg, database, site or {}),
            },
        },
    }


def _is_referenced_by_evidence(schemas: Schemas, table: str) -> bool:
    return table in schemas.field("evidence", "table_name")["constraints"]["enum"]


def _table_metadata(table: str, schemas: Schemas) -> dict:
    schema = schemas.tables[table]
    fields = schema["fields"]
    key = schema["primaryKey"][0]
    fks = {fk["fields"][0] for fk in schema.get("foreignKeys", [])}
    meta = {
        "title": schema.get("title", table),
        "description": schema.get("description", ""),
    }
    derived = schemas.precision_columns(table)   # facets on the date itself say more
    enums = [f["name"] for f in fields if "enum" in f.get("constraints", {})
             and f["name"] not in derived]
    facets = enums + [f["name"] for f in fields if f["type"] == "boolean"]
    if facets:
        meta["facets"] = facets
    label = _label_column(fields, key, fks)
    if label:
        meta["label_column"] = label
    sort = schemas.default_sort(table) or label
    if sort in schemas.precision_columns(table).values():
        meta["sort_desc"] = sort   # newest first: SQLite puts undated rows (NULL) last
    elif sort:
        meta["sort"] = sort
    if schemas.fulltext_columns(table):
        meta["fts_table"] = f"{table}_fts"
        meta["fts_pk"] = "rowid"
    return meta


def _label_column(fields: list[dict], key: str, fks: set[str]) -> str | None:
    """A short human name for a row, shown beside foreign keys that point at it: a column
    called name or title, or one ending in _name that is not an enumeration."""
    for f in fields:
        name = f["name"]
        if name == key or name in fks or f["type"] != "string" \
                or "enum" in f.get("constraints", {}):
            continue
        if name in ("name", "title") or name.endswith("_name"):
            return name
    return None


def _front_page(pkg: PublishedPackage, database: str, site: dict) -> dict:
    """What the front page shows: the tables in package order (the history first, then
    where each value comes from) with their row counts, the disagreements, how to cite
    this version, and the downloads."""
    d, schemas = pkg.descriptor, pkg.schemas
    groups = [("The history", [t for t in pkg.tables
                               if schemas.role(t) in ("curated", "registry")]),
              ("Where each value comes from", schemas.with_role("provenance"))]
    date = d.get("created", "")[:10]
    authors = ", ".join(c["title"] for c in d.get("contributors", []))
    licence = d["licenses"][0]
    return {
        "groups": [{"title": title, "tables": [
            {"name": t, "title": schemas.tables[t].get("title", t),
             "description": schemas.tables[t].get("description", ""),
             "rows": len(pkg.rows(t))} for t in tables]} for title, tables in groups],
        "views": {v: VIEW_DESCRIPTIONS[v] for v in VIEWS},
        "queries": {q: QUERIES[q]["title"] for q in QUERIES},
        "conflicts": {"query": "conflicts_between_sources",
                      "sides": len(pkg.rows("conflicts")) if "conflicts" in pkg.tables else 0,
                      "disagreements": len({r["conflict_id"] for r in pkg.rows("conflicts")})
                      if "conflicts" in pkg.tables else 0},
        "version": d["version"], "date": date, "name": d["name"],
        "citation": f"{authors} ({date[:4]}). {d['title']}, version {d['version']} "
                    f"({date}) [data set]. {licence['name']}.",
        "site": site,
        "database_download": f"/{database}.db",
    }


def write_metadata(pkg: PublishedPackage, database: str, target: Path,
                   site: dict | None = None) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(build_metadata(pkg, database, site), indent=2, ensure_ascii=False)
    target.write_text(text + "\n", encoding="utf-8")
    return target
