"""Assisted extraction: proposals of quoted records from one plain-text document, for a
person to review. Rules over sentences with trigger words; see triggers.py. The readers
of values (money, dates, roles, names) are the generic ones of ..text.
"""

from __future__ import annotations

from bisect import bisect_left
from heapq import merge

from ..published.schema import date_bounds
from . import triggers as T
from .context import Document
from .events import events_in, one_founding
from . import investor_list
from .partner_list import heading_kind, is_item, list_item
from .partners import partners_in, without_ended
from .proposal import FIELDS, TABLES, Proposal
from .rounds import RELATIVE, rounds_in
from .sanctions import sanctions_in
from .tables import table_rounds

__all__ = ["FIELDS", "TABLES", "Proposal", "check_anchor", "extract"]


def check_anchor(anchor: str) -> str:
    """`anchor` if it is a date as the tables write one (YYYY, YYYY-MM or YYYY-MM-DD of a
    real day: `date_bounds`, the dataset's one reading of partial dates), else a
    ValueError that says what to write."""
    if date_bounds(anchor) is None:
        raise ValueError(f"anchor {anchor!r} is not a date: write YYYY, YYYY-MM or "
                         "YYYY-MM-DD of a real day (e.g. 2018-04-09)")
    return anchor


def extract(text: str, anchor: str | None = None) -> list[Proposal]:
    """Proposals for `text`, in document order. `anchor` (an ISO date, e.g. the
    document's publication date) resolves relative dates when the text has no dateline."""
    if anchor is not None:
        check_anchor(anchor)  # a clear ValueError now, not one from the first relative date
    doc = Document(text, anchor)
    out: list[Proposal] = []
    current_round = None
    previous = None
    list_kind = None  # the kind of the partners list whose bullet lines come next
    investors_listed = False  # the bullet lines that come next are the round's investors
    for s in doc.sentences:
        rounds, current_round = rounds_in(s, current_round)
        if investors_listed and current_round is not None and \
                not any(p.table == "investors" for p in rounds):
            rounds += investor_list.list_item(s, current_round)
        investors_listed = (s.text.endswith(":") and investor_list.heading(s)) or \
            (investors_listed and is_item(s))
        sanctions = sanctions_in(s)
        found = rounds + sanctions
        if list_kind and is_item(s):
            found += list_item(s, list_kind)
        else:
            list_kind = heading_kind(s)
            if not sanctions:
                partners = partners_in(s, previous)
                found += _not_investors(partners, rounds) if partners and rounds else partners
        found += events_in(s, bool(sanctions))
        out += found
        previous = s
    out = without_ended(_with_tables(out, table_rounds(doc)), doc.sentences)
    starts = [s.start for s in doc.sentences]
    out = [_with_status(p, doc, starts)
           for p in one_founding(_lead_over_participant(_without_headline_twins(out, doc)))]
    for p in out:
        assert p.quote == text[p.start:p.end], (p.quote, p.start, p.end)
    doc.sentences.clear()  # sentences and document refer to each other: freed now, not by gc
    return out


def _not_investors(partners: list[Proposal], rounds: list[Proposal]) -> list[Proposal]:
    """"backed by financial institutions and strategic partners including X and Y": X and
    Y, read as investors of the round, are no partners listed."""
    invested = {p.fields["name"] for p in rounds if p.table == "investors"}
    return [p for p in partners if not (p.fields["kind"] == "listed"
                                        and p.fields["name"] in invested)]


def _with_tables(out: list[Proposal], rows: list[Proposal]) -> list[Proposal]:
    """The rounds and investors of a funding table's rows (tables.py), in document order,
    instead of what the sentence rules read from the same rows."""
    if not rows:
        return out
    spans = {(p.start, p.end) for p in rows}
    inside = [p for p in out if p.table in ("rounds", "investors")
              and any(a <= p.start < b for a, b in spans)]
    return list(merge([p for p in out if p not in inside], rows, key=lambda p: p.start))


def _with_status(p: Proposal, doc: Document, starts: list[int]) -> Proposal:
    """A round's status from its sentence and the next ("The deal is subject to
    regulatory approval"): pending-closing, agreed, announced, else completed.
    `starts`: the sentences' starts, in order."""
    if p.table != "rounds":
        return p
    i = bisect_left(starts, p.end)
    following = doc.sentences[i].text if i < len(starts) else ""
    status = "completed"
    for name, pattern in T.STATUS:
        if pattern.search(p.quote) or (name == "pending-closing" and pattern.search(following)):
            status = name
            break
    if status == "announced" and T.DONE.search(p.quote):
        status = "completed"
    return Proposal(p.table, {**p.fields, "status": status}, p.quote, p.start, p.end, p.rule)


def _lead_over_participant(out: list[Proposal]) -> list[Proposal]:
    """An investor read as a participant of a round ("a seed round from X and Y") and then
    as its lead in a clause about it ("X, which led that financing") is its lead: one
    record."""
    leads = {(p.fields["round_name"], p.fields["name"]) for p in out
             if p.table == "investors" and p.fields["role"] == "lead" and RELATIVE in p.rule}
    return [p for p in out if not (p.table == "investors" and p.fields["role"] != "lead"
                                   and (p.fields["round_name"], p.fields["name"]) in leads)]


def _without_headline_twins(out: list[Proposal], doc: Document) -> list[Proposal]:
    """A headline's round stated again in the body ("X raises $40 million" and "X today
    announced a $40 million Series B") is one record: the body's, which says more."""
    starts = {p.start for p in out if p.table == "rounds"}
    if not starts:
        return out
    heads = {s.start for s in doc.sentences if s.start in starts and s.title_case}
    body = [p.fields for p in out if p.table == "rounds" and p.start not in heads]

    def twin(f: dict) -> bool:
        return any((f["round_name"] and f["round_name"] == b["round_name"]) or
                   (f["amount"] is not None and f["amount"] == b["amount"]) for b in body)
    # (a table's row is capitalised as a headline is, and says its round once)
    return [p for p in out if not (p.table == "rounds" and p.start in heads and twin(p.fields)
                                   and p.rule != "rounds: table row")]
