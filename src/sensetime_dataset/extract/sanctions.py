"""Sanctions and lists the subject is placed on, with the authority that placed it."""

from __future__ import annotations

import re

from ..text.dates import find_dates
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
    if not verb:
        return []
    if not s.mentions_subject():
        return _entry_added(s)
    out, seen = [], set()
    for m in s.finditer(T.SANCTION_PROGRAM):
        program = _clean(m["named"] or m["program"])
        if program.lower() in seen or not program:
            continue
        seen.add(program.lower())
        at = m.start() + m.group(0).find(program)
        if _EARLIER.search(text, max(s.start, at - 20), at):
            continue  # "Following the Entity List designation, X put ...": an earlier one
        target = _target(s)
        if target and target in program:
            continue  # the subject found is the instrument itself ("Regulation (EU)")
        out.append(Proposal("sanctions", {
            "authority": _authority(s), "program": program,
            "target": target, "date": date_near(s, m.start())},
            s.text, s.start, s.end, f"sanctions: {program!r} + {s.text[verb.start():verb.end()]!r}"))
    return out


def _entry_added(s: Sentence) -> list[Proposal]:
    """"The following entity is added to the list ... set out in Annex I to Regulation
    (EU) No 269/2014:" then "Name: X", "Date of listing: 20.5.2025": X listed that day
    (the quote is the sentence, then the entry's lines up to its date), by the issuer
    the notice's heading names."""
    text = s.doc.text
    added = T.ADDED_ENTRIES.search(text, s.start)
    program = s.find(T.SANCTION_PROGRAM)
    if added is None or added.start() >= s.end or program is None:
        return []
    entry = T.ENTRY_NAME.search(text, added.end())
    if entry is None or not s.doc.is_subject(entry["name"]) or \
            text[added.end():entry.start()].count("\n") > 4:
        return []
    following = T.ENTRY_NAME.search(text, entry.end())
    listed = T.LISTING_DATE.search(text, entry.end(), following.start() if following else len(text))
    end, date = entry.end(), None
    if listed:
        line_end = text.find("\n", listed.end())
        value = find_dates(text[listed.end():line_end if line_end >= 0 else len(text)])
        if value:
            date, end = value[0].value, listed.end() + value[0].end
    authority = _authority(s) or next((a.group(0) for a in T.AUTHORITY.finditer(text, 0, s.start)),
                                      None)
    if authority and authority.isupper():
        authority = " ".join(w if w in ("of", "the", "and") else w.capitalize()
                             for w in authority.lower().split())
    program_name = _clean(s.doc.text[s.start + program.start():s.start + program.end()])
    return [Proposal("sanctions", {"authority": authority, "program": program_name,
                                   "target": entry["name"], "date": date},
                     text[s.start:end], s.start, end,
                     f"sanctions: an entry added to {program_name!r}")]


def _authority(s: Sentence) -> str | None:
    """The body that lists, as the sentence names it: of "the Treasury Department's Office
    of Foreign Assets Control", the office that acted; "the ministry" is the ministry the
    document named before."""
    text = s.doc.text
    found = s.search(T.AUTHORITY)
    if found:
        while text.startswith(("'s ", "’s "), found.end()):
            part = T.AUTHORITY.pattern.match(text, found.end() + 3, s.end)
            if not part:
                break
            found = part
        return found.group(0)
    back = _BACK_REFERENCE.search(text, s.start, s.end)
    if back:
        noun = back["noun"].lower()
        before = [a.group(0) for a in T.AUTHORITY.finditer(text, 0, s.start)
                  if noun in a.group(0).lower()]
        return before[-1] if before else None
    return None


def _target(s: Sentence) -> str | None:
    """The listed company as the sentence writes it: the whole name that holds the
    subject's name ("Shenzhen Qilong Unmanned Systems Co." in a report about Qilong)."""
    form = s.subject_as_written()
    if not form:
        return s.doc.subject
    for n in s.names:
        if n.name != form and re.search(rf"(?<![\w-]){re.escape(form)}(?![\w'’-])", n.name) \
                and not s.doc.is_authority(n.name) and not T.SANCTION_PROGRAM.search(n.name):
            return _ALIAS.sub("", n.name)
    return form


# a name's alias in brackets: "Beiluo Microsystems Co., Ltd. (Beiluo)"
_ALIAS = re.compile(r"\s*\([^()]*\)$")
# "the ministry said it had placed X on": the body named before
_BACK_REFERENCE = re.compile(r"\b[Tt]he\s+(?P<noun>ministry|department|bureau|office|"
                             r"commission|council)\b")
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
