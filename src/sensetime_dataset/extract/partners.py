"""Partnerships of the subject (collaborations, MoUs, alliances, joint ventures, customers)."""

from __future__ import annotations

import re

from . import triggers as T
from .context import Sentence
from .dating import date_near
from .lists import list_after, plain_name
from .proposal import Proposal

_WITH = re.compile(r"\bwith\b", re.I)
_TWO = re.compile(r"\b(?:the\s+two\s+companies|both\s+companies|the\s+two\s+firms)\b", re.I)


def partners_in(s: Sentence, previous: Sentence | None) -> list[Proposal]:
    if not s.find(T.PARTNER) or s.find(T.ENDED) or (s.find(T.FORWARD)
                                  and not s.find(T.ANNOUNCED_PLAN)):
        return []
    if not s.mentions_subject():
        return []
    text = s.doc.text
    out, taken = [], set()
    for m in s.finditer(T.PARTNER):
        kind = m.lastgroup.replace("_", "-")
        if kind == "listed":  # "partners and customers such as A, B and C"
            orgs = list_after(s, m.end(), s.end)
        else:
            org = _partner_of(s, m)
            if org is None and _TWO.search(s.text) and previous is not None:
                others = previous.orgs()
                org = others[-1] if others else None
            # "with A, B and C": every organization of the list
            orgs = [org, *_listed_after(s, org)] if org is not None else []
        lo, hi = _clause(s, m.start())
        date = None if kind == "listed" else \
            date_near(s, m.start(), since_ok=True, lo=lo, hi=hi)
        for org in orgs:
            if org.name in taken:
                continue
            taken.add(org.name)
            out.append(Proposal("partners", {"name": plain_name(org.name), "date": date,
                                             "kind": kind},
                                s.text, s.start, s.end, f"partners: {kind} ({text[m.start():m.end()]!r})"))
    return out


def _listed_after(s: Sentence, first):
    """The organizations listed after `first` ("with A, B and C")."""
    rest = list_after(s, first.start, s.end)
    return rest[1:] if rest and rest[0] == first else []


def _clause(s: Sentence, pos: int) -> tuple[int, int]:
    """The clause around `pos`: a date in another clause is another fact's."""
    start, end = s.start, s.end
    for b in s.finditer(T.CLAUSE_BREAK):
        if b.end() <= pos:
            start = b.end()
        elif b.start() > pos:
            end = b.start()
            break
    return start, end


def _partner_of(s: Sentence, m: re.Match):
    """The organization a trigger is about: the name that contains it ("the X Alliance"),
    else the first after a "with" that follows it, else the closest one."""
    orgs = [n for n in s.orgs() if not s.doc.is_authority(n.name)]
    for n in orgs:
        if n.start <= m.start() < n.end:
            return n
    text = s.doc.text
    w = _WITH.search(text, m.start(), s.end)
    if w:
        after = [n for n in orgs if n.start >= w.end()]
        if after and after[0].start - w.end() < 40:
            return after[0]
    before = [n for n in orgs if n.end <= m.start()]
    if before and m.start() - before[-1].end <= 10:  # "counts X as a customer"
        return before[-1]
    # "<subject> and X announced a collaboration", "X and <subject> signed an MoU"
    for n in before:
        lo, hi = max(s.start, n.start - 40), min(len(text), n.end + 40)
        if re.search(r"\band\b", text[lo:hi]) and s.doc.subject_in(lo, hi):
            return n
    return None
