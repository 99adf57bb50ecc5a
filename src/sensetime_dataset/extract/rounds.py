"""Funding rounds of the subject, and the investors of each, from one sentence."""

from __future__ import annotations

import re

from ..text import find_roles
from ..text.money import Money, find_money
from . import triggers as T
from .context import Sentence
from .dating import date_near
from .lists import LEAD_AFTER, NOUN_BEFORE, list_after, list_before, plain_name
from .proposal import Proposal

# Roles whose organizations come after the trigger ("led by X"), the others before
# ("X led the round", "X and Y also invested").
_AFTER = re.compile(r"\bby\b|from|include|including|such\s+as|alongside|along\s+with|drew|"
                    r"cornerstone\s+investors?$|"
                    r"participation|lead\s+investors?$|anchor\s+investors?$|board\s+are$|"
                    r"shares\s+to$|:$|investors?\s+(?:is|was|are|were)$", re.I)
# "announced that it has led": the pronoun is the announcer's
_SAID_IT = re.compile(r"\b(?:announced|said|confirmed|disclosed)\s+(?:today\s+)?(?:that\s+)?"
                      r"(?:it|they)\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?$", re.I)
# "Also putting money in were X and Y", "Participating were X": the doers after the verb
_INVERTED = re.compile(r"\s+(?:were|was|are|is)\s+(?!(?:not|also|led|joined|backed)\b)")
# "with A and B alongside": the list before it, when none follows
_ALONGSIDE = re.compile(r"alongside|along\s+with", re.I)
_FROM = re.compile(r"\bfrom\b", re.I)
# "X, which led that financing": a role in a relative clause after the name
RELATIVE = ", of the name before the clause"  # in the rule: it refers to a name read before
_RELATIVE_BEFORE = re.compile(r",\s*(?:which|who)\s+(?:also\s+|previously\s+)?$", re.I)
_NAMED_NEXT = re.compile(r"\s+(?:in\s+(?:a|its)\s+)?(?:Series|seed|angel)", re.I)
_INVESTOR_NOUN = re.compile(r"investors?$", re.I)  # "X was the lead investor"
# "Four cornerstone investors subscribed ...: A, B and C": the doers, unnamed before
_INVESTORS_BEFORE = re.compile(r"\b(?:investors|backers|shareholders)\s+$", re.I)
# "invested $5 million in X": the object of the investment, right after the amount
_IN_OBJECT = re.compile(r"\bin\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
_BASED = re.compile(r"^[\w-]+-based\s+")
# "A, B, and C", "A, and returning investors B": one list
_LIST_AND = re.compile(r",\s*and\s+" + NOUN_BEFORE + "[A-Z]")
# "Tallis' Series A investors, X and Y, ...", "Series E lead X": the round names an
# investor's past, the news is another round
_DESCRIBES_INVESTOR = re.compile(r"\s+(?:investors?|backers?|shareholders?|lead)\b")
# "X led the Series A and (also) participated in ...": a second verb of the same doer
_AND_THEN = re.compile(r"\band\s+(?:also\s+|then\s+|later\s+)?$")
# "a Series B was raised by Y", "the total raised by the startup": a passive verb's doer
# (not "raised by far the most", "raised by 20%")
_BY_AFTER = re.compile(r"\s+by\s+(?!far\b|\d)(?:the\s+|its\s+)?")
# "X is leading the E2": a tranche named alone
# "since our IPO in February 2023", "Since the listing of the shares ... on 16 January
# 2020": a listing told as done, without a verb of its own
_SINCE = re.compile(r"\b(?:since|after|following)\s+(?:the|its|our)\s+$", re.I)
# "X has made a strategic investment of ¥1.2 billion in <subject>": X, its investor
_MADE = re.compile(r"\b(?:has\s+|had\s+)?made\s+(?:an?\s+)?$", re.I)
# shares sold to the public at a price: a listing's proceeds
_PRICED = re.compile(r"\bpric(?:ed|ing)\s+(?:its|the|their)\s+(?:[\w-]+\s+)?shares\b|"
                     r"\boffer(?:ing)?\s+price\b", re.I)
# "closed its third fund at R$900 million": an investor's own fund, named before the amount
_FUND_BEFORE = re.compile(r"\bfunds?\s+(?:at|of|with)\s+(?:about\s+|nearly\s+|over\s+)?$", re.I)
# a loan or a grant is no round: "a term loan of up to $15.0 million", "a €10 million credit
# facility", "received a R12 million grant from the X Fund"
_DEBT = re.compile(r"\b(?:term\s+loan|(?:credit|loan|debt)\s+facility|venture\s+debt|"
                   r"debt\s+financing|loan\s+and\s+security|revolving\s+credit|bank\s+loan|"
                   r"grants?)\b", re.I)
# "jumped on their first day of trade after the company raised $120 million in a float"
_DEBUT = re.compile(r"\b(?:debut|first\s+day\s+of\s+(?:trade|trading)|float)\b", re.I)
_CONVERSION = re.compile(r"\s*\(\s*(?:about|around|approximately|roughly|some|nearly|~)?\s*", re.I)
_AN_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.I)
_LOWER_AFTER = re.compile(r"\s+[a-z]")
_TRANCHE_REFERENCE = re.compile(r"\b(?:the|this)\s+[A-H][1-9]\b")
UNNAMED = ""  # the round in context has no name ("X raised $50 million from Y")


def round_name(m: re.Match) -> tuple[str, str]:
    """(round_name, round_type) of a ROUND_NAME match."""
    if m["series"]:
        if m["series"][-1].isdigit():  # "series B1": a tranche
            return m["series"].upper(), "tranche"
        return f"Series {m['series'].upper()}", "series"
    if m["pre"]:
        return f"Pre-{m['pre'].upper()}", "series"
    if m["tranche"]:
        return m["tranche"].upper(), "tranche"
    if m["letter"]:
        return f"Series {m['letter'].upper()}", "series"
    if m["seed"]:
        return "Seed", "other"
    if m["angel"]:
        return "Angel", "other"
    if m["strategic"]:
        return "Strategic", "strategic"
    return "IPO", "ipo"


def _is_total(s: Sentence, m: Money, moneys: list[Money]) -> bool:
    """A sum of rounds: a total word in the money's own clause (between the previous and
    the next amount), unless a round name directly follows ("a $300 million Series E")."""
    text = s.doc.text
    if T.ROUND_NAME.match(text, m.end + 1) or _NAMED_NEXT.match(text, m.end):
        return False
    i = moneys.index(m)
    lo = moneys[i - 1].end if i else s.start
    hi = moneys[i + 1].start if i + 1 < len(moneys) else s.end
    before = text[lo:m.start]
    before = before[before.lower().rfind("including") + 1:] if "including" in before.lower() \
        else before
    return bool(T.TOTAL.search(before[-60:]) or T.TOTAL.search(text[m.end:min(hi, m.end + 80)]))


def _amounts(s: Sentence) -> tuple[list[Money], list[Money]]:
    """The sentence's round amounts and valuations (prices per share, totals, and the
    size of an investor's own fund left out)."""
    text = s.doc.text
    # (not a share's price: "the shares closed at $1.18"; no round is that small; nor a
    # conversion in brackets after the amount: "320 million pesos (about $16.5 million)")
    moneys = [m for m in s.money if m.currency and not m.per and m.amount >= 10000]
    moneys = [m for i, m in enumerate(moneys)
              if not (i and _CONVERSION.fullmatch(text, moneys[i - 1].end, m.start))]
    amounts, valuations = [], []
    for m in moneys:
        if T.VALUATION.search(text[max(s.start, m.start - 70):m.start]):
            valuations.append(m)
        elif T.FUND.match(text, m.end) or _is_total(s, m, moneys) or \
                _FUND_BEFORE.search(text, max(s.start, m.start - 30), m.start):
            continue
        else:
            amounts.append(m)
    return amounts, valuations


def _actor_is_other(s: Sentence, verb_start: int, verb_end: int) -> bool:
    """True when the clause's doer, the closest organization or pronoun before the verb,
    is another company ("rival X raised", "Y closed its fund"). An aside between commas
    ("X, the London start-up, has raised", "X, which was founded by Y, raised") is not
    the doer; "X's Series D ... closed" is X's. A passive verb's doer follows "by" ("the
    total raised by the startup"): another company only if one is named there."""
    text = s.doc.text
    if (by := _BY_AFTER.match(text, verb_end)) is not None:
        after = next((n for n in s.names if n.start >= by.end()), None)
        return after is not None and after.start == by.end() and \
            not s.doc.is_subject(_owner(after.name))
    asides = [(m.start(), m.end()) for m in T.ASIDE.finditer(text, s.start, verb_start)]

    def aside(pos: int) -> bool:
        return any(a <= pos < b for a, b in asides)

    clause_start = s.start
    for b in s.finditer(T.CLAUSE_BREAK, s.start, verb_start):
        if not aside(b.start()):
            clause_start = b.end()
    best = None  # (position, is_subject)
    for n in s.names:
        if clause_start <= n.start and n.end <= verb_start and not aside(n.start) \
                and not T.PREPOSITION_BEFORE.search(text[max(s.start, n.start - 12):n.start]) \
                and not (_AN_BEFORE.search(text, max(s.start, n.start - 4), n.start)
                         and _LOWER_AFTER.match(text, n.end)):  # "a Guadalajara platform"
            owner = _owner(n.name)
            # "Brightwave AI's Series D" in a document about "Brightwave"
            subject = s.doc.is_subject(owner) or owner.split(" ")[0] in s.doc.subject_forms
            best = max(best or (-1, True), (n.start, subject))
    for p in s.finditer(T.SUBJECT_REF, clause_start, verb_start):
        # ("X, which closed its third fund": "which" is X, named before it)
        if not aside(p.start()) and text[p.start():p.end()].lower() not in ("which", "who"):
            best = max(best or (-1, True), (p.start(), True))
    if s.search(T.OTHER_ACTOR, clause_start, verb_start):
        return True
    return best is not None and not best[1]


def _invested_in_subject(s: Sentence, verb) -> bool:
    """"X has made a strategic investment of ¥1.2 billion in <subject>": the doer of an
    investment is its investor, and the round the subject's."""
    if not s.doc.text.startswith("investment", verb.start()):
        return False
    after = next((n for n in s.names if n.start >= verb.end()), None)
    return after is not None and s.doc.is_subject(after.name) and \
        bool(_IN_OBJECT.search(s.doc.text, verb.end(), after.start))


def _owner(name: str) -> str:
    """The organization a name stands for as a doer: "X's Series D" and "London-based X"
    are X."""
    return _BASED.sub("", re.split(r"['’]s\b", name, maxsplit=1)[0])


def rounds_in(s: Sentence, last_round: str | None) -> tuple[list[Proposal], str | None]:
    """Round and investor proposals of one sentence, and the round it is about (for the
    investors of the next sentences, "the round was led by ...")."""
    text = s.doc.text
    names = [m for m in s.finditer(T.ROUND_NAME)
             if not T.BACKED_BEFORE.search(text, max(s.start, m.start() - 60), m.start())
             and not _DESCRIBES_INVESTOR.match(text, m.end())]
    verb = s.search(T.FUNDING_VERB)
    invest = s.search(T.INVEST_IN) if not names and s.has(T.INVEST_IN) else None
    if not names and s.has(T.SHARES_TO) and (placed := _shares_placed(s)):
        return placed, UNNAMED  # a placing: new shares issued to an investor
    if not (names or verb or invest) and last_round is None:
        # roles alone read investors of a round in context, and there is none
        return [], last_round
    roles = find_roles(s.text) if s.has(T.ROLES) else []
    if not (names or verb or roles or invest) or _forward(s):
        return [], last_round
    out = []
    # Without a round named, a funding verb or an investment, amounts are read only by
    # the valuation of the round in context, which a round reference introduces.
    amounts, valuations = _amounts(s) if names or verb or invest or s.find(T.ROUND_REFERENCE) \
        else ([], [])
    other_actor = bool(verb) and _actor_is_other(s, verb.start(), verb.end()) and \
        not _invested_in_subject(s, verb)
    current = last_round
    seen = set()
    for m in names:
        name, kind = round_name(m)
        if name in seen:
            continue
        made = kind == "strategic" and _MADE.search(text, max(s.start, m.start() - 16), m.start())
        if not (verb or roles or made or any(abs(a.start - m.start()) < 60 for a in amounts)
                or (kind == "ipo" and _SINCE.search(text, max(s.start, m.start() - 12),
                                                    m.start()))):
            continue
        if other_actor:
            continue
        seen.add(name)
        amount = min(amounts, key=lambda a: abs(a.start - m.start()), default=None)
        if amount is not None and len(names) > 1:
            # with several rounds named, an amount goes to the round named closest to it
            closest = min(names, key=lambda n: abs(n.start() - amount.start))
            if round_name(closest)[0] != name:
                amount = None
        valuation = min(valuations, key=lambda a: abs(a.start - m.start()), default=None)
        # "filed for an IPO in August and listed on 3 November": the listing's date;
        # "have been listed ... since 8 July 2021": listed that day
        date = date_near(s, verb.start() if kind == "ipo" and verb else m.start(),
                         since_ok=kind == "ipo")
        out.append(_round(s, name, kind, date, amount, valuation, "round name + " +
                          ("funding verb" if verb else "investor role" if roles else
                           "'made'" if made else "amount")))
        current = name
        if made and not roles and \
                (investor := _investor_doing(s, made.start(), m.end())) is not None:
            out.append(Proposal("investors", {"round_name": name,
                                              "name": plain_name(investor.name, text),
                                              "role": "participant"}, s.text, s.start, s.end,
                                "investors: participant (it made the investment)"))
    if not names and amounts and verb and not other_actor \
            and s.mentions_subject(s.start, verb.start()) and not _DEBT.search(s.text):
        a = amounts[0]
        # "raised $620 million at a valuation of $4.5 billion": the valuation right after
        # the amount (one before it, "is valued at $7.5 billion, having raised ...", is
        # the company's value since)
        valuation = next((v for v in valuations if 0 < v.start - a.end <= 40), None)
        # "raised HK$2.3 billion after pricing its shares at", "went public on the Tokyo
        # Stock Exchange on 20 March, raising ¥6.2 billion"
        if _PRICED.search(s.text) or T.LISTED.search(text, s.start, s.end) or \
                _DEBUT.search(s.text):
            out.append(_round(s, "IPO", "ipo", date_near(s, a.start), a, valuation,
                              "funding verb + amount + a listing (shares priced, listed, "
                              "a debut or float)"))
            current = "IPO"
        else:
            out.append(_round(s, None, "other", date_near(s, a.start), a, valuation,
                              "funding verb + amount, no round name"))
            current = UNNAMED
    if invest and not out and amounts:
        investor = _investor_doing(s, invest.start(), invest.end())
        if investor is not None:
            a = amounts[0]
            out.append(_round(s, None, "strategic" if invest["stake"] else "other",
                              date_near(s, a.start), a, valuations[0] if valuations else None,
                              "investor invests + amount"))
            out.append(Proposal("investors", {"round_name": None,
                                              "name": plain_name(investor.name, text),
                                              "role": "participant"}, s.text, s.start, s.end,
                                "investors: participant (the investor invests)"))
            return out, UNNAMED
    if not names and valuations and current is not None and s.find(T.ROUND_REFERENCE) \
            and not amounts and not s.dates and not s.find(T.PREVIOUS):
        v = valuations[0]
        out.append(_round(s, current or None, None, None, None, v,
                          "valuation of the round in context"))
    follow_up = bool(names) or s.find(T.ROUND_REFERENCE) or \
        s.find(T.INVESTOR_FOLLOW_UP) or _TRANCHE_REFERENCE.search(s.text)
    if current is not None and follow_up and not other_actor \
            and not _is_sum_sentence(s, roles):
        named = [(m.start(), round_name(m)[0]) for m in names] if len(seen) > 1 else []
        out += _investors(s, current, roles, any(p.table == "rounds" for p in out), named)
    return out, current


def _shares_placed(s: Sentence) -> list[Proposal] | None:
    """New shares of the subject issued to one investor ("the Company allotted and issued
    80,000,000 new shares to X", "entered into a subscription agreement with X"): a
    strategic round and X, its investor. Its amount is the gross proceeds, when the next
    sentence states them (the quote then spans both)."""
    text = s.doc.text
    m = s.search(T.SHARES_TO)
    if m is None or not s.mentions_subject(s.start, m.start()):
        return None
    after = [n for n in s.orgs(m.end(), s.end) if not s.doc.is_subject(n.name)]
    if not after or after[0].start - m.end() > 6:
        return None
    amount, end = None, s.end
    proceeds = T.PROCEEDS.match(text, s.end)
    money = find_money(text[proceeds.end():proceeds.end() + 40]) if proceeds else []
    if money and money[0].start == 0 and money[0].currency:
        amount, end = money[0], proceeds.end() + money[0].end
    quote = text[s.start:end]
    rule = f"rounds: shares issued to an investor ({text[m.start():m.end()]!r})"
    fields = {"round_name": None, "round_type": "strategic", "date": date_near(s, m.start()),
              "amount": amount.amount if amount else None,
              "currency": amount.currency if amount else None, "valuation": None,
              "status": "completed"}
    return [Proposal("rounds", fields, quote, s.start, end, rule),
            Proposal("investors", {"round_name": None, "name": plain_name(after[0].name, text),
                                   "role": "participant"}, quote, s.start, end,
                     "investors: participant (shares issued to it)")]


def _forward(s: Sentence) -> bool:
    """A plan, not a round: "filed for an IPO" too, unless the listing followed ("filed
    for an IPO in August and listed on 3 November, raising ..."), or the plan is told in a
    clause after a semicolon that follows the round's verb."""
    m = s.search(T.FORWARD)
    if m is None:
        return False
    if s.doc.text[m.start():m.start() + 4].lower() == "file":
        return not T.LISTED.search(s.doc.text, m.end(), s.end)
    # "raised €60 million in a Series B in 2023; it said in June it aims to raise a larger
    # round": the plan is the next clause's, the round before it done
    semi = s.doc.text.rfind(";", s.start, m.start())
    return semi < 0 or s.search(T.FUNDING_VERB, s.start, semi) is None


def _investor_doing(s: Sentence, a: int, b: int):
    """The organization that invests (the verb at [a, b)): the closest one before the
    verb in its clause, when what it invests in is the subject ("in the company", "in
    <subject>", or no object in a sentence about the subject)."""
    text = s.doc.text
    clause_start = s.start
    for br in s.finditer(T.CLAUSE_BREAK, s.start, a):
        clause_start = br.end()
    before = [n for n in s.orgs(clause_start, a) if not s.doc.is_authority(n.name)
              and not T.PREPOSITION_BEFORE.search(text[max(s.start, n.start - 12):n.start])]
    if not before or a - before[-1].end > 30:
        return None
    after = next((n for n in s.names if b <= n.start < s.end), None)
    if after is not None and _IN_OBJECT.search(text, b, after.start) \
            and not s.doc.is_subject(after.name):
        return None  # it invests in another company
    return before[-1] if s.mentions_subject() else None


def _is_sum_sentence(s: Sentence, roles) -> bool:
    """A sentence about a total raised from investors names no investor of one round,
    unless its investors come before the total ("X and Y were among the investors in the
    latest financing, bringing the total raised to $1.2 billion")."""
    total = s.find(T.TOTAL)
    return bool(total) and not s.find(T.ROUND_NAME) and \
        not any(r.end <= total.start() for r in roles)


def _round(s: Sentence, name, kind, date, amount: Money | None, valuation: Money | None,
           rule: str) -> Proposal:
    fields = {"round_name": name, "round_type": kind, "date": date,
              "amount": amount.amount if amount else None,
              "currency": amount.currency if amount else (valuation.currency if valuation
                                                          and not amount else None),
              "valuation": valuation.amount if valuation else None, "status": "completed"}
    return Proposal("rounds", fields, s.text, s.start, s.end, f"rounds: {rule}")


def _investors(s: Sentence, round_name_: str, roles, named_here: bool,
               named: list[tuple[int, str]] = ()) -> list[Proposal]:
    """Investors listed around each role trigger; with no trigger, in a sentence naming
    the round, the organizations after "from" ("an investment of $50 million from X").
    In a sentence naming several rounds (`named`: their starts and names), a doer's role
    is in the round named right after it ("X led the Series A and participated in the
    Series B"), and a role whose doer is not written shares the one before it."""
    text = s.doc.text
    breaks = {b.start() for b in s.finditer(T.CLAUSE_BREAK)
              if not _LIST_AND.match(text, b.start())}
    cuts = sorted({s.start, s.end} | breaks | {r.start + s.start for r in roles}
                  | {r.end + s.start for r in roles})
    found = []
    previous_doers: list = []
    for r in roles:
        a, b = r.start + s.start, r.end + s.start
        if (_AFTER.search(text[a:b]) and not (_INVESTOR_NOUN.search(text[a:b]) and
                                              T.ROLE_AFTER_NAME.search(text, s.start, a))) \
                or _INVERTED.match(text, b) or text.startswith(":", b - 1) or \
                text.startswith(":", b):  # a label: "Investors: X", "Co-investors: X, Y"
            hi = min([c for c in cuts if c > b] + [s.end])
            listed = list_after(s, b, hi)
            if not listed:
                listed = _listed_after_colon(s, b)  # "Cornerstone investors took ...: A, B"
            if not listed and _ALONGSIDE.fullmatch(text, a, b):
                lo = max([c for c in cuts if c < a] + [s.start])
                listed = list_before(s, lo, a)
            found += [(r.role, text[a:b], n, i == 0, False, None)
                      for i, n in enumerate(listed)]
        else:
            lo = max([c for c in cuts if c < a] + [s.start])
            listed = list_before(s, lo, a)
            if not listed and (aside := _aside_before(s, a)) is not None and \
                    not any(aside <= s.start + q.start < a for q in roles):
                # "X, which had provided the Series A in 2023, put in more money": X, the
                # name before the aside that ends right before the role (an aside with a
                # role of its own, "X, the round's lead, wrote ...", has its reading)
                listed = list_before(s, max([c for c in cuts if c < aside] + [s.start]),
                                     aside)[-1:]
            if not listed and _RELATIVE_BEFORE.search(text, lo, a):
                # "X, which led that financing, ...": the name before the relative clause
                listed = list_before(s, max([c for c in cuts if c < lo] + [s.start]), lo)[-1:]
                found += [(r.role, text[a:b] + RELATIVE, n, False, True, None) for n in listed]
                continue
            if not listed and (said := _SAID_IT.search(text, lo, a)):
                # "X, a venture firm, announced that it has led ...": X, the announcer
                # (not the subject, which the round is in)
                dateline = s.doc.dateline_span
                listed = [n for n in s.orgs(s.start, said.start())
                          if not s.doc.is_subject(n.name)
                          and not (dateline and n.start < dateline[1])  # its place
                          and not T.PREPOSITION_BEFORE.search(text, max(s.start, n.start - 12),
                                                               n.start)][:1]
            if not listed and _INVESTORS_BEFORE.search(text, lo, a):
                # "Four cornerstone investors subscribed for 45 per cent of the shares on
                # offer: A, B, C and D"
                listed = _listed_after_colon(s, b)
            if named and not listed and previous_doers and _AND_THEN.search(text, lo, a):
                listed = previous_doers  # "X led the Series A and participated in ..."
            previous_doers = listed
            object_ = _round_after(text, b, named) if named else None
            found += [(r.role, text[a:b], n, False, True, object_) for n in listed]
    if not roles and named_here:
        for f in _FROM.finditer(text, s.start, s.end):
            hi = min([c for c in cuts if c > f.end()] + [s.end])
            found += [("participant", "from", n, True, False, None)
                      for n in list_after(s, f.end(), hi)]
    # A name read by two triggers ("led by A, B followed the investment", "led by A, and
    # B and C all chipped in"): the first after a trigger is that trigger's, any other
    # the later trigger's; a name that does the leading ("a Series C that X led", "X, which led that financing") is a
    # lead though a participant trigger read it first ("investors, including ...")
    chosen = {}
    for role, trigger, n, first, doer, object_ in found:
        round_ = object_ or round_name_  # the round the role names, else the one in context
        key = (n.start, round_)
        if key not in chosen or not chosen[key][3] or \
                (doer and role == "lead" and chosen[key][0] != "lead"):
            chosen[key] = (role, trigger, n, first, round_)
    found = [("lead" if LEAD_AFTER.match(text, n.end) else role, trigger, n, round_)
             for role, trigger, n, _, round_ in sorted(chosen.values(),
                                                        key=lambda f: f[2].start)]
    return [Proposal("investors", {"round_name": round_ or None,
                                   "name": plain_name(n.name, text),
                                   "role": role},
                     s.text, s.start, s.end, f"investors: {role} ({trigger!r})")
            for role, trigger, n, round_ in found]


def _listed_after_colon(s: Sentence, pos: int) -> list:
    """The organizations listed after a colon within 80 characters after `pos`, else []."""
    colon = s.doc.text.find(":", pos, min(s.end, pos + 80))
    return list_after(s, colon + 1, s.end) if colon >= 0 else []


def _aside_before(s: Sentence, pos: int) -> int | None:
    """The start of an aside between commas that ends right before `pos`, else None."""
    text = s.doc.text
    for m in T.ASIDE.finditer(text, max(s.start, pos - 100), pos):
        if not text[m.end():pos].strip():
            return m.start()
    return None


def _round_after(text: str, pos: int, named: list[tuple[int, str]]) -> str | None:
    """The round named within a few words after `pos`, in the same clause ("led
    SenseTime's series A", "participated in the Series B"), else None."""
    for start, name in named:
        if 0 <= start - pos <= 40 and not any(c in text[pos:start] for c in ",;"):
            return name
    return None
