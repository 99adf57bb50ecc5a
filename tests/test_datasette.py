"""The SQLite file and its Datasette, in process through Datasette's own client: every
table and view, labels, facets, canned queries, search, exports. Expectations come from
the package files (data/*.csv), never from the output under test."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import sqlite3
from html import escape, unescape
from pathlib import Path

import pandas as pd
import pytest
from datasette.app import Datasette

from conftest import PUBLISHED, REPO, ROW_TABLES, TABLES, run_cli
from sensetime_dataset.published.reader import PublishedPackage
from sensetime_dataset.serve.app import Served, datasette_kwargs
from sensetime_dataset.serve.cache import CacheLimits, QueryCache
from sensetime_dataset.serve.database import VIEWS, build_database, database_path
from sensetime_dataset.serve.metadata import QUERIES

FTS_COLUMNS = {t: PUBLISHED.schemas.fulltext_columns(t) for t in TABLES
               if PUBLISHED.schemas.fulltext_columns(t)}


def package(table: str) -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / f"{table}.csv", dtype=str, keep_default_na=False)


@pytest.fixture
def ds(served) -> Datasette:
    return Datasette(**datasette_kwargs(served))


@pytest.fixture
def db_url(served) -> str:
    return f"/{served.database.stem}"


async def rows(ds, path: str, **params) -> list[dict]:
    response = await ds.client.get(path, params={"_shape": "array", "_size": "max", **params})
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()


def test_the_database_is_byte_stable(tmp_path, served):
    again = build_database(PUBLISHED, tmp_path / served.database.name)
    assert hashlib.sha256(again.read_bytes()).digest() == \
        hashlib.sha256(served.database.read_bytes()).digest()


def test_sqlite_builds_what_is_missing_from_a_checkout_without_a_package(repo_copy, served):
    import shutil

    shutil.rmtree(repo_copy / "data")
    (repo_copy / "datapackage.json").unlink()
    result = run_cli("sqlite", "--root", str(repo_copy))
    assert result.returncode == 0, result.stderr
    assert (repo_copy / "datapackage.json").is_file()
    db = database_path(PublishedPackage(repo_copy), repo_copy / "build")
    assert hashlib.sha256(db.read_bytes()).digest() == \
        hashlib.sha256(served.database.read_bytes()).digest()
    assert db.with_name(db.stem + ".metadata.json").is_file()


def test_tables_keep_the_declared_keys_and_types(served):
    conn = sqlite3.connect(served.database)
    pk = conn.execute("SELECT name FROM pragma_table_info('investors') WHERE pk").fetchall()
    assert pk == [("investor_id",)]
    fks = {(r[3], r[2]) for r in conn.execute("PRAGMA foreign_key_list('investors')")}
    assert fks == {("round_id", "rounds"), ("organization_id", "organizations")}
    types = dict(conn.execute("SELECT name, type FROM pragma_table_info('rounds')").fetchall())
    assert (types["amount"], types["date"]) == ("REAL", "TEXT")
    types = dict(conn.execute("SELECT name, type FROM pragma_table_info('evidence')").fetchall())
    assert types["start"] == "INTEGER"


@pytest.mark.parametrize("table", TABLES)
async def test_every_table_serves_every_row(ds, db_url, table):
    expected = package(table)
    got = await rows(ds, f"{db_url}/{table}.json")
    key = expected.columns[0]
    assert sorted(r[key] for r in got) == sorted(expected[key])
    page = await ds.client.get(f"{db_url}/{table}")
    assert page.status_code == 200


async def test_every_view_responds_with_the_rows_it_should(ds, db_url):
    expected = {
        "funding_timeline": len(package("rounds")),
        "evidence_passages": len(package("evidence")),
        "organization_roles": sum(len(package(t)) for t in ("investors", "partners",
                                                           "sanctions")),
    }
    assert set(expected) == set(VIEWS)
    for view, count in expected.items():
        assert len(await rows(ds, f"{db_url}/{view}.json")) == count, view
        assert (await ds.client.get(f"{db_url}/{view}")).status_code == 200


async def test_foreign_keys_show_labels_and_links(ds, db_url):
    names = dict(zip(package("organizations").organization_id, package("organizations").name))
    round_names = dict(zip(package("rounds").round_id, package("rounds").round_name))
    got = await rows(ds, f"{db_url}/investors.json", _labels="on")
    assert len(got) == len(package("investors"))
    for row in got:
        org, rnd = row["organization_id"], row["round_id"]
        assert org["label"] == names[org["value"]]
        assert rnd["label"] == round_names[rnd["value"]]
    first = package("investors").iloc[0]
    html = (await ds.client.get(f"{db_url}/investors")).text
    assert (f'<a href="{db_url}/organizations/{first.organization_id}">'
            f'{names[first.organization_id]}</a>') in html


@pytest.mark.parametrize("table,column", [("rounds", "round_type"), ("investors", "role"),
                                          ("partners", "kind"), ("events", "event_type"),
                                          ("organizations", "kind")])
async def test_facets_count_what_the_package_holds(ds, db_url, table, column):
    response = await ds.client.get(f"{db_url}/{table}.json")  # facets come from metadata
    facet = response.json()["facet_results"][column]
    counts = {r["value"]: r["count"] for r in facet["results"]}
    assert counts == package(table)[column].value_counts().to_dict()


async def test_canned_query_rounds_with_lead_investors(ds, db_url):
    investors, orgs = package("investors"), package("organizations")
    names = dict(zip(orgs.organization_id, orgs.name))
    leads = investors[investors.role == "lead"]
    expected = {r: sorted(names[o] for o in leads[leads.round_id == r].organization_id)
                for r in package("rounds").round_id}
    got = await rows(ds, f"{db_url}/rounds_with_lead_investors.json")
    assert {r["round_id"]: sorted((r["lead_investors"] or "").split("; ")) if
            r["lead_investors"] else [] for r in got} == expected
    # The example users look for first (see test_load.py): Series C, led by Alibaba Group.
    series_c = next(r for r in got if r["round_id"] == "series-c")
    assert series_c["lead_investors"] == "Alibaba Group"
    dates = [r["date"] for r in got]
    assert dates == sorted(dates, key=lambda d: (d is None, d or ""))  # undated last
    assert dates[-1] is None


async def test_canned_query_everything_on_one_organization(ds, db_url):
    investors, evidence = package("investors"), package("evidence")
    org = investors.organization_id.value_counts().index[0]
    got = await rows(ds, f"{db_url}/organization.json", organization=org)
    assert {r["row_id"] for r in got if r["table_name"] == "investors"} == \
        set(investors[investors.organization_id == org].investor_id)
    assert {r["row_id"] for r in got if r["table_name"] == "evidence"} == \
        set(evidence[(evidence.table_name == "organizations") & (evidence.row_id == org)]
            .evidence_id)
    # by name as well as by id
    name = package("organizations").set_index("organization_id").loc[org, "name"]
    assert await rows(ds, f"{db_url}/organization.json", organization=name) == got


@pytest.mark.parametrize("table", ROW_TABLES)
async def test_canned_query_evidence_for_one_row(ds, db_url, table):
    evidence, sources = package("evidence"), package("sources").set_index("source_id")
    row_id = package(table).iloc[0, 0]
    expected = evidence[(evidence.table_name == table) & (evidence.row_id == row_id)]
    got = await rows(ds, f"{db_url}/evidence_for_row.json", table_name=table, row_id=row_id)
    assert [r["evidence_id"] for r in got] == sorted(expected.evidence_id)
    for r in got:
        quote = expected.set_index("evidence_id").loc[r["evidence_id"], "quote"]
        assert f"«{quote}»" in r["passage"]
        assert r["url"] == sources.loc[r["source_id"], "url"]


async def test_canned_query_timeline_for_a_year(ds, db_url):
    events = package("events")
    year = events.date.str[:4].value_counts().index[0]
    got = await rows(ds, f"{db_url}/timeline_for_year.json", year=year)
    assert sorted(r["event_id"] for r in got) == \
        sorted(events[events.date.str.startswith(year)].event_id)


async def test_canned_query_conflicts(ds, db_url):
    claims = package("claims").set_index("claim_id")
    conflicts = package("conflicts")
    assert len(conflicts), "the package has no disagreement to show"
    got = await rows(ds, f"{db_url}/conflicts_between_sources.json")
    assert sorted(r["claim_id"] for r in got) == sorted(conflicts.claim_id)
    sides: dict[str, list[dict]] = {}
    for r in got:
        sides.setdefault(r["conflict_id"], []).append(r)
        # Each side is a claim of the package, with that claim's own value and quote.
        assert r["quote"] == claims.loc[r["claim_id"], "quote"]
    for conflict_id, group in sides.items():
        # A disagreement has at least two sides and exactly one published value.
        assert len(group) >= 2, conflict_id
        assert len({r["published_value"] for r in group}) == 1, conflict_id
        assert any(r["preferred"] for r in group), conflict_id


def test_every_canned_query_is_read_only_sql():
    for name, query in QUERIES.items():
        assert not query.get("write"), name
        assert re.match(r"\s*(SELECT|WITH)\b", query["sql"], re.I), name


@pytest.mark.parametrize("table", sorted(FTS_COLUMNS))
async def test_full_text_search_finds_a_phrase_of_a_row(ds, db_url, table):
    frame = package(table)
    column = FTS_COLUMNS[table][-1]
    row = frame.iloc[len(frame) // 2]
    words = re.findall(r"[A-Za-z]{5,}", row[column])[:3]
    assert len(words) == 3
    got = await rows(ds, f"{db_url}/{table}.json", _search=" ".join(words))
    assert row.iloc[0] in {r[frame.columns[0]] for r in got}
    assert 0 < len(got) <= len(frame)


async def test_json_and_csv_exports(ds, db_url):
    expected = package("rounds")
    response = await ds.client.get(f"{db_url}/rounds.csv", params={"_size": "max"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain") or \
        response.headers["content-type"].startswith("text/csv")
    got = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["round_id"] for r in got] != [] and \
        sorted(r["round_id"] for r in got) == sorted(expected.round_id)
    by_id = {r["round_id"]: r for r in got}
    for _, r in expected.iterrows():
        assert by_id[r.round_id]["currency"] == r.currency
        if r.amount:
            assert float(by_id[r.round_id]["amount"]) == float(r.amount)
    query = await ds.client.get(f"{db_url}/rounds_with_lead_investors.csv")
    assert query.status_code == 200 and "lead_investors" in query.text.splitlines()[0]
    data = (await ds.client.get(f"{db_url}/rounds.json")).json()
    assert data["columns"][:2] == list(expected.columns[:2])


async def test_a_row_page_links_to_its_evidence_in_one_click(ds, db_url):
    evidence = package("evidence")
    for table in ROW_TABLES:
        row_id = package(table).iloc[-1, 0]
        html = (await ds.client.get(f"{db_url}/{table}/{row_id}")).text
        link = re.search(r'<p class="evidence-link"><a href="([^"]+)">Evidence: (\d+) quote',
                         html)
        assert link, table
        count = ((evidence.table_name == table) & (evidence.row_id == row_id)).sum()
        assert int(link.group(2)) == count > 0
        target = await ds.client.get(link.group(1).replace("&amp;", "&"))
        assert target.status_code == 200 and "«" in target.text


async def test_evidence_rows_link_back_to_their_row_and_source(ds, db_url):
    first = package("evidence").iloc[0]
    html = (await ds.client.get(f"{db_url}/evidence_passages")).text
    assert f'<a href="{db_url}/{first.table_name}/{first.row_id}">' in html
    assert f'<a href="{db_url}/sources/{first.source_id}">' in html


async def test_money_is_shown_with_its_currency(ds, db_url):
    rounds = package("rounds")
    r = rounds[rounds.amount != ""].iloc[0]
    html = (await ds.client.get(f"{db_url}/rounds/{r.round_id}")).text
    assert f"{float(r.amount):,.0f} {r.currency}" in html


async def test_the_front_page_is_a_readers_door(ds, served):
    page = (await ds.client.get("/")).text
    descriptor = PUBLISHED.descriptor
    assert descriptor["title"] in page and descriptor["version"] in page
    assert descriptor["created"][:10] in page          # the citation: version and date
    for table in TABLES:                                 # every table with its row count
        count = len(package(table))
        assert re.search(rf'/{table}">[^<]*</a> <code>{table}</code></td>'
                         rf'<td class="rows">{count:,} rows?</td>', page), table
    assert "_fts" not in page and "hidden" not in page   # search indexes: not even a count
    conflicts = package("conflicts")
    assert f"{conflicts.conflict_id.nunique()} disagreements between sources" in page
    links = set(re.findall(r'(?:href|src)="(/[^"]+)"', page))
    archive = f"{descriptor['name']}-{descriptor['version']}.zip"
    assert any(link.endswith(archive) for link in links)
    for link in links:                                   # nothing the page links to is missing
        response = await ds.client.get(link)
        assert response.status_code == 200, link
    zip_link = next(link for link in links if link.endswith(archive))
    assert (await ds.client.get(zip_link)).content == \
        (REPO / "releases" / archive).read_bytes()


async def test_a_row_page_shows_its_quotes_marked_in_their_passages(ds, db_url):
    evidence = package("evidence")
    sources = package("sources").set_index("source_id")
    for table in ROW_TABLES:
        row_id = package(table).iloc[0, 0]
        html = (await ds.client.get(f"{db_url}/{table}/{row_id}")).text
        expected = evidence[(evidence.table_name == table) & (evidence.row_id == row_id)]
        marked = re.findall(r"<mark>(.*?)</mark>", html, re.S)
        assert sorted(unescape(m) for m in marked) == sorted(expected.quote), table
        for source_id in expected.source_id:
            assert f'<a href="{db_url}/sources/{source_id}">' \
                   f'{escape(sources.loc[source_id, "title"])}</a>' in html


async def test_values_read_as_a_reader_expects(ds, db_url):
    rounds = package("rounds")
    bound = rounds[rounds.valuation_qualifier == "more-than"].iloc[0]
    html = (await ds.client.get(f"{db_url}/rounds/{bound.round_id}")).text
    assert f"&gt; {float(bound.valuation):,.0f} {bound.currency}" in html
    conflicts = (await ds.client.get(f"{db_url}/conflicts")).text
    assert re.search(r'<td class="col-preferred[^"]*">(true|false)</td>', conflicts)
    assert not re.search(r'<td class="col-preferred[^"]*">[01]</td>', conflicts)
    # undated rows last on a table page sorted by date
    got = (await ds.client.get(f"{db_url}/rounds.json", params={"_shape": "array"})).json()
    dates = [r["date"] for r in got]
    assert None in dates and dates.index(None) == len(dates) - dates.count(None)
    # canned queries open with their results, the SQL folded away
    page = (await ds.client.get(f"{db_url}/rounds_with_lead_investors")).text
    assert "_show_sql=1" in page and "<textarea" not in page and 'id="sql-query"' not in page
    assert page.count('<td class="col-round_id') == len(rounds)


async def test_only_read_only_plugins_and_immutable_database(ds):
    plugins = {p["name"] for p in (await ds.client.get("/-/plugins.json")).json()}
    assert plugins == {"evidence_links.py", "guard.py", "speed.py"}
    await ds.invoke_startup()
    assert [(db.is_mutable, db.hash is not None) for db in ds.databases.values()
            if db.name != "_internal"] == [(False, True)]
    settings = (await ds.client.get("/-/settings.json")).json()
    assert settings["sql_time_limit_ms"] <= 2000 and settings["max_returned_rows"] <= 1000


# Fast pages on the immutable database (plugins/speed.py, serve/cache.py): a page asked
# again is answered from memory and says the same, SQL a client writes is always run,
# the memory kept is bounded, the front page is rendered once. Speed itself is measured
# by benchmarks/, not here.

def query_cache(ds):
    return next(db for name, db in ds.databases.items() if name != "_internal").execute.cache


async def test_a_page_asked_again_comes_from_memory_and_says_the_same(ds, db_url):
    table = TABLES[-1]
    first = await ds.client.get(f"{db_url}/{table}")
    cache = query_cache(ds)
    misses = cache.misses
    again = await ds.client.get(f"{db_url}/{table}")
    assert again.status_code == first.status_code == 200
    took = re.compile(r"took [0-9.]+ms")   # the page says how long its queries took
    assert took.sub("", again.text) == took.sub("", first.text)
    assert cache.misses == misses and cache.hits > 0   # no query went to SQLite


async def test_sql_a_client_writes_is_run_every_time(ds, db_url):
    def values(response):
        assert response.status_code == 200, response.text[:300]
        return response.json()["rows"][0][0]

    query = {"sql": "select random()", "_shape": "arrays"}
    first = values(await ds.client.get(f"{db_url}.json", params=query))
    again = values(await ds.client.get(f"{db_url}.json", params=query))
    assert first != again
    where = {"_where": "abs(random()) >= 0", "_shape": "arrays", "_size": "1"}
    table = TABLES[0]
    assert (await ds.client.get(f"{db_url}/{table}.json", params=where)).status_code == 200
    cache = query_cache(ds)
    assert not any("random()" in key[0] for key in cache.entries)


def test_the_memory_kept_is_bounded():
    class Results:   # the shape of datasette.database.Results that the cache reads
        def __init__(self, rows):
            self.rows = rows

    cache = QueryCache(CacheLimits(budget_bytes=10_000, max_bytes=4_000))
    cache.put("huge", Results([("x" * 5_000,)]))
    assert cache.get("huge") is None                       # over max_bytes: not kept
    for i in range(10):
        cache.put(i, Results([("y" * 1_000,)]))
        assert cache.size <= 10_000
    assert cache.get(0) is None and cache.get(9) is not None  # least recently used out


async def test_the_front_page_is_rendered_once_and_the_json_index_stays(ds):
    first = await ds.client.get("/")
    again = await ds.client.get("/")
    assert first.status_code == again.status_code == 200 and first.text == again.text
    assert ds._front_page_html == first.text
    index = (await ds.client.get("/.json")).json()
    assert set(index) == {db for db in ds.databases if db != "_internal"}


async def test_the_database_page_shows_no_search_index_nor_their_count(ds, db_url):
    page = (await ds.client.get(db_url)).text
    for table in TABLES:
        assert f'{db_url}/{table}"' in page
    assert "_fts" not in page
    assert not re.search(r"hidden\s+tables?", page)
