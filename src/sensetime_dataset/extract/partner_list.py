"""A bulleted list of partners under a heading line ("The new partners are:", "Our
customers:"): each bullet's first organization is a partner of the subject, though the
line does not name it. Its kind is the line's trigger ("signed a memorandum of
understanding"), else the heading's noun."""

from __future__ import annotations

import re

from . import triggers as T
from .context import Sentence
from .dating import date_near
from .lists import plain_name
from .proposal import Proposal

# a heading that introduces a list: ends with a colon, names partners/customers/suppliers
HEADING = re.compile(r"[^\n]{0,60}\b(?P<noun>partners|customers|clients|suppliers)\b"
                     r"(?:\s+(?:are|include|includes))?\s*:\s*$", re.I)
_BULLET = re.compile(r"\s*" + T.BULLET + r"\s+")
# "Hjelmstad Fleet (Norway)": a place in brackets is no part of the name (an
# abbreviation in capitals, "(CICC)", is)
_PLACE = re.compile(r"\s*\((?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\)$")
_KIND_OF = {"partners": "partnership", "customers": "customer", "clients": "customer",
            "suppliers": "supplier"}


def heading_kind(s: Sentence) -> str | None:
    """The default kind of the list that `s` introduces, or None when it introduces none."""
    if not s.text.rstrip().endswith(":"):
        return None
    m = HEADING.match(s.text)
    return _KIND_OF[m.group("noun").lower()] if m else None


def is_item(s: Sentence) -> bool:
    return bool(_BULLET.match(s.text))


def item_org(s: Sentence):
    """The organization (not the subject) a bullet line opens with, else None."""
    b = _BULLET.match(s.text)
    return None if b is None else \
        next((n for n in s.orgs() if n.start - s.start == b.end()), None)


def list_item(s: Sentence, kind: str) -> list[Proposal]:
    """The partner a bullet line opens with: "- X (Norway), which will run ..." """
    org = item_org(s)
    if org is None:
        return []
    m = s.find(T.PARTNER)
    if m is not None and m.lastgroup != "listed":
        kind = m.lastgroup.replace("_", "-")
    name = _PLACE.sub("", plain_name(org.name, s.doc.text))
    date = date_near(s, org.end)
    return [Proposal("partners", {"name": name, "date": date, "kind": kind},
                     s.text, s.start, s.end, f"partners: {kind} (a line of a partners list)")]
