"""`verify` trusts nothing in a download: each hostile archive of a user's bad day is
refused with a short error naming the member, and nothing outside the package is read.
Also what a release archive holds (the self-describing part) and its reproducibility."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from conftest import PUBLISHED, REPO, run_cli
from sensetime_dataset.errors import BuildError
from sensetime_dataset.published.location import open_package
from sensetime_dataset.release.archive import SUMS, archive_bytes, archive_name, verify
from sensetime_dataset.release.citation import cite_text

NAME = archive_name(PUBLISHED.descriptor)


@pytest.fixture(scope="module")
def genuine(tmp_path_factory) -> Path:
    """A release archive of the committed package, as `release` writes it, kept in a
    releases/ folder as a checkout keeps the published ones."""
    folder = tmp_path_factory.mktemp("published") / "releases"
    folder.mkdir()
    path = folder / NAME
    path.write_bytes(archive_bytes(PUBLISHED))
    return path


def members_of(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def write_zip(path: Path, members: dict[str, bytes], extra=()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for info, data in extra:
            zf.writestr(info, data)
    return path


def resum(members: dict[str, bytes]) -> dict[str, bytes]:
    """SHA256SUMS recomputed over the other members, as a forger would."""
    body = {n: d for n, d in members.items() if n != SUMS}
    sums = "".join(f"{hashlib.sha256(d).hexdigest()}  {n}\n" for n, d in sorted(body.items()))
    return {**body, SUMS: sums.encode()}


def symlink_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    return info


def refused(location, *patterns, **kwargs) -> str:
    with pytest.raises(BuildError) as caught:
        verify(location, **kwargs)
    message = str(caught.value)
    for pattern in patterns:
        assert re.search(pattern, message), f"{pattern!r} not in: {message}"
    return message


# --- the archive a release writes ----------------------------------------------------


def test_the_archive_describes_itself(genuine, tmp_path):
    members = members_of(genuine)
    descriptor = json.loads(members["datapackage.json"])
    # The source texts the descriptor names are in it, byte for byte.
    for source in descriptor["sources"]:
        assert members[source["path"]] == (REPO / source["path"]).read_bytes()
    assert members["LICENSE-DATA"] == (REPO / "LICENSE-DATA").read_bytes()
    assert members["LICENSE"] == (REPO / "LICENSE").read_bytes()
    assert members["CITATION.cff"] == (REPO / "CITATION.cff").read_bytes()
    card = members["README.md"].decode()
    assert card.startswith(f"# {descriptor['title']} {descriptor['version']}")
    assert cite_text(descriptor) in card and "CC-BY-4.0" in card
    for resource in descriptor["resources"]:
        if resource["format"] == "csv":
            assert f"`data/{resource['name']}.csv`" in card and f"{resource['rows']} rows" in card
    # Listed in SHA256SUMS, every one of them; the same bytes again from the same input.
    listed = {line.split("  ", 1)[1] for line in members[SUMS].decode().splitlines()}
    assert listed == set(members) - {SUMS}
    assert archive_bytes(PUBLISHED) == genuine.read_bytes()


def test_the_genuine_archive_verifies_against_the_published_copy(genuine):
    checked = verify(genuine, releases=genuine.parent)
    assert any("identical to the published release" in line for line in checked)
    digest = hashlib.sha256(genuine.read_bytes()).hexdigest()
    assert any("sha256 is the published one" in line for line in verify(genuine, sha256=digest))


# --- hostile archives ------------------------------------------------------------------


def test_extra_members_are_refused(genuine, tmp_path):
    for extra in ("data/extra.csv", "evil.py"):
        members = resum({**members_of(genuine), extra: b"print('hello')\n"})
        bad = write_zip(tmp_path / "extra.zip", members)
        refused(bad, re.escape(extra) + r": not part of a release")


def test_a_member_not_in_sha256sums_is_named(genuine, tmp_path):
    members = members_of(genuine)
    members["sources/002_c513dc73152740ac.txt"] += b" "
    lines = [ln for ln in members[SUMS].decode().splitlines() if "002_c513" not in ln]
    members[SUMS] = ("\n".join(lines) + "\n").encode()
    refused(write_zip(tmp_path / "unlisted.zip", members),
            r"sources/002_c513dc73152740ac\.txt: not listed in SHA256SUMS")


PROBE = "sensetime-escape-probe"   # a file name nothing else on the machine uses


@pytest.mark.parametrize("name, why", [
    (f"..\\..\\{PROBE}", "a backslash"), (f"../../{PROBE}", r"'\.\.' in the path"),
    (f"/tmp/{PROBE}", "an absolute path"),
])
def test_members_that_point_outside_are_refused_before_extraction(genuine, tmp_path, name, why):
    bad = write_zip(tmp_path / "escape.zip", members_of(genuine), [(zipfile.ZipInfo(name), b"x")])
    message = refused(bad, re.escape(repr(name)), why, "nothing extracted")
    assert len(message.splitlines()) == 1
    assert not (tmp_path.parent / PROBE).exists() and not (Path("/tmp") / PROBE).exists()


def test_a_symlink_member_is_refused(genuine, tmp_path):
    members = members_of(genuine)
    del members["data/rounds.csv"]
    bad = write_zip(tmp_path / "link.zip", members,
                    [(symlink_info("data/rounds.csv"), b"/etc/hostname")])
    refused(bad, r"'data/rounds\.csv': a symbolic link")


def test_a_huge_member_is_refused_without_extracting_it(genuine, tmp_path):
    bad = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in members_of(genuine).items():
            zf.writestr(name, data)
        with zf.open("data/huge.csv", "w", force_zip64=True) as out:   # 1 GiB of zeros
            chunk = bytes(1 << 20)
            for _ in range(1024):
                out.write(chunk)
    assert bad.stat().st_size < 10_000_000
    refused(bad, r"unpacks to 1,07\d,\d{3},\d{3} bytes, more than the 268,435,456")


def test_a_sums_line_pointing_outside_is_refused_and_not_read(genuine, tmp_path):
    members = members_of(genuine)
    host = Path("/etc/hostname")
    wrong = "0" * 64
    members[SUMS] += f"{wrong}  ../../../../etc/hostname\n".encode()
    message = refused(write_zip(tmp_path / "sums.zip", members),
                      r"SHA256SUMS, line \d+: '\.\.' in the path")
    if host.is_file():   # the host file's hash is never computed, so never printed
        assert hashlib.sha256(host.read_bytes()).hexdigest() not in message


def test_a_corrupt_compressed_stream_names_the_member_in_one_line(genuine, tmp_path):
    data = bytearray(genuine.read_bytes())
    with zipfile.ZipFile(genuine) as zf:
        info = zf.getinfo("data/claims.csv")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 100, start + 140):   # inside the compressed bytes
        data[i] ^= 0x55
    bad = tmp_path / "corrupt.zip"
    bad.write_bytes(bytes(data))
    result = run_cli("verify", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "damaged members: data/claims.csv" in result.stderr


def test_descriptor_paths_outside_the_package_or_huge_files_are_not_read(genuine, tmp_path):
    with open_package(genuine) as pkg:
        folder = tmp_path / "download"
        import shutil
        shutil.copytree(pkg.folder, folder)
    descriptor = json.loads((folder / "datapackage.json").read_text())
    by_name = {r["name"]: r for r in descriptor["resources"]}
    by_name["rounds"]["path"] = "/etc/hostname"
    by_name["investors"]["path"] = "../../../etc/hostname"
    # A 3 GB (sparse) file under a Parquet resource, which gives no size to compare.
    huge = folder / "data" / "huge.parquet"
    with huge.open("wb") as fh:
        fh.truncate(3 * 1024 ** 3)
    by_name["claims_parquet"]["path"] = "data/huge.parquet"
    (folder / "datapackage.json").write_text(json.dumps(descriptor))
    refused(folder, r"'/etc/hostname': the descriptor names a path outside the package "
            r"\(an absolute path\)", r"'\.\./\.\./\.\./etc/hostname'",
            r"data/huge\.parquet: 3,221,225,472 bytes, more than a package may hold")


def test_a_consistent_forgery_is_caught_by_the_published_copy(genuine, tmp_path):
    """Change a value, then re-hash the descriptor and SHA256SUMS: every internal check
    passes; only the comparison with the published release (or its sha256) fails."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from sensetime_dataset.pipeline.publish import PARQUET_OPTIONS

    members = members_of(genuine)
    lines = members["data/investors.csv"].decode().splitlines(keepends=True)
    row = next(i for i, line in enumerate(lines) if ",lead," in line or line.endswith(",lead\n"))
    victim = lines[row].split(",")[0]
    lines[row] = lines[row].replace(",lead,", ",participant,", 1).replace(",lead\n",
                                                                         ",participant\n")
    table = pq.read_table(io.BytesIO(members["data/investors.parquet"]))
    roles = ["participant" if i == victim else r for i, r in
             zip(table["investor_id"].to_pylist(), table["role"].to_pylist())]
    table = table.set_column(table.schema.get_field_index("role"), table.schema.field("role"),
                             pa.array(roles, pa.string()))
    sink = io.BytesIO()
    pq.write_table(table, sink, **PARQUET_OPTIONS)
    forged = {"data/investors.csv": "".join(lines).encode(),
              "data/investors.parquet": sink.getvalue()}
    descriptor = json.loads(members["datapackage.json"])
    for resource in descriptor["resources"]:
        if resource["path"] in forged:
            data = forged[resource["path"]]
            resource["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
            if "bytes" in resource:
                resource["bytes"] = len(data)
    members.update(forged)
    members["datapackage.json"] = json.dumps(descriptor, indent=2).encode()
    forged = write_zip(tmp_path / NAME, resum(members))
    assert forged.read_bytes() != genuine.read_bytes()

    message = refused(forged, r"not the published .*" + re.escape(NAME),
                      r"data/investors\.csv: differs", r"datapackage\.json: differs",
                      releases=genuine.parent)
    assert "data/rounds.csv" not in message
    published = hashlib.sha256(genuine.read_bytes()).hexdigest()
    refused(forged, r"this is not the published file", sha256=published)
    # With nothing to compare with, the forgery is consistent: it says so, not "verified
    # against the release".
    checked = verify(forged)
    assert any("no published copy" in line and "--sha256" in line for line in checked)
