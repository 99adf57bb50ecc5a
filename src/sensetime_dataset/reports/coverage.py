"""The coverage report: how much of each source the published rows rest on.

For a reviewer, not for users: rows per table, rows per source, and for each source the
share of its sentences that at least one quote (of a claim or of evidence) overlaps,
with the list of the sentences no quote touches, so that what is left unread is visible.

Sentence splitting is approximate. Several sources lost their paragraph breaks
("funding.The B1 round"), so a sentence end is also a full stop directly followed by a
capital letter or an opening quote; common abbreviations (Dr., U.S., Co.) and initials
do not end a sentence; short lines without a full stop (headings, titles of sections)
are not counted as sentences. Two sentences run together, or one split in two, only
move the share by a sentence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..published.reader import PublishedPackage

# Words that end with a full stop without ending a sentence (English, not about the
# company): titles, legal forms, "U.S.", Latin abbreviations.
ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "prof", "st", "co", "inc", "ltd", "jr", "sr",
                 "vs", "no", "u.s", "e.g", "i.e", "etc", "approx"}
# A candidate end: . ! or ? and any closing quotes or brackets after it.
END = re.compile(r"[.!?][\"'”’)\]]*")
HEADING_MAX_WORDS = 6


@dataclass
class SourceCoverage:
    source_id: str
    sentences: list[tuple[int, int]]
    supported: list[bool]
    text: str
    rows: Counter = field(default_factory=Counter)  # table -> rows with evidence here

    @property
    def share(self) -> float:
        return sum(self.supported) / len(self.sentences) if self.sentences else 1.0

    def unsupported(self) -> list[str]:
        return [self.text[a:b] for (a, b), ok in zip(self.sentences, self.supported) if not ok]


@dataclass
class Coverage:
    table_rows: dict[str, int]
    sources: list[SourceCoverage]

    @property
    def total_sentences(self) -> int:
        return sum(len(s.sentences) for s in self.sources)

    @property
    def total_supported(self) -> int:
        return sum(sum(s.supported) for s in self.sources)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Approximate sentence spans (start, end) of `text`; see the module docstring."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for m in END.finditer(line):
            after = line[m.end():m.end() + 1]
            follows_space = after == "" or after.isspace()
            run_on = after.isupper() or after in "“\"‘("  # a lost paragraph break
            if not (follows_space or run_on) or _is_abbreviation(line, m.start()):
                continue
            spans.append((offset + start, offset + m.end()))
            start = m.end()
        spans.append((offset + start, offset + len(line)))
        offset += len(line) + 1
    return [s for s in (_trim(text, a, b) for a, b in spans) if s and _is_sentence(text[s[0]:s[1]])]


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    word = re.search(r"[\w.]*$", line[:dot]).group(0).lower()
    last = word.rsplit(".", 1)[-1]  # "scientist.Dr": a lost break before "Dr."
    return any(w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) for w in (word, last))


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None


def _is_sentence(s: str) -> bool:
    """Headings and section titles are not sentences: no letters, a markdown heading,
    or a short line without a final full stop."""
    if not re.search(r"[A-Za-z]", s) or s.startswith("#"):
        return False
    return len(s.split()) > HEADING_MAX_WORDS or bool(END.search(s[-3:]))


def compute(tables: dict[str, list[dict]]) -> Coverage:
    """Coverage of the sources by the quotes of `tables` (the published tables as rows)."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for table in ("evidence", "claims"):
        for row in tables.get(table, []):
            spans[row["source_id"]].append((int(row["start"]), int(row["end"])))
    rows_per_source: dict[str, Counter] = defaultdict(Counter)
    seen = set()
    for row in tables.get("evidence", []):
        key = (row["source_id"], row["table_name"], row["row_id"])
        if key not in seen:
            seen.add(key)
            rows_per_source[row["source_id"]][row["table_name"]] += 1
    sources = []
    for src in sorted(tables["sources"], key=lambda r: r["source_id"]):
        sid, text = src["source_id"], src["text"]
        sentences = split_sentences(text)
        quoted = spans.get(sid, [])
        supported = [any(qa < b and a < qb for qa, qb in quoted) for a, b in sentences]
        sources.append(SourceCoverage(sid, sentences, supported, text, rows_per_source[sid]))
    return Coverage({t: len(r) for t, r in sorted(tables.items())}, sources)


def render_summary(cov: Coverage) -> str:
    """The short report the build prints."""
    lines = ["coverage (share of each source's sentences that a quote supports; "
             "sentence splitting is approximate):"]
    for s in cov.sources:
        lines.append(f"  {s.source_id:<40} {sum(s.supported):>3}/{len(s.sentences):<3} "
                     f"{s.share:6.1%}  rows {sum(s.rows.values()):>3}")
    lines.append(f"  {'all sources':<40} {cov.total_supported:>3}/{cov.total_sentences:<3} "
                 f"{cov.total_supported / max(cov.total_sentences, 1):6.1%}")
    return "\n".join(lines)


def render_markdown(cov: Coverage) -> str:
    out = ["# Coverage report", "",
           "Generated by `sensetime-dataset build` (and `sensetime-dataset coverage`) from the "
           "published package. A sentence is *supported* when the quote of at least one claim "
           "or evidence row overlaps it. Sentence splitting is approximate: several sources "
           "lost their paragraph breaks, so sentences are cut at a full stop followed by a "
           "space or directly by a capital letter, except after common abbreviations and "
           "initials; headings are not counted.", "",
           "## Rows per table", "", "| table | rows |", "| --- | ---: |"]
    out += [f"| {t} | {n} |" for t, n in cov.table_rows.items()]
    tables = sorted({t for s in cov.sources for t in s.rows})
    out += ["", "## Rows per source", "",
            "Published rows with at least one evidence quote from the source.", "",
            "| source | " + " | ".join(tables) + " | all |",
            "| --- | " + " | ".join("---:" for _ in tables) + " | ---: |"]
    for s in cov.sources:
        out.append(f"| {s.source_id} | " + " | ".join(str(s.rows.get(t, 0)) for t in tables)
                   + f" | {sum(s.rows.values())} |")
    out += ["", "## Sentences supported per source", "",
            "| source | sentences | supported | share |", "| --- | ---: | ---: | ---: |"]
    for s in cov.sources:
        out.append(f"| {s.source_id} | {len(s.sentences)} | {sum(s.supported)} | {s.share:.1%} |")
    out.append(f"| all sources | {cov.total_sentences} | {cov.total_supported} | "
               f"{cov.total_supported / max(cov.total_sentences, 1):.1%} |")
    out += ["", "## Unsupported sentences", "",
            "What no claim quotes yet: a reviewer reads these to find facts still missing "
            "(many are quotes of people, context or descriptions, not facts about the company).",
            ""]
    for s in cov.sources:
        missing = s.unsupported()
        out.append(f"### {s.source_id} ({len(missing)} unsupported)")
        out.append("")
        out += [f"- {sentence}" for sentence in missing] or ["(none)"]
        out.append("")
    return "\n".join(out)


def tables_from_package(pkg: PublishedPackage) -> dict[str, list[dict]]:
    """The published package's tables as rows, for a report without a rebuild."""
    return {t: pkg.rows(t) for t in pkg.tables}


def write_report(cov: Coverage, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_markdown(cov), encoding="utf-8")
