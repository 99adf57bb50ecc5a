"""A bulleted list of investors under a label line ("Investors in the round:"): each
bullet's first organization is an investor of the round in context, its lead when
"(lead)" follows it."""

from __future__ import annotations

import re

from .context import Sentence
from .lists import LEAD_AFTER, plain_name
from .partner_list import item_org
from .proposal import Proposal

# a label that introduces the list: ends with a colon, names the round's investors
HEADING = re.compile(r"[^\n]{0,60}\b(?:investors|backers|participants)(?:\s+in\s+(?:the|this)\s+"
                     r"(?:round|financing))?\s*:\s*$", re.I)


def heading(s: Sentence) -> bool:
    """Whether `s` (a sentence ending with a colon: the caller checks) introduces the list."""
    return bool(HEADING.match(s.text))


def list_item(s: Sentence, round_name: str) -> list[Proposal]:
    """The investor a bullet line opens with: "• Greyhaven Ventures (lead)"."""
    org = item_org(s)
    if org is None:
        return []
    role = "lead" if LEAD_AFTER.match(s.doc.text, org.end) else "participant"
    return [Proposal("investors", {"round_name": round_name or None,
                                   "name": plain_name(org.name, s.doc.text), "role": role},
                     s.text, s.start, s.end, f"investors: {role} (a line of an investors list)")]
