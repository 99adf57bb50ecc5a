"""Read every curated value back from its quote with the generic readers (text/).

A column's schema names its reader (`readAs`): money, currency, bound (how the money
column it qualifies is stated), date or role; organization names are read by resolve.py.
A value the reader does not find in the quote stops the build with the file, the row,
the value and what the quote states, unless the claim carries a `reading`: a note that
says how a person derived the value (a year from the section heading, a currency the
sentence implies). A reading on a claim whose values are all found is refused too, so
that every note marks a value a machine could not check.

Relative dates ("today", "last July", "the following month") are resolved against the
anchor the claim names (`anchor:`):

    dateline            the document's dateline ("Beijing, China – July 11, 2017 – ...")
    published           the document's publication date (sources/manifest.yaml)
    section             the nearest heading above the quote that is a date ("### 2021")
    <table>/<row>       the date published for another row
    <table>/<row>@<source>   the date that source states for another row
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from ..errors import BuildError
from ..published.schema import Schemas
from ..text.dates import dateline, find_dates
from ..text.money import find_money
from ..text.roles import find_roles
from .claims import Claim, CuratedRow, as_text
from .normalize import Document

log = logging.getLogger(__name__)
HEADING = re.compile(r"^\s*#*\s*(.+?)\s*$")


@dataclass
class ReadingCount:
    read: int = 0      # values a reader found in the quote
    noted: int = 0     # values resting on a `reading` note
    named: int = 0     # organization names found in the quote (resolve.py)

    def __str__(self) -> str:
        total = self.read + self.noted + self.named
        return (f"{total} checked values: {self.read + self.named} read from their quotes "
                f"({self.named} of them organization names), {self.noted} resting on a "
                "reading note")


class Anchors:
    """The ISO date a claim's relative dates are resolved against."""

    def __init__(self, documents: dict[str, Document], records: dict[tuple[str, str], dict],
                 rows: list[CuratedRow]):
        self.documents = documents
        self.records = records
        self.stated = {(r.table, r.row_id, c.source_id): c.values.get("date")
                       for r in rows for c in r.claims if c.values.get("date")}

    def __call__(self, claim: Claim) -> str | None:
        name = claim.anchor
        if not name:
            return None
        doc = self.documents[claim.source_id]
        if name == "dateline":
            value = dateline(doc.text)
        elif name == "published":
            value = doc.published if doc.published != "unknown" else None
        elif name == "section":
            value = _section_date(doc.text, claim.start)
        elif "/" in name:
            ref, _, source = name.partition("@")
            table, _, row_id = ref.partition("/")
            value = (self.stated.get((table, row_id, source)) if source
                     else (self.records.get((table, row_id)) or {}).get("date"))
        else:
            raise BuildError(f"{claim.where}: anchor {name!r} is not one of dateline, "
                             "published, section, <table>/<row> or <table>/<row>@<source>")
        if not value:
            raise BuildError(f"{claim.where}: anchor {name!r} gives no date for source "
                             f"{claim.source_id!r}; name another anchor or add a reading note")
        return str(value)


def _section_date(text: str, offset: int) -> str | None:
    """The date of the nearest heading line above `offset` that is nothing but a date."""
    for line in reversed(text[:offset].split("\n")[:-1]):
        m = HEADING.match(line)
        if not m or not line.lstrip().startswith("#") and len(line.strip()) > 12:
            continue
        dates = find_dates(m.group(1))
        if len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(m.group(1)):
            return dates[0].value
    return None


def check_readings(rows: list[CuratedRow], schemas: Schemas, anchors: Anchors) -> ReadingCount:
    """Check every read value of every claim; raise BuildError listing each one that is
    neither found in its quote nor covered by a reading note."""
    count, problems = ReadingCount(), []
    for row in rows:
        readers = schemas.read_as(row.table)
        qualified = schemas.qualifier_columns(row.table)
        org_fields = schemas.organization_fields(row.table)
        for claim in row.claims:
            count.named += len(org_fields & set(claim.values))
            missing = []
            for fname, value in claim.values.items():
                reader = readers.get(fname)
                if reader is None:
                    continue
                found = _find(reader, fname, value, claim, qualified, anchors)
                if found is True:
                    count.read += 1
                else:
                    missing.append((fname, value, found))
            if missing and not claim.reading:
                problems += [f"{claim.where}: {fname} = {as_text(value)!r} is not what the quote "
                             f"states ({stated}). Quote: {claim.quote!r}"
                             for fname, value, stated in missing]
            if claim.reading and not missing:
                problems.append(f"{claim.where}: has a reading note, but every value is read "
                                "from the quote; move the note to `note`")
            count.noted += len(missing)
    if problems:
        raise BuildError("\n".join(problems) + "\nCorrect the value, name an `anchor` for a "
                         "relative date, or add a `reading` note saying how a person derived it")
    log.info("%s", count)
    return count


def _find(reader: str, fname: str, value, claim: Claim, qualified: dict[str, str],
          anchors: Anchors):
    """True when the reader finds `value` in the quote, else what the quote states."""
    quote = claim.quote
    if reader == "date":
        mentions = find_dates(quote, anchors(claim))
        # A date stated more precisely than published ("July 11, 2017" for 2017-07) is read.
        if any(m.value == value or m.value.startswith(f"{value}-") for m in mentions):
            return True
        return _listed("dates", [m.value for m in mentions])
    if reader == "role":
        roles = find_roles(quote)
        return True if any(r.role == value for r in roles) else \
            _listed("roles", [f"{r.role} ({quote[r.start:r.end]!r})" for r in roles])
    money = [m for m in find_money(quote) if m.per is None]
    stated = _listed("money", [f"{m.amount:.15g} {m.currency or '(no currency)'} {m.bound}"
                               for m in money])
    if reader == "money":
        return True if any(_same(m.amount, value) for m in money) else stated
    # currency and bound describe the amounts the same claim states, where it states one
    amounts = [v for k, v in claim.values.items() if k != fname and isinstance(v, float)]
    if reader == "bound":
        amounts = [claim.values[qualified[fname]]] if qualified.get(fname) in claim.values \
            else amounts
    candidates = [m for m in money if any(_same(m.amount, a) for a in amounts)] or \
        (money if not amounts else [])
    key = "currency" if reader == "currency" else "bound"
    return True if any(getattr(m, key) == value for m in candidates) else stated


def _same(a: float, b) -> bool:
    return isinstance(b, (int, float)) and abs(a - float(b)) < 0.5


def _listed(kind: str, values: list[str]) -> str:
    return f"{kind} found: {', '.join(values)}" if values else f"no {kind} found"

