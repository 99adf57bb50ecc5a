"""A proposed record: a table, its fields, and the exact passage that states them."""

from __future__ import annotations

from dataclasses import dataclass

TABLES = ("rounds", "investors", "partners", "sanctions", "events")
FIELDS = {
    "rounds": ("round_name", "round_type", "date", "amount", "currency", "valuation", "status"),
    "investors": ("round_name", "name", "role"),
    "partners": ("name", "date", "kind"),
    "sanctions": ("authority", "program", "target", "date"),
    "events": ("date", "event_type", "description"),
}


@dataclass(frozen=True)
class Proposal:
    table: str
    fields: dict
    quote: str
    start: int
    end: int
    rule: str

    def as_json(self) -> dict:
        return {"table": self.table, "fields": {k: self.fields.get(k) for k in FIELDS[self.table]},
                "quote": self.quote, "start": self.start, "end": self.end, "rule": self.rule}
