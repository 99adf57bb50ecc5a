"""Funding tables: a round and its investors per row of a table whose first column names
the round. Two shapes of plain-text table are read: rows of cells split by "|" or, as
a scraped web page has them, by a middle dot ("Series A | 12 May 2017 | RMB60.0 million
| X (lead), Y", "Seed · Mar 2021 · $3.5M · X"), and a table flattened to one
cell per line (a header of a few lines, "Round", "Date", "Amount", "Lead investor(s)",
then each row in as many lines), as a copied web page or fact sheet has them."""

from __future__ import annotations

import re

from ..text import find_dates, find_money
from ..text.sentences import strip_span
from . import triggers as T
from .context import Document
from .lists import plain_name
from .proposal import Proposal
from .rounds import round_name

_ROUND_HEADER = re.compile(r"(?:funding\s+|financing\s+)?(?:round|series|stage)s?$", re.I)
# a line that is such a header, found in one search of the document (most hold none)
_ROUND_HEADER_LINE = re.compile(r"^[^\S\n]*(?:funding[^\S\n]+|financing[^\S\n]+)?"
                                r"(?:round|series|stage)s?[^\S\n]*$", re.I | re.M)
# words of the other headers of a funding table (none holds a digit)
_HEADER = re.compile(r"\b(?:date|year|closed|amount|raised|size|sum|consideration|"
                     r"investors?|lead|backers?|participants?|others|valuation)\b", re.I)
_BARE_ROUND = {"seed": ("Seed", "other"), "angel": ("Angel", "other"),
               "ipo": ("IPO", "ipo"), "pre-seed": ("Pre-Seed", "other")}
_SPLIT = re.compile(r"\s*;\s*|\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+")
_LEAD_MARK = re.compile(r"\s*\((?:co-?|joint\s+)?leads?\)\s*$", re.I)
_ALL_LEAD = re.compile(r"\((?:co-?|joint\s+)?leads\)\s*$", re.I)  # "A, B (joint leads)"
_EMPTY = {"", "—", "–", "-", "n/a", "none", "undisclosed"}

Cell = tuple[int, int]  # a cell's span in the document


def table_rounds(doc: Document) -> list[Proposal]:
    text = doc.text
    out = []
    for header, rows in _pipe_tables(text, "|") + _pipe_tables(text, "·") + _line_tables(text):
        columns = _columns([text[a:b] for a, b in header])
        if columns is None:
            continue
        for row in rows:
            out += _row(doc, row, columns)
    return out


def _lines(text: str) -> list[Cell]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _pipe_tables(text: str, sep: str) -> list[tuple[list[Cell], list[list[Cell]]]]:
    """Blocks of lines of cells split by `sep` ("|", "·"), the first line the header."""
    if f" {sep} " not in text:
        return []
    tables, block = [], []
    for a, b in _lines(text) + [(len(text), len(text))]:
        if text.count(sep, a, b) >= 2:
            cells, start = [], a
            for i in [i for i in range(a, b) if text[i] == sep] + [b]:
                cells.append(strip_span(text, start, i))
                start = i + 1
            if not block or len(cells) == len(block[0]):
                block.append(cells)
                continue
        if len(block) > 1:
            tables.append((block[0], block[1:]))
        block = []
    return tables


def _line_tables(text: str) -> list[tuple[list[Cell], list[list[Cell]]]]:
    """A table flattened to one cell per line: a line "Round", the header lines after it
    (words of a funding table's columns, no digit), then rows of as many lines each, up
    to a blank line."""
    if not _ROUND_HEADER_LINE.search(text):
        return []
    lines = [strip_span(text, a, b) for a, b in _lines(text)]
    tables = []
    for i, (a, b) in enumerate(lines):
        if not _ROUND_HEADER.fullmatch(text, a, b):
            continue
        j = i + 1
        while j < len(lines) and lines[j][0] < lines[j][1] and \
                _HEADER.search(text, *lines[j]) and not re.search(r"\d", text[slice(*lines[j])]):
            j += 1
        width = j - i
        if width < 3:
            continue
        rows = []
        while j + width <= len(lines) and all(a < b for a, b in lines[j:j + width]) and \
                _round_of(text[slice(*lines[j])]):
            rows.append(lines[j:j + width])
            j += width
        if rows:
            tables.append((lines[i:i + width], rows))
    return tables


def _columns(header: list[str]) -> dict[str, object] | None:
    """Which column holds what: the round (first), the date, the amount, the lead
    investors and the other investors."""
    if not header or not _ROUND_HEADER.fullmatch(header[0].strip()):
        return None
    columns: dict[str, object] = {"investors": []}
    for i, h in enumerate(header[1:], start=1):
        h = h.lower()
        if "investor" in h or "backer" in h or "participant" in h or "lead" in h or \
                h.strip() == "others":  # "Round | Date | Amount | Lead | Others"
            columns["investors"].append((i, "lead" if "lead" in h else "participant"))
        elif "valuation" in h:
            continue
        elif re.search(r"\b(?:date|year|closed)\b", h) and "date" not in columns:
            columns["date"] = i
        elif re.search(r"\b(?:amount|raised|size|sum|consideration)\b", h) and \
                "amount" not in columns:
            columns["amount"] = i
    return columns


def _round_of(cell: str) -> tuple[str, str] | None:
    m = T.ROUND_NAME.search(cell)
    if m:
        return round_name(m)
    return _BARE_ROUND.get(re.sub(r"\s+round$", "", cell.strip().lower()))


def _row(doc: Document, row: list[Cell], columns: dict) -> list[Proposal]:
    text = doc.text
    cell = [text[a:b] for a, b in row]
    named = _round_of(cell[0])
    if named is None:
        return []
    name, kind = named
    date = None
    if "date" in columns:
        dates = find_dates(cell[columns["date"]], doc.anchor)
        date = dates[0].value if dates else None
    amount = currency = None
    if "amount" in columns:
        money = [m for m in find_money(cell[columns["amount"]]) if m.currency and not m.per]
        if money:
            amount, currency = money[0].amount, money[0].currency
    start, end = row[0][0], row[-1][1]
    quote = text[start:end]
    rule = "table row"
    out = [Proposal("rounds", {"round_name": name, "round_type": kind, "date": date,
                               "amount": amount, "currency": currency, "valuation": None,
                               "status": "completed"}, quote, start, end, f"rounds: {rule}")]
    for i, role in columns["investors"]:
        value = cell[i].strip()
        every_lead = bool(_ALL_LEAD.search(value))
        for part in _SPLIT.split(_ALL_LEAD.sub("", value)):
            lead = bool(_LEAD_MARK.search(part))
            investor = _LEAD_MARK.sub("", part).strip(" .")
            if investor.lower() in _EMPTY or not investor[:1].isupper():
                continue
            out.append(Proposal("investors", {
                "round_name": name, "name": plain_name(investor, text),
                "role": "lead" if lead or every_lead or role == "lead" else "participant"},
                quote, start, end, f"investors: {rule}"))
    return out
