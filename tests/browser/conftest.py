"""The browser tests run in their own pytest invocation (`pytest tests/browser`; `make
test` runs both): in one session with the pytest-asyncio tests, Playwright's sync API and
their event loops break each other. A run that collects both leaves these out, and says so."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    browser = [i for i in items if HERE in Path(str(i.path)).resolve().parents]
    if browser and len(browser) < len(items):
        items[:] = [i for i in items if i not in browser]
        config.hook.pytest_deselected(items=browser)
        print("\nbrowser tests left out of this session; run them with: pytest tests/browser")
