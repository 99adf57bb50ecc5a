"""Datasette metadata (titles, descriptions, licence, facets, sort orders, label
columns, full-text search, canned queries, the funding chart) generated from
datapackage.json and the Table Schemas in it, so that nothing is described twice."""

from __future__ import annotations

import json
from pathlib import Path

from ..published.reader import PublishedPackage
from ..published.schema import Schemas
from .database import VIEWS

PLUGIN = "sensetime-evidence"

# Canned queries: generic SQL with named parameters; no fact about the company here.
QUERIES = {
    "rounds_with_lead_investors": {
        "title": "Funding rounds with their lead investors",
        "description": "Every funding event in date order, with lead investors and other "
                       "participants by name (from the funding_timeline view).",
        "sql": "SELECT round_id, date, round_name, round_type, amount, currency, valuation,\n"
               "       lead_investors, participants\n"
               "FROM funding_timeline ORDER BY date, round_id",
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
                       "that states it; preferred = 1 marks the published side and rule "
                       "says why.",
        "sql": "SELECT conflict_id, kind, value, stated_as, preferred, published_value,\n"
               "       rule, source_id, source_kind, quote, note, claim_id\n"
               "FROM conflicts ORDER BY conflict_id, preferred DESC, claim_id",
    },
}

VIEW_DESCRIPTIONS = {
    "funding_timeline": "One row per funding event in date order (a tranche takes the date "
                        "of its round), with lead investors and other participants by name.",
    "organization_roles": "Each organization's roles across investors, partners and "
                          "sanctions.",
    "evidence_passages": "Each evidence quote with its source and the passage around it.",
}

# The chart of funding and valuation over time (datasette-dashboards, Vega-Lite).
FUNDING_CHART_SQL = (
    "SELECT date, round_name, 'amount raised' AS measure, amount AS value, currency\n"
    "FROM funding_timeline WHERE amount IS NOT NULL AND date IS NOT NULL\n"
    "UNION ALL\n"
    "SELECT date, round_name, 'valuation', valuation, currency\n"
    "FROM funding_timeline WHERE valuation IS NOT NULL AND date IS NOT NULL\n"
    "ORDER BY date")


def build_metadata(pkg: PublishedPackage, database: str) -> dict:
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
    return {
        "title": descriptor["title"],
        "description_html": _description_html(descriptor, database),
        "license": licence["name"],
        "license_url": licence["path"],
        "source": f"{len(descriptor.get('sources', []))} public texts (the sources table)",
        "source_url": f"/{database}/sources",
        "about": f"data package version {descriptor['version']}",
        "databases": {database: {
            "title": descriptor["title"],
            "description": descriptor["description"],
            "tables": tables,
            "queries": QUERIES,
        }},
        "plugins": {
            PLUGIN: {
                "database": database,
                "row_tables": {t: schemas.primary_key(t) for t in pkg.tables
                               if _is_referenced_by_evidence(schemas, t)},
                "money": money,
                "evidence_query": "evidence_for_row",
            },
            "datasette-dashboards": {"funding": _funding_dashboard(database)},
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
        "columns": {f["name"]: f.get("description", "") for f in fields},
    }
    derived = schemas.precision_columns(table)   # facets on the date itself say more
    enums = [f["name"] for f in fields if "enum" in f.get("constraints", {})
             and f["name"] not in derived]
    facets = enums + [f["name"] for f in fields if f["type"] == "boolean"]
    facets += [c for c in sorted(fks) if c == "source_id"]
    if facets:
        meta["facets"] = facets
    label = _label_column(fields, key, fks)
    if label:
        meta["label_column"] = label
    sort = schemas.default_sort(table) or label
    if sort:
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


def _description_html(descriptor: dict, database: str) -> str:
    from html import escape
    items = "".join(f"<li>{escape(s['title'])}</li>" for s in descriptor.get("sources", []))
    return (f"<p>{escape(descriptor['description'])}</p>"
            f"<p>Version {escape(descriptor['version'])}. Built from these texts (normalized "
            f"text and metadata in <a href=\"/{database}/sources\">sources</a>):</p>"
            f"<ul>{items}</ul>"
            f"<p>Every row has its quotes in <a href=\"/{database}/evidence\">evidence</a>; "
            f"every value as each source states it is in <a href=\"/{database}/claims\">"
            f"claims</a>; <a href=\"/{database}/conflicts_between_sources\">where sources "
            f"disagree</a>; <a href=\"/-/dashboards/funding\">funding and valuation over "
            f"time</a>.</p>")


def _funding_dashboard(database: str) -> dict:
    return {
        "title": "Funding and valuation over time",
        "description": "Money raised and the valuation stated for each funding event "
                       "(from the funding_timeline view; amounts in units of currency).",
        "layout": [["funding"]],
        "charts": {"funding": {
            "title": "Amount raised and valuation by date",
            "db": database,
            "query": FUNDING_CHART_SQL,
            "library": "vega-lite",
            "display": {
                "mark": {"type": "line", "point": True, "tooltip": True},
                "encoding": {
                    "x": {"field": "date", "type": "temporal", "title": "date"},
                    "y": {"field": "value", "type": "quantitative",
                          "title": "amount (units of currency)"},
                    "color": {"field": "measure", "type": "nominal"},
                    "tooltip": [{"field": "round_name"}, {"field": "measure"},
                                {"field": "value", "format": ","},
                                {"field": "currency"}, {"field": "date"}],
                },
            },
        }},
    }


def write_metadata(pkg: PublishedPackage, database: str, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(build_metadata(pkg, database), indent=2, ensure_ascii=False)
    target.write_text(text + "\n", encoding="utf-8")
    return target
