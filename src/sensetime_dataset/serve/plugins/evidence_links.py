"""Datasette plugin (loaded with --plugins-dir): links that take a reader from any row to
its evidence and from any quote back to its row and source, every row page with its
quotes inline (each highlighted in its passage), money shown with its currency and its
qualifier ("> 3,000,000,000 USD"), booleans as true/false, the front page, and no
count of hidden (search-index) tables on the database page. It
writes nothing; its settings come from the generated metadata (plugins →
sensetime-evidence), so it knows no table by name."""

from __future__ import annotations

from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from markupsafe import Markup, escape

from sensetime_dataset.reports.chart import BOUND_SIGNS

PLUGIN = "sensetime-evidence"


def _config(datasette, database=None):
    """The plugin's settings, read once per Datasette (render_cell runs once per cell)."""
    config = datasette.__dict__.get("_sensetime_config")
    if config is None:
        config = datasette.plugin_config(PLUGIN) or {}
        datasette._sensetime_config = config
    if database is not None and config.get("database") != database:
        return None
    return config


def _get(row, key):
    try:
        return row[key]
    except (KeyError, IndexError, TypeError):
        return None


def _link(href: str, text) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    config = _config(datasette, database)
    if config is None or value is None or isinstance(value, dict):
        return None  # dict: a foreign key Datasette already links with its label
    row_tables = config["row_tables"]
    if column == "row_id" and _get(row, "table_name") in row_tables:
        # evidence, claims and the views built on them: back to the row they are about
        return _link(f"{datasette.urls.table(database, row['table_name'])}/"
                     f"{tilde_encode(str(value))}", value)
    if column == "source_id" and table not in row_tables and table != config["source_table"]:
        # views and canned queries, where Datasette does not expand foreign keys
        return _link(f"{datasette.urls.table(database, config['source_table'])}/"
                     f"{tilde_encode(str(value))}", value)
    if column in config["booleans"] and value in (0, 1):
        return "true" if value else "false"
    currency_column = config["money"].get(column)
    if currency_column and isinstance(value, (int, float)):
        sign = next((BOUND_SIGNS.get(_get(row, q), "") for q, c in config["qualifiers"].items()
                     if c == column and _get(row, q)), "")
        currency = _get(row, currency_column)
        return Markup(escape(f"{sign}{value:,.0f} {currency or ''}".strip()))
    return None


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name == "index":
        return {"front": _config(datasette).get("front")}
    if view_name == "database":
        # Search indexes are machinery, not data: not even "… and N hidden tables".
        return {"hidden_count": 0}
    if view_name == "table":
        config = _config(datasette, database)
        return {"column_descriptions": config["columns"].get(table)} if config else None
    if view_name != "row" or request is None:
        return None
    config = _config(datasette, database)
    if config is None or table not in config["row_tables"] or "pks" not in request.url_vars:
        return None
    row_id = tilde_decode(request.url_vars["pks"])

    async def inner():
        db = datasette.get_database(database)
        quotes = (await db.execute(config["quotes_sql"],
                                   {"table": table, "row_id": row_id})).rows
        query = urlencode({"table_name": table, "row_id": row_id})
        sources = datasette.urls.table(database, config["source_table"])
        return {"evidence_link": {
            "url": f"{datasette.urls.database(database)}/{config['evidence_query']}?{query}",
            "quotes": len(quotes), "sources": len({q["source_id"] for q in quotes})},
            "quotes": [dict(q, source_url=f"{sources}/{tilde_encode(q['source_id'])}")
                       for q in quotes]}
    return inner
