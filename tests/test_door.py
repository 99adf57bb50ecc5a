"""The same door everywhere: every command and `load` take the same locations (a
directory, its datapackage.json, a .zip, the URL of a descriptor or of a zip) and give
the same errors for the same mistakes."""

from __future__ import annotations

import functools
import http.server
import shutil
import socket
import threading

import pyarrow.parquet as pq
import pytest

import sensetime_dataset
from conftest import PUBLISHED, REPO, run_cli
from sensetime_dataset.errors import BuildError

RELEASE = max((REPO / "releases").glob("*.zip"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def www(tmp_path_factory):
    """The committed package and a release archive, served over HTTP on 127.0.0.1."""
    root = tmp_path_factory.mktemp("www")
    shutil.copy2(REPO / "datapackage.json", root / "datapackage.json")
    shutil.copytree(REPO / "data", root / "data")
    shutil.copy2(RELEASE, root / RELEASE.name)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def locations(www: str) -> dict[str, str]:
    return {"directory": str(REPO), "descriptor": str(REPO / "datapackage.json"),
            "archive": str(RELEASE), "descriptor URL": www + "datapackage.json",
            "archive URL": www + RELEASE.name}


def test_load_reads_every_kind_of_location(www):
    expected = pq.read_table(RELEASE.parent.parent / "data" / "sanctions.parquet")
    for kind, location in locations(www).items():
        table = sensetime_dataset.load_arrow("sanctions", location)
        assert table.num_rows > 0, kind
        if "archive" not in kind:   # the release may be older than the checkout
            assert table.equals(expected), kind
    assert sensetime_dataset.package(www + RELEASE.name).get_resource("rounds").read_rows()


def test_commands_read_an_archive_url_and_a_zip(www):
    result = run_cli("validate", www + RELEASE.name)
    assert result.returncode == 0, result.stderr
    result = run_cli("diff", str(RELEASE), www + RELEASE.name)
    assert result.returncode == 0, result.stderr
    assert "No changes." in result.stdout   # the same release, by path and by URL


def test_http_errors_name_the_url(www):
    missing = www + "nowhere/datapackage.json"
    with pytest.raises(BuildError, match=f"{missing}: HTTP Error 404"):
        sensetime_dataset.load("rounds", missing)
    for command in ("validate", "verify"):
        result = run_cli(command, missing)
        assert result.returncode == 1 and f"{missing}: HTTP Error 404" in result.stderr


def test_a_missing_path_is_the_same_error_everywhere(tmp_path):
    nope = str(tmp_path / "nope.zip")
    expected = f"{nope}: no such file or directory"
    with pytest.raises(BuildError, match=expected):
        sensetime_dataset.load("rounds", nope)
    with pytest.raises(BuildError, match=expected):
        sensetime_dataset.package(nope)
    for args in (("validate", nope), ("verify", nope), ("diff", str(RELEASE), nope)):
        result = run_cli(*args)
        assert result.returncode == 1 and expected in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_a_misspelt_table_gets_a_suggestion_from_every_location(www):
    for location in (None, str(RELEASE), www + "datapackage.json"):
        with pytest.raises(BuildError, match=r"no table 'investor'; did you mean 'investors'\?"):
            sensetime_dataset.load("investor", location)


def test_serve_names_a_missing_checkout(tmp_path):
    result = run_cli("serve", "--root", str(tmp_path / "nope"))
    assert result.returncode == 1 and "no such directory" in result.stderr
    result = run_cli("serve", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "no checkout of the dataset here (no package.yaml)" in result.stderr
    assert "schema" not in result.stderr


def test_a_busy_port_is_refused_before_serving_is_announced():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("serve", "--root", str(REPO), "--port", str(port))
    assert result.returncode == 1
    assert f"127.0.0.1:{port}: cannot listen there" in result.stderr
    assert "Serving" not in result.stdout


def test_a_port_or_host_that_cannot_be_is_refused_in_one_line():
    result = run_cli("serve", "--root", str(REPO), "--port", "99999")
    assert result.returncode == 2 and "--port" in result.stderr
    assert "Traceback" not in result.stderr and "Serving" not in result.stdout
    result = run_cli("serve", "--root", str(REPO), "--host", "no-such-host.invalid")
    assert result.returncode == 1 and "--host no-such-host.invalid: not an address" in \
        result.stderr and "Serving" not in result.stdout


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == \
        f"sensetime-dataset {PUBLISHED.version}"
