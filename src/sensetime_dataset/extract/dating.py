"""Which date of a sentence a record takes."""

from __future__ import annotations

import re

from . import triggers as T
from .context import Sentence


def date_near(s: Sentence, pos: int, *, founding_ok: bool = False, since_ok: bool = False,
              fallback: bool = True, lo: int | None = None, hi: int | None = None,
              trigger_end: int | None = None, heading: bool = False) -> str | None:
    """The date mention closest to `pos` within [lo, hi) of the sentence, preferring one
    not across an "and", and not inside an aside between commas that `pos` is not in.
    Dates of a
    founding ("founded in 2013") and starts of a range ("since 2016") belong to other
    records unless asked for. With no date: the dateline, for the news of the release
    (not for what it says happened "previously"). `trigger_end`: where the trigger
    starting at `pos` ends; a date after it is that far from it ("this year ... was named
    to the X 50 in January 2026": January 2026). `heading`: with no date in the sentence,
    the month of a heading over its paragraph comes before the dateline."""
    lo = s.start if lo is None else lo
    hi = s.end if hi is None else hi
    text = s.doc.text
    best = None
    asides = None
    for d in s.dates:
        if not (lo <= d.start < hi):
            continue
        if asides is None:
            asides = [(m.start(), m.end()) for m in T.ASIDE.finditer(text, s.start, s.end)]
        if any(a <= d.start < b and not a <= pos < b for a, b in asides):
            continue  # "X, which spun out in 2021, counts Y as a customer": the aside's date
        before = text[max(s.start, d.start - 30):d.start]
        if not founding_ok and T.FOUNDED_DATE.search(before):
            continue
        if not since_ok and T.SINCE_DATE.search(before):
            continue
        after = trigger_end if trigger_end is not None and d.start >= trigger_end else pos
        distance = min(abs(d.start - after), abs(d.end - pos))
        # "struck a deal in July and opened an office last month": a date across an
        # "and" is another predicate's, the last choice
        between = text[d.end:pos] if d.end <= pos else text[pos:d.start]
        if " and " in between:
            distance += 1000
        if best is None or distance < best[0]:
            best = (distance, d.value)
    if best:
        return best[1]
    if heading and (month := heading_month(s)):
        return month
    if fallback and s.doc.dateline_span and not s.find(T.PREVIOUS):
        return s.doc.anchor
    return None


def about_subject(s: Sentence) -> bool:
    """The sentence names or refers to the subject, or is a line of its timeline, or a
    bullet of its highlights that opens with a verb ("• Joined the X Alliance in
    February")."""
    return s.mentions_subject() or bool(T.DATED_LINE.match(s.text)) or \
        bool(_BULLET_VERB.match(s.text))


_BULLET_VERB = re.compile(T.BULLET + r"\s*(?:[A-Z][a-z]+ed|Won|Began|Opened|Signed|Joined)\b")


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_HEADING = re.compile(r"[ \t]*(" + "|".join(_MONTHS) + r")(?:\s+((?:19|20)\d\d))?[ \t]*\n",
                            re.I)


def heading_month(s: Sentence) -> str | None:
    """The month of a heading that opens the paragraph of the sentence ("March" on a line
    of its own in a year in review), in the year of the section or of the dateline (a
    month later than the dateline's is last year's)."""
    text = s.doc.text
    start = text.rfind("\n\n", 0, s.start)
    m = _MONTH_HEADING.match(text, start + 2 if start >= 0 else 0)
    if not m or m.end() > s.start + 1:
        return None
    month = _MONTHS.index(m.group(1).lower()) + 1
    if m.group(2):
        return f"{m.group(2)}-{month:02d}"
    anchor = s.doc.anchor_at(s.start)
    if not anchor:
        return None
    year = int(anchor[:4])
    if len(anchor) >= 7 and month > int(anchor[5:7]):
        year -= 1
    return f"{year}-{month:02d}"
