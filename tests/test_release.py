"""Releases: the version rules, the CHANGELOG entry, reproducible archives, verify."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import REPO, copy_repo, flip_a_byte, run_cli
from sensetime_dataset.release.diff import Change, PackageDiff
from sensetime_dataset.errors import BuildError
from sensetime_dataset.release.versioning import check_version, next_version

NAME = "sensetime-corporate-history"
# The tests release the repository's current version again in a copy (which has no
# releases/), then the versions that follow it.
META = yaml.safe_load((REPO / "package.yaml").read_text(encoding="utf-8"))
CURRENT = str(META["version"])
RELEASED_ON = str(META["created"])[:10]
_MAJOR, _MINOR, _PATCH = (int(x) for x in CURRENT.split("."))
NEXT_PATCH = f"{_MAJOR}.{_MINOR}.{_PATCH + 1}"
NEXT_MINOR = f"{_MAJOR}.{_MINOR + 1}.0"


def a_diff(*changes: Change) -> PackageDiff:
    return PackageDiff(old={"name": "x", "version": "1.2.3"}, new={"name": "x", "version": "?"},
                       changes=list(changes))


ROWS_ADDED = a_diff(Change("rows-added", "rounds", {"keys": ["series-d"]}))
VALUE_FIXED = a_diff(Change("rows-changed", "rounds", {"rows": [
    {"key": "series-c", "changes": {"amount": {"old": "1", "new": "2"}}}]}))
COLUMN_REMOVED = a_diff(Change("column-removed", "rounds",
                               {"column": "valuation", "type": "number"}))


@pytest.mark.parametrize("diff, version, message", [
    (ROWS_ADDED, "1.2.4", "is a PATCH release, but the changes since 1.2.3 need a MINOR one"),
    (COLUMN_REMOVED, "1.3.0", "need a MAJOR one (column rounds.valuation removed): use 2.0.0"),
    (VALUE_FIXED, "1.2.3", "not greater than the last release 1.2.3"),
    (VALUE_FIXED, "1.2.2", "not greater than the last release"),
    (VALUE_FIXED, "1.4.0", "does not follow 1.2.3"),
    (VALUE_FIXED, "1.3", "is not MAJOR.MINOR.PATCH"),
    (a_diff(), "1.2.4", "nothing changed since release 1.2.3"),
])
def test_version_rules_refuse(diff, version, message):
    with pytest.raises(BuildError, match=re.escape(message)):
        check_version(version, "1.2.3", diff)


@pytest.mark.parametrize("diff, allowed, smallest", [
    (VALUE_FIXED, ["1.2.4", "1.3.0", "2.0.0"], "1.2.4"),
    (ROWS_ADDED, ["1.3.0", "2.0.0"], "1.3.0"),
    (COLUMN_REMOVED, ["2.0.0"], "2.0.0"),
])
def test_version_rules_accept(diff, allowed, smallest):
    for version in allowed:
        assert str(check_version(version, "1.2.3", diff)) == version
    assert str(next_version("1.2.3", diff)) == smallest


def first_release(root: Path) -> Path:
    result = run_cli("release", CURRENT, "--root", str(root), "--date", RELEASED_ON)
    assert result.returncode == 0, result.stderr
    return root / "build" / "dist" / f"{NAME}-{CURRENT}.zip"


def add_a_round(root: Path) -> None:
    """A change to the curation that adds one row: a copy of an existing round's claims
    under a new id (only the new row matters here, not the fact)."""
    path = root / "curation" / "rounds.yaml"
    rows = yaml.safe_load(path.read_text())
    series_c = next(r for r in rows if r["id"] == "series-c")
    clone = yaml.safe_load(yaml.safe_dump(series_c))
    clone["id"] = "series-c-copy"
    for claim in clone["claims"]:
        if "round_name" in claim["values"]:
            claim["values"]["round_name"] = "Series C (copy)"
    rows.append(clone)
    path.write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False))


def test_two_releases_of_the_same_input_are_byte_identical(tmp_path):
    one = first_release(copy_repo(tmp_path / "one"))
    two = first_release(copy_repo(tmp_path / "two"))
    assert one.read_bytes() == two.read_bytes()
    with zipfile.ZipFile(one) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert {"datapackage.json", "SHA256SUMS", "data/rounds.csv", "data/rounds.parquet",
                "schemas/rounds.json"} <= set(names)
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    # The first release is kept in releases/ and leaves the package as it was.
    assert (tmp_path / "one" / "releases" / one.name).read_bytes() == one.read_bytes()
    assert (tmp_path / "one" / "package.yaml").read_bytes() == (REPO / "package.yaml").read_bytes()


def test_release_refuses_a_patch_for_new_rows_then_cuts_a_minor(tmp_path):
    root = copy_repo(tmp_path / "repo")
    first_release(root)
    add_a_round(root)
    before = (root / "package.yaml").read_bytes()

    refused = run_cli("release", NEXT_PATCH, "--root", str(root), "--date", "2026-12-01")
    assert refused.returncode == 1
    assert "need a MINOR one" in refused.stderr and "rows added to rounds" in refused.stderr
    assert (root / "package.yaml").read_bytes() == before
    assert not (root / "releases" / f"{NAME}-{NEXT_PATCH}.zip").exists()

    # The maintainer's prose under [Unreleased] is kept above the generated part.
    changelog = root / "CHANGELOG.md"
    changelog.write_text(changelog.read_text().replace(
        f"## [{CURRENT}]", f"## [Unreleased]\n\nA test round.\n\n## [{CURRENT}]"))
    done = run_cli("release", "--root", str(root), "--date", "2026-12-01")
    assert done.returncode == 0, done.stderr
    assert f"release {NEXT_MINOR} (previous: {CURRENT})" in done.stdout
    assert "rows added (1): series-c-copy" in done.stdout
    meta = yaml.safe_load((root / "package.yaml").read_text())
    assert (meta["version"], meta["created"]) == (NEXT_MINOR, "2026-12-01T00:00:00Z")
    text = changelog.read_text()
    entry = text[text.index(f"## [{NEXT_MINOR}] - 2026-12-01"):text.index(f"## [{CURRENT}]")]
    assert "[Unreleased]" not in text
    assert entry.index("A test round.") < entry.index("### Added")
    assert "- 1 row in `rounds`: `series-c-copy`." in entry
    assert (root / "releases" / f"{NAME}-{NEXT_MINOR}.zip").is_file()
    # The citation follows the release, and the archive carries it.
    cff = yaml.safe_load((root / "CITATION.cff").read_text())
    assert (cff["version"], str(cff["date-released"])) == (NEXT_MINOR, "2026-12-01")
    assert f"version {NEXT_MINOR} (released 2026-12-01)" in (root / "README.md").read_text()
    with zipfile.ZipFile(root / "releases" / f"{NAME}-{NEXT_MINOR}.zip") as zf:
        assert zf.read("CITATION.cff") == (root / "CITATION.cff").read_bytes()
        assert f"version {NEXT_MINOR}" in zf.read("README.md").decode()
    assert run_cli("verify", str(root / "releases" / f"{NAME}-{NEXT_MINOR}.zip")).returncode == 0
    # Nothing changed since the new release: no release to make.
    again = run_cli("release", "--root", str(root), "--date", "2026-12-02")
    assert again.returncode == 1 and f"nothing changed since release {NEXT_MINOR}" in again.stderr


def latest_release() -> Path:
    return max((REPO / "releases").glob(f"{NAME}-*.zip"),
               key=lambda p: tuple(int(x) for x in p.stem.rsplit("-", 1)[1].split(".")))


def test_the_committed_latest_release_verifies():
    result = run_cli("verify", str(latest_release()))
    assert result.returncode == 0, result.stderr
    assert "match their size and sha256" in result.stdout and "verified" in result.stdout


@pytest.fixture
def download(tmp_path) -> Path:
    """An unpacked release, as a user downloads it."""
    folder = tmp_path / "download"
    with zipfile.ZipFile(latest_release()) as zf:
        zf.extractall(folder)
    return folder


def test_verify_names_a_parquet_file_with_a_flipped_byte(download):
    flip_a_byte(download / "data" / "rounds.parquet")
    result = run_cli("verify", str(download))
    assert result.returncode == 1
    assert "data/rounds.parquet: sha256 is" in result.stderr
    assert "data/rounds.csv" not in result.stderr


def test_verify_names_a_changed_csv_row_in_an_archive(download, tmp_path):
    path = download / "data" / "investors.csv"
    lines = path.read_text().splitlines(keepends=True)
    lines[1] = lines[1].replace("lead", "participant") if "lead" in lines[1] \
        else lines[1].replace("participant", "lead")
    path.write_text("".join(lines))
    archive = tmp_path / "tampered.zip"
    shutil.make_archive(str(archive.with_suffix("")), "zip", download)
    result = run_cli("verify", str(archive))
    assert result.returncode == 1
    assert "data/investors.csv" in result.stderr
    assert "SHA256SUMS" in result.stderr   # the checksum file names it too


def test_verify_names_a_changed_schema_file(download):
    path = download / "schemas" / "rounds.json"
    path.write_text(path.read_text().replace("Stable identifier", "Identifier"))
    result = run_cli("verify", str(download))
    assert result.returncode == 1
    assert "schemas/rounds.json: sha256 is" in result.stderr
