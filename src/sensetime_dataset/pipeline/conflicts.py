"""The conflicts table: every disagreement between sources, one row per stated value.

Two kinds are listed:

- value: claims on the same field of the same row state different values (dates that
  only differ in precision, such as 2019 and 2019-10, agree and are not listed);
- name: the value is the same organization, but one claim names it by a registry
  *variant* (curation/organizations.yaml), a name that differs in substance from the
  others (plain abbreviations and legal forms are aliases, not listed).

Each row carries the quote, whether its value is the published one, and the rule that
chose it, so a reader sees both sides of a disagreement without joining tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from .claims import Claim, agrees, as_text
from .normalize import Document
from .resolve import Organization, _key
from ..published.schema import Schemas


@dataclass
class Decision:
    """How one field of one row was published: every stated value and the rule used."""
    table: str
    row_id: str
    field: str
    stated: list[tuple[Claim, object]]
    chosen: object
    rule: str | None  # None: the sources agree


def conflict_rows(decisions: list[Decision], orgs: list[Organization],
                  documents: dict[str, Document], schemas: Schemas) -> list[dict]:
    by_id = {o.organization_id: o for o in orgs}
    out = []
    for d in decisions:
        kind, rule = "value", d.rule
        if rule is None:
            rule = _name_rule(d, by_id, schemas)
            kind = "name"
        if rule is None:
            continue
        org = by_id.get(as_text(d.chosen)) if kind == "name" else None
        for claim, value in d.stated:
            stated_as = claim.stated_as.get(d.field)
            preferred = (_key(stated_as or "") == _key(org.name) if org
                         else agrees(value, d.chosen, is_date=d.field == "date"))
            out.append({
                "claim_id": claim.claim_id(d.field),
                "conflict_id": f"{d.table}/{d.row_id}/{d.field}",
                "kind": kind, "table_name": d.table, "row_id": d.row_id, "field": d.field,
                "value": as_text(value), "stated_as": stated_as,
                "source_id": claim.source_id, "source_kind": documents[claim.source_id].kind,
                "quote": claim.quote, "start": claim.start, "end": claim.end,
                "preferred": preferred, "published_value": as_text(d.chosen),
                "rule": rule, "note": claim.note or None, "reading": claim.reading or None,
            })
    return out


def _name_rule(d: Decision, by_id: dict[str, Organization], schemas: Schemas) -> str | None:
    """For an organization column whose claims agree on the organization: a rule text
    when one of them uses a registry variant beside another name, else None."""
    if d.field not in schemas.organization_fields(d.table):
        return None
    org = by_id.get(str(d.chosen))
    names = {_key(c.stated_as.get(d.field, "")) for c, _ in d.stated}
    variants = {_key(name): note for name, note in org.variants} if org else {}
    used = [note for name, note in variants.items() if name in names]
    if len(names) < 2 or not used:
        return None
    return (f"same organization in curation/organizations.yaml, published as its canonical "
            f"name {org.name!r}: " + " ".join(used))
