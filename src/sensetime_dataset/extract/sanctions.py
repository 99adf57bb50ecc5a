"""Sanctions and lists the subject is placed on, with the authority that placed it."""

from __future__ import annotations

import re

from ..text.names import NOT_NAME
from . import triggers as T
from .context import Sentence
from .dating import date_near
from .proposal import Proposal


def sanctions_in(s: Sentence) -> list[Proposal]:
    text = s.doc.text
    # no sanction without its verb: that gate (a set lookup) before the program's search,
    # the costliest of the triggers' (half the sentences naming a list have no verb)
    if not s.has(T.SANCTION_VERB) or not s.find(T.SANCTION_PROGRAM) or \
            s.find(T.SANCTION_LIFTED) or s.find(T.FORWARD):
        return []
    verb = s.find(T.SANCTION_VERB)
    if not verb or not s.mentions_subject():
        return []
    out, seen = [], set()
    for m in s.finditer(T.SANCTION_PROGRAM):
        program = _clean(m["named"] or m["program"])
        if program.lower() in seen or not program:
            continue
        seen.add(program.lower())
        at = m.start() + m.group(0).find(program)
        if _EARLIER.search(text, max(s.start, at - 20), at):
            continue  # "Following the Entity List designation, X put ...": an earlier one
        authority = s.search(T.AUTHORITY)
        target = s.subject_as_written() or s.doc.subject
        out.append(Proposal("sanctions", {
            "authority": authority.group(0) if authority else None, "program": program,
            "target": target, "date": date_near(s, m.start())},
            s.text, s.start, s.end, f"sanctions: {program!r} + {s.text[verb.start():verb.end()]!r}"))
    return out


# A listing referred to as past, in a phrase of time: "Following the Entity List
# designation", "After its blacklisting"
_EARLIER = re.compile(r"\b(?:following|after|since|before|despite)\s+(?:the|its|this|that)\s+$",
                      re.I)
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
