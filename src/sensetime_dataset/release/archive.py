"""Release archives: write one reproducibly, and verify a downloaded package.

An archive holds datapackage.json, schemas/ and data/ (both formats) at its top level
(so `frictionless` and `unzip` read it as is) plus SHA256SUMS in `sha256sum -c` format.
Same input, same bytes: members in sorted order, fixed timestamps, permissions, host
system and compression level."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import BuildError
from ..published.format import DESCRIPTOR, sha256_bytes
from ..published.location import open_package
from ..published.reader import PublishedPackage

SUMS = "SHA256SUMS"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)   # the earliest time a zip can hold
FILE_MODE = 0o100644 << 16           # a regular file, rw-r--r--
UNIX = 3


def archive_members(pkg: PublishedPackage) -> dict[str, bytes]:
    """The files of the package: descriptor, every resource, every schema."""
    folder, descriptor = pkg.folder, pkg.descriptor
    names = {DESCRIPTOR, *(r["path"] for r in descriptor["resources"])}
    names |= {f"schemas/{p.name}" for p in (folder / "schemas").glob("*.json")}
    members = {}
    for name in sorted(names):
        path = folder / name
        if not path.is_file():
            raise BuildError(f"{path}: missing; the descriptor or schemas/ names it")
        members[name] = path.read_bytes()
    return members


def sums_text(members: dict[str, bytes]) -> bytes:
    return "".join(f"{sha256_bytes(data)}  {name}\n"
                   for name, data in sorted(members.items())).encode("utf-8")


def archive_bytes(pkg: PublishedPackage) -> bytes:
    members = archive_members(pkg)
    members[SUMS] = sums_text(members)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.external_attr = FILE_MODE
            info.create_system = UNIX
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, members[name], compresslevel=9)
    return buffer.getvalue()


def write_archive(pkg: PublishedPackage, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(archive_bytes(pkg))
    return dest


def archive_name(descriptor: dict) -> str:
    return f"{descriptor['name']}-{descriptor['version']}.zip"


# --- verification ---------------------------------------------------------------------


def file_problems(pkg: PublishedPackage) -> list[str]:
    """Every resource's size and sha256 against the descriptor (Parquet included, which
    frictionless does not check), then every line of SHA256SUMS if there is one."""
    folder = pkg.folder
    problems = []
    for res in pkg.descriptor["resources"]:
        problems += _check_file(folder, res["path"], res.get("hash"), res.get("bytes"),
                                "the descriptor")
    sums = folder / SUMS
    if sums.is_file():
        for number, line in enumerate(sums.read_text(encoding="utf-8").splitlines(), 1):
            digest, sep, name = line.partition("  ")
            if not sep:
                problems.append(f"{SUMS}, line {number}: not '<sha256>  <file>'")
                continue
            problems += _check_file(folder, name, digest, None, SUMS)
    return problems


def _check_file(folder: Path, name: str, digest: str | None, size: int | None,
                where: str) -> list[str]:
    path = folder / name
    if not path.is_file():
        return [f"{name}: missing ({where} lists it)"]
    data = path.read_bytes()
    out = []
    if size is not None and len(data) != size:
        out.append(f"{name}: {len(data)} bytes, {where} says {size}")
    if digest is None:
        out.append(f"{name}: {where} gives no sha256")
    else:
        algorithm, _, expected = digest.rpartition(":")
        if algorithm not in ("", "sha256"):
            out.append(f"{name}: {where} gives a {algorithm} hash; only sha256 is checked")
        elif sha256_bytes(data) != expected:
            out.append(f"{name}: sha256 is {sha256_bytes(data)}, {where} says {expected}")
    return out


def verify(location: str | Path) -> list[str]:
    """Check a downloaded directory or archive; return what was checked, raise BuildError
    naming every file that does not match, or the validation problems."""
    from ..published.validate import validate_package   # heavy (pandas, pandera, frictionless)

    with open_package(location) as pkg:
        problems = file_problems(pkg)
        if problems:
            raise BuildError(f"{location}: {len(problems)} files do not match what was "
                             "published:\n  " + "\n  ".join(problems))
        validate_package(pkg)
        checked = [f"{len(pkg.descriptor['resources'])} resources match their size and sha256"]
        if (pkg.folder / SUMS).is_file():
            checked.append(f"every file listed in {SUMS} matches")
        checked.append("the package is valid (frictionless, Parquet hashes, pandera rules)")
        return checked
