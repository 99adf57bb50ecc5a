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


def split_sentences(text: str, keep_headings: bool = False) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of `text`, trimmed of surrounding white space."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for m in END.finditer(line):
            after = line[m.end():m.end() + 1]
            follows_space = after == "" or after.isspace()
            run_on = after.isupper() or after in "“\"‘("  # a lost paragraph break
            if not (follows_space or run_on) or _is_abbreviation(line, m.start()):
                continue
            spans.append((offset + start, offset + m.end()))
            start = m.end()
        spans.append((offset + start, offset + len(line)))
        offset += len(line) + 1
    trimmed = (_trim(text, a, b) for a, b in spans)
    return [s for s in trimmed
            if s and (keep_headings or _is_sentence(text[s[0]:s[1]]))]


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    if dot > _LONGEST and line[dot - _LONGEST - 1:dot].isalnum():
        return False  # a word longer than any abbreviation (most sentence ends)
    start = dot  # the word before the dot, read backwards (a search from 0 is quadratic)
    while start and (line[start - 1].isalnum() or line[start - 1] in "._"):
        start -= 1
    word = line[start:dot].lower()
    if len(word) == 1 and line[max(0, start - 7):start].lower() == "series ":
        return False  # "a Series C. The deal": a round's letter, not an initial
    last = word.rsplit(".", 1)[-1]  # "scientist.Dr": a lost break before "Dr."
    return any(w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) for w in (word, last))


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None


def _is_sentence(s: str) -> bool:
    """Headings and section titles are not sentences: no letters, a markdown heading,
    or a short line without a final full stop."""
    if not re.search(r"[A-Za-z]", s) or s.startswith("#"):
        return False
    return len(s.split()) > HEADING_MAX_WORDS or bool(END.search(s[-3:]))
