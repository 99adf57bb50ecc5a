"""Organization names in English prose, without a list of names: runs of capitalised
words ("China Merchants Securities (Hong Kong)", "Qualcomm Technologies, Inc.", "the
Vision Fund"), lists ("A, B and C"), and a gazetteer of known names given by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from .money import PREFIX

# Words that end an organization's name and tell it is one.
LEGAL_FORMS = ("Inc", "Incorporated", "Ltd", "Limited", "LLC", "LLP", "LP", "PLC", "plc",
               "Corp", "Corporation", "Co", "Company", "GmbH", "AG", "SA", "S.A.", "NV",
               "Pte", "Group", "Capital", "Holdings", "Holding", "Partners", "Ventures",
               "Technologies", "Technology", "Fund", "Funds", "Bank", "Securities",
               "Investments", "Investment", "Management", "Associates", "Asset",
               "Institute", "University", "Laboratory", "Lab", "Labs", "Motors",
               "Systems", "Networks", "Electronics", "Industries", "Agency", "Bureau",
               "Department", "Ministry", "Commission", "Council", "Office", "Trust",
               "Equity", "Advisors", "Growth", "Global")
_LEGAL = re.compile(r"(?:,?\s(?:Inc|Ltd|Co|Corp|LLC|Pte|PLC|S\.A)\.?)+$")
# Capitalised words that start sentences or clauses without being part of a name.
NOT_NAME = {"The", "A", "An", "In", "On", "At", "For", "With", "And", "But", "Or", "This",
            "That", "These", "Those", "Its", "It", "Their", "Last", "Next", "Since", "After",
            "Before", "According", "During", "Both", "Other", "Also", "As", "By", "From",
            "Today", "Yesterday", "Earlier", "Later", "Meanwhile", "However", "While",
            "When", "Under", "Following", "Through", "Founded", "Based", "Chinese",
            "American", "Japanese", "Korean", "European", "British", "German", "French",
            "Series", "Pre", "Round", "Seed", "Angel", "IPO", "CEO", "CFO", "Mr", "Ms", "Dr",
            "Prof", "Professor", "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December", "Monday",
            "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "We",
            "Our", "He", "She", "They", "If", "Some", "Many", "All", "Each", "Not", "No",
            "Under", "Investors", "Investor", "Other", "New", "Existing", "Rival",
            "Shares", "Stock", "Chairman", "President", "Founder", "Co-founder",
            # generic acronyms of technology and business, not organizations
            "AI", "ML", "IoT", "AR", "VR", "IT", "OEM", "GPU", "GPUs", "CPU", "API", "SDK",
            "CTO", "COO", "R&D", "NYSE", "NASDAQ", "MOU", "MoU", "ID", "Face ID", "PhD",
            # a common noun capitalised as a defined term ("the Company")
            "Company", "Firm", "Startup",
            # what is left of "Series B Extension", "Series C Tranche"
            "Extension", "Tranche"}
_ROUND_LETTER = re.compile(r"[A-H]\d?\+?")
_CONNECTOR = {"of", "for", "the", "and", "&", "de", "du", "der", "van", "von", "für", "des", "la",
              "del", "da", "do", "di", "dos", "das"}
# A nationality opens a name when an institution's word follows it ("Chinese University of
# Hong Kong", "Chinese Academy of Sciences", "European Commission"): elsewhere it is an
# adjective ("Chinese AI firm X", "German X")
_NATIONALITIES = {"Chinese", "American", "Japanese", "Korean", "European", "British",
                  "German", "French"}
_INSTITUTION_WORDS = {"University", "Academy", "Institute", "Association", "Society",
                      "Chamber", "Commission", "Union", "Parliament", "Council", "Central",
                      "Investment", "Space", "Bank"}
# A word of a name: initials ("U.S."), an abbreviated legal form with its full stop, a
# capitalised word (Latin-1 capitals too: "Ørsund"), or a word starting with digits
# ("3M"). No other full stop: one ends the sentence.
# A plural's possessive inside a name whose words after it end with a body's word: "Motor
# Insurers' Data Trust", "Farmers' Union" (not "Tarrow Motors' Chief Executive").
_BODY_WORDS = ("Union", "Trust", "Association", "Bureau", "Fund", "Bank", "Party", "Council",
               "Federation", "Society", "League", "Alliance", "Cooperative", "Board", "Guild",
               "Institute", "Foundation", "Club", "Network", "Exchange", "Chamber")
_PLURAL_OWNER = (r"(?:(?<=s)['’](?=[^\S\t\n\r\f\v](?:[A-Z][\w-]*[^\S\t\n\r\f\v]){0,2}(?:"
                 + "|".join(_BODY_WORDS) + r")\b))?")
_WORD = r"(?:(?:[A-Z]\.){2,}|(?:Inc|Ltd|Co|Corp|Pte|St)\.|[A-ZÀ-ÖØ-Þ][\w&'’-]*\w" + _PLURAL_OWNER + \
    r"|[A-Z]|\d+[A-Za-z][\w-]*)"
# "and" joins a name only after a field of knowledge or trade ("Science and Technology
# Parks", "Science and Innovation Fund", "Bureau of Industry and Security"); elsewhere it
# stands between two names ("led by A and B Capital").
_FIELDS = ("Science", "Technology", "Innovation", "Research", "Industry", "Trade", "Arts",
           "Engineering", "Education", "Culture", "Commerce")
_AND = "(?:" + "|".join(f"(?<={w}\\s)" for w in _FIELDS) + ")and"
_CONNECT = rf"(?:\s(?:of\sthe|of|for|für|de|du|der|van|von|&|{_AND})\s)"
# Words of a name are apart by a space, not by a tab (a column break: "headline\tbody",
# "Founded:\tX") nor a line break
_SPACE = r"[^\S\t\n\r\f\v]"
NAME = re.compile(
    rf"({_WORD}(?:(?:{_SPACE}|{_CONNECT}){_WORD})*"
    r"(?:,?\s(?:Inc|Ltd|Co|Corp|LLC|Pte|PLC)\.?)*"
    r"(?:\s\((?:[A-Z][\w .&-]*)\))?)"
)
_TICKER = re.compile(r"[A-Z]{2,}:\s*$")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
_BRACKET_TAIL = re.compile(r"\s*\(.*\)$")
# A company's legal form ends its name: "Nordfassade GmbH for Germany" is Nordfassade GmbH
# (an institution goes on: "Institute for ...", "Bank of ...")
_FORM_THEN_CONNECTOR = re.compile(r"\s(?:Inc|Ltd|LLC|PLC|plc|GmbH|AG|SA|NV|Corp|Limited)\.?"
                                  r"(?=\s(?:for|of|für|van|von|de)\s)")


class NameMention(NamedTuple):  # immutable; made three times faster than a frozen dataclass
    name: str
    start: int
    end: int
    legal: bool  # ends with a legal form or an organization word (Inc., Capital, Fund)


@dataclass(frozen=True)
class GazetteerMatch:
    id: str
    name: str
    start: int
    end: int


def _trim_words(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop leading and trailing words that are not part of a name (words split at
    spaces, read with str.find: no list of words per candidate)."""
    while True:
        i = text.find(" ", a, b)
        if i >= 0:
            first = text[a:i]
            if (first.rstrip(".,") in NOT_NAME or first in _CONNECTOR) and not (
                    first in _NATIONALITIES and _next_word(text, i + 1, b) in _INSTITUTION_WORDS):
                a = i + 1
                if first == "Series" and _ROUND_LETTER.fullmatch(_next_word(text, a, b)):
                    a = min(b, a + len(_next_word(text, a, b)) + 1)  # "Series B Extension"
                continue
            j = text.rfind(" ", a, b)
            if text[j + 1:b].rstrip(".,") in NOT_NAME:
                b = j
                if b <= a:
                    return a, a
                continue
        elif text[a:b].rstrip(".,") in NOT_NAME:
            return a, a
        break
    return a, b


def _next_word(text: str, a: int, b: int) -> str:
    i = text.find(" ", a, b)
    return text[a:i if i >= 0 else b]


_QUOTES = "'’"
# A name starts at a capital or a digit after a non-word character (not "$"). With
# that written first, `re` tries NAME only there (measured: twice as fast as trying NAME
# at every capital from Python, several times faster than NAME alone); the look-ahead
# before the look-behind, so that `re` skips in C to the capitals and digits (the scan
# twice as fast again; the same matches: both assertions read the same position).
_NAME_AT = re.compile(r"(?=[A-Z0-9À-ÖØ-Þ])(?<![\w$])" + NAME.pattern)
# The last words of _LEGAL, for a cheap test before it is searched
_LEGAL_ENDS = ("Inc", "Ltd", "Co", "Corp", "LLC", "Pte", "PLC", "S.A")
_LEGAL_FORM_SET = frozenset(LEGAL_FORMS)
# The currency codes the money reader knows ("EUR", "HKD"), written before an amount
_CURRENCY_CODES = frozenset(k.upper() for k in PREFIX if k.isalpha())
_AMOUNT_AFTER = re.compile(r"[ \u00a0]?\d")
_new = tuple.__new__  # a NameMention made without the Python frame of its __new__


def find_names(text: str, start: int = 0, end: int | None = None) -> list[NameMention]:
    """Candidate organization names: capitalised runs, trimmed of sentence words. With
    `start` and `end`: those of text[start:end], read as if cut out of the text (a
    sentence of a document), with offsets in `text`. (Read per sentence when a rule
    asks: about half of a document's sentences never are.)"""
    end = len(text) if end is None else end
    if start and (text[start - 1].isalnum() or text[start - 1] in "_$"):
        # the look-behind would see the word before the span: read a copy of it
        return [NameMention(n.name, n.start + start, n.end + start, n.legal)
                for n in _names_in(text[start:end], 0, end - start)]
    return _names_in(text, start, end)


def _names_in(text: str, start: int, end: int) -> list[NameMention]:
    found: list[NameMention] = []
    for m in _NAME_AT.finditer(text, start, end):
        a, b = m.span()
        space = text.find(" ", a, b)
        if space < 0:
            word = text[a:b].rstrip(".,")
            if word in NOT_NAME or (word.isupper() and word.capitalize() in NOT_NAME):
                continue  # one sentence word ("The", "March", "THE"): a quarter of all matches
        else:
            first = text[a:space]
            if first.rstrip(".,") in NOT_NAME or first in _CONNECTOR or \
                    text[text.rfind(" ", a, b) + 1:b].rstrip(".,") in NOT_NAME:
                a, b = _trim_words(text, a, b)  # a sentence word at either end (one in six)
                if b <= a:
                    continue
        # a possessive at the end ("X's", "X’"), then punctuation
        if text[b - 1] == "â" and text.startswith("€™", b):
            b -= 1  # "Pendlefordâ€™s": a mojibake apostrophe
        c = text[b - 1]
        if c == "s":
            if b - a >= 2 and text[b - 2] in _QUOTES:
                b -= 2
        elif c in _QUOTES:
            b -= 1
        while b > a and text[b - 1] in ".,;: " and not _LEGAL.search(text, a, b):
            b -= 1
        if b < end and text[b] == "$":
            if " for " in text[a:b]:
                # "Lintara Mobility for US$45m": the name ends before the connector
                b = text.rfind(" for ", a, b)
            else:
                continue  # "US$", "HK$": a currency
        if space >= 0:  # (a legal form, then a connector: two words at least)
            form = _FORM_THEN_CONNECTOR.search(text, a, b)
            if form:
                b = form.end()
        if text.find(":", a - 12 if a - 12 > start else start, a) >= 0 and \
                _TICKER.search(text, max(start, a - 12), a):
            continue  # "(NASDAQ: QCOM)": a ticker
        name = text[a:b]
        if name in NOT_NAME or not _TWO_LETTERS.search(name):
            continue
        if name in _CURRENCY_CODES and _AMOUNT_AFTER.match(text, b):
            continue  # "EUR 22 million": a currency, not an organization
        bare = name.rstrip(".")
        word = (_BRACKET_TAIL.sub("", name).rstrip(".") if name[-1] == ")" else bare) \
            .rsplit(" ", 1)[-1]
        legal = word in _LEGAL_FORM_SET or (bare.endswith(_LEGAL_ENDS) and
                                            bool(_LEGAL.search(name)))
        found.append(_new(NameMention, (name, a, b, legal)))
    return found


def is_abbreviation(short: str, long: str) -> bool:
    """Whether `short` ("MIT", "HKSTP", "SingTel") abbreviates `long` ("Massachusetts
    Institute of Technology"): its letters occur in `long` in order, the first at the start
    of a word (the matching of Schwartz and Hearst, "A simple algorithm for identifying
    abbreviation definitions in biomedical text", 2003). Two capitals at least: "(Hong
    Kong)" or "(Shenzhen)" after a name is a place, part of the name."""
    if " " in short or sum(c.isupper() for c in short) < 2 or not short[0].isalpha():
        return False
    i = len(long) - 1
    for k in range(len(short) - 1, -1, -1):
        c = short[k].lower()
        if not c.isalnum():
            continue
        # the short form's first letter must start a word of the long form
        while i >= 0 and (long[i].lower() != c or (k == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


_LIST_SEP = re.compile(r"\s*(?:,\s*and\s+|,\s*or\s+|,\s*|;\s*|\s+and\s+|\s+as\s+well\s+as\s+)")
_LEGAL_TAIL = re.compile(r"(?:Inc|Ltd|Co|Corp|LLC|Pte|PLC)\b\.?", re.IGNORECASE)


def split_list(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of the items of a list "A, B, and C" in text[start:end]; a legal form
    after a comma ("Qualcomm Technologies, Inc.") stays with its name."""
    end = len(text) if end is None else end
    items, a = [], start
    for m in _LIST_SEP.finditer(text, start, end):
        tail = text[m.end():end]
        if _LEGAL_TAIL.match(tail) or text[a:m.start()].count("(") > text[a:m.start()].count(")"):
            continue
        items.append((a, m.start()))
        a = m.end()
    items.append((a, end))
    return [(x, y) for x, y in items if y > x]


class Gazetteer:
    """Known names from the caller, as (id, names) pairs; matched case-sensitively on
    word boundaries, the longest name first."""

    def __init__(self, entries: Iterable[tuple[str, Iterable[str]]]):
        self.ids: dict[str, str] = {}
        for ident, names in entries:
            for name in names:
                if name:
                    self.ids.setdefault(name, ident)
        alternation = "|".join(re.escape(n) for n in sorted(self.ids, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])") if self.ids else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[GazetteerMatch]:
        if self.pattern is None:
            return []
        end = len(text) if end is None else end
        return [GazetteerMatch(self.ids[m.group(0)], m.group(0), m.start(), m.end())
                for m in self.pattern.finditer(text, start, end)]
