"""Datasette plugin (loaded with --plugins-dir): the limits of `serve/guard.py` on every
SQLite connection and request, quiet error pages with the right status
(`serve/errors.py`), and no query text or parameters in the log."""

from __future__ import annotations

import functools

from datasette import hookimpl
from datasette.plugins import pm

from sensetime_dataset.serve import errors, guard

# Datasette's default handler prints rich tracebacks with locals (request data) and turns
# an unrouted URL into a 500; every handler runs, so ours alone must answer.
pm.set_blocked("datasette.handle_exception")


@hookimpl
def prepare_connection(conn):
    guard.restrict_connection(conn)


@hookimpl
def asgi_wrapper(datasette):
    return guard.guard


@hookimpl
def handle_exception(datasette, request, exception):
    return errors.render(datasette, request, exception)


@hookimpl
def startup(datasette):
    """Datasette writes every failing query with its parameters to stderr unless told
    not to per call; tell every database's `execute` not to. And `plugin_config()`
    rebuilds the metadata on every call (render_cell hooks call it once per cell, a
    quarter of a table page's time): the metadata never changes here, so keep answers."""
    if not getattr(datasette.plugin_config, "cache_info", None):
        datasette.plugin_config = functools.lru_cache(maxsize=256)(datasette.plugin_config)
    for db in datasette.databases.values():
        if getattr(db.execute, "quiet", False):
            continue
        execute = db.execute

        async def quiet_execute(sql, params=None, *, _execute=execute, **kwargs):
            kwargs["log_sql_errors"] = False
            return await _execute(sql, params, **kwargs)
        quiet_execute.quiet = True
        db.execute = quiet_execute
