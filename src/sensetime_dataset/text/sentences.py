"""Approximate sentence spans that survive lost paragraph breaks.

Several sources lost their paragraph breaks ("funding.The B1 round"), so a sentence end
is also a full stop directly followed by a capital letter or an opening quote; common
abbreviations (Dr., U.S., Co., Oct.) and initials do not end a sentence. A line break
always ends a sentence. Short lines without a full stop (headings, section titles) are
dropped unless `keep_headings` is true (a title often states the news).
"""

from __future__ import annotations

import re

# Words that end with a full stop without ending a sentence (English): titles, legal
# forms, "U.S.", Latin abbreviations, abbreviated months ("Oct. 20, 2017").
ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "prof", "st", "co", "inc", "ltd", "jr", "sr",
                 "vs", "no", "u.s", "e.g", "i.e", "etc", "approx", "corp", "plc", "mt",
                 "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                 "nov", "dec"}
_LONGEST = max(map(len, ABBREVIATIONS))
# A candidate end: . ! or ? and any closing quotes or brackets after it, and reference
# marks ("the Pyrenees.[10] The").
END = re.compile(r"[.!?][\"'”’)\]]*(?:\[\d{1,3}\])*")
HEADING_MAX_WORDS = 6
# One scan of the text for line breaks and candidate ends (one character class first:
# `re` skips to it in C, three times faster than the alternation "\n|END"). After a line
# break the run of quotes, brackets and reference marks is matched too, and skipped: it
# holds no end. Derived from END, so that both read the same end.
_BREAK = re.compile(END.pattern.replace("[.!?]", "[\\n.!?]", 1))


def split_sentences(text: str, keep_headings: bool = False) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of `text`, trimmed of surrounding white space."""
    spans = []
    start = 0
    for m in _BREAK.finditer(text):
        dot = m.start()
        if text[dot] == "\n":
            spans.append((start, dot))
            start = dot + 1
            continue
        end = m.end()
        after = text[end:end + 1]
        follows_space = after == "" or after.isspace()
        run_on = after.isupper() or after in "“\"‘("  # a lost paragraph break
        if not (follows_space or run_on) or _is_abbreviation(text, dot):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    trimmed = (strip_span(text, a, b) for a, b in spans)
    return [(a, b) for a, b in trimmed
            if a < b and (keep_headings or _is_sentence(text[a:b]))]


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation (the word before it is read
    within its line: a line break is neither a word character nor a full stop)."""
    if text[dot] != ".":
        return False
    if dot > _LONGEST and text[dot - _LONGEST - 1:dot].isalnum():
        return False  # a word longer than any abbreviation (most sentence ends)
    start = dot  # the word before the dot, read backwards (a search from 0 is quadratic)
    while start and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    word = text[start:dot].lower()
    if len(word) == 1 and text[max(0, start - 7):start].lower() == "series ":
        return False  # "a Series C. The deal": a round's letter, not an initial
    last = word.rsplit(".", 1)[-1]  # "scientist.Dr": a lost break before "Dr."
    return any(w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) for w in (word, last))


def strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    """The span [a, b) of `text` without white space at either end (empty: a == b)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _is_sentence(s: str) -> bool:
    """Headings and section titles are not sentences: no letters, a markdown heading,
    or a short line without a final full stop."""
    if not re.search(r"[A-Za-z]", s) or s.startswith("#"):
        return False
    return len(s.split()) > HEADING_MAX_WORDS or bool(END.search(s[-3:]))
