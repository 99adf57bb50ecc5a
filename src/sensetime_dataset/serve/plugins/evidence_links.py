"""Datasette plugin (loaded with --plugins-dir): links that take a reader from any row to
its evidence and from any quote back to its row and source, money shown with its
currency. It writes nothing; its settings come from the generated metadata (plugins →
sensetime-evidence), so it knows no table by name."""

from __future__ import annotations

from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode
from markupsafe import Markup, escape

PLUGIN = "sensetime-evidence"


def _config(datasette, database):
    config = datasette.plugin_config(PLUGIN) or {}
    return config if config.get("database") == database else None


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
    if column == "source_id" and table not in row_tables and table != "sources":
        # views and canned queries, where Datasette does not expand foreign keys
        return _link(f"{datasette.urls.table(database, 'sources')}/{tilde_encode(str(value))}",
                     value)
    currency_column = config["money"].get(column)
    if currency_column and isinstance(value, (int, float)):
        currency = _get(row, currency_column)
        return Markup(escape(f"{value:,.0f} {currency or ''}".strip()))
    return None


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    """On a row page: the link to the canned query listing the row's evidence."""
    if view_name != "row" or request is None:
        return None
    config = _config(datasette, database)
    if config is None or table not in config["row_tables"] or "pks" not in request.url_vars:
        return None
    row_id = tilde_decode(request.url_vars["pks"])

    async def inner():
        db = datasette.get_database(database)
        quotes, sources = (await db.execute(
            "SELECT count(*), count(DISTINCT source_id) FROM evidence "
            "WHERE table_name = ? AND row_id = ?", [table, row_id])).first()
        query = urlencode({"table_name": table, "row_id": row_id})
        return {"evidence_link": {
            "url": f"{datasette.urls.database(database)}/{config['evidence_query']}?{query}",
            "quotes": quotes, "sources": sources}}
    return inner
