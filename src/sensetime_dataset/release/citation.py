"""How to cite a version: one text, made from the package's descriptor, for the README's
"Cite this" block and the archive's dataset card; and the release-time update of
CITATION.cff (version, date) and of that README block."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import BuildError

CITATION_FILE = "CITATION.cff"
CITE_START, CITE_END = "<!-- cite-this:start -->", "<!-- cite-this:end -->"


def cite_text(descriptor: dict) -> str:
    """"Authors (year). Title, version X (YYYY-MM-DD) [Data set]. Licence." """
    authors = ", ".join(c.get("title", "") for c in descriptor.get("contributors", [])
                        if c.get("role", "author") == "author") or "Unknown authors"
    created = str(descriptor["created"])[:10]
    licences = ", ".join(x["name"] for x in descriptor.get("licenses", []))
    return (f"{authors} ({created[:4]}). {descriptor['title']}, version "
            f"{descriptor['version']} (released {created}) [Data set]. {licences}.")


def cite_block(descriptor: dict) -> str:
    return (f"{CITE_START}\n```text\n{cite_text(descriptor)}\n```\n{CITE_END}")


def update_citation(root: Path, descriptor: dict) -> None:
    """Set CITATION.cff's version and date-released, and the README's Cite-this block,
    to the release in `descriptor`."""
    cff = root / CITATION_FILE
    text = cff.read_text(encoding="utf-8")
    for key, value in (("version", descriptor["version"]),
                       ("date-released", f'"{str(descriptor["created"])[:10]}"')):
        text, count = re.subn(rf"^{key}:.*$", f"{key}: {value}", text, flags=re.MULTILINE)
        if count != 1:
            raise BuildError(f"{cff}: expected one top-level '{key}:' line, found {count}")
    cff.write_text(text, encoding="utf-8")
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(CITE_START) + ".*?" + re.escape(CITE_END), re.DOTALL)
    text, count = pattern.subn(lambda _: cite_block(descriptor), text)
    if count != 1:
        raise BuildError(f"{readme}: expected one {CITE_START} … {CITE_END} block, "
                         f"found {count}")
    readme.write_text(text, encoding="utf-8")
