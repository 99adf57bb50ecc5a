"""Apply each file's declared repairs, split it into documents.

Nothing is guessed: every repair is declared in sources/manifest.yaml with the number
of times it must apply, and a count that differs stops the build.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field

from ..errors import BuildError
from .sources import RawFile

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Document:
    """One source document: its normalized text, and its row of the `sources` table as
    the manifest declares it (`columns`, keyed by the columns of schemas/sources.json;
    `_document` below says where each comes from)."""

    source_id: str
    kind: str
    published: str
    text: str
    columns: dict = field(default_factory=dict, compare=False)

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def _reencode(text: str, spec: dict, where: str) -> tuple[str, str]:
    """Undo mojibake for the declared characters only."""
    wrong, right = spec["decoded_as"], spec["encoded_as"]
    table = {}
    for ch, expected in spec["characters"].items():
        try:
            fixed = ch.encode(wrong).decode(right)
        except (UnicodeEncodeError, UnicodeDecodeError):
            raise BuildError(f"{where}: repair reencode: {ch!r} does not round-trip "
                             f"{wrong}→{right}; remove it from the declared characters") from None
        found = text.count(ch)
        if found != expected:
            raise BuildError(f"{where}: repair reencode: {ch!r} occurs {found} times, the "
                             f"manifest declares {expected}; check the file and the manifest")
        table[ord(ch)] = fixed
    summary = ", ".join(f"{ch}→{table[ord(ch)]} ×{n}" for ch, n in spec["characters"].items())
    return text.translate(table), f"reencode {wrong}-as-{right}: {summary}"


def _replace(text: str, spec: dict, where: str) -> tuple[str, str]:
    old, new, expected = spec["replace"], spec["with"], spec["count"]
    found = text.count(old)
    if found != expected:
        raise BuildError(f"{where}: repair replace {old!r}: occurs {found} times, the manifest "
                         f"declares {expected}; check the file and the manifest")
    return text.replace(old, new), f"replace {old!r} with {new!r} ×{expected}"


def apply_repairs(raw: RawFile) -> tuple[str, list[str]]:
    where = f"sources/{raw.name}"
    try:
        text = raw.path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise BuildError(f"{where}: not UTF-8 ({exc}); declare how to read it") from None
    done = []
    for i, spec in enumerate(raw.entry["repairs"]):
        if "reencode" in spec:
            text, summary = _reencode(text, spec["reencode"], f"{where} repairs[{i}]")
        elif "replace" in spec:
            text, summary = _replace(text, spec, f"{where} repairs[{i}]")
        else:
            raise BuildError(f"{where} repairs[{i}]: unknown repair {sorted(spec)}; "
                             "use 'reencode' or 'replace'")
        log.info("%s: %s", raw.name, summary)
        done.append(summary)
    return text, done


def _tab_records(text: str, where: str) -> list[tuple[str, str]]:
    """Records are title<TAB>body<TAB>; a line may hold several."""
    records = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        fields = line.split("\t")
        if fields and fields[-1].strip() == "":
            fields = fields[:-1]
        if not fields:
            continue
        if len(fields) % 2:
            raise BuildError(f"{where} line {lineno}: {len(fields)} tab-separated fields, "
                             "expected title/body pairs; declare a repair that restores the tab")
        for i in range(0, len(fields), 2):
            records.append((fields[i].strip(), fields[i + 1].strip()))
    return records


def _document(raw: RawFile, doc: dict, title: str, text: str, repairs: list[str]) -> Document:
    entry = raw.entry
    published = str(doc.get("published", "unknown"))
    # A document's own entry overrides its file's; "unknown" where neither says.
    columns = {
        "source_id": doc["id"], "title": title, "kind": doc["kind"],
        "publisher": doc.get("publisher", entry["publisher"]), "published": published,
        "published_basis": doc.get("published_basis", "unknown"),
        "url": doc.get("url", entry["url"]),
        "retrieved": str(doc.get("retrieved", entry["retrieved"])),
        "licence": doc.get("licence", entry["licence"]),
        "file": raw.name, "file_sha256": raw.sha256, "repairs": "; ".join(repairs),
        "text": text, "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }
    return Document(doc["id"], doc["kind"], published, text, columns)


def normalize(raw_files: list[RawFile]) -> list[Document]:
    documents = []
    for raw in raw_files:
        where = f"sources/{raw.name}"
        text, repairs = apply_repairs(raw)
        declared = raw.entry["documents"]
        if raw.entry["split"] == "tab-records":
            records = _tab_records(text, where)
            if len(records) != len(declared):
                raise BuildError(f"{where}: split into {len(records)} records, the manifest "
                                 f"declares {len(declared)} documents; fix the repairs or the list")
            for doc, (title, body) in zip(declared, records):
                documents.append(_document(raw, doc, title, f"{title}\n{body}", repairs))
        elif raw.entry["split"] == "single":
            if len(declared) != 1:
                raise BuildError(f"{where}: split 'single' needs exactly one document entry")
            documents.append(_document(raw, declared[0], declared[0]["title"], text, repairs))
        else:
            raise BuildError(f"{where}: unknown split {raw.entry['split']!r}; "
                             "use 'tab-records' or 'single'")
    ids = [d.source_id for d in documents]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise BuildError(f"sources/manifest.yaml: document ids used twice: {', '.join(dupes)}")
    log.info("normalized %d files into %d documents", len(raw_files), len(documents))
    return documents
