"""Datasette plugin (loaded with --plugins-dir): links that take a reader from any row to
its evidence and from any quote back to its row and source, money shown with its
currency, and a door that lets only GET and HEAD in. It writes nothing; its settings come
from the generated metadata (plugins → sensetime-evidence), so it knows no table by name."""

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


@hookimpl
def asgi_wrapper(datasette):
    """The site is read-only: refuse every method that could change something (Datasette
    itself answers a POST to a table with a 500) with a plain 405."""
    def wrap(app):
        async def read_only(scope, receive, send):
            if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD"):
                await send({"type": "http.response.start", "status": 405,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                        (b"allow", b"GET, HEAD")]})
                await send({"type": "http.response.body",
                            "body": b"This site is read-only: GET and HEAD only.\n"})
                return
            await app(scope, receive, send)
        return read_only
    return wrap


def _is_bad_request(exception) -> bool:
    """Errors Datasette 0.65 answers with a 500 although the request is at fault: a sort
    by a column that does not exist, several statements in one _where."""
    import sqlite3

    from datasette.views.base import DatasetteError

    if isinstance(exception, DatasetteError):
        return exception.status == 500 and str(exception.message).startswith(
            "Cannot sort table by")
    return isinstance(exception, (sqlite3.ProgrammingError, sqlite3.Warning)) and \
        "one statement at a time" in str(exception)


@hookimpl
def handle_exception(datasette, request, exception):
    if not _is_bad_request(exception):
        return None
    # Datasette's own handler renders the error page (HTML or JSON); we only fix the status.
    from datasette.handle_exception import handle_exception as default
    from datasette.views.base import DatasetteError

    message = getattr(exception, "message", None) or str(exception)
    return default(datasette, request, DatasetteError(message, title="Invalid request",
                                                      status=400))
