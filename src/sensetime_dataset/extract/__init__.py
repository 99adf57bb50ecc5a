"""Assisted extraction: proposals of quoted records from one plain-text document, for a
person to review. Rules over sentences with trigger words; see triggers.py. The readers
of values (money, dates, roles, names) are the generic ones of ..text.
"""

from __future__ import annotations

from .context import Document
from .events import events_in
from .partners import partners_in
from .proposal import FIELDS, TABLES, Proposal
from .rounds import rounds_in
from .sanctions import sanctions_in

__all__ = ["FIELDS", "TABLES", "Proposal", "extract"]


def extract(text: str, anchor: str | None = None) -> list[Proposal]:
    """Proposals for `text`, in document order. `anchor` (an ISO date, e.g. the
    document's publication date) resolves relative dates when the text has no dateline."""
    doc = Document(text, anchor)
    out: list[Proposal] = []
    current_round = None
    previous = None
    for s in doc.sentences:
        rounds, current_round = rounds_in(s, current_round)
        sanctions = sanctions_in(s)
        found = rounds + sanctions
        if not sanctions:
            found += partners_in(s, previous)
        found += events_in(s, any(p.table == "rounds" for p in rounds), bool(sanctions))
        out += found
        previous = s
    for p in out:
        assert p.quote == text[p.start:p.end], (p.quote, p.start, p.end)
    return out
