"""Answers that never change, kept: the database is opened immutable, so the result of a
query that Datasette itself writes (a table page's rows and count, its facets, the
schema lookups of its permission checks) is the same on every request. Each one would
otherwise wait for one of the few SQL threads: a table page asks about 17 queries and
as many schema questions, and under load every one of them queues behind the others.

Not kept: SQL written by the client (`?sql=`, `?_where=`: `random()` or `date('now')`
may change; `guard.CLIENT_SQL` marks those requests), errors (never cached: they are
raised again), and answers over `max_bytes` (a page of sources' full texts). The whole
cache is bounded by `budget_bytes`, least recently used first out."""

from __future__ import annotations

import copy
import functools
from collections import OrderedDict
from dataclasses import dataclass

# Schema questions Datasette asks several times per page, each on an SQL thread.
SCHEMA_METHODS = ("table_names", "view_names", "hidden_table_names", "table_exists",
                  "table_columns", "table_column_details", "primary_keys", "fts_table",
                  "label_column_for_table", "foreign_keys_for_table",
                  "get_all_foreign_keys", "get_table_definition", "get_view_definition")


@dataclass(frozen=True)
class CacheLimits:
    budget_bytes: int = 32 * 1024 * 1024
    max_bytes: int = 1024 * 1024


def _size(results) -> int:
    """About the bytes a result holds: its values' lengths, plus a little per cell."""
    total = 0
    for row in results.rows:
        for value in row:
            total += 16 + (len(value) if isinstance(value, (str, bytes)) else 8)
    return total


def _key(sql: str, params, kwargs: dict):
    if isinstance(params, dict):
        params = tuple(sorted(params.items()))
    elif params is not None:
        params = tuple(params)
    # truncate and page_size shape the answer; time limits and logging do not
    return (sql, params, kwargs.get("truncate", False), kwargs.get("page_size"))


class QueryCache:
    def __init__(self, limits: CacheLimits = CacheLimits()):
        self.limits = limits
        self.entries: OrderedDict = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0

    def get(self, key):
        results = self.entries.get(key)
        if results is None:
            self.misses += 1
            return None
        self.entries.move_to_end(key)
        self.hits += 1
        return results[0]

    def put(self, key, results) -> None:
        size = _size(results)
        if size > self.limits.max_bytes or key in self.entries:
            return
        self.entries[key] = (results, size)
        self.size += size
        while self.size > self.limits.budget_bytes:
            _, (_, dropped) = self.entries.popitem(last=False)
            self.size -= dropped


def cache_database(db, client_sql, cache: QueryCache | None = None) -> None:
    """Answer the repeated queries and schema questions of an immutable database from
    memory; `client_sql()` is true while a request runs client-written SQL."""
    if db.is_mutable or getattr(db.execute, "cache", None) is not None:
        return
    for name in SCHEMA_METHODS:
        setattr(db, name, _remember(getattr(db, name)))
    cache = cache or QueryCache()
    execute = db.execute

    async def cached_execute(sql, params=None, **kwargs):
        if client_sql():
            return await execute(sql, params, **kwargs)
        try:
            key = _key(sql, params, kwargs)
            hash(key)
        except TypeError:   # a parameter that is not hashable: ask SQLite
            return await execute(sql, params, **kwargs)
        results = cache.get(key)
        if results is None:
            results = await execute(sql, params, **kwargs)
            cache.put(key, results)
        return results

    cached_execute.cache = cache
    cached_execute.quiet = getattr(execute, "quiet", False)
    db.execute = cached_execute


def _remember(method):
    """An async schema method with its answers kept by arguments (a handful per table);
    callers get a copy, so that none can change what the next one reads."""
    answers: dict = {}

    @functools.wraps(method)
    async def remembered(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in answers:
            answers[key] = await method(*args, **kwargs)
        return copy.deepcopy(answers[key])

    return remembered
