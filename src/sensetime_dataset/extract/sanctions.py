"""Sanctions and lists the subject is placed on, with the authority that placed it."""

from __future__ import annotations

from ..text.names import NOT_NAME
from . import triggers as T
from .context import Sentence
from .dating import date_near
from .proposal import Proposal


def sanctions_in(s: Sentence) -> list[Proposal]:
    text = s.doc.text
    if not T.SANCTION_PROGRAM.search(s.text) or T.SANCTION_LIFTED.search(s.text) \
            or T.FORWARD.search(s.text):
        return []
    verb = T.SANCTION_VERB.search(s.text)
    if not verb or not s.mentions_subject():
        return []
    out, seen = [], set()
    for m in T.SANCTION_PROGRAM.finditer(text, s.start, s.end):
        program = _clean(m["named"] or m["program"])
        if program.lower() in seen or not program:
            continue
        seen.add(program.lower())
        authority = T.AUTHORITY.search(text, s.start, s.end)
        target = s.subject_as_written() or s.doc.subject
        out.append(Proposal("sanctions", {
            "authority": authority.group(0) if authority else None, "program": program,
            "target": target, "date": date_near(s, m.start())},
            s.text, s.start, s.end, f"sanctions: {program!r} + {verb.group(0)!r}"))
    return out


# Sentence words before a program's name ("Following the Entity List"); nationality
# words stay ("Chinese Military Company").
_LEAD_WORDS = NOT_NAME - {"Chinese", "American", "Japanese", "Korean", "European", "British",
                          "German", "French"}


def _clean(program: str) -> str:
    words = program.split()
    while words and (words[0].lower() in {"the", "its", "an", "a", "of"} or
                     words[0] in _LEAD_WORDS or words[0].endswith(("'s", "’s"))):
        words = words[1:]
    return " ".join(words)
