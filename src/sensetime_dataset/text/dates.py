"""Dates in English prose, as ISO 8601 as precise as the text: "2017", "2017-10",
"2017-10-20".

Absolute forms: "October 20, 2017", "20 October 2017", "Oct. 20, 2017", "2017-10-20",
"20.10.2017",
"October 2017", "in 2017", "the end of July 2017". Relative forms ("today", "last
month", "last July", "this year", "July this year", "the following month", "the same
day", "December 10", "On 13 December", "In August", "on Monday (April 9)") are resolved
only against
`anchor` (a month or day without a year takes the anchor's year), an ISO date given by the caller (a
document's dateline), never against the clock; without an anchor they are skipped. In a
narrative, "the following month" and "the previous year" count from the date told right
before them instead (see resolve_dates).
"""

from __future__ import annotations

import functools
import operator
import re
from bisect import bisect_left
from datetime import date, timedelta
from typing import NamedTuple


class DateMention(NamedTuple):  # immutable; made three times faster than a frozen dataclass
    value: str | None
    start: int
    end: int
    relative: bool  # resolved against the anchor (needed the anchor's year or day)


MONTHS = {m: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
     ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
     ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], start=1) for m in names}
# Months and weekdays are capitalised in English; matched case-sensitively (fast, and
# "may" the verb is not a month).
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|" \
         r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?!\w))"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# One alternation, most specific first; each branch names its groups. Every branch
# starts with a digit or a literal word (no optional lead-in, no \b): `re` then skips
# quickly to the positions where a date can start. Boundaries and lead-ins ("the end
# of", "on") are checked around the match in Python. The branches that start with a
# digit stand behind one look-ahead, the others behind its negation: `re` tries only
# those that can match at a position (a third faster); within each kind the order,
# which decides between branches, is the order of specificity.
DATE = re.compile(
    r"(?=[0-9])(?:"
    rf"(?P<iso>(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])(?:-(?P<id>[0-3]\d))?\b)"
    rf"|(?P<dmy>(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})\b)"
    rf"|(?P<dm>(?P<d7>{_DAY})\s+(?P<m7>{_MONTH})(?![\w,]*\s*\d))"
    rf"|(?P<ym>(?P<y10>{_YEAR})\s*\((?P<m10>{_MONTH})\))"  # a timeline's "2025 (Sep)"
    # "20.5.2025", "14.03.2025": day, month, year with dots (European; a slash is not
    # read, "5/6/2025" is the 6th of May in the US)
    rf"|(?P<dot>(?P<d11>[12]\d|3[01]|0?[1-9])\.(?P<m11>1[0-2]|0?[1-9])\.(?P<y11>{_YEAR})\b)"
    # "2026.07.15": a Japanese or Chinese news page's year, month, day with dots
    rf"|(?P<ydot>(?P<y12>{_YEAR})\.(?P<m12>0[1-9]|1[0-2])\.(?P<d12>[0-3]\d)\b)"
    rf"|(?P<year>(?P<y4>{_YEAR})\b(?![\d%]|\.\d|-\d|\s*(?:million|billion)))"
    r")|(?![0-9])(?:"
    rf"(?P<mdy>(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR})\b)"
    rf"|(?P<weekday>{_WEEKDAY},?\s*\(?(?P<m5>{_MONTH})\s+(?P<d5>{_DAY})\)?)"
    rf"|(?P<my>(?P<m3>{_MONTH})(?:\s+of)?,?\s+(?P<y3>{_YEAR})\b)"
    rf"|(?P<md>(?P<m4>{_MONTH})\s+(?P<d4>{_DAY})\b(?!\s*,?\s*\d))"
    rf"|(?P<mty>(?P<m9>{_MONTH})\s+(?:of\s+)?(?P<w9>[Tt]his|[Ll]ast|[Nn]ext|that)\s+year\b(?!-))"
    rf"|(?P<mo>(?P<m8>{_MONTH})(?!\w)(?!\s*,?\s*(?:of\s+)?\d))"
    rf"|(?P<lastmonth>(?:[Ll]ast|[Tt]his|[Nn]ext|[Tt]he\s+following|[Tt]he\s+previous)\s+"
    rf"(?P<m6>January|February|March|April|May|June|July|August|September|October|November|"
    rf"December)\b)"
    rf"|(?P<bareday>(?P<wd>{_WEEKDAY})\b)"
    r"|(?P<rel>(?:[Tt]oday|[Tt]onight|[Tt]his\s+(?:morning|afternoon|evening)|[Yy]esterday|[Tt]omorrow|(?:[Ll]ast|[Tt]his|[Nn]ext|[Tt]he\s+following"
    r"|[Tt]he\s+previous|[Tt]he\s+same)\s+(?:month|year)|[Tt]he\s+same\s+day"
    r"|[Tt]hat\s+(?:month|year|day))\b(?!-))"
    r")"
)
_MONTH_ALONE_AFTER = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Bb]y|[Ee]arly|[Ll]ate)\s+$")
# Words before a month that belong to the mention ("the end of July 2017").
_LEAD_IN = re.compile(r"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|early\s+|late\s+|"
                      r"mid-?)$", re.IGNORECASE)


# Where a date can start: a digit, or a capitalised month, weekday or relative word
# (found by one fast scan), or a lower-case relative word (found by str.find). DATE is
# then tried at those positions only: scanning with DATE itself is ten times slower.
_TOKEN = re.compile(r"[0-9A-Z][\w]*")
_STARTS = {w.capitalize() for w in MONTHS} | {w.capitalize() for w in (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "tonight", "yesterday", "tomorrow", "last", "this", "next", "the", "that")}
_LOWER_STARTS = ("today", "tonight", "yesterday", "tomorrow", "last ", "this ", "next ", "the following",
                 "the previous", "the same", "that year", "that month", "that day")


def _candidates(text: str) -> list[int]:
    found = [m.start() for m in _TOKEN.finditer(text)
             if (token := m[0])[0] <= "9" or token in _STARTS]  # a digit sorts before A-Z
    for word in _LOWER_STARTS:
        i = text.find(word)
        while i >= 0:
            found.append(i)
            i = text.find(word, i + 1)
    return sorted(set(found))


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if d is not None:
            return date(y, m, d).isoformat()
    except ValueError:
        return None
    return f"{y:04d}-{m:02d}" if m is not None else f"{y:04d}"


@functools.lru_cache(maxsize=64)  # every sentence of a document asks for the same one
def _anchor(anchor: str | None) -> date | None:
    if not anchor:
        return None
    parts = [int(p) for p in anchor.split("-")]
    return date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))


def _shift_month(d: date, months: int) -> str:
    n = d.year * 12 + d.month - 1 + months
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def _relative(phrase: str, a: date, precise: int) -> str | None:
    """`precise` is the number of parts the anchor gives (1 year, 2 month, 3 day)."""
    p = re.sub(r"\s+", " ", phrase.lower())
    if p in ("today", "tonight", "this morning", "this afternoon", "this evening", "the same day",
             "that day"):
        return a.isoformat() if precise == 3 else None
    if p == "yesterday":
        return (a - timedelta(days=1)).isoformat() if precise == 3 else None
    if p == "tomorrow":
        return (a + timedelta(days=1)).isoformat() if precise == 3 else None
    unit = p.rsplit(" ", 1)[1]
    step = -1 if p.startswith(("last", "the previous")) else \
        1 if p.startswith(("next", "the following")) else 0
    if unit == "year":
        return f"{a.year + step:04d}"
    return _shift_month(a, step) if precise >= 2 else None


def _absolute(m: re.Match) -> str | None:
    """The value of a date phrase that needs no anchor, else None."""
    if m["iso"]:
        return _iso(int(m["iy"]), int(m["im"]), int(m["id"]) if m["id"] else None)
    if m["mdy"]:
        return _iso(int(m["y1"]), _month(m["m1"]), _day(m["d1"]))
    if m["dmy"]:
        return _iso(int(m["y2"]), _month(m["m2"]), _day(m["d2"]))
    if m["my"]:
        return _iso(int(m["y3"]), _month(m["m3"]))
    if m["ym"]:
        return _iso(int(m["y10"]), _month(m["m10"]))
    if m["dot"]:
        return _iso(int(m["y11"]), int(m["m11"]), int(m["d11"]))
    if m["ydot"]:
        return _iso(int(m["y12"]), int(m["m12"]), int(m["d12"]))
    if m["year"]:
        return m["y4"]
    return None


def _same_as_before(matches: list[re.Match], i: int, told: str | None,
                    unit: str | None = None) -> str | None:
    """"the same year / month / day", "that year": that part of the date told right
    before (`told`, its value), else of the closest date written before that is a date
    of its own."""
    unit = unit or matches[i]["rel"].rsplit(None, 1)[-1].lower()
    parts = {"year": 1, "month": 2, "day": 3}[unit]
    if told is None:
        told = next((v for j in range(i - 1, max(-1, i - 6), -1)
                     if (v := _absolute(matches[j])) is not None), None)
    if told is None:
        return None
    return "-".join(told.split("-")[:parts]) if told.count("-") + 1 >= parts else ""


def _named_month(m: re.Match, a: date) -> str | None:
    """"last March", "the following March": that month before (after) the date `a`."""
    month = _month(m["m6"])
    word = m.group(0).lower()
    year = a.year
    if word.startswith(("last", "the previous")) and month >= a.month:
        year -= 1  # the most recent such month before the date
    elif word.startswith(("next", "the following")) and month <= a.month:
        year += 1
    return _iso(year, month)


def find_dates(text: str, anchor: str | None = None) -> list[DateMention]:
    """Every date mention in `text`, in order; relative ones only with an anchor."""
    return resolve_dates(scan_dates(text), text, anchor)


def scan_dates(text: str) -> list[re.Match]:
    """The date phrases of `text`, not yet resolved: read a long text once, then
    resolve its parts against their own anchors with resolve_dates."""
    found = []
    last_end = 0
    for p in _candidates(text):
        if p < last_end:
            continue
        m = DATE.match(text, p)
        if m is None:
            continue
        last_end = m.end()
        start = m.start()
        before = text[start - 1] if start else " "
        if before.isalnum() or (m["year"] and before in "$.,/-"):
            continue  # inside a word or a number
        found.append(m)
    return found


_start = operator.methodcaller("start")


def resolve_dates(matches: list[re.Match], text: str, anchor: str | None = None,
                  start: int = 0, end: int | None = None,
                  narrative: bool = True) -> list[DateMention]:
    """The mentions of scan_dates(text) that lie in text[start:end], resolved against
    `anchor` (relative ones only with an anchor). `narrative`: "the following month"
    counts from the date told right before it, where there is one (a history); False
    for a text written from its dateline (news: from the anchor, as "next month")."""
    end = len(text) if end is None else end
    a = _anchor(anchor)
    precise = len(anchor.split("-")) if anchor else 0

    def told_before(i: int, depth: int) -> str | None:
        """The value of the date mention right before mention i (through a chain of
        relative ones at most four long), else None."""
        if i == 0 or depth > 3:
            return None
        found = value_of(i - 1, depth + 1)
        return found[0] if found else None

    def value_of(i: int, depth: int = 0) -> tuple[str | None, int, bool] | None:
        return _value(matches, i, text, a, precise, narrative, told_before, depth)

    found = []
    first = bisect_left(matches, start, key=_start)  # in order: no scan of the others
    for i in range(first, len(matches)):
        m = matches[i]
        if m.start() >= end:
            break
        if m.end() > end:
            continue
        value = _absolute(m)
        if value is not None and not m["my"]:  # most mentions: no call more
            found.append(DateMention(value, m.start(), m.end(), False))
            continue
        got = value_of(i)
        if got is not None and got[0] is not None:
            found.append(DateMention(got[0], got[1], m.end(), got[2]))
    return found


def _value(matches: list[re.Match], i: int, text: str, a: date | None, precise: int,
           narrative: bool, told_before, depth: int) -> tuple[str | None, int, bool] | None:
    """(value, start, relative) of mention i, or None when it is no date here."""
    m = matches[i]
    start = m.start()
    value = _absolute(m)
    if value is not None:
        if m["my"]:
            lead = _LEAD_IN.search(text, max(0, start - 24), start)
            start = lead.start() if lead else start
        return value, start, False
    word = m.group(0).lower()
    if m["rel"] and (word.startswith(("the same", "that")) or (
            # "In this year, the company won ...": a translation's "that year"
            m["rel"] == "this year" and text[max(0, start - 3):start] == "In ")) and \
            (same := _same_as_before(matches, i, told_before(i, depth))) is not None:
        # "The same year": that of the date told before ("" when it was less precise)
        return same or None, start, True
    if narrative and (m["rel"] or m["lastmonth"]) and \
            (word.startswith(("the following", "the previous")) or
             (word.startswith("next") and text[max(0, start - 4):start].lower() == "the ")) \
            and (told := told_before(i, depth)):
        # "In October 2017, ... The following month", "in the next month": counted from
        # the date told right before (a history's time, not the dateline's)
        base, parts = _anchor(told), told.count("-") + 1
        value = (_named_month(m, base) if parts >= 2 else None) if m["lastmonth"] \
            else _relative(m["rel"], base, parts)
        return value, start, True
    if m["mty"] and m["w9"] == "that":
        # "In October of that year": the month of the year told before, else of the
        # anchor's (a quote read alone against its section's year)
        year = _same_as_before(matches, i, told_before(i, depth), "year")
        year = year if year is not None else str(a.year) if a else None
        return (_iso(int(year), _month(m["m9"])), start, True) if year else None
    if a is None:
        return None
    if m["mo"]:
        # a month alone is a date only after "in", "during", "since", "by"
        if not _MONTH_ALONE_AFTER.search(text, max(0, start - 8), start):
            return None
        month = _month(m["m8"])
        # news tells what happened: "in November" in February is last November
        year = a.year - 1 if precise >= 2 and month > a.month else a.year
        value = _iso(year, month)
    elif m["mty"]:  # "in July this year", "March of last year"
        step = {"this": 0, "last": -1, "next": 1}[m["w9"].lower()]
        value = _iso(a.year + step, _month(m["m9"]))
    elif m["weekday"] or m["md"] or m["dm"]:
        month, day = (m["m5"], m["d5"]) if m["weekday"] else \
            (m["m4"], m["d4"]) if m["md"] else (m["m7"], m["d7"])
        value = _iso(a.year, _month(month), _day(day))
    elif m["bareday"]:
        if precise < 3:
            return None
        # The most recent such weekday on or before the anchor: news says "on
        # Thursday" of the days just before its date.
        back = (a.weekday() - WEEKDAYS.index(m["wd"].lower())) % 7
        value = (a - timedelta(days=back)).isoformat()
    elif m["lastmonth"]:
        value = _named_month(m, a)
    else:
        value = _relative(m["rel"], a, precise)
    return (value, start, True) if value is not None else None


def parse_date(text: str) -> str | None:
    """The ISO value of a single date phrase ("Oct. 20, 2017"), or None."""
    for mention in find_dates(text.strip()):
        return mention.value
    return None


# A dateline: a full date near the top, next to a dash or a wire-service tag
# ("Beijing, China – July 11, 2017 – Company", "HONG KONG, April 9, 2018 /PRNewswire/"),
# alone at the end of a byline ("By a reporter, June 3, 2022") or opening a line;
# between the dots of a blog's or a newsletter's byline ("20 December 2024 · by the team",
# "Weekly digest · Friday 7 February 2025 · Issue #212"); closing a place ("Ulm, 7 May
# 2024. The start-up ..."); after "Published" or "Posted on" (opening the line or after a
# dot: "Issue 11 · Q3 2025 · Published 6 October 2025").
_AFTER = re.compile(r"\s*(?:[–—·•-]|/[A-Za-z ]+/|\(|\||\.(?:\s|$))|\s*$")
# ... or a weekday before it ("Thursday 12 February 2026")
_BEFORE = re.compile(r"(?:(?:[–—|,·•-]\s*|^\s*)(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?)$")
_POSTED = re.compile(r"(?:^|[·•|–—])\s*(?:Posted|Published|Updated)(?:\s+on)?:?\s+$", re.I)


def dateline(text: str) -> str | None:
    """The date of a press release's dateline, or None when the text has none."""
    mention = dateline_mention(text)
    return mention.value if mention else None


def dateline_mention(text: str, scanned: list[re.Match] | None = None) \
        -> DateMention | None:
    """The dateline's date mention (value and offsets), or None. `scanned`: the
    scan_dates of `text`, when the caller has it."""
    head = text[:600]
    mentions = find_dates(head) if scanned is None else \
        resolve_dates(scanned, text, None, 0, len(head))
    for m in mentions:
        if m.relative or len(m.value) != 10:
            continue
        line_start = head.rfind("\n", 0, m.start) + 1
        line_end = head.find("\n", m.end)
        before = head[line_start:m.start]
        after = head[m.end:line_end if line_end >= 0 else len(head)]
        at_line_start = not before.strip()
        if (_BEFORE.search(before) and _AFTER.match(after)) or _POSTED.search(before) or \
                (at_line_start and re.match(r"\s*(?:[–—|/·•-]|\?|$|,?\s*\d{1,2}:\d\d)", after)):
            return m
    return None
