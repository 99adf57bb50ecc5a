"""Dates in English prose, as ISO 8601 as precise as the text: "2017", "2017-10",
"2017-10-20".

Absolute forms: "October 20, 2017", "20 October 2017", "Oct. 20, 2017", "2017-10-20",
"October 2017", "in 2017", "the end of July 2017". Relative forms ("today", "last
month", "last July", "this year", "the following month", "the same day", "December
10", "On 13 December", "In August", "on Monday (April 9)") are resolved only against
`anchor` (a month or day without a year takes the anchor's year), an ISO date given by the caller (a
document's dateline), never against the clock; without an anchor they are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class DateMention:
    value: str | None
    start: int
    end: int
    relative: bool  # resolved against the anchor (needed the anchor's year or day)


MONTHS = {m: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
     ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
     ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], start=1) for m in names}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|" \
         r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# One alternation, most specific first; each branch names its groups.
DATE = re.compile(
    rf"(?P<iso>\b(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])(?:-(?P<id>[0-3]\d))?\b)"
    rf"|(?P<mdy>\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR})\b)"
    rf"|(?P<dmy>\b(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:,)?\s+(?P<y2>{_YEAR})\b)"
    rf"|(?P<weekday>\b(?:on\s+)?{_WEEKDAY},?\s*\(?(?P<m5>{_MONTH})\s+(?P<d5>{_DAY})\)?)"
    rf"|(?P<my>\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|early\s+|late\s+|mid-?)?"
    rf"(?P<m3>{_MONTH})(?:\s+of)?,?\s+(?P<y3>{_YEAR})\b)"
    rf"|(?P<md>\b(?P<m4>{_MONTH})\s+(?P<d4>{_DAY})\b(?!\s*,?\s*\d))"
    rf"|(?P<dm>\b(?P<d6>{_DAY})\s+(?P<m7>{_MONTH})(?!\w)(?!\s*,?\s*\d))"
    rf"|(?P<inmonth>\b(?:in|since|by|until|from)\s+(?P<m8>{_MONTH})(?!\w)(?!\s*,?\s*\d))"
    rf"|(?P<lastmonth>\b(?:last|this|next|the\s+following|the\s+previous)\s+"
    rf"(?P<m6>January|February|March|April|May|June|July|August|September|October|November|"
    rf"December)\b)"
    r"|(?P<rel>\b(?:today|yesterday|tomorrow|(?:last|this|next|the\s+following|the\s+previous"
    r"|the\s+same)\s+(?:month|year)|the\s+same\s+day)\b)"
    rf"|(?P<year>(?<![\d$.,/-])\b(?P<y4>{_YEAR})\b(?![\d%]|\.\d|-\d|\s*(?:million|billion)))",
    re.IGNORECASE,
)


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
    if p in ("today", "the same day"):
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


def find_dates(text: str, anchor: str | None = None) -> list[DateMention]:
    """Every date mention in `text`, in order; relative ones only with an anchor."""
    a = _anchor(anchor)
    precise = len(anchor.split("-")) if anchor else 0
    found = []
    for m in DATE.finditer(text):
        value, relative = None, False
        if m["iso"]:
            value = _iso(int(m["iy"]), int(m["im"]), int(m["id"]) if m["id"] else None)
        elif m["mdy"]:
            value = _iso(int(m["y1"]), _month(m["m1"]), _day(m["d1"]))
        elif m["dmy"]:
            value = _iso(int(m["y2"]), _month(m["m2"]), _day(m["d2"]))
        elif m["my"]:
            if m["m3"].lower() == "may" and text[m.end("m3"):m.end("m3") + 1] == " " \
                    and m.start("m3") > 0 and text[m.start("m3") - 1].isalpha():
                continue
            value = _iso(int(m["y3"]), _month(m["m3"]))
        elif m["year"]:
            value = m["y4"]
        else:
            relative = True
            if a is None:
                continue
            if m["weekday"] or m["md"] or m["dm"]:
                month, day = (m["m5"], m["d5"]) if m["weekday"] else \
                    (m["m4"], m["d4"]) if m["md"] else (m["m7"], m["d6"])
                if month.lower() == "may" and not month[0].isupper():
                    continue  # "may 5" as a verb
                value = _iso(a.year, _month(month), _day(day))
            elif m["inmonth"]:
                if m["m8"].lower() == "may" and not m["m8"][0].isupper():
                    continue
                value = _iso(a.year, _month(m["m8"]))
            elif m["lastmonth"]:
                month = _month(m["m6"])
                word = m.group(0).lower()
                year = a.year
                if word.startswith(("last", "the previous")) and month >= a.month:
                    year -= 1  # the most recent such month before the anchor
                elif word.startswith(("next", "the following")) and month <= a.month:
                    year += 1
                value = _iso(year, month)
            else:
                value = _relative(m["rel"], a, precise)
        if value is None:
            continue
        found.append(DateMention(value, m.start(), m.end(), relative))
    return found


def parse_date(text: str) -> str | None:
    """The ISO value of a single date phrase ("Oct. 20, 2017"), or None."""
    for mention in find_dates(text.strip()):
        return mention.value
    return None


# A dateline: a full date near the top, next to a dash or a wire-service tag
# ("Beijing, China – July 11, 2017 – Company", "HONG KONG, April 9, 2018 /PRNewswire/").
_DATELINE_MARK = re.compile(r"^\s*(?:[–—-]|/[A-Za-z ]+/|\()|[–—-]\s*$|^\s*$")


def dateline(text: str) -> str | None:
    """The date of a press release's dateline, or None when the text has none."""
    head = text[:600]
    for m in find_dates(head):
        if m.relative or len(m.value) != 10:
            continue
        before = head[max(0, m.start - 40):m.start].rsplit("\n", 1)[-1]
        after = head[m.end:m.end + 14].split("\n", 1)[0]
        if _DATELINE_MARK.search(after[:3]) or re.search(r"[–—-]\s*$|^\s*$|,\s*$", before) \
                and (re.match(r"\s*(?:[–—-]|/|\()", after) or not after.strip()):
            return m.value
    return None
