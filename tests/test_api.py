"""`load`, `load_arrow` and `package` from every kind of location, HTTP included."""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
import zipfile

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sensetime_dataset
from conftest import REPO
from sensetime_dataset.errors import BuildError

RELEASE = max((REPO / "releases").glob("*.zip"))


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A copy of the built package served over HTTP on 127.0.0.1 by a thread."""
    root = tmp_path_factory.mktemp("www")
    shutil.copy2(REPO / "datapackage.json", root / "datapackage.json")
    shutil.copytree(REPO / "data", root / "data")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}/datapackage.json"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):   # keep the test output readable
        pass


def expected_rounds() -> pa.Table:
    return pq.read_table(REPO / "data" / "rounds.parquet")


def test_import_is_cheap():
    import subprocess
    code = ("import sys, sensetime_dataset; "
            "print(sorted(m for m in ('pandas', 'pyarrow', 'frictionless') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_reading_every_table_starts_no_thread():
    # pyarrow's pool threads can abort the process at exit ("terminate called without an
    # active exception", exit -6; seen once in CI from `coverage`): readers start none.
    # A fresh process, so that no earlier test has started one; Linux counts its threads
    # in /proc.
    import subprocess
    code = ("import os, sensetime_dataset as s, pandas, pyarrow.csv\n"
            "from sensetime_dataset.published.reader import PublishedPackage\n"
            "from sensetime_dataset.release.diff import _read_rows\n"
            "n = lambda: len(os.listdir('/proc/self/task'))\n"
            "before = n(); p = PublishedPackage('.')\n"
            "for t in p.tables: p.rows(t); p.frame(t); p.frame(t, 'csv'); s.load(t)\n"
            "for r in p.descriptor['resources']: _read_rows(p.folder, r)\n"
            "print(before, n())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0, out.stderr
    before, after = out.stdout.split()
    assert after == before


def test_load_gives_pyarrow_backed_types():
    rounds = sensetime_dataset.load("rounds")
    assert isinstance(rounds, pd.DataFrame)
    assert rounds["round_id"].dtype == pd.ArrowDtype(pa.string())
    assert rounds["amount"].dtype == pd.ArrowDtype(pa.float64())
    assert rounds.equals(expected_rounds().to_pandas(types_mapper=pd.ArrowDtype))


@pytest.mark.parametrize("location", [REPO, REPO / "datapackage.json", RELEASE],
                         ids=["directory", "descriptor", "archive"])
def test_load_arrow_from_a_local_location(location):
    table = sensetime_dataset.load_arrow("claims", location)
    assert table.num_rows > 0 and "preferred" in table.column_names
    if location != RELEASE:   # the release may be older than the checkout
        assert table.equals(pq.read_table(REPO / "data" / "claims.parquet"))


def test_package_from_a_directory_and_an_archive():
    for location in (None, REPO, RELEASE):
        pkg = sensetime_dataset.package(location)
        assert pkg.name == "sensetime-corporate-history"
        assert "rounds" in pkg.resource_names and "rounds_parquet" in pkg.resource_names
    assert len(sensetime_dataset.package(RELEASE).get_resource("rounds").read_rows()) > 0


def test_load_over_http(served):
    _, url = served
    assert sensetime_dataset.load_arrow("rounds", url).equals(expected_rounds())
    assert len(sensetime_dataset.load("investors", url)) == \
        pq.read_metadata(REPO / "data" / "investors.parquet").num_rows
    pkg = sensetime_dataset.package(url)
    assert pkg.get_resource("rounds").read_rows()[0]["round_id"]


def test_load_over_http_refuses_a_file_that_is_not_the_published_one(served, tmp_path):
    root, url = served
    path = root / "data" / "sanctions.parquet"
    original = path.read_bytes()
    try:
        path.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))
        with pytest.raises(BuildError, match=r"data/sanctions\.parquet has sha256"):
            sensetime_dataset.load("sanctions", url)
    finally:
        path.write_bytes(original)


def test_unknown_table_names_the_tables():
    with pytest.raises(BuildError, match=r"no table 'round'; did you mean 'rounds'\? the tables are .*rounds"):
        sensetime_dataset.load("round")


def test_an_archive_has_the_package_at_its_top_level():
    with zipfile.ZipFile(RELEASE) as zf:
        assert "datapackage.json" in zf.namelist()   # so frictionless opens it as is
