"""Load the curated claims and locate each quote in its document.

Curation lives in curation/<table>.yaml, a list of rows:

    - id: series-b
      claims:
        - source: pr-2017-07-11-series-b      # a document id from sources/manifest.yaml
          quote: "raised $410 million in its Series B round"   # verbatim, normalized text
          values: {round_name: Series B, amount: 410000000, currency: USD}
          note: optional: how the curator read the quote
          prefer: optional true: these values win where sources disagree (say why in note)
          anchor: optional: what relative dates in the quote are resolved against
                  (dateline, published, section, <table>/<row>[@<source>]; readings.py)
          reading: optional: how a person derived a value the readers cannot find in
                   the quote (published in claims.reading)

A quote that is not found verbatim stops the build with the file, the claim and the
closest passage of the document.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..errors import BuildError
from .normalize import Document
from .reviews import pending_reviews, refuse_pending, review_state
from ..checkout import Project, read_yaml

log = logging.getLogger(__name__)

CLAIM_KEYS = {"source", "quote", "values", "note", "prefer", "anchor", "reading"}


@dataclass
class Claim:
    table: str
    row_id: str
    number: int  # 1-based position of the claim within its row
    source_id: str
    quote: str
    start: int
    end: int
    values: dict
    note: str = ""
    prefer: bool = False
    anchor: str = ""
    reading: str = ""
    stated_as: dict = field(default_factory=dict)  # field -> wording, where it differs
    where: str = ""  # "curation/rounds.yaml, row series-b, claim 2"

    def claim_id(self, field_name: str) -> str:
        """The published id of this claim's value for one field (claims.claim_id).

        Built from what the claim says and where, not from its position in the curation
        file, so that reordering or inserting claims does not renumber published ids."""
        return f"{self.table}/{self.row_id}/{field_name}/{self.source_id}/{self.start}-{self.end}"


def as_text(value) -> str:
    """A typed value in its published text form (claims.value), to compare values."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.15g}"
    return str(value)


def agrees(value, chosen, is_date: bool) -> bool:
    """True when a stated value agrees with the published one: equal, or for a date a
    less precise form of it ("2018-06" agrees with "2018-06-29")."""
    text, published = as_text(value), as_text(chosen)
    return text == published or (is_date and published.startswith(text))


@dataclass
class CuratedRow:
    table: str
    row_id: str
    claims: list[Claim]
    where: str


def closest_passage(quote: str, text: str) -> str:
    """The passage of `text` that best matches `quote`, and where the two first differ,
    to help fix a typo."""
    hit = fuzz.partial_ratio_alignment(quote, text)
    if hit is None:
        return "(no similar passage)"
    start, end = hit.dest_start, hit.dest_end
    return (f"{text[start:end]!r} at {start}-{end} ({hit.score:.0f}% similar)"
            f"{first_difference(quote, text[start:end])}")


def first_difference(quote: str, passage: str) -> str:
    """'; first difference at character N of the quote: 'x' where the source has 'y''."""
    n = next((i for i, (a, b) in enumerate(zip(quote, passage)) if a != b),
             min(len(quote), len(passage)))
    if quote == passage:
        return ""
    ours = repr(quote[n]) if n < len(quote) else "the end"
    theirs = repr(passage[n]) if n < len(passage) else "the end"
    return (f"; first difference at character {n + 1} of the quote: {ours} where the "
            f"source has {theirs} (…{passage[max(0, n - 15):n + 15]!r}…)")


def locate(quote: str, doc: Document, where: str) -> tuple[int, int]:
    start = doc.text.find(quote)
    if start < 0:
        raise BuildError(
            f"{where}: quote not found verbatim in source {doc.source_id!r}: {quote!r}. "
            f"Closest passage: {closest_passage(quote, doc.text)}. "
            "Copy the quote exactly from the normalized text (build/normalized/ holds it)"
        )
    return start, start + len(quote)


def load_rows(project: Project, documents: dict[str, Document],
              tables: list[str]) -> list[CuratedRow]:
    """The rows of curation/<table>.yaml for each curated table (schemas' tableRole).

    Proposed rows (extract --into) are loaded only once accepted; rejected ones are
    skipped, and any that waits for review stops the build (pipeline/reviews.py)."""
    rows = []
    texts = {d.source_id: d.text for d in documents.values()}
    sha256s = {d.source_id: d.text_sha256 for d in documents.values()}
    pending = []
    for table in tables:
        path = project.curation_dir / f"{table}.yaml"
        rel = f"curation/{table}.yaml"
        entries = read_yaml(path)
        if entries is None:
            raise BuildError(f"{rel}: the file is empty; restore its rows (from git), or "
                             "write [] if the table really has none")
        if not isinstance(entries, list):
            raise BuildError(f"{rel}: expected a list of rows")
        seen = set()
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or "id" not in entry:
                raise BuildError(f"{rel}: entry {i + 1} has no 'id'; give every row an id")
            row_id = str(entry["id"])
            where_row = f"{rel}, row {row_id}"
            if row_id in seen:
                raise BuildError(f"{where_row}: id used twice in {rel}; merge the two entries")
            seen.add(row_id)
            state = review_state(entry, texts, sha256s, where_row)
            if state in ("unreviewed", "reopened"):
                pending += pending_reviews({rel: [entry]}, texts, sha256s)
                continue
            if state == "rejected":
                continue
            raw_claims = entry.get("claims") or []
            if not raw_claims:
                raise BuildError(f"{where_row}: no claims; every row needs at least one quote")
            claims = []
            for n, raw in enumerate(raw_claims, start=1):
                where = f"{where_row}, claim {n}"
                unknown = set(raw) - CLAIM_KEYS
                if unknown:
                    raise BuildError(f"{where}: unknown keys {sorted(unknown)}; "
                                     f"allowed: {sorted(CLAIM_KEYS)}")
                for key in ("source", "quote"):
                    if not raw.get(key):
                        raise BuildError(f"{where}: missing '{key}'")
                doc = documents.get(raw["source"])
                if doc is None:
                    close = difflib.get_close_matches(str(raw["source"]), sorted(documents), n=1)
                    hint = f"did you mean {close[0]!r}? " if close else ""
                    raise BuildError(f"{where}: unknown source {raw['source']!r}; {hint}use a "
                                     "document id from sources/manifest.yaml")
                quote = str(raw["quote"])
                start, end = locate(quote, doc, where)
                claims.append(Claim(
                    table=table, row_id=row_id, number=n, source_id=doc.source_id,
                    quote=quote, start=start, end=end, values=dict(raw.get("values") or {}),
                    note=str(raw.get("note") or "").strip(), prefer=bool(raw.get("prefer")),
                    anchor=str(raw.get("anchor") or "").strip(),
                    reading=str(raw.get("reading") or "").strip(), where=where,
                ))
            rows.append(CuratedRow(table=table, row_id=row_id, claims=claims, where=where_row))
    refuse_pending(pending)
    log.info("loaded %d curated rows with %d claims", len(rows),
             sum(len(r.claims) for r in rows))
    return rows
