"""Organizations listed next to a trigger: "led by A, B and C", "A and B co-led"."""

from __future__ import annotations

import re

from ..text import NameMention, is_abbreviation
from ..text.names import LEGAL_FORMS
from . import triggers as T
from .context import Sentence

# Between two names of a list: a comma or "and", after a role in brackets ("A (lead), B")
# and before a description ("and returning investors B", "and the family office B").
# ("and the Dutch contractor B": a place's adjective before the noun)
NOUN_BEFORE = (r"(?:(?:the\s+)?(?:returning|existing|new|other)?\s*(?:investors?|backers?)\s+"
                r"|the\s+(?:[A-Z][a-z]+\s+)?(?:(?!of\b|in\b|for\b|to\b|from\b|with\b|by\b|at\b|on\b)"
                r"[a-z][\w-]*(?:['’]s)?\s+){1,3})?")  # ("and the university's own B")
# ("and the Kestle Fund": a list; ", the London investor" is an apposition)
_LIST_GAP = re.compile(r"^(?:\s*\((?:co-?)?lead\))?\s*(?:(?:,\s*and|,|and|&|as\s+well\s+as)\s*"
                       + NOUN_BEFORE + r"|(?:,\s*)?and\s+the\s+)$")
# "A (lead), B and C": A's role is written after it
LEAD_AFTER = re.compile(r"\s*\((?:co-?)?lead\)")
# A description between two names of a list: "A, a Dublin-based fund, and B".
_DESCRIBED = re.compile(r"^,\s+(?:a|an|the|two|three|four|five|both|all)\s[^,;]{1,80},\s*(?:and\s+|"
                        r"as\s+well\s+as\s+)?"
                        + NOUN_BEFORE + "$")
# "A, the National Supercomputing Centre of Singapore and B": an item named after "the"
# (not "A, the London growth investor, and B": a description, its words in lower case)
_THE_ITEM = re.compile(r"^,\s*the\s+$")
_AND = re.compile(r"\s+and\s+")
_LOWER_WORD_AFTER = re.compile(r"\s+(?!(?:and|or)\b)[a-z]")
# ... and a name inside that description ("A, the venture arm of X, and B"): skipped.
_IN_DESCRIPTION = re.compile(r"^,\s+(?:a|an|the)\s[^,;]{0,80}$")
# words that open a list of examples of what precedes them
LEAD_IN = re.compile(r"(?:including|include|includes|such\s+as|among\s+them|namely)\s*(?:the\s+)?$",
                     re.I)
_MAX_GAP = 40  # "led by private equity firm X": a few words between trigger and name
# "X and other investment firms and strategic investors participated": the others of a
# list, unnamed, between the last name and the trigger
_OTHERS_AFTER = re.compile(r",?\s+(?:and|as\s+well\s+as)\s+(?:other|several|many|various)\s"
                           r"[^,;.]{0,80}$")
# the owner's possessive, a lower-case description and the name: "'s impact arm, "
_ARM_OF = re.compile(r"['’]s(?:\s+[a-z][\w-]*){1,4},\s+(?:the\s+)?")
# "Birmingham-based Halesowen Angels": the place is a description, not part of the name
_BASED = re.compile(r"^[\w-]+-based\s+(?=[A-Z0-9])")
# "the Dutch contractor B": a lone capitalised word before a lower-case noun and a name
_ADJECTIVE_AFTER = re.compile(r"\s+(?!(?:and|or|with|of|to|in|on|at|for|by|from|as|is|was|are|"
                             r"were|has|have|had|also|the|a|an|its|their)\b)[a-z][\w-]*(?<!ed)"
                             r"(?<!ing)\s+(?:[a-z][\w-]*\s+)?[A-ZÀ-Þ]")


_FULLER = re.compile(r"(?: [A-Z][\w&'’-]*){1,3}")
# "Massachusetts Institute of Technology (MIT)": a name and its abbreviation in brackets
_ABBREVIATED = re.compile(r"^(?P<name>.+?)\s+\((?P<short>[^()\s]+)\)$")


# "Kaden Instruments of Japan", "Sondela Power Electronics of Gqeberha": a name of two words
# or more whose last is a maker's word, then its country or town (not "Industrial Bank of
# Korea", "Development Bank of Japan": names)
_OF_COUNTRY = re.compile(r"(?P<name>[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*)* (?:Instruments|Industries|"
    r"Systems|Electronics|Motors|Technologies|Technology|Labs|Holdings|Group|Corporation|Corp|"
    r"Chemicals|Pharmaceuticals|Robotics|Materials|Machinery)) of (?:the )?[A-Z][\w-]+"
    r"(?: [A-Z][\w-]+)?$")
# "School of Mechanical Engineering of Nanling University of Technology": the university
_SCHOOL_OF = re.compile(r"(?:School|Faculty|Department|College)\s+of\s+.+?\s+(?:of|at)\s+"
                        r"(?P<name>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*\s+"
                        r"(?:University|Institute)\b.*)$")
# "Germany's Ostwald Medizintechnik", "Korea's Hanbyeol Group": a place's possessive
# before a name of two words or more
_PLACE_OWNER = re.compile(r"^[A-Z][a-z]+['’]s\s+(?=[A-Z][\w&-]*\s+[A-Z0-9])")
# a common noun capitalised as a sentence's first word: "Steelmaker Vantmoor Steel signed"
_TRADE_NOUN = re.compile(r"^(?:[A-Z][a-z]*maker|Retailer|Insurer|Lender|Carrier|Operator|"
                         r"Manufacturer|Distributor|Wholesaler|Conglomerate|Utility)\s+(?=[A-Z])")


def plain_name(name: str, text: str | None = None) -> str:
    """An organization's name as a record gives it: a leading "X-based", "Germany's" or
    "Steelmaker" dropped, an abbreviation in brackets after it dropped ("(MIT)": a
    registry keeps short forms as aliases), a country after it dropped ("Kaden Instruments
    of Japan"; not "Bank of China"), a school named for its university ("School of
    Mechanical Engineering of Nanling University" is Nanling University's), and a short
    form ("Okeford") written in full where `text` has it ("Okeford Motors")."""
    if " of " in name:
        if (m := _OF_COUNTRY.match(name)) or (m := _SCHOOL_OF.match(name)):
            name = m["name"]
    if name.endswith(")") and (m := _ABBREVIATED.match(name)) and \
            is_abbreviation(m["short"], m["name"]):
        name = m["name"]
    name = _BASED.sub("", name) if "-based " in name else name
    name = _PLACE_OWNER.sub("", name) if "s " in name else name
    name = _TRADE_NOUN.sub("", name) if " " in name else name
    if text is not None and not name.endswith(LEGAL_FORMS):
        i = text.find(name + " ")
        while i >= 0:
            m = _FULLER.match(text, i + len(name))
            if m and (i == 0 or not text[i - 1].isalnum()):
                words = m.group(0).split()
                # the fuller name ends with an organization word ("Motors", "Ventures")
                verb = text.startswith(" with", m.end())  # "Honda Partners with X"
                for k in range(len(words), 0, -1):
                    if words[k - 1] in LEGAL_FORMS and not (verb and k == len(words)):
                        return " ".join([name, *words[:k]])
            i = text.find(name + " ", i + 1)
    return name


# A list's item written in lower case ("vivo", "iFLYTEK", "eBay"): between two names of a
# list, one word, not a plural ("A, angels, B"); last, after "and", a word with capitals
# inside (a common word has none)
# "several Oslo angels.": a lone capitalised word before a plural noun that ends the list
_PLURAL_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}?\s+[a-z]+s\b(?=\s*(?:[.,;]|$))")
_LOWER_ITEM = re.compile(r",\s*(?P<name>[a-z]+[A-Z]\w*|[a-z][a-z0-9]*[a-rt-z0-9]),\s*(?:and\s+)?")
_LOWER_LAST = re.compile(r",?\s+and\s+(?P<name>[a-z]+[A-Z][\w]*)\b")


def _place_adjective(n, text: str) -> bool:
    """"the Dutch contractor X", "the Munich venture capitalist X", "several Oslo angels",
    "three Mexican venture investors":
    no member of a list."""
    return " " not in n.name and (bool(_ADJECTIVE_AFTER.match(text, n.end)) or
                                  bool(_PLURAL_AFTER.match(text, n.end)))


def list_after(s: Sentence, pos: int, hi: int):
    """The organizations listed right after `pos` ("led by A, B and C")."""
    text = s.doc.text
    orgs = [n for n in s.orgs(pos, hi) if not T.ROUND_NAME.match(n.name)
            and not _place_adjective(n, text)]
    if not orgs:
        return []
    gap = text[pos:orgs[0].start]
    if s.doc.subject_in(pos, orgs[0].start):
        return []  # "Alongside the investment, <subject> and X signed": no list of X's
    if len(gap) > _MAX_GAP and not (LEAD_IN.search(gap) and len(gap) < 120):
        return []
    out = [orgs[0]]
    for i, n in enumerate(orgs[1:], 1):
        if n.start < out[-1].end:
            continue  # read already: the arm named after its owner (below)
        gap = text[out[-1].end:n.start]
        if text.startswith(("'s", "’s"), n.end) and not _AND.fullmatch(gap):
            # "and the Heddon Foundation's impact investment arm, Heddon Impact": the arm,
            # not its owner (nor the last of "X and Y's chips": both own them)
            arm = orgs[i + 1] if i + 1 < len(orgs) else None
            if arm is not None and _LIST_GAP.match(gap) and \
                    _ARM_OF.fullmatch(text, n.end, arm.start):
                out.append(arm)
                continue
            break
        if _LIST_GAP.match(gap) or _DESCRIBED.match(gap) or \
                (_THE_ITEM.match(gap) and not _LOWER_WORD_AFTER.match(text, n.end)):
            out.append(n)
        elif lower := _LOWER_ITEM.fullmatch(gap):
            # "OPPO, vivo, Weibo": a brand written in lower case between two names
            start = out[-1].end + lower.start("name")
            out += [NameMention(lower["name"], start, start + len(lower["name"]), False), n]
        elif not _IN_DESCRIPTION.match(gap):
            break
    if len(out) > 1 and (last := _LOWER_LAST.match(text, out[-1].end, hi)):
        # "..., Weibo, and iFLYTEK": a brand in lower case with capitals inside, last
        out.append(NameMention(last["name"], last.start("name"), last.end("name"), False))
    return out


def list_before(s: Sentence, lo: int, pos: int):
    """The organizations listed right before `pos` ("A and B co-led", "A participated")."""
    text = s.doc.text
    orgs = [n for n in s.orgs(lo, pos) if not T.ROUND_NAME.match(n.name)
            and not _place_adjective(n, text)]
    gap_from = orgs[-1].end if orgs else pos
    if len(orgs) > 1 and text.startswith(",", orgs[-1].end) and \
            _IN_DESCRIPTION.match(text[orgs[-2].end:orgs[-1].start]):
        orgs.pop()  # "A, the investment arm of X, came in": A
    if not orgs or (len(text[gap_from:pos]) > _MAX_GAP and
                    not _OTHERS_AFTER.match(text, gap_from, pos)):
        return []
    out = [orgs[-1]]
    for n in reversed(orgs[:-1]):
        if not _LIST_GAP.match(text[n.end:out[0].start]):
            break
        out.insert(0, n)
    return out
