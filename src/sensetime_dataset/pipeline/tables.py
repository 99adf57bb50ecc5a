"""Project the claims into the published tables.

Where sources disagree on a field, the preferred value is chosen by the written rule
(curation/preference.yaml, documented in the README) and every value is kept in the
claims table.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections import defaultdict

from .claims import Claim, CuratedRow, agrees, as_text
from .conflicts import Decision, conflict_rows
from ..errors import BuildError
from .normalize import Document
from ..checkout import Project, read_yaml
from .resolve import Organization
from ..published.schema import Schemas, date_bounds, precision_of
from .readings import Anchors, ReadingCount, check_readings

log = logging.getLogger(__name__)
# Annotations of columns the build fills, not the curation.
COMPUTED = {"derived", "copiedFrom", "precisionOf", "startOf", "endOf"}


def typed(value, ftype: str, where: str):
    """A curated YAML value in the column's type (YAML reads 2017-07-11 as a date)."""
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()
    try:
        if ftype == "string":
            return str(value)
        if ftype == "number":
            number = float(value)
            if not math.isfinite(number):
                raise ValueError(value)
            return number
        if ftype == "integer":
            return int(value)
        if ftype == "boolean":
            if not isinstance(value, bool):
                raise ValueError(value)
            return value
    except (TypeError, ValueError, OverflowError):
        raise BuildError(f"{where}: {value!r} is not a {'finite number' if ftype == 'number' else ftype}") from None
    raise BuildError(f"{where}: unsupported type {ftype}")


def compatible_dates(values: set[str]) -> bool:
    """True when every partial date is a prefix of the most precise one."""
    longest = max(values, key=len)
    return all(longest.startswith(v) for v in values)


class Preference:
    """Which source wins where sources disagree: an explicit `prefer`, else source kind rank."""

    def __init__(self, project: Project, documents: dict[str, Document]):
        spec = read_yaml(project.curation_dir / "preference.yaml") or {}
        self.rank = {kind: i for i, kind in enumerate(spec.get("source_kind_order", []))}
        self.documents = documents

    def kind_rank(self, claim: Claim) -> int:
        kind = self.documents[claim.source_id].kind
        if kind not in self.rank:
            raise BuildError(f"curation/preference.yaml: source kind {kind!r} has no rank; "
                             "add it to source_kind_order")
        return self.rank[kind]

    def choose(self, stated: list[tuple[Claim, object]], where: str,
               is_date: bool = False) -> tuple[object, str | None]:
        """The value to publish, and the rule that chose it where sources disagree
        (None when they do not: one value, or partial dates that agree)."""
        values = {as_text(v) for _, v in stated}
        if len(values) == 1:
            return stated[0][1], None
        if is_date and compatible_dates(values):
            # "2019" and "2019-10" agree: publish the most precise, no disagreement.
            return max(values, key=len), None
        preferred = [(c, v) for c, v in stated if c.prefer]
        if preferred:
            chosen = {as_text(v) for _, v in preferred}
            if len(chosen) > 1:
                raise BuildError(f"{where}: claims marked prefer disagree ({sorted(chosen)}); "
                                 "mark only one value as preferred")
            claim = preferred[0][0]
            return preferred[0][1], f"rule 1 (marked prefer: true): {claim.note or 'no note'}"
        best = min(self.kind_rank(c) for c, _ in stated)
        top = [(c, v) for c, v in stated if self.kind_rank(c) == best]
        if len({as_text(v) for _, v in top}) > 1:
            raise BuildError(
                f"{where}: sources of equal standing disagree: "
                + "; ".join(f"{c.source_id} says {as_text(v)!r}" for c, v in top)
                + ". Mark the claim to publish with 'prefer: true' and say why in its note"
            )
        winner = self.documents[top[0][0].source_id].kind
        losers = sorted({self.documents[c.source_id].kind for c, _ in stated} - {winner},
                        key=lambda k: self.rank[k])
        return top[0][1], f"rule 2 (source kind): {winner} ranks above {', '.join(losers)}"


def build_tables(rows: list[CuratedRow], orgs: list[Organization], documents: list[Document],
                 schemas: Schemas, project: Project,
                 readings: ReadingCount | None = None) -> dict[str, list[dict]]:
    docs = {d.source_id: d for d in documents}
    preference = Preference(project, docs)
    tables: dict[str, list[dict]] = defaultdict(list)
    claims_out: list[dict] = []
    evidence: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    decisions: list[Decision] = []

    for row in rows:
        names = schemas.field_names(row.table)
        key = schemas.primary_key(row.table)
        computed = schemas.computed_columns(row.table)
        partial_dates = schemas.partial_date_columns(row.table)
        stated: dict[str, list[tuple[Claim, object]]] = defaultdict(list)
        for claim in row.claims:
            for fname, raw in claim.values.items():
                if fname not in names or fname == key or fname in computed:
                    curated = [n for n in names if n != key and n not in computed]
                    raise BuildError(f"{claim.where}: {fname!r} is not a curated column of "
                                     f"{row.table}; columns: {', '.join(curated)}")
                value = typed(raw, schemas.field_type(row.table, fname), f"{claim.where}, {fname}")
                schemas.check_value(row.table, fname, value, claim.where)
                if fname in partial_dates and date_bounds(value) is None:
                    raise BuildError(f"{claim.where}: {fname} = {value!r} is not a calendar "
                                     "date; write YYYY, YYYY-MM or YYYY-MM-DD of a real day")
                claim.values[fname] = value
                stated[fname].append((claim, value))
            evidence[(row.table, row.row_id)].append(claim)
        record = {name: None for name in names}
        record[key] = row.row_id
        for fname, pairs in stated.items():
            chosen, rule = preference.choose(pairs, f"{row.where}, field {fname}",
                                             is_date=fname == "date")
            record[fname] = chosen
            decisions.append(Decision(row.table, row.row_id, fname, pairs, chosen, rule))
            for claim, value in pairs:
                claims_out.append({
                    "claim_id": claim.claim_id(fname),
                    "table_name": row.table, "row_id": row.row_id, "field": fname,
                    "value": as_text(value), "stated_as": claim.stated_as.get(fname),
                    "source_id": claim.source_id, "quote": claim.quote,
                    "start": claim.start, "end": claim.end,
                    "preferred": agrees(value, chosen, is_date=fname == "date"),
                    "note": claim.note or None, "reading": claim.reading or None,
                })
        missing = [f["name"] for f in schemas.fields(row.table)
                   if f.get("constraints", {}).get("required") and record.get(f["name"]) is None
                   and not COMPUTED & set(f)]
        if missing:
            raise BuildError(f"{row.where}: no claim states {', '.join(missing)}, which every "
                             f"row of {row.table} needs (schemas/{row.table}.json); add it to "
                             "the values of the claim whose quote states it")
        tables[row.table].append(record)

    # Every value read back from its quote (after the choice: an anchor may name
    # another row's published date).
    records = {(t, r[schemas.primary_key(t)]): r for t in tables for r in tables[t]}
    count = check_readings(rows, schemas, Anchors(docs, records, rows))
    if readings is not None:
        readings.__dict__.update(count.__dict__)
    sources = {(r.table, r.row_id): {c.source_id for c in r.claims} for r in rows}
    _copy_columns(tables, schemas)

    # Dated rows of a table with a `derivedEvent` also appear in the timeline, once per
    # event: rows grouped by `groupBy` (one memorandum with three organizations) share it.
    for table in schemas.names:
        derived = schemas.derived_event(table)
        if not derived:
            continue
        key = schemas.primary_key(table)
        group_by = derived.get("groupBy")
        groups: dict[str, list[dict]] = {}
        for record in tables[table]:
            if not record.get("date"):
                continue   # an undated row has no place on a timeline
            event_id = (group_by and record.get(group_by)) or f"{derived['idPrefix']}-{record[key]}"
            groups.setdefault(event_id, []).append(record)
        for event_id, members in groups.items():
            first = members[0]
            if any((m["date"], m["description"]) != (first["date"], first["description"])
                   for m in members):
                raise BuildError(f"curation/{table}.yaml: rows {', '.join(m[key] for m in members)} "
                                 f"share the event {event_id!r} but differ in date or description; "
                                 "give them the same date and description, or separate events")
            event = {name: None for name in schemas.field_names("events")}
            event.update(event_id=event_id, date=first["date"], event_type=derived["eventType"],
                         description=first["description"])
            if len(members) == 1:
                event[derived["link"]] = first[key]
            tables["events"].append(event)
            sources[("events", event_id)] = set()
            for m in members:
                if group_by:
                    m[group_by] = event_id
                evidence[("events", event_id)] += evidence[(table, m[key])]
                sources[("events", event_id)] |= sources[(table, m[key])]

    # An organization's evidence is every quote that names it in a claim.
    mentions: dict[str, list[Claim]] = defaultdict(list)
    for row in rows:
        for claim in row.claims:
            for fname in schemas.organization_fields(row.table) & set(claim.values):
                mentions[claim.values[fname]].append(claim)
    for org in orgs:
        tables["organizations"].append({
            "organization_id": org.organization_id, "name": org.name, "kind": org.kind,
            "aliases": " | ".join(org.all_aliases) or None,
        })
        evidence[("organizations", org.organization_id)] = mentions.get(org.organization_id, [])

    tables["evidence"] = _evidence_rows(evidence)
    tables["claims"] = claims_out
    tables["conflicts"] = conflict_rows(decisions, orgs, docs, schemas)
    computed = schemas.computed_columns("sources")
    tables["sources"] = [
        {name: None if name in computed else d.columns.get(name)
         for name in schemas.field_names("sources")} for d in documents
    ]
    disputed = {(c["table_name"], c["row_id"]) for c in tables["conflicts"]}
    for table in tables:
        key = schemas.primary_key(table) if table in schemas.tables else None
        for precision, date in schemas.precision_columns(table).items():
            for record in tables[table]:
                record[precision] = precision_of(record.get(date))
        for column, (date, side) in schemas.bound_columns(table).items():
            for record in tables[table]:
                bounds = date_bounds(record.get(date))
                record[column] = bounds[side] if bounds else None
        for column, what in schemas.derived_columns(table).items():
            for record in tables[table]:
                row = (table, record[key])
                record[column] = (len(sources.get(row, ())) if what == "sourceCount"
                                  else row in disputed)
    for table in tables:
        key = schemas.primary_key(table)
        tables[table].sort(key=lambda r: r[key])
        for record in tables[table]:  # CSV cannot tell "" from null: publish null
            for name, value in record.items():
                if value == "":
                    record[name] = None
    log.info("tables: %s", ", ".join(f"{t} {len(r)}" for t, r in sorted(tables.items())))
    return dict(tables)


def _copy_columns(tables: dict[str, list[dict]], schemas: Schemas) -> None:
    """Fill `copiedFrom` columns (rounds.valuation from valuations.amount)."""
    for table in schemas.names:
        key = schemas.primary_key(table)
        for column, origin in schemas.copied_columns(table).items():
            values: dict[str, object] = {}
            for other in tables.get(origin["table"], []):
                link = other.get(origin["link"])
                if link is None:
                    continue
                if link in values:
                    raise BuildError(f"curation/{origin['table']}.yaml: two rows have "
                                     f"{origin['link']} {link!r}; {table}.{column} takes one")
                values[link] = other.get(origin["field"])
            for record in tables[table]:
                record[column] = values.get(record[key])


def _evidence_rows(evidence: dict[tuple[str, str], list[Claim]]) -> list[dict]:
    out = []
    for (table, row_id), claims in evidence.items():
        seen = set()
        for claim in claims:
            spot = (claim.source_id, claim.start, claim.end)
            if spot in seen:
                continue
            seen.add(spot)
            out.append({
                "evidence_id": f"{table}/{row_id}/{claim.source_id}/{claim.start}-{claim.end}", "table_name": table,
                "row_id": row_id, "source_id": claim.source_id, "quote": claim.quote,
                "start": claim.start, "end": claim.end,
            })
    return out
