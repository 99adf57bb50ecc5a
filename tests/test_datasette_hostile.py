"""Hostile input through the SQL endpoint and query strings: writes are refused, runaway
queries are interrupted, malformed parameters get a clean 4xx, and the database file is
byte-for-byte the same afterwards."""

from __future__ import annotations

import hashlib
import time

import pytest
from datasette.app import Datasette

from conftest import REPO
from sensetime_dataset.serve.app import SETTINGS, datasette_kwargs

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


@pytest.mark.parametrize("path", MALFORMED)
async def test_malformed_parameters_get_a_clean_answer(ds, served, path):
    response = await ds.client.get(path.format(db=served.database.stem))
    assert response.status_code in (200, 302, 400, 404), (response.status_code,
                                                          response.text[:300])


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
@pytest.mark.parametrize("path", ["/{db}/rounds", "/{db}", "/{db}/evidence_for_row",
                                  "/{db}/rounds/series-c", "/-/dashboards/funding"])
async def test_no_method_that_could_write_is_accepted(ds, served, method, path):
    response = await getattr(ds.client, method)(path.format(db=served.database.stem))
    assert response.status_code == 405


def test_the_file_is_unchanged_after_all_of_it(served, digest_before):
    # Runs last in this module (pytest keeps definition order).
    assert hashlib.sha256(served.database.read_bytes()).hexdigest() == digest_before
