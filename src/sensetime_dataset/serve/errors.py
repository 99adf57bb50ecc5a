"""Error pages with the right status and a quiet log.

Datasette 0.65.5's own handler (replaced by the `guard.py` plugin) prints a ~240-line
rich traceback with local variables (request data included) for every handled error;
with rich installed, an unrouted URL answers 500, because it calls rich outside an
`except` block; and several client mistakes (`?_through=notjson`, `?_where=%00`, `_sort`
with `_sort_desc`, a sort by a missing column) answer 500. Here: 404 for what does not
exist, 400 for what the request got wrong, and a plain traceback only for a real 500.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import traceback

# DatasetteError messages that Datasette raises with status 500 for a bad request.
CLIENT_MISTAKES = ("Cannot sort table by", "Cannot use _sort and _sort_desc",
                   "Invalid _through")


def classify(exception) -> tuple[int, str, str | None]:
    """(status, message, title) for an exception raised while answering a request."""
    from datasette.utils.asgi import Base400
    from datasette.views.base import DatasetteError

    if isinstance(exception, Base400):
        return exception.status, str(exception.args[0] if exception.args else ""), None
    if isinstance(exception, DatasetteError):
        status = exception.status
        if status >= 500 and str(exception.message).startswith(CLIENT_MISTAKES):
            status = 400
        return status, exception.message, exception.title
    if isinstance(exception, sqlite3.Error):
        # The database is immutable and our own SQL is fixed: an SQLite error comes from
        # SQL or parameters in the request (`_where`, `_through`, a filter).
        return 400, f"Invalid query: {exception}", "Invalid request"
    if isinstance(exception, (ValueError, KeyError, TypeError)) and _from_request_parsing(
            exception):
        return 400, f"Invalid request parameter: {exception}", "Invalid request"
    return 500, str(exception), None


def _from_request_parsing(exception) -> bool:
    """Raised while Datasette read the query string (json.loads of `_through`, its keys)."""
    frames = traceback.extract_tb(exception.__traceback__)
    return isinstance(exception, json.JSONDecodeError) or any(
        f.filename.endswith(("datasette/filters.py", "datasette/utils/__init__.py"))
        for f in frames[-3:])


def render(datasette, request, exception):
    """The error page (HTML, or JSON for a .json URL), like Datasette's own but quiet."""
    from datasette import Response
    from markupsafe import Markup

    status, message, title = classify(exception)
    if status >= 500:   # unexpected: a plain traceback, no local variables
        traceback.print_exception(exception, file=sys.stderr)
    if getattr(exception, "message_is_html", False):
        message = Markup(message)
    info = {"ok": False, "error": message, "status": status, "title": title}

    async def inner():
        if request.path.split("?")[0].endswith(".json"):
            return Response.json(info, status=status)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        return Response.html(await template.render_async(dict(
            info, urls=datasette.urls, app_css_hash=datasette.app_css_hash(),
            menu_links=lambda: [])), status=status)
    return inner
