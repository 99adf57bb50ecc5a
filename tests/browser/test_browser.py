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
from sensetime_dataset.serve.app import free_port, spawn
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


def test_from_home_page_to_a_row_its_evidence_and_the_source(page, server):
    base, _ = server
    descriptor_title = json.loads((REPO / "datapackage.json").read_text())["title"]
    page.goto(base + "/")
    assert descriptor_title in page.title() or descriptor_title in page.inner_text("body")
    page.click(f'a[href="/{DB}"]')
    page.click(f'a[href="/{DB}/rounds"]')
    rounds = package("rounds")
    # expect(): waits for the page the click opened, instead of racing it
    expect(page.locator("table.rows-and-columns tbody tr")).to_have_count(len(rounds))

    evidence = package("evidence")
    round_id = rounds.round_id.iloc[0]
    page.click(f'a[href="/{DB}/rounds/{round_id}"]')
    expect(page.locator("h1")).to_contain_text(round_id)
    page.click("p.evidence-link a")  # the one click from a row to its evidence
    expected = evidence[(evidence.table_name == "rounds") & (evidence.row_id == round_id)]
    assert len(expected) > 0
    cells = page.locator("table td.col-passage")
    expect(cells).to_have_count(len(expected))
    passages = cells.all_inner_texts()
    for quote in expected.quote:
        assert any(f"«{' '.join(quote.split())}»" in " ".join(p.split()) for p in passages)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "evidence-for-a-round.png"), full_page=True)

    source_id = page.locator("td.col-source_id a").first.inner_text()
    page.locator("td.col-source_id a").first.click()
    title = package("sources").set_index("source_id").loc[source_id, "title"]
    expect(page.locator("h1")).to_contain_text(source_id)
    expect(page.locator("body")).to_contain_text(title)


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
    page.screenshot(path=str(SCREENSHOTS / "timeline-for-a-year.png"), full_page=True)


def test_the_funding_chart_draws(page, server):
    base, _ = server
    page.goto(f"{base}/-/dashboards/funding")
    page.wait_for_selector("svg.marks, canvas.marks", timeout=20_000)
    page.screenshot(path=str(SCREENSHOTS / "funding-chart.png"), full_page=True)


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
