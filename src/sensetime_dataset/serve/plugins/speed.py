"""Datasette plugin (loaded with --plugins-dir): fast pages on an immutable database.

- Datasette's own queries are answered from `serve/cache.py` after their first run, so a
  page does not queue for the few SQL threads behind abusive queries.
- Datasette re-reads every database's schema version before each request, and each
  table permission check deep-copies the whole metadata: the files are immutable and
  the metadata fixed, so once is enough.
- The front page is our own route, rendered once: Datasette's index view checks,
  lists and counts every table (search indexes included) on each request, about 150
  queries and schema questions, before our `index.html` ignores all of it. `/.json`
  stays Datasette's.
- Table rows are written in one Python loop (`table_body`, used by our `_table.html`):
  Jinja's async loop over every cell was most of a table page's rendering time."""

from __future__ import annotations

import functools

from datasette import Response, hookimpl
from datasette.utils import to_css_class
from markupsafe import Markup, escape

from sensetime_dataset.serve import cache, guard


@hookimpl
def startup(datasette):
    databases = [db for name, db in datasette.databases.items() if name != "_internal"]
    for db in databases:
        cache.cache_database(db, guard.CLIENT_SQL.get)
    if databases and not any(db.is_mutable for db in databases):
        _refresh_schemas_once(datasette)
    # Each table permission check deep-copies the whole metadata (28 kB here) to find
    # the table's `allow` rules, twice a page; the metadata never changes while serving.
    allows = getattr(datasette, "_table_permission_allows", None)
    if allows is not None and not hasattr(allows, "cache_info"):
        datasette._table_permission_allows = functools.lru_cache(maxsize=1024)(allows)


def _refresh_schemas_once(datasette) -> None:
    if getattr(datasette.refresh_schemas, "once", False):
        return
    refresh = datasette.refresh_schemas
    done = []

    async def refresh_once():
        if not done:
            await refresh()
            done.append(True)

    refresh_once.once = True
    datasette.refresh_schemas = refresh_once


@hookimpl
def register_routes(datasette):
    return [(r"^/$", front_page)]


async def front_page(datasette, request):
    await datasette.ensure_permissions(request.actor, ["view-instance"])
    html = datasette.__dict__.get("_front_page_html")
    if html is None:
        # Rendered without the request: nothing on it depends on who asks.
        database = next(name for name in datasette.databases if name != "_internal")
        html = await datasette.render_template(
            ["index.html"], {"databases": [{"name": database}],
                             "metadata": datasette.metadata()},
            request=None, view_name="index")
        datasette._front_page_html = html
    return Response.html(html)


@functools.lru_cache(maxsize=1024)
def _css_class(column: str) -> str:
    return to_css_class(column)


def table_body(rows) -> Markup:
    """The <tr> rows of a table or row page, as Datasette's _table.html writes them."""
    return Markup("".join(
        "<tr>" + "".join(
            f'<td class="col-{_css_class(cell["column"])} type-{cell["value_type"]}">'
            f'{escape(cell["value"])}</td>' for cell in row) + "</tr>\n"
        for row in rows))


@hookimpl
def prepare_jinja2_environment(env):
    env.globals["table_body"] = table_body
