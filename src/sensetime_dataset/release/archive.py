"""Release archives: write one reproducibly, and verify a downloaded package.

An archive holds datapackage.json, schemas/ and data/ (both formats) at its top level
(so `frictionless` and `unzip` read it as is), and describes itself: README.md (a
dataset card generated from the descriptor), the licences, CITATION.cff, the source
texts its descriptor's `sources` name, and SHA256SUMS in `sha256sum -c` format.
Same input, same bytes: members in sorted order, fixed timestamps, permissions, host
system and compression level.

`verify` trusts nothing in what it checks: every file must be one a release holds and
be listed, paths stay inside the package, sizes are checked before anything is read,
and where the published release is known (releases/, or its sha256) the whole archive
is compared with it, so that a forgery that re-hashes every file is caught too."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

from ..errors import BuildError
from ..published.format import DESCRIPTOR, MAX_PACKAGE_BYTES, sha256_bytes, table_of, unsafe_path
from ..published.location import (is_url, local_path, open_package, open_zip, symlink_in)
from ..published.reader import PublishedPackage
from .citation import CITATION_FILE, cite_text

SUMS = "SHA256SUMS"
CARD = "README.md"
LICENCES = ("LICENSE", "LICENSE-DATA")
# Taken from the checkout as they are; the card is generated.
COPIED = (*LICENCES, CITATION_FILE)
SOURCES_DIR = "sources/"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)   # the earliest time a zip can hold
FILE_MODE = 0o100644 << 16           # a regular file, rw-r--r--
UNIX = 3
SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SAFE_VERSION = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+$")


def source_paths(descriptor: dict) -> list[str]:
    """The source texts the descriptor names (`sources[].path` under sources/)."""
    return [s["path"] for s in descriptor.get("sources", [])
            if isinstance(s, dict) and isinstance(s.get("path"), str)
            and s["path"].startswith(SOURCES_DIR)]


def archive_members(pkg: PublishedPackage) -> dict[str, bytes]:
    """The files of the release: descriptor, every resource, every schema, the source
    texts, the licences and the citation, plus the generated dataset card."""
    folder, descriptor = pkg.folder, pkg.descriptor
    names = {DESCRIPTOR, *(r["path"] for r in descriptor["resources"]), *COPIED,
             *source_paths(descriptor)}
    names |= {f"schemas/{p.name}" for p in (folder / "schemas").glob("*.json")}
    members = {}
    for name in sorted(names):
        path = folder / name
        if not path.is_file():
            raise BuildError(f"{path}: missing; the release archive holds it (named by the "
                             "descriptor, or one of the licence and citation files)")
        members[name] = path.read_bytes()
    members[CARD] = dataset_card(descriptor).encode("utf-8")
    return members


def dataset_card(descriptor: dict) -> str:
    """The archive's README: what it is, what each file holds, how to load, verify and
    cite it; everything from the descriptor, so that it cannot drift from the data."""
    tables = [r for r in descriptor["resources"] if r.get("format") == "csv"]
    version, created = descriptor["version"], str(descriptor["created"])[:10]
    lines = [f"# {descriptor['title']} {version}", "", descriptor.get("description", ""), "",
             f"Version {version} of the data package `{descriptor['name']}`, released "
             f"{created}.", "", "## Files", "",
             "| file | what it holds |", "| --- | --- |",
             f"| `{DESCRIPTOR}` | the Frictionless descriptor: every table's schema, size, "
             "row count and sha256 |"]
    for r in tables:
        lines.append(f"| `data/{table_of(r)}.csv`, `.parquet` | {r['title']}: "
                     f"{r['rows']} rows. {r.get('description', '')} |")
    lines += ["| `schemas/` | the Table Schemas, with the project's annotations |",
              "| `sources/` | the source texts, exactly as received (their licences are "
              "unknown; quoted for citation) |",
              f"| `{SUMS}` | the sha256 of every other file (`sha256sum -c {SUMS}`) |",
              f"| `{CITATION_FILE}` | how to cite this version (Citation File Format) |",
              "| `LICENSE-DATA`, `LICENSE` | the data licence (CC-BY-4.0) and the code "
              "licence (MIT) |", "",
              "## Sources", ""]
    lines += [f"- `{s['path']}`: {s.get('title', '')}" for s in descriptor.get("sources", [])
              if isinstance(s, dict) and s.get("path")]
    lines += ["", "## Load", "", "```python",
              "import sensetime_dataset   # pip install sensetime-dataset (see its README)",
              f'rounds = sensetime_dataset.load("rounds", "{descriptor["name"]}-{version}.zip")',
              "```", "", "Or read `data/*.csv` or `data/*.parquet` with any tool; "
              f"`frictionless validate {DESCRIPTOR}` checks the CSV copies.", "",
              "## Verify", "", "```sh", f"sha256sum -c {SUMS}",
              f"sensetime-dataset verify {descriptor['name']}-{version}.zip "
              "--sha256 <the sha256 published with the release>", "```", "",
              "## Cite this", "", cite_text(descriptor), "",
              "## Licence", "",
              "The tables, schemas and curation: " + ", ".join(
                  f"{x['name']} ({x.get('path', '')})" for x in descriptor.get("licenses", []))
              + ", text in `LICENSE-DATA`. The source texts under `sources/` are quoted "
              "for citation; their licences are unknown.", ""]
    return "\n".join(lines)


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


def allowed_files(descriptor: dict) -> set[str]:
    """What a release may hold: its descriptor, resources, schemas, source texts, card,
    licences, citation and SHA256SUMS. Anything else is not part of a release."""
    tables = {table_of(r) for r in descriptor["resources"]}
    return {DESCRIPTOR, SUMS, CARD, *COPIED, *source_paths(descriptor),
            *(r.get("path") for r in descriptor["resources"]),
            *(f"schemas/{t}.json" for t in tables)}


def present_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() or p.is_symlink())


def read_sums(folder: Path) -> tuple[dict[str, str], list[str]]:
    """SHA256SUMS as {file: sha256}, and what is wrong with its lines."""
    path = folder / SUMS
    if symlink_in(folder, SUMS):
        return {}, [f"{SUMS}: a symbolic link"]
    if path.stat().st_size > 1024 * 1024:
        return {}, [f"{SUMS}: {path.stat().st_size:,} bytes, far more than a list of files"]
    sums, problems = {}, []
    for number, line in enumerate(path.read_text(encoding="utf-8",
                                                 errors="replace").splitlines(), 1):
        digest, sep, name = line.partition("  ")
        why = unsafe_path(name) if sep else "not '<sha256>  <file>'"
        if why or not re.fullmatch(r"[0-9a-f]{64}", digest):
            problems.append(f"{SUMS}, line {number}: {why or 'not a sha256'}: {line[:120]!r}")
        else:
            sums[name] = digest
    return sums, problems


def membership_problems(folder: Path, descriptor: dict, sums: dict[str, str] | None) -> list[str]:
    """Every file must be one a release holds, and listed in SHA256SUMS when there is one;
    every line of SHA256SUMS must name a file that is there."""
    allowed, problems = allowed_files(descriptor), []
    present = present_files(folder)
    for name in present:
        if name not in allowed:
            problems.append(f"{name}: not part of a release (not named by the descriptor, "
                            "not a schema, card, licence or citation)")
        elif sums is not None and name != SUMS and name not in sums:
            problems.append(f"{name}: not listed in {SUMS}")
    return problems


def file_problems(pkg: PublishedPackage, sums: dict[str, str] | None = None) -> list[str]:
    """Every resource's size and sha256 against the descriptor (Parquet included, which
    frictionless does not check), then every line of SHA256SUMS."""
    folder = pkg.folder
    problems = []
    for res in pkg.descriptor["resources"]:
        problems += check_file(folder, res.get("path"), res.get("hash"), res.get("bytes"),
                               "the descriptor")
    for name, digest in (sums or {}).items():
        problems += check_file(folder, name, digest, None, SUMS)
    return problems


def check_file(folder: Path, name, digest: str | None, size: int | None,
               where: str) -> list[str]:
    why = unsafe_path(name)
    if why:
        return [f"{name!r}: {where} names a path outside the package ({why})"]
    path = folder / name
    if symlink_in(folder, name):
        return [f"{name}: a symbolic link ({where} lists it); a package holds files only"]
    if not path.is_file():
        return [f"{name}: missing ({where} lists it)"]
    actual_size = path.stat().st_size
    if size is not None and actual_size != size:
        return [f"{name}: {actual_size} bytes, {where} says {size}"]
    if actual_size > MAX_PACKAGE_BYTES:   # never hash (or read) a huge file
        return [f"{name}: {actual_size:,} bytes, more than a package may hold"]
    if digest is None:
        return [f"{name}: {where} gives no sha256"]
    algorithm, _, expected = str(digest).rpartition(":")
    if algorithm not in ("", "sha256"):
        return [f"{name}: {where} gives a {algorithm} hash; only sha256 is checked"]
    with path.open("rb") as fh:
        actual = hashlib.file_digest(fh, "sha256").hexdigest()
    if actual != expected:
        return [f"{name}: sha256 is {actual}, {where} says {expected}"]
    return []


def known_release(releases: Path | None, descriptor: dict) -> Path | None:
    """The published copy of the release the descriptor claims to be, if kept here."""
    name, version = str(descriptor.get("name")), str(descriptor.get("version"))
    if releases is None or not SAFE_NAME.match(name) or not SAFE_VERSION.match(version):
        return None
    path = Path(releases) / archive_name(descriptor)
    return path if path.is_file() else None


def _member_digests(archive: Path) -> dict[str, str]:
    with open_zip(archive) as zf:
        out = {}
        for info in zf.infolist():
            if not info.is_dir():
                with zf.open(info) as fh:
                    out[info.filename] = hashlib.file_digest(fh, "sha256").hexdigest()
        return out


def _folder_digests(folder: Path) -> dict[str, str]:
    out = {}
    for name in present_files(folder):
        with (folder / name).open("rb") as fh:
            out[name] = hashlib.file_digest(fh, "sha256").hexdigest()
    return out


def compare_with_release(folder: Path, published: Path) -> list[str]:
    """Which files differ from the published release's (a forgery that re-hashed the
    descriptor and SHA256SUMS consistently passes every other check)."""
    ours, theirs = _folder_digests(folder), _member_digests(published)
    return [f"{n}: differs from the published release's" if n in ours and n in theirs
            else f"{n}: " + ("not in the published release" if n in ours
                             else "missing (the published release holds it)")
            for n in sorted(set(ours) | set(theirs)) if ours.get(n) != theirs.get(n)]


def file_sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def verify(location: str | Path, sha256: str | None = None,
           releases: Path | None = None) -> list[str]:
    """Check a downloaded directory or archive; return what was checked, raise BuildError
    naming every file that does not match, or the validation problems.

    `sha256`: the published sha256 of the archive (from the release page); `releases`: a
    folder of published archives (a checkout's releases/) to compare the package with."""
    from ..published.validate import validate_package   # heavy (pandas, pandera, frictionless)

    checked = []
    path = None if is_url(location) else local_path(location)
    archive = path if path is not None and path.is_file() and path.name != DESCRIPTOR else None
    if sha256 is not None:
        expected = sha256.strip().lower()
        if archive is None:
            raise BuildError(f"{location}: --sha256 checks an archive file; give the .zip")
        actual = file_sha256(archive)
        if actual != expected:
            raise BuildError(f"{location}: sha256 is {actual}, the published archive's is "
                             f"{expected}: this is not the published file")
        checked.append("the archive's sha256 is the published one")
    with open_package(location) as pkg:
        folder = pkg.folder
        has_sums = (folder / SUMS).exists() or (folder / SUMS).is_symlink()
        sums, problems = read_sums(folder) if has_sums else (None, [])
        if archive is not None or has_sums:   # a release, as published or unpacked
            problems += membership_problems(folder, pkg.descriptor, sums)
        problems += file_problems(pkg, sums)
        if problems:
            raise BuildError(f"{location}: {len(problems)} problems, not the package as "
                             "published:\n  " + "\n  ".join(problems))
        checked.append(f"{len(pkg.descriptor['resources'])} resources match their size "
                       "and sha256")
        if sums is not None:
            checked.append(f"every file is part of a release and listed in {SUMS}, and "
                           "matches it")
        is_release = archive is not None or has_sums
        published = known_release(releases, pkg.descriptor) \
            if is_release and not sha256 else None
        if published is not None:
            if archive is not None and file_sha256(archive) == file_sha256(published):
                differences = []
            else:
                differences = compare_with_release(folder, published)
            if differences:
                raise BuildError(f"{location}: claims to be release {pkg.version} but is not "
                                 f"the published {published}:\n  " + "\n  ".join(differences))
            checked.append(f"every file is identical to the published release {published}")
        elif is_release and not sha256:
            checked.append(f"no published copy of {pkg.name} {pkg.version} here to compare "
                           "with: pass --sha256 with the release's published sha256")
        validate_package(pkg)
        checked.append("the package is valid (frictionless, Parquet hashes, pandera rules)")
        return checked
