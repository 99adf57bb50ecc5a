"""Serving under abuse: what a request may cost and what it may see.

Datasette's `sql_time_limit_ms` is checked between SQLite VM steps, so one call of a
function that builds a huge value (`printf('%.*c', 2147483647, 'x')` loops for 16 s,
`randomblob(1e8)` allocates 100 MB) runs far past it; and its small thread pool lets a
few slow queries make every page wait. Hence, declared here and applied by the
`guard.py` plugin:

- SQLite's own limits on every connection: a cap on the length of any value, functions
  that only manufacture data (or leak a memory address) refused by an authorizer, the
  pragma that shows the file's absolute path refused;
- at most `expensive_slots` arbitrary-SQL requests (`?sql=`, `?_where=`) at a time, the
  others wait at most `slot_wait_s` and then get a 503, so table pages keep their threads;
- a cap on the size of a response body;
- only GET and HEAD; Datasette's debug pages and the page with the file path answer 404.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import sqlite3
from dataclasses import dataclass
from urllib.parse import parse_qsl


@dataclass(frozen=True)
class Limits:
    # The largest value in the package is about 13 kB (a source's text): 10x headroom.
    # max_returned_rows x value_bytes bounds the rows one query can hold in memory.
    value_bytes: int = 128 * 1024
    sql_bytes: int = 20_000
    response_bytes: int = 4 * 1024 * 1024
    expensive_slots: int = 1
    slot_wait_s: float = 3.0
    # printf/format: `%.*c` with a huge precision loops inside one VM step (the length
    # cap makes it return NULL, after seconds); randomblob/zeroblob make data from
    # nothing; fts3_tokenizer returns a memory address.
    denied_functions: frozenset = frozenset(
        {"printf", "format", "randomblob", "zeroblob", "fts3_tokenizer", "load_extension"})
    # The table-valued pragma that returns the database file's path. (The statement
    # `PRAGMA database_list` stays: Datasette's database page runs it, a client cannot,
    # since `?sql=` takes a SELECT only.)
    denied_pragmas: frozenset = frozenset({"database_list"})
    # Debug pages, and /-/databases (absolute path of the file).
    hidden_routes: tuple = ("/-/allow-debug", "/-/messages", "/-/patterns",
                            "/-/permissions", "/-/databases", "/-/threads", "/-/actor",
                            "/-/auth-token", "/-/logout")
    # Query-string keys that carry SQL text written by the client.
    sql_keys: frozenset = frozenset({"sql", "_where"})


LIMITS = Limits()

# True while a request runs SQL its client wrote (`sql_keys`): its answers are not cached.
CLIENT_SQL = contextvars.ContextVar("client_sql", default=False)


def restrict_connection(conn: sqlite3.Connection, limits: Limits = LIMITS) -> None:
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, limits.value_bytes)
    conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, limits.sql_bytes)
    pragma_tables = {f"pragma_{p}" for p in limits.denied_pragmas}

    def authorizer(action, arg1, arg2, _db, _trigger):
        if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in limits.denied_functions:
            return sqlite3.SQLITE_DENY
        if action == sqlite3.SQLITE_READ and (arg1 or "").lower() in pragma_tables:
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    conn.set_authorizer(authorizer)


async def _plain(send, status: int, message: str, headers: list | None = None) -> None:
    body = json.dumps({"ok": False, "status": status, "error": message}).encode() + b"\n"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


def guard(app, limits: Limits = LIMITS):
    """ASGI middleware: the read-only door, hidden routes, a bound on concurrent
    arbitrary-SQL requests and a cap on response size."""
    slots: dict = {}   # one semaphore per event loop (tests run several loops)

    async def guarded(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        if scope["method"] not in ("GET", "HEAD"):
            return await _plain(send, 405, "This site is read-only: GET and HEAD only.",
                                [(b"allow", b"GET, HEAD")])
        path = scope["path"]
        if any(path == r or path.startswith(r + ".") or path.startswith(r + "/")
               for r in limits.hidden_routes):
            return await _plain(send, 404, "Not found.")
        keys = {k for k, _ in parse_qsl(scope.get("query_string", b"").decode("latin-1"),
                                        keep_blank_values=True)}
        if keys & limits.sql_keys:
            loop = asyncio.get_running_loop()
            slot = slots.setdefault(loop, asyncio.Semaphore(limits.expensive_slots))
            try:
                await asyncio.wait_for(slot.acquire(), limits.slot_wait_s)
            except asyncio.TimeoutError:
                return await _plain(send, 503, "The server is busy with other SQL queries; "
                                    "try again in a few seconds.", [(b"retry-after", b"5")])
            marked = CLIENT_SQL.set(True)
            try:
                return await app(scope, receive, _capped(send, limits))
            finally:
                CLIENT_SQL.reset(marked)
                slot.release()
        return await app(scope, receive, _capped(send, limits))

    return guarded


def _capped(send, limits: Limits):
    """A `send` that holds a response until its body is complete and replaces it with a
    400 when the body is larger than the cap. Files (which carry their length) pass."""
    state = {"start": None, "parts": [], "size": 0, "passthrough": False}

    async def capped_send(message):
        if message["type"] == "http.response.start":
            names = {k.lower() for k, _ in message.get("headers", [])}
            if b"content-length" in names:
                state["passthrough"] = True
                return await send(message)
            state["start"] = message
            return None
        if state["passthrough"] or message["type"] != "http.response.body":
            return await send(message)
        body = message.get("body", b"")
        state["size"] += len(body)
        if state["size"] <= limits.response_bytes:
            state["parts"].append(body)
        else:
            state["parts"] = []   # over the cap: keep nothing, answer an error at the end
        if message.get("more_body"):
            return None
        if state["size"] > limits.response_bytes:
            return await _plain(send, 400, f"The response is larger than "
                                f"{limits.response_bytes:,} bytes; ask for fewer rows or "
                                f"columns (_size, LIMIT) or download the package files.")
        await send(state["start"])
        await send({"type": "http.response.body", "body": b"".join(state["parts"])})

    return capped_send
