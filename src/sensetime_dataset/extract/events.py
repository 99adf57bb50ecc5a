"""Dated events of the subject that are not a round, a partnership or a sanction."""

from __future__ import annotations

from . import triggers as T
from .context import Sentence
from .dating import about_subject, date_near
from .proposal import Proposal


def events_in(s: Sentence, has_round: bool, has_sanction: bool) -> list[Proposal]:
    """Events of one sentence. `has_round` is not read any more: a valuation is no event
    (schemas/events.json keeps valuations in their own table)."""
    if not s.find(T.EVENT_RE) or _forward(s) or not about_subject(s):
        return []
    out, seen = [], set()
    for m in s.finditer(T.EVENT_RE):
        kind = m.lastgroup.replace("_", "-")
        if kind in seen or (kind == "designation" and has_sanction):
            continue
        if kind == "founding" and not _founding_of_subject(s, m.start()):
            continue
        date = date_near(s, m.start(), founding_ok=True, since_ok=False, fallback=False)
        if date is None:
            continue
        seen.add(kind)
        out.append(Proposal("events", {"date": date, "event_type": kind,
                                       "description": s.text},
                            s.text, s.start, s.end, f"events: {kind} ({s.doc.text[m.start():m.end()]!r})"))
    return out


def _founding_of_subject(s: Sentence, pos: int) -> bool:
    """"X, founded in 2010, ..." is X's founding: the closest name before the trigger,
    if any, must be the subject; after it ("Founded in 2018, X is ...") likewise."""
    before = [n for n in s.names if n.end <= pos]
    if before:
        return s.doc.is_subject(before[-1].name) or bool(
            s.search(T.SUBJECT_REF, before[-1].end, pos))
    after = [n for n in s.names if n.start >= pos]
    return not after or s.doc.is_subject(after[0].name) or s.mentions_subject(s.start, pos)


def _forward(s: Sentence) -> bool:
    """A plan, not an event; filing for a listing is itself an event."""
    m = s.find(T.FORWARD)
    return bool(m) and not s.text[m.start():m.end()].lower().startswith("file")
