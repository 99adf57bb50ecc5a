"""Investor roles in a funding sentence: `lead` ("led by", "X led the round", "lead
investor", "co-led", "taking the lead role") or `participant` ("participated", "with participation from",
"joined by", "backed by", "investors include", "also invested")."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RoleMention:
    role: str  # lead | participant
    start: int
    end: int


LEAD = [r"co-?led\s+by", r"led\s+by", r"co-?led", r"(?<!was\s)\bled\b",
        r"leading\s+(?:the|this)\s+(?:round|financing|investment)",
        r"co-?leads?", r"leads?\s+the\s+(?:round|financing|investment)",
        r"lead\s+(?:the|a)\s+\w+\s+round", r"anchor(?:ed)?\s+by", r"anchor\s+investors?",
        r"headed\s+by", r"spearheaded\s+by",
        r"anchored\s+(?:the|this)\s+(?:round|financing|investment)",
        r"leading\s+investors?\s+(?:is|was|are|were)", r"lead(?:ing)?\s+investors?",
        r"head(?:s|ed)\s+(?:the|this)\s+(?:round|financing|investment|tranche)",
        r"is\s+leading\s+(?:the|this)",
        r"(?:take|takes|taking|took|taken)\s+the\s+lead(?:\s+role)?",
        r"the\s+round['’]s\s+lead",
        # "X in the lead, Y following on"; "when X headed a $45 million Series C"
        r"in\s+the\s+lead", r"head(?:s|ed)\s+(?:a|an)\b",
        # labels of a timeline's round: "Series A of £11m. Lead: X. Also in: Y, Z"
        r"leads?:"]
PARTICIPANT = [r"participat(?:ed|es|ing|ion)", r"joined\s+by", r"backed\s+by",
               r"investors?\s+(?:include|included|including|were|are)",
               r"investors?\s+in\s+the\s+(?:round|financing)\s+(?:include|included|were)",
               r"also\s+invest(?:ed|ing)",
               r"also\s+(?:joined|took\s+part|backed)", r"alongside", r"along\s+with",
               r"took\s+part", r"existing\s+investors?", r"other\s+investors?",
               r"followed\s+by", r"invested\s+in", r"with\s+investments?\s+from",
               r"joined\s+(?:the|this)\s+round", r"investors?\s+such\s+as", r"contributed",
               r"participants?\s+(?:include|included|were|such\s+as)",
               r"(?:were|was)\s+among\s+the\s+investors", r"(?:and|also)\s+included",
               # an existing investor putting money in again
               r"invested\s+again", r"put\s+(?:more\s+)?money\s+in", r"followed\s+on",
               r"continued\s+to\s+follow", r"returned\s+for", r"subscribed",
               r"increased\s+(?:their|its)\s+(?:holdings?|stakes?)",
               r"new\s+money\s+from", r"money\s+from", r"continued\s+support\s+from",
               r"support\s+from",
               # "joined in the round by X", "also on board are X", "X and Y on board",
               # "X came in as new investors", "X came back", "X re-upped", "welcomed X as
               # a new shareholder", "X followed the investment", "jointly invested by X",
               # "Cornerstone investors, including X", "an allotment of shares to X",
               # "X took a minority share", "X all chipped in"
               r"joined\s+in\s+the\s+round\s+by", r"on\s+board\s+are", r"on\s+board",
               r"came\s+in\s+as\s+(?:new\s+)?(?:investors|backers)", r"came\s+back", r"joined\s+as\s+new", r"re-?upped",
               r"as\s+a\s+new\s+(?:shareholder|investor|backer)",
               r"followed\s+the\s+investment", r"continued\s+to\s+increase",
               r"jointly\s+invested\s+by", r"investors?,\s+including",
               r"allotment\s+of\s+(?:new\s+)?shares\s+to",
               r"took\s+a\s+(?:minority\s+)?(?:share|stake)", r"chipped\s+in",
               r"also\s+in:", r"participants?:",
               # "X doubled down", "X returned as an investor", "made an additional
               # investment", "Also putting money in were X", "X put in further money",
               # "following on", "X took a smaller ticket", a timeline's "Co-investors: X"
               r"doubled\s+down", r"returned\s+as\s+(?:an?\s+)?(?:investor|backer|shareholder)",
               r"additional\s+investment", r"putting\s+money\s+in", r"following\s+on",
               r"put\s+in\s+(?:further|new|additional)\s+money",
               r"took\s+a\s+(?:[\w-]+\s+)?ticket", r"co-?investors?:", r"investors:",
               # "... that X led and Y and Z joined.", "newcomer Y joined as well"
               r"joined(?=\s*[.;]|\s+as\s+well\b|\s+too\b)",
               # "led by X, Y and Z co-invested" (a translation's), "X, already on our cap
               # table, taking up its full pro-rata", "with Y in it too"
               r"co-?invest(?:ed|s|ing)", r"taking\s+up\s+its", r"took\s+up\s+its",
               r"in\s+it\s+too",
               # "New backers include X", "put in more money", "X was the sole investor",
               # "X, which led the Series A, returned as well", "the round drew A, B and
               # C", "wrote the biggest cheque", "enters the capital" (a French release's),
               # "with X and Y purchasing the remaining shares", "Allottees: X (lead), Y"
               r"backers?\s+(?:include|included|were|are)", r"put\s+in\s+more\s+money",
               r"sole\s+investor", r"returned(?=\s+as\s+well\b|\s+too\b|\s*[.;])",
               r"round\s+drew", r"wrote\s+the\s+(?:biggest|largest)\s+(?:cheque|check)",
               r"enters?\s+the\s+capital", r"purchas(?:ed|ing)\s+the\s+(?:remaining|rest|balance)",
               r"allottees?:", r"subscribers?:", r"cornerstone\s+investors?"]
ROLE = re.compile(r"\b(?:(?P<lead>" + "|".join(LEAD) + r")|(?P<participant>"
                  + "|".join(PARTICIPANT) + r"))\b", re.IGNORECASE)
# The same words as a flat alternation of lower-case literals, run on the lower-cased
# text: `re` then jumps to the letters that can start one (several times faster). So
# every entry above starts with a letter (an optional word first, "(?:new\s+)?money",
# makes every search three times slower: write two entries). The look-behind of one
# LEAD pattern cannot start a flat branch, so it is checked here.
_FLAT = re.compile("|".join(p.replace("(?<!was\\s)\\b", "") for p in LEAD + PARTICIPANT))
_IS_LEAD = re.compile("|".join(LEAD))


def find_roles(text: str) -> list[RoleMention]:
    """Every role trigger in `text`, in order."""
    low = text.lower()
    if len(low) != len(text):  # lower-casing moved the offsets: the slow way
        return [RoleMention("lead" if m["lead"] else "participant", m.start(), m.end())
                for m in ROLE.finditer(text)]
    found = []
    for m in _FLAT.finditer(low):
        a, b = m.start(), m.end()
        if (a and low[a - 1].isalnum()) or (b < len(low) and low[b].isalnum()):
            continue
        word = m.group(0)
        if word == "led" and low[max(0, a - 4):a] == "was ":
            continue  # "was led by" is read by "led by"; "was led" alone is not a role
        lead = bool(_IS_LEAD.fullmatch(word))
        found.append(RoleMention("lead" if lead else "participant", a, b))
    return found
