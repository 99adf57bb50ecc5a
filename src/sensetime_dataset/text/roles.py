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


LEAD = [r"co-?led\s+by", r"led\s+by", r"co-?led", r"(?<!was\s)\bled\b", r"leading",
        r"co-?leads?", r"lead\s+investors?", r"leads?\s+the\s+(?:round|financing|investment)",
        r"lead\s+(?:the|a)\s+\w+\s+round", r"anchor(?:ed)?\s+by", r"anchor\s+investors?",
        r"headed\s+by", r"spearheaded\s+by", r"(?:tak(?:e|es|ing)|took)\s+the\s+lead(?:\s+role)?",
        r"lead\s+role"]
PARTICIPANT = [r"participat(?:ed|es|ing|ion)", r"participants?", r"joined\s+by", r"backed\s+by",
               r"investors?\s+(?:include|included|including|were|are)", r"also\s+invested",
               r"also\s+(?:joined|took\s+part|backed)", r"alongside", r"along\s+with",
               r"took\s+part", r"existing\s+investors?", r"other\s+investors?",
               r"followed\s+by", r"invested\s+in", r"with\s+investments?\s+from",
               r"joined\s+(?:the|this)\s+round", r"investors?\s+such\s+as", r"contributed"]
ROLE = re.compile(r"\b(?:(?P<lead>" + "|".join(LEAD) + r")|(?P<participant>"
                  + "|".join(PARTICIPANT) + r"))\b", re.IGNORECASE)


def find_roles(text: str) -> list[RoleMention]:
    """Every role trigger in `text`, in order."""
    return [RoleMention("lead" if m["lead"] else "participant", m.start(), m.end())
            for m in ROLE.finditer(text)]
