"""What the rules need to know about a document: its sentences, its anchor date for
relative dates, its subject (the company it is about), and per-sentence readings."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from ..text import (DateMention, Money, NameMention, dateline, find_dates, find_money,
                    find_names, split_sentences)
from . import triggers as T

# Words a name's first word must not be for it to stand for the whole name ("China
# Merchants" is not "China"): short or generic words.
_GENERIC_HEAD = re.compile(r"^(?:[A-Z]{1,2}|The|New|China|Chinese|US|U\.S\.|United|Hong|"
                           r"National|International|Global|Asia|World|First)$")
_DESCRIPTOR = re.compile(r"-\w+$")  # "Shenzhen-based": an adjective, not an organization


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    doc: "Document"
    names: list[NameMention] = field(default_factory=list)

    @cached_property
    def money(self) -> list[Money]:
        return [_shift(m, self.start) for m in find_money(self.text)]

    @cached_property
    def dates(self) -> list[DateMention]:
        """Date mentions, the dateline's own date left out when another date is given."""
        found = [DateMention(d.value, d.start + self.start, d.end + self.start, d.relative)
                 for d in find_dates(self.text, self.doc.anchor)]
        span = self.doc.dateline_span
        others = [d for d in found if not (span and span[0] <= d.start < span[1])]
        return others

    @cached_property
    def title_case(self) -> bool:
        """A headline: most words capitalised and no final full stop."""
        words = [w for w in self.text.split() if w[0].isalpha()]
        caps = sum(w[0].isupper() for w in words)
        return bool(words) and not self.text.rstrip().endswith(".") and caps >= 0.6 * len(words)

    def orgs(self, a: int | None = None, b: int | None = None) -> list[NameMention]:
        """Organization names within [a, b) of the document, subject excluded."""
        a = self.start if a is None else a
        b = self.end if b is None else b
        return [n for n in self.names if a <= n.start and n.end <= b
                and not self.doc.is_subject(n.name)]

    def mentions_subject(self, a: int | None = None, b: int | None = None) -> bool:
        a = self.start if a is None else a
        b = self.end if b is None else b
        chunk = self.doc.text[a:b]
        return bool(self.doc.subject_re and self.doc.subject_re.search(chunk)) \
            or bool(T.SUBJECT_REF.search(chunk))

    def subject_as_written(self) -> str | None:
        if self.doc.subject_re:
            m = self.doc.subject_re.search(self.text)
            if m:
                return m.group(0)
        return None


def _shift(m: Money, offset: int) -> Money:
    return Money(m.amount, m.currency, m.bound, m.start + offset, m.end + offset, m.per)


class Document:
    def __init__(self, text: str, anchor: str | None = None):
        self.text = text
        line = dateline(text)
        self.anchor = line or anchor
        self.dateline_span = None
        if line:
            for d in find_dates(text[:600]):
                if d.value == line and not d.relative:
                    self.dateline_span = (d.start, d.end)
                    break
        self.sentences = [Sentence(a, b, text[a:b], self)
                          for a, b in split_sentences(text, keep_headings=True)]
        for s in self.sentences:
            s.names = [NameMention(n.name, n.start + s.start, n.end + s.start, n.legal)
                       for n in find_names(s.text) if not _DESCRIPTOR.search(n.name)]
            if s.title_case:
                s.names = [n for n in (self._body_name(n, s) for n in s.names) if n]
        self.subject = self._find_subject()
        self.subject_re = self._subject_pattern()

    def _body_name(self, n: NameMention, s: Sentence) -> NameMention | None:
        """In a headline every word is capitalised: keep the longest prefix of a name
        that the body of the document also writes."""
        words = n.name.split(" ")
        body = self.text[s.end:]
        for k in range(len(words), 0, -1):
            candidate = " ".join(words[:k])
            if len(candidate) > 2 and re.search(rf"(?<!\w){re.escape(candidate)}(?!\w)", body):
                return NameMention(candidate, n.start, n.start + len(candidate), n.legal)
        return None

    def _find_subject(self) -> str | None:
        """The most mentioned organization among those named in the title, the first
        sentence and the dateline sentence (mentions counted by a name's head word)."""
        lead = self.sentences[:3]
        if self.dateline_span:
            lead += [s for s in self.sentences
                     if s.start <= self.dateline_span[0] < s.end]
        candidates = []
        for s in lead:
            for n in s.names:
                if self.dateline_span and s.start <= self.dateline_span[0] < s.end \
                        and n.end <= self.dateline_span[0]:
                    continue  # the place of a dateline
                candidates.append(n.name)
        if not candidates:
            return None
        counts = Counter()
        for name in set(candidates):
            head = self._head(name)
            counts[name] = len(re.findall(rf"(?<!\w){re.escape(head)}(?!\w)", self.text)) \
                + 0.1 * len(name.split())  # ties: the fuller name
        return counts.most_common(1)[0][0]

    @staticmethod
    def _head(name: str) -> str:
        head = name.split(" ")[0].rstrip(",")
        return name if _GENERIC_HEAD.match(head) or len(head) < 3 else head

    def _subject_pattern(self):
        if not self.subject:
            return None
        forms = {self.subject, self._head(self.subject)}
        alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")

    def is_subject(self, name: str) -> bool:
        return bool(self.subject_re and self.subject_re.fullmatch(name.removesuffix("'s")
                                                                 .removesuffix("’s")))
