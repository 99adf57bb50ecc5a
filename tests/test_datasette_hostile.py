"""Hostile input through the SQL endpoint and query strings: writes are refused, runaway
queries are interrupted, values and responses are capped, malformed parameters get a clean
4xx (never a 500), nothing reveals a path or a memory address, and the database file is
byte-for-byte the same afterwards. In process; what needs the real server (concurrency,
the log) is in test_datasette_server.py."""

from __future__ import annotations

import hashlib
import time

import pytest
from datasette.app import Datasette

from conftest import REPO
from sensetime_dataset.serve.app import SETTINGS, datasette_kwargs
from sensetime_dataset.serve.guard import LIMITS

WRITES = [
    "INSERT INTO rounds (round_id, round_name, round_type, description) "
    "VALUES ('x', 'x', 'other', 'x')",
    "UPDATE rounds SET amount = 1",
    "DELETE FROM evidence",
    "DROP TABLE claims",
    "DROP VIEW funding_timeline",
    "CREATE TABLE pwned (x)",
    "ATTACH DATABASE '/tmp/pwned.db' AS pwned",
    "PRAGMA writable_schema = 1",
    "PRAGMA writable_schema",
    "PRAGMA journal_mode = DELETE",
    "VACUUM INTO '/tmp/pwned.db'",
    "SELECT 1; DROP TABLE rounds",
    "REPLACE INTO organizations (organization_id, name, kind) VALUES ('x', 'x', 'other')",
    "WITH x AS (SELECT 1) DELETE FROM rounds",
    "INSERT INTO evidence_fts (evidence_fts) VALUES ('delete-all')",
]

RUNAWAY = [
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
    "SELECT count(*) FROM claims a, claims b, claims c, claims d",
]

# Each function call here ran for seconds or allocated gigabytes inside one SQLite VM
# step, out of reach of the time limit (issue 11).
VALUE_BOMBS = [
    "SELECT length(printf('%.*c', 2147483647, 'x'))",
    "SELECT length(format('%.*c', 2147483647, 'x'))",
    "SELECT randomblob(100000000)",
    "SELECT replace(hex(zeroblob(50000000)), '0', '00')",
    "SELECT length(replace(text, ' ', text)) FROM sources",   # from real data, past the cap
    "SELECT group_concat(text || text || text) FROM sources",
]

# Client mistakes Datasette 0.65.5 answered with a 500 (issue 11): now a 400.
CLIENT_MISTAKES = [
    "/{db}/rounds?_through=notjson",
    '/{db}/rounds?_through={{"table":"investors"}}',
    "/{db}/rounds?_where=%00",
    "/{db}/rounds?_sort=date&_sort_desc=amount",
    "/{db}/rounds?_sort=no_such_column",
    "/{db}/rounds.json?_where=amount>0;DROP%20TABLE%20rounds",
]

UNROUTED = ["/a/b/c/d", "/{db}/rounds/-/insert", "/{db}/no_such_table", "/{db}/rounds/a/b/c",
            "/-/no-such-page"]

# Datasette's debug pages, and the one that shows the database file's absolute path.
HIDDEN = ["/-/allow-debug", "/-/messages", "/-/patterns", "/-/permissions",
          "/-/databases.json", "/-/databases", "/-/threads.json", "/-/actor.json"]

# Queries that revealed the file's path or a memory address.
REVEALING = [
    "SELECT * FROM pragma_database_list",
    "SELECT file FROM pragma_database_list()",
    "SELECT fts3_tokenizer('simple')",
    "SELECT hex(fts3_tokenizer('porter'))",
]

MALFORMED = [
    "/{db}/rounds?_size=abc",
    "/{db}/rounds?_size=-1",
    "/{db}/rounds?_size=100000000",
    "/{db}/rounds?_sort=no_such_column",
    "/{db}/rounds?_sort_desc=amount%3Bdrop",
    "/{db}/rounds?_facet=no_such_column",
    "/{db}/rounds?_next=garbage",
    "/{db}/rounds?_shape=bogus",
    "/{db}/rounds?amount__gt=abc",
    "/{db}/rounds?amount__nope=1",
    "/{db}/rounds?_where=1)%20UNION%20SELECT%20sqlite_version()--",
    "/{db}/rounds?_where=amount>0;DROP%20TABLE%20rounds",
    "/{db}/sources?_search=%22unbalanced&_searchmode=raw",
    "/{db}/sources?_search=" + "a" * 5000,
    "/{db}/rounds/%00",
    "/{db}/rounds/" + "x" * 3000,
    "/{db}/evidence_for_row?table_name=rounds",
    "/{db}/evidence_for_row.json?table_name=rounds&row_id=%27%3BDROP%20TABLE%20rounds--",
    "/{db}/timeline_for_year.json?year=%00%FF",
    "/{db}.json?sql=SELECT%20:missing",
    "/{db}.json?sql=SELECT%20*%20FROM%20no_such_table",
    "/{db}.json?sql=SELECT%20zeroblob(2000000000)",
    "/{db}.json?sql=" + "(" * 3000,
    "/{db}.json?_shape=objects&sql=SELECT%201&_json=a&_timelimit=999999999",
]


@pytest.fixture(scope="module")
def digest_before(served) -> str:
    return hashlib.sha256(served.database.read_bytes()).hexdigest()


@pytest.fixture
def ds(served) -> Datasette:
    return Datasette(**datasette_kwargs(served))


@pytest.mark.parametrize("sql", WRITES)
async def test_writes_through_sql_are_refused(ds, served, digest_before, sql):
    response = await ds.client.get(f"/{served.database.stem}.json", params={"sql": sql})
    assert response.status_code == 400, response.text[:300]
    assert response.json()["ok"] is False
    assert hashlib.sha256(served.database.read_bytes()).hexdigest() == digest_before


@pytest.mark.parametrize("sql", RUNAWAY)
async def test_runaway_queries_are_interrupted(ds, served, sql):
    started = time.perf_counter()
    response = await ds.client.get(f"/{served.database.stem}.json", params={"sql": sql})
    elapsed = time.perf_counter() - started
    assert response.status_code == 400
    assert "too long" in response.json()["error"].lower()
    assert elapsed < SETTINGS["sql_time_limit_ms"] / 1000 + 5


@pytest.mark.parametrize("sql", VALUE_BOMBS)
async def test_functions_cannot_build_huge_values(ds, served, sql):
    started = time.perf_counter()
    response = await ds.client.get(f"/{served.database.stem}.json", params={"sql": sql})
    elapsed = time.perf_counter() - started
    assert response.status_code == 400, response.text[:300]
    error = response.json()["error"].lower()
    assert "too big" in error or "not authorized" in error, error
    assert len(response.content) < 10_000 and elapsed < 2, (len(response.content), elapsed)


async def test_a_response_larger_than_the_cap_is_refused(ds, served):
    # Every value is within the length cap; together they are not within the body cap.
    sql = "SELECT s.text, s.text AS again FROM sources s, evidence LIMIT 1000"
    response = await ds.client.get(f"/{served.database.stem}.json", params={"sql": sql})
    assert response.status_code == 400
    assert f"larger than {LIMITS.response_bytes:,} bytes" in response.json()["error"]
    # ... while the largest page a reader asks for fits.
    whole = await ds.client.get(f"/{served.database.stem}/sources.json",
                                params={"_size": "max"})
    assert whole.status_code == 200 and len(whole.json()["rows"]) > 0


@pytest.mark.parametrize("path", CLIENT_MISTAKES)
async def test_client_mistakes_are_a_400(ds, served, path):
    response = await ds.client.get(path.format(db=served.database.stem))
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert "Traceback" not in response.text


@pytest.mark.parametrize("path", UNROUTED + HIDDEN)
async def test_unknown_routes_and_debug_pages_are_a_404(ds, served, path):
    response = await ds.client.get(path.format(db=served.database.stem))
    assert response.status_code == 404, (response.status_code, response.text[:300])


@pytest.mark.parametrize("sql", REVEALING)
async def test_no_path_or_memory_address_is_revealed(ds, served, sql):
    response = await ds.client.get(f"/{served.database.stem}.json", params={"sql": sql})
    assert response.status_code == 400
    assert response.json()["rows"] == []
    assert str(served.database.parent) not in response.text


async def test_pages_a_reader_opens_name_no_absolute_path(ds, served):
    db = served.database.stem
    for path in ("/", f"/{db}", f"/{db}/rounds", "/-/metadata.json", "/-/plugins.json",
                 "/-/settings.json", "/-/versions.json", f"/{db}.json"):
        response = await ds.client.get(path)
        assert response.status_code == 200, path
        assert str(served.database.parent) not in response.text, path


@pytest.mark.parametrize("path", MALFORMED)
async def test_malformed_parameters_get_a_clean_answer(ds, served, path):
    response = await ds.client.get(path.format(db=served.database.stem))
    assert response.status_code in (200, 302, 400, 404), (response.status_code,
                                                          response.text[:300])


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
@pytest.mark.parametrize("path", ["/{db}/rounds", "/{db}", "/{db}/evidence_for_row",
                                  "/{db}/rounds/series-c", "/"])
async def test_no_method_that_could_write_is_accepted(ds, served, method, path):
    response = await getattr(ds.client, method)(path.format(db=served.database.stem))
    assert response.status_code == 405


def test_the_file_is_unchanged_after_all_of_it(served, digest_before):
    # Runs last in this module (pytest keeps definition order).
    assert hashlib.sha256(served.database.read_bytes()).hexdigest() == digest_before
