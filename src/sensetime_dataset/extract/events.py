"""Dated events of the subject that are not a round, a partnership or a sanction."""

from __future__ import annotations

import re

from . import triggers as T
from .context import Sentence
from .dating import about_subject, date_near, heading_month
from .proposal import Proposal

_JOINED_AS = re.compile(r"joined\s+(?:us\s+)?(?:(?:in|on)\s+[\w ,]{1,20}?\s+)?as\b", re.I)
_WRITER = re.compile(r"(?:we|i)\s", re.I)  # "when we started X": the writer's company
_SET_UP = re.compile(r"set\s+up\s", re.I)  # the active "A and B set up X" (a founding)
# "Founded in 2015 by A and B, X makes ...": a participle opening the sentence is said
# of the main clause's subject, whoever else it names
_OPENING = re.compile(r"[\s\W]*(?:co-?)?$", re.I)
# "Founded\t14 February 2017", "Founded: 2018": a field of an infobox or fact sheet
_FIELD = re.compile(r"[ \t]*(?:founded|established|incorporated)(?:[ \t]+date)?[ \t]*(?:\t|:)", re.I)
# "launched Clara": a product by its name, which is capitalised ("launched in 2019" is none)
# a capitalised "Launch" right after a capitalised word: inside a name
_IN_NAME = re.compile(r"[A-Z][\w&-]*[ \t]+L$")
_LAUNCHED = re.compile(r"(?:launch(?:ed|es)?|unveiled|introduced|released)\s+(?!(?:its|a|an|the|their|our|of)\b)[\"“‘']?(\S)",
                       re.I)


def events_in(s: Sentence, has_sanction: bool) -> list[Proposal]:
    """Events of one sentence (a valuation is none: schemas/events.json keeps valuations
    in their own table). `has_sanction`: a sanction was read in it (no designation)."""
    if not s.find(T.EVENT_RE):
        return []
    about = about_subject(s)
    forward = s.find(T.FORWARD)
    if forward and s.text[forward.start():forward.end()].lower().startswith("file"):
        forward = None  # filing for a listing is itself an event
    out, seen = [], set()
    for m in s.finditer(T.EVENT_RE):
        kind = m.lastgroup.replace("_", "-")
        if (kind in seen and kind != "ipo") or (kind == "designation" and has_sanction):
            continue
        if kind == "product" and (named := _LAUNCHED.match(s.doc.text, m.start(), m.end())) \
                and (not named.group(1).isupper() or
                     _IN_NAME.search(s.doc.text, max(s.start, m.start() - 30), m.start() + 1)):
            continue  # (not "Tressel Launch Systems": a name's word)
        # a plan before the trigger ("plans to open an office"); one after it is another
        # clause's ("was spun out in 2020, and intends to list")
        if forward and s.start + forward.start() < m.end() and \
                not (kind == "ipo" and s.start + forward.start() >= m.start()):
            continue  # (a listing "postponed" or "delayed" is an event of its own)
        # "X joined as CFO": joined the subject, though the sentence does not name it
        field = kind == "founding" and _FIELD.match(s.text)
        if not about and not field and \
                not (kind == "leadership" and (_JOINED_AS.match(s.doc.text, m.start()) or
                                               _bare_title(s.doc.text, m.end()))):
            continue
        if kind == "founding" and not field and not _founding_of_subject(s, m.start(), m.end()):
            continue
        date = date_near(s, m.start(), founding_ok=True, since_ok=False, fallback=False,
                         trigger_end=m.end()) \
            or heading_month(s) or (s.doc.entry_date_at(s.start) if kind != "founding" else None)
        # a listing's steps may share a sentence, each with its date ("filed for an IPO
        # in August and, in November, received approval to list")
        if date is None or (kind, date) in seen:
            continue
        seen |= {kind, (kind, date)}
        out.append(Proposal("events", {"date": date, "event_type": kind,
                                       "description": s.text},
                            s.text, s.start, s.end, f"events: {kind} ({s.doc.text[m.start():m.end()]!r})"))
    return out


def _bare_title(text: str, end: int) -> bool:
    """"X stepped down as chief executive in April 2024": a title that no company's name
    qualifies (not "CEO of Y", "chief executive at Y", "Y's chairman") is the subject's
    post, in a document about the subject. `end`: the end of the title."""
    return not _OF_COMPANY.match(text, end) and \
        not _OWNER.search(text, max(0, end - 60), end)


# "... chief executive of Brellin", "at the Kestrel Group"
_OF_COMPANY = re.compile(r"\s+(?:of|at|for|with)\s+(?:the\s+)?[A-Z]")
# "Brellin's chief executive": the title of a company named with it (`end` ends the title)
_OWNER = re.compile(r"[A-Z][\w&.-]*['’]s\s+(?:[\w-]+\s+){0,3}?[\w-]+$")


def one_founding(out: list[Proposal]) -> list[Proposal]:
    """A company is founded once: of founding dates of which one is a prefix of another
    ("2017-02" and the infobox's "2017-02-14"), the most precise is kept."""
    dates = [p.fields["date"] for p in out if p.table == "events"
             and p.fields["event_type"] == "founding"]
    return [p for p in out if not (p.table == "events" and p.fields["event_type"] == "founding"
                                   and any(d != p.fields["date"] and d.startswith(p.fields["date"])
                                           for d in dates))]


def _founding_of_subject(s: Sentence, pos: int, end: int) -> bool:
    """"X, founded in 2010, ..." is X's founding: the closest name before the trigger
    (at `pos`, ending at `end`), if any, must be the subject; after it ("Founded in 2018,
    X is ...") likewise."""
    text = s.doc.text
    if _SET_UP.match(text, pos):
        # "A and B set up Brenvik in 2019": only the subject, named right after
        first = next((n for n in s.names if n.start >= end), None)
        return first is not None and first.start == end and s.doc.is_subject(first.name)
    if _WRITER.match(text, pos):
        return True
    if _OPENING.match(text, s.start, pos):
        return s.mentions_subject()
    after = [n for n in s.names if n.start >= pos]
    # "Aoi founded Mikazuki in 2021": the object of an active "founded"
    if after and s.doc.is_subject(after[0].name) and not text[pos:after[0].start].strip(" ").count(" "):
        return True
    before = [n for n in s.names if n.end <= pos]
    if before:
        # "The Group was founded in 2016": a filing's capitalised reference to its subject
        return s.doc.is_subject(before[-1].name) or bool(
            s.search(T.SUBJECT_REF, before[-1].end, pos)) or bool(
            T.SUBJECT_REF.fullmatch(text[max(s.start, before[-1].start - 4):before[-1].end]))
    return not after or s.doc.is_subject(after[0].name) or s.mentions_subject(s.start, pos)
