"""Partnerships of the subject (collaborations, MoUs, alliances, joint ventures, customers)."""

from __future__ import annotations

import re

from . import triggers as T
from .context import Sentence
from .dating import about_subject, date_near
from .lists import LEAD_IN, list_after, list_before, plain_name
from .proposal import Proposal

_WITH = re.compile(r"\bwith\b", re.I)
# A lone adjective of place before a noun: "Swiss retailer X", "Dutch electrolyser maker"
# (nouns between: no verb, no function word: "Qualcomm worked with X" is no such case)
_NOUN = (r"(?!(?:and|or|with|of|to|in|on|at|for|by|from|has|have|had|is|was|are|were|will|"
         r"would|also|said|says|the|a|an|its|their)\b)[a-z][\w-]*(?<!ed)(?<!ing)")
_DESCRIPTOR_WORD = re.compile(rf"\s+{_NOUN}(?:\s+{_NOUN}){{0,2}}\s+[A-Z]")
# the name of the joint lab itself, not of the partner
_LAB_NAME = re.compile(r"\b(?:Lab|Laboratory|Centre|Center)$")
_SIGNED = re.compile(r"\bsign(?:ed|s)\s+(?:up\s+)?(?:[a-z][\w-]*\s+){0,2}$")
# an apposition describing the name before it: "Leon, a major supplier of" (not a clause:
# ", the company has supplied modules to X")
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:(?!(?:has|have|had|is|was|will)\s)[\w-]+\s+)"
                         r"{0,3}$")
# "to the Kazakh operator X": a few words, no preposition nor clause between
_SHORT_GAP = re.compile(r"\s*(?:(?!(?:in|of|for|and|to|with|at|on|by)\b)[\w-]+\s+){0,4}", re.I)
_PAST_SIGNING = re.compile(r"\b(?:signed|agreed|entered|struck|inked|formed|set\s+up)\b", re.I)
# a joint body named after both parties: "MIT-SenseTime Alliance"
_JOINT_NAME = re.compile(r"(?P<a>[\w&.]+)-(?P<b>[\w&.]+)\s+(?:Joint\s+)?(?:Alliance|Lab|"
                         r"Laboratory|Centre|Center|Institute|Venture)\b")
_GOVERNMENT_BEFORE = re.compile(r"\b(?:(?:municipal|city|provincial|state|regional|local|"
                                r"central|national|federal)\s+)?government\s+of\s+$|"
                                r"\b(?:city|municipality|province|port\s+authority)\s+of\s+$",
                                re.I)
_TWO = re.compile(r"\b(?:the\s+two\s+companies|both\s+companies|the\s+two\s+firms)\b", re.I)
_FRONTED_WITH = re.compile(r"(?:[\W\d]*\s)?with\s+(?:the\s+)?", re.I)  # "With X, it ..."
# "founded, together with X, a joint laboratory": X, named after a "with" before the trigger
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$", re.I)
# A line of a partners list, "* X — customer (since 2025)": the subject's, though the line
# does not name it
_LIST_LINE = re.compile(T.BULLET + r"?\s*[A-Z][^\n–—]{0,60}?\s" + T.DASH + r"\s")
# "licensed TRY-114 from X", "licensed its antibody platform to X"
_FROM_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:from|to)\s+")
_BARE_AGREEMENT = re.compile(r"(?:distribution|reseller|licen[cs]ing|co-?development|joint\s+"
                             r"development)\s+(?:agreement|deal|contract)", re.I)
# "Culverhay, which also supplies": the doer of a relative clause, named before it
_RELATIVE_DOER = re.compile(r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*),\s+(?:which|who)\s+"
                            r"(?:also\s+|now\s+|still\s+)?$")
_APPOSITION_GAP = re.compile(r"(?:\s+Company)?,\s+(?:a|an|the|one)\s[^,;]{1,80},\s*(?:has\s+|have\s+|"
                            r"had\s+|also\s+)?")
_JOINS = re.compile(r"\s+(?:joins|joined|will\s+join)\b")
_SIGNED_ON = re.compile(r"\s+signed\s+(?:on|up)\s+")
# "a Swedish smelter": a nationality's adjective before a common noun
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ish|ian|ese|an|ic|i)")
_LOWER_NOUN = re.compile(r"\s+(?!(?:in|on|at|of|to|for|by|with|from|and|or)\b)[a-z]")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.I)
# a name alone, as the head of an entry: "• Kalverstrand Logistics."
_ENTRY_HEAD = re.compile(T.BULLET + r"?[ \t]*[A-Z][^.\n]*\.")
# "from X under a long-term supply agreement": X is the other party (not a place: "in
# Central Europe under a partnership")
_UNDER_A = re.compile(r"\s+under\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?")
# an agreement by which one party funds the other
_FUNDING_AGREEMENT = re.compile(r"\b(?:subscription|investment|share\s+purchase|placing|loan|"
                                r"security|credit|business\s+combination|merger)\s+$", re.I)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|across|throughout)\s+(?:the\s+)?$")
# "a manufacturing contract under which X will produce": X
_UNDER_WHICH = re.compile(r"\s+under\s+which\s+(?:the\s+)?")


def partners_in(s: Sentence, previous: Sentence | None) -> list[Proposal]:
    if not s.find(T.PARTNER) or s.find(T.ENDED) or (s.find(T.FORWARD)
                                  and not s.find(T.ANNOUNCED_PLAN) and not _signed_before(s)):
        return []
    head = _entry_head(s, previous)
    if not about_subject(s) and not _LIST_LINE.match(s.text) and head is None:
        return []
    text = s.doc.text
    # an entry's relation is its head's, and its quote starts at the head
    quote_start = previous.start if head is not None else s.start
    out, taken = [], set()
    for m in s.finditer(T.PARTNER):
        kind = m.lastgroup.replace("_", "-")
        if kind == "agreement" and _FUNDING_AGREEMENT.search(text, max(s.start, m.start() - 30),
                                                            m.start()):
            continue  # "a subscription agreement with X": X invests (rounds.py)
        if kind == "listed":  # "partners and customers such as A, B and C"
            orgs = list_after(s, m.end(), s.end)
        else:
            if head is None and _BARE_AGREEMENT.fullmatch(text, m.start(), m.end()):
                continue  # "a distribution agreement" naming no party: only an entry's
            org = head or _partner_of(s, m)
            if org is None and _TWO.search(s.text):
                org = _named_before(s, m.start(), previous)
            # "with A, B and C": every organization of the list; "A, B and C as partners"
            orgs = [org, *_listed_after(s, org)] if org is not None else []
            if org is not None and head is None and org.end <= m.start():
                # (not a place after "in": "And in Malaysia, X will resell")
                orgs = [o for o in list_before(s, s.start, org.end)
                        if not T.PREPOSITION_BEFORE.search(text, max(s.start, o.start - 12),
                                                           o.start)] or orgs
        lo, hi = _clause(s, m.start())
        if T.DATED_LINE.match(s.text):
            lo = s.start  # "2025 (Sep) — X signed as customer": the line's date is X's
        date = None if kind == "listed" else \
            date_near(s, m.start(), since_ok=True, lo=lo, hi=hi, heading=True)
        for org in orgs:
            if org.name in taken:
                continue
            taken.add(org.name)
            name = _government_of(org, s)
            out.append(Proposal("partners", {"name": name if name != org.name else plain_name(
                _other_party(name, s), text), "date": date,
                                             "kind": kind},
                                text[quote_start:s.end], quote_start, s.end,
                                f"partners: {kind} ({text[m.start():m.end()]!r})" +
                                (" in the entry headed by its name" if head else "")))
    return out


def _entry_head(s: Sentence, previous: Sentence | None):
    """"• Kalverstrand Logistics. The Venlo-based group has placed an order for 120
    robots.": an entry of a list headed by a name alone, on the sentence's own line; the
    relation it tells is with that name (the head's mention), else None."""
    if previous is None or len(previous.text) > 90:
        return None
    text = s.doc.text
    if "\n" in text[previous.start:s.start] or not _ENTRY_HEAD.fullmatch(previous.text):
        return None
    names = previous.orgs()
    # the whole line's text, of two words at least (not a heading: "Partners.")
    if len(names) != 1 or names[0].end != previous.end - 1 or \
            names[0].start - previous.start > 3 or " " not in names[0].name or \
            s.doc.is_authority(names[0].name):
        return None
    return names[0]


def _government_of(org, s: Sentence) -> str:
    """"the municipal government of Shanghai", "the city of Hallevik": the government, not
    the place (nor a name of the document that starts with the place's)."""
    m = _GOVERNMENT_BEFORE.search(s.doc.text, max(s.start, org.start - 40), org.start)
    return s.doc.text[m.start():org.end] if m else org.name


def _other_party(name: str, s: Sentence) -> str:
    """"the MIT-SenseTime Alliance", "the CUHK-SenseTime Joint Lab" in a document about
    SenseTime: the other party of a joint body named after both, MIT, CUHK."""
    m = _JOINT_NAME.match(name)
    if m is None:
        return name
    if s.doc.is_subject(m["b"]):
        return m["a"]
    return m["b"] if s.doc.is_subject(m["a"]) else name


def _signed_before(s: Sentence) -> bool:
    """A relation signed, whose plan comes after it ("signed a licensing agreement with X,
    which will use our process"): the plan is the partner's, the signing is news."""
    f = s.find(T.FORWARD)
    return bool(_PAST_SIGNING.search(s.text, 0, f.start()))


def _named_before(s: Sentence, pos: int, previous: Sentence | None):
    """"the two companies": the other one named before in the sentence, else the last
    named in the sentence before ("the Rotterdam plant" names a place, not a company)."""
    before = [n for n in s.orgs(s.start, pos) if not _attributive(n, s.doc.text)]
    if before:
        return before[-1]
    others = [n for n in previous.orgs() if not _attributive(n, s.doc.text)] if previous else []
    return others[-1] if others else None


def _attributive(n, text: str) -> bool:
    """"the Rotterdam plant": one capitalised word between "the" and a lower-case noun."""
    return " " not in n.name and text[max(0, n.start - 4):n.start].lower() == "the " and \
        bool(re.match(r" [a-z]", text[n.end:n.end + 2]))


def _listed_after(s: Sentence, first):
    """The organizations listed after `first` ("with A, B and C")."""
    rest = list_after(s, first.start, s.end)
    return rest[1:] if rest and rest[0] == first else []


def _clause(s: Sentence, pos: int) -> tuple[int, int]:
    """The clause around `pos`: a date in another clause is another fact's."""
    start, end = s.start, s.end
    for b in s.finditer(T.CLAUSE_BREAK):
        if b.end() <= pos:
            start = b.end()
        elif b.start() > pos:
            end = b.start()
            break
    return start, end


def _adjective(n, text: str) -> bool:
    """A lone capitalised word describing the name after it ("Swiss retailer X") or the
    noun after it ("a Swedish smelter")."""
    return " " not in n.name and not n.name.isupper() and (
        bool(_DESCRIPTOR_WORD.match(text, n.end)) or
        (bool(_NATIONALITY.fullmatch(n.name)) and bool(_LOWER_NOUN.match(text, n.end)) and
         bool(_ARTICLE_BEFORE.search(text, max(0, n.start - 6), n.start))))


def _subject_next(s: Sentence, pos: int, owns: bool = False) -> bool:
    """The subject's name is the next word after `pos` ("run ... on Sutrakar"); with
    `owns`, in the possessive ("to license Veyrant's models"): what the trigger is about
    is the subject's, so the partner is the doer before it."""
    text = s.doc.text
    form = s.doc.subject_in(pos, min(s.end, pos + (25 if owns else 40)))
    if form is None:
        return False
    i = text.find(form, pos)
    return not text[pos:i].strip() and \
        (not owns or text.startswith(("'s", "’s"), i + len(form)))


def _partner_of(s: Sentence, m: re.Match):
    """The organization a trigger is about: the name that contains it ("the X Alliance"),
    else the first after a "with" that follows it, else the closest one."""
    text = s.doc.text
    orgs = [n for n in s.orgs() if not s.doc.is_authority(n.name) and not _adjective(n, text)]
    for n in orgs:
        # "the X Alliance" (not "Memorandum of ..." opening a line, nor an agreement's
        # title: "Loan and Security Agreement")
        if n.start < m.start() < n.end and not _LAB_NAME.search(n.name) and \
                not n.name.endswith(("Agreement", "Contract", "Memorandum")):
            return n
    trigger = text[m.start():m.end()]
    if trigger.endswith(("is", "was")):  # "its main customer is X"
        after = [n for n in orgs if n.start >= m.end()]
        return after[0] if after and after[0].start - m.end() < 60 else None
    if (trigger.endswith((" to", " of", " from", " at")) and not trigger.startswith("switched")) \
            or trigger.lower().startswith(("freight", "contractor", "subcontractor")):
        # "a supplier to X", "supplies drones to the operator X", "a contract from X",
        # "went live at X", "freight forwarder for X"
        if (doer := _RELATIVE_DOER.search(text, max(s.start, m.start() - 60), m.start())) \
                and not s.doc.is_subject(doer["name"]):
            return None  # "Culverhay, which also supplies reagents to X": Culverhay's customer
        after = [n for n in orgs if n.start >= m.end()]
        if not after or _APPOSITION.search(text, s.start, m.start()):
            return None  # "Leon, a major supplier of ... in Xinjiang": Leon supplies
        if _SHORT_GAP.fullmatch(text, m.end(), after[0].start):
            return after[0]
        # "a supplier of several truck makers, including X"
        first = _first_example(after, text, m.end())
        if first is not None:
            return first
        return None
    if trigger.lower().startswith("licen") and (f := _FROM_AFTER.match(text, m.end())):
        # "licensed TRY-114 from Y" (or "its platform to Y"): Y is the other party
        after = [n for n in orgs if n.start >= f.end()]
        if after and after[0].start - f.end() < 40:
            return after[0]
    if _UNDER_WHICH.match(text, m.end()):
        after = [n for n in orgs if n.start >= m.end()]
        if after and after[0].start - m.end() < 80:
            return after[0]
    if trigger.lower().startswith("signed") and trigger.lower().endswith(("customer", "client")) \
            and not trigger.lower().startswith(("signed on", "signed up")):
        # "signed its first customer in the United States, X": the first name after it
        # that is no place ("in the United States")
        after = [n for n in orgs if n.start >= m.end() and not T.PREPOSITION_BEFORE.search(
            text, max(s.start, n.start - 12), n.start)]
        return after[0] if after and after[0].start - m.end() < 60 else None
    if trigger.lower().startswith(("tapped", "our ", "its ", "their ", "powers")) or \
            trigger.lower() in ("supply", "supplies", "supplied") or \
            trigger.endswith(("used by", "adopted by", "contract by")):
        # "tapped X to supply", "our implementation partner, X", "is used by X", "was
        # awarded a contract by X", "<subject> powers X's app", "supplies X's factories": X
        # (not a person joining a board: "Our partner Jonas Rüegsegger joins its board")
        after = [n for n in orgs if n.start >= m.end()]
        return after[0] if after and after[0].start - m.end() < 6 and \
            not _JOINS.match(text, after[0].end) else None
    if m.lastgroup == "supplier" and trigger.endswith((" with", " by", " on")):
        # "equipped by X and Y's chips": X (and the list after it), the makers
        after = [n for n in orgs if n.start >= m.end()]
        return after[0] if after and after[0].start - m.end() < 40 else None
    low = trigger.lower()
    if low.startswith(("resel", "resol", "distribut", "has deployed", "have deployed",
                       "awarded")) or low == "integrated":
        # X, the doer named before, when what it acts on is the subject's: "X will resell
        # <subject>'s software", "X integrated <subject>'s API", "X awarded <subject> a
        # contract", "X has deployed twelve <subject> robots" (the subject a few words on)
        if low.startswith(("has", "have")):
            acts_on_subject = s.doc.subject_in(m.end(), min(s.end, m.end() + 40)) is not None
        else:
            acts_on_subject = _subject_next(s, m.end(), owns=not low.startswith("awarded"))
        doers = [n for n in orgs if n.end <= m.start() and not s.doc.is_subject(n.name)]
        return doers[-1] if acts_on_subject and doers else None
    if trigger.lower().startswith(("run", "ran", "chose", "selected", "picked", "switched")):
        # "X has run its stores on <subject>", "X chose <subject>", "X switched its
        # yards to <subject>": X, the doer, when the subject follows
        if not _subject_next(s, m.end()):
            return None
        doers = [n for n in orgs if n.end <= m.start() and not s.doc.is_subject(n.name)
                 and not T.PREPOSITION_BEFORE.search(text, max(s.start, n.start - 12), n.start)]
        return doers[0] if doers else None
    if trigger.lower().startswith("plug"):  # "we plug into X's platform": X
        after = [n for n in orgs if n.start >= m.end()]
        return after[0] if after and after[0].start - m.end() < 6 else None
    if trigger.lower().startswith("use") or trigger.lower().endswith("offering"):
        # "X uses <subject>'s software": X, its doer (not "a professor at Y"); "X uses Y's
        # chips" is Y's customer, not the subject's; "X began offering <subject> Sleep"
        if not (_subject_next(s, m.end(), owns=trigger.lower().startswith("use")) or
                (trigger.lower().startswith("use") and _subject_next(s, m.end()))):
            return None
        doers = [n for n in orgs if n.end <= m.start() and not s.doc.is_subject(n.name)
                 and not T.PREPOSITION_BEFORE.search(text, max(s.start, n.start - 12), n.start)]
        return doers[0] if doers else None
    if _subject_next(s, m.end(), owns=True):  # "X has signed an agreement to license <subject>'s models"
        before = [n for n in orgs if n.end <= m.start() and not s.doc.is_subject(n.name)]
        if before:
            return before[0]
    signed = [n for n in orgs if n.end <= m.start() and _SIGNED.search(text, s.start, n.start)]
    if signed:  # "signed (up) X as a customer": the object of the signing
        return signed[-1]
    w = _WITH.search(text, m.start(), s.end)
    if w:
        after = [n for n in orgs if n.start >= w.end()]
        if after and after[0].start - w.end() < 40:
            return after[0]
        # "with several state-owned enterprises (based in Z) such as X and Y"
        first = _first_example(after, text, w.end())
        if first is not None:
            return first
    before = [n for n in orgs if n.end <= m.start()]
    if before and m.start() - before[-1].end <= 12 and \
            _WITH_BEFORE.search(text, max(s.start, before[-1].start - 20), before[-1].start):
        return before[-1]
    if w and s.doc.subject_in(w.end(), min(s.end, w.end() + 12)) and before:
        # "X, which wants ..., signed an MoU with <subject>": X; "the newspaper of Y, X,
        # signed ...": X, not the name after a preposition
        doers = [n for n in before if not T.PREPOSITION_BEFORE.search(
            text, max(s.start, n.start - 12), n.start)]
        return (doers or before)[0]
    described = next((n for n in reversed(before)
                      if _APPOSITION_GAP.fullmatch(text, n.end, m.start())), None)
    if described is not None:
        return described  # "X, one of the largest FPOs in Karnataka, has been a customer"
    if before and ((m.start() - before[-1].end <= 10 and
                    not re.search(r"[,;]", text[before[-1].end:m.start()])) or
                   _SIGNED_ON.fullmatch(text, before[-1].end, m.start())):
        # "counts X as a customer" (not "in Rotterdam, with a joint venture"), "X signed on
        # as a customer"
        return before[-1]
    if before and _UNDER_A.fullmatch(text, before[-1].end, m.start()) and \
            not _PLACE_BEFORE.search(text, max(s.start, before[-1].start - 12), before[-1].start):
        return before[-1]  # "buys cells from X under a long-term supply agreement"
    if before and text.startswith(",", before[0].end) and \
            _FRONTED_WITH.fullmatch(text, s.start, before[0].start):
        return before[0]  # "With Qualcomm, it initiated a collaboration"
    # "<subject> and X announced a collaboration", "X and <subject> signed an MoU"
    for n in before:
        lo, hi = max(s.start, n.start - 40), min(len(text), n.end + 40)
        if re.search(r"\band\b", text[lo:hi]) and s.doc.subject_in(lo, hi):
            return n
    return None


def _first_example(after: list, text: str, pos: int):
    """The first of the examples that a lead-in ("including", "such as") opens within 120
    characters after `pos`, among the names `after` it, else None."""
    for n in after:
        if n.start - pos >= 120:
            break
        if LEAD_IN.search(text, pos, n.start):
            return n
    return None


def without_ended(out: list[Proposal], sentences: list[Sentence]) -> list[Proposal]:
    """A partnership the document says later ended ("Distribution agreement with X
    terminated by mutual consent") is no current one: X's other partner proposals go."""
    if not any(p.table == "partners" for p in out):
        return out
    ended = set()
    for s in sentences:
        m = s.find(T.ENDED)
        if m is None:
            continue
        lo, hi = s.start + m.start() - 60, s.start + m.end() + 60
        text = s.doc.text
        for n in s.orgs():
            if lo <= n.start and n.end <= hi and \
                    ";" not in text[min(n.end, s.start + m.start()):max(n.start, s.start + m.end())]:
                ended.add(plain_name(n.name, text))
    if not ended:
        return out
    return [p for p in out if not (p.table == "partners" and p.fields["name"] in ended)]
