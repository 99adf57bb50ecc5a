"""A reader's session in a real browser (Debian's chromium driven by Playwright) against
the real server started by `sensetime-dataset serve` on a free loopback port.

Run in its own pytest invocation (`make test` does): Playwright's sync API and
pytest-asyncio's event loops break each other in one session."""

from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import expect

from conftest import REPO
from server_process import free_port, spawn
from sensetime_dataset.published.reader import PublishedPackage
from sensetime_dataset.serve.database import database_path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = REPO / "build" / "screenshots"
DB = database_path(PublishedPackage(REPO), REPO / "build").stem


def package(table: str) -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / f"{table}.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing; under CI the browser test must run "
                        "(.ci/run installs it with apt-get install -y chromium)")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server():
    port = free_port()
    process = spawn(REPO, port)
    yield f"http://127.0.0.1:{port}", process
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture
def page(browser, server):
    base, _ = server
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    # Everything the pages need is served locally: nothing may be fetched from elsewhere.
    page.on("request", lambda r: None if r.url.startswith(base) or r.url.startswith("data:")
            else problems.append(f"external request {r.url}"))
    yield page
    page.close()
    assert problems == []


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_the_front_page_says_what_a_reader_needs(page, server):
    base, _ = server
    descriptor = json.loads((REPO / "datapackage.json").read_text())
    page.goto(base + "/")
    expect(page.locator("h1")).to_have_text(descriptor["title"])
    body = page.inner_text("body")
    # every table, in package order, with its row count; no search index, not even a count
    names = page.locator("table.tables code").all_inner_texts()
    assert names == PublishedPackage(REPO).tables
    for name in names:
        count = len(package(name))
        row = page.locator("table.tables tr", has=page.locator(f"code:text-is('{name}')"))
        expect(row.locator("td.rows")).to_have_text(f"{count:,} row{'' if count == 1 else 's'}")
    assert "_fts" not in body and "hidden" not in body
    # how to cite this version, and its date
    citation = page.locator(".citation").inner_text()
    assert descriptor["version"] in citation and descriptor["created"][:10] in citation
    # the downloads: this version's release archive and the SQLite file
    archive = f"{descriptor['name']}-{descriptor['version']}.zip"
    expect(page.locator(f'#downloads a[href$="{archive}"]')).to_have_count(1)
    expect(page.locator(f'#downloads a[href="/{DB}.db"]')).to_have_count(1)
    expect(page.locator('#downloads a:text("CHANGELOG")')).to_have_count(1)
    # the chart is drawn (an image that loaded)
    chart = page.locator("img.chart")
    expect(chart).to_be_visible()
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
    conflicts = package("conflicts").conflict_id.nunique()
    expect(page.locator("#disagreements")).to_contain_text(
        f"{conflicts} disagreements between sources")
    shot(page, "front-page")


def test_from_front_page_to_a_row_with_its_quotes_and_the_source(page, server):
    base, _ = server
    page.goto(base + "/")
    rounds = package("rounds")
    page.click(f'a[href="/{DB}/rounds"]')
    expect(page.locator("table.rows-and-columns tbody tr")).to_have_count(len(rounds))
    # undated rounds come last; a lower bound reads as one
    dates = page.locator("td.col-date").all_inner_texts()
    assert dates[-1].strip() in ("", "\xa0") and dates[0].strip()
    bound = rounds[rounds.valuation_qualifier == "more-than"].iloc[0]
    expect(page.locator("body")).to_contain_text(
        f"> {float(bound.valuation):,.0f} {bound.currency}")

    evidence = package("evidence")
    page.click(f'a[href="/{DB}/rounds/{bound.round_id}"]')
    expect(page.locator("h1")).to_contain_text(bound.round_id)
    expected = evidence[(evidence.table_name == "rounds") & (evidence.row_id == bound.round_id)]
    marks = page.locator(".quotes mark")
    expect(marks).to_have_count(len(expected))
    assert sorted(" ".join(m.split()) for m in marks.all_inner_texts()) == \
        sorted(" ".join(q.split()) for q in expected.quote)
    # the quotes come before the table of values
    assert page.locator(".quotes").bounding_box()["y"] < \
        page.locator("table.rows-and-columns").bounding_box()["y"]
    shot(page, "row-page-with-quotes")

    source = page.locator(".quotes figcaption a").first
    title = source.inner_text()
    source.click()
    expect(page.locator("body")).to_contain_text(title)
    # a source's text wraps: the page is no wider than the window
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280 + 20
    shot(page, "source-page")


def test_the_conflicts_table_shows_its_data_first(page, server):
    base, _ = server
    conflicts = package("conflicts")
    page.goto(f"{base}/{DB}/conflicts")
    rows = page.locator("table.rows-and-columns tbody tr")
    expect(rows.first).to_be_visible()
    assert set(page.locator("td.col-preferred").all_inner_texts()) <= {"true", "false"}
    # the data starts within the first screen
    assert rows.first.bounding_box()["y"] < 900
    expect(page.locator("h3").first).to_contain_text(f"{len(conflicts)} rows")
    shot(page, "conflicts-table")


def test_a_canned_query_with_a_parameter(page, server):
    base, _ = server
    events = package("events")
    year = events.date.str[:4].value_counts().index[0]
    page.goto(f"{base}/{DB}")
    page.click(f'a[href="/{DB}/timeline_for_year"]')
    page.fill('input[name="year"]', year)
    page.click('form.sql input[type="submit"]')
    expected = events[events.date.str.startswith(year)]
    expect(page.locator("table.rows-and-columns tbody tr")).to_have_count(len(expected))
    assert sorted(page.locator("td.col-event_id").all_inner_texts()) == \
        sorted(expected.event_id)
    shot(page, "timeline-for-a-year")


def test_the_chart_shows_every_round_with_money(page, server):
    base, _ = server
    rounds = package("rounds")
    with_money = rounds[(rounds.amount != "") | (rounds.valuation != "")]
    page.goto(f"{base}/-/site/funding-history.svg")
    text = page.locator("svg").text_content()
    page.set_viewport_size({"width": 1000, "height": 420})
    for _, r in with_money.iterrows():   # dated on the axis, undated listed beside it
        assert r.round_name.split()[0] in text, r.round_id
    bound = rounds[rounds.valuation_qualifier == "more-than"].iloc[0]
    assert f"> {float(bound.valuation) / 1e6:,.0f}" in text
    page.screenshot(path=str(SCREENSHOTS / "funding-chart.png"))   # an SVG: no full page


def test_the_real_server_refuses_writes_and_logs_quietly(server):
    base, process = server
    db_file = REPO / "build" / f"{DB}.db"
    before = hashlib.sha256(db_file.read_bytes()).hexdigest()
    for sql in ("DROP TABLE rounds", "PRAGMA writable_schema = 1",
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                "SELECT count(*) FROM c"):
        url = f"{base}/{DB}.json?" + urllib.parse.urlencode({"sql": sql})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url, timeout=30)
        assert refused.value.code == 400
    request = urllib.request.Request(f"{base}/{DB}/rounds", data=b"x=1", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 405
    assert hashlib.sha256(db_file.read_bytes()).hexdigest() == before
    process.terminate()
    _, stderr = process.communicate(timeout=20)
    # No 240-line tracebacks with request data for handled errors; no access log.
    assert "Traceback" not in stderr and "writable_schema" not in stderr, stderr[-3000:]
    assert len(stderr.splitlines()) < 10, stderr[-3000:]
