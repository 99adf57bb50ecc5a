"""The README's data dictionary, rendered from schemas/ (never written by hand)."""

from __future__ import annotations

from pathlib import Path

from ..published.schema import Schemas

BEGIN = "<!-- data-dictionary:begin (generated from schemas/ by `sensetime-dataset dictionary`) -->"
END = "<!-- data-dictionary:end -->"


def _constraints(field: dict) -> str:
    c = field.get("constraints", {})
    parts = []
    if c.get("required"):
        parts.append("required")
    if c.get("unique"):
        parts.append("unique")
    if "enum" in c:
        parts.append("one of " + ", ".join(f"`{v}`" for v in c["enum"]))
    if "pattern" in c:
        parts.append(f"pattern `{c['pattern']}`")
    if "minimum" in c:
        parts.append(f"≥ {c['minimum']}")
    if "exclusiveMinimum" in c:
        parts.append(f"> {c['exclusiveMinimum']}")
    return "; ".join(parts)


# Our schema annotations (published/schema.py), in words.
ANNOTATION_WORDS = {"readAs": "read from the quote as {}", "unit": "currency in `{}`",
                    "qualifies": "qualifies `{}`", "precisionOf": "precision of `{}`",
                    "startOf": "first day of `{}`", "endOf": "last day of `{}`",
                    "derived": "derived from the claims ({})"}


def _annotations(field: dict) -> str:
    parts = [words.format(field[key]) for key, words in ANNOTATION_WORDS.items()
             if key in field]
    if "copiedFrom" in field:
        c = field["copiedFrom"]
        parts.append(f"copied from `{c['table']}.{c['field']}` by `{c['link']}`")
    if field.get("fullText"):
        parts.append("full-text indexed")
    return "; ".join(parts)


def _table_annotations(schema: dict) -> str:
    parts = [f"Role: {schema.get('tableRole')}."]
    event = schema.get("derivedEvent")
    if event:
        parts.append(f"Every dated row is also an `events` row ({event['eventType']}, id "
                     f"`{event['idPrefix']}-…`" + (f", one per `{event['groupBy']}`"
                                                  if event.get("groupBy") else "") + ").")
    if schema.get("defaultSort"):
        parts.append(f"Shown sorted by `{schema['defaultSort']}`.")
    return " ".join(parts)


def render(schemas: Schemas) -> str:
    out = [BEGIN, ""]
    for table in schemas.names:
        schema = schemas.tables[table]
        out += [f"### `{table}`", "", schema.get("description", ""), "",
                f"Primary key: `{', '.join(schema['primaryKey'])}`."]
        for fk in schema.get("foreignKeys", []):
            ref = fk["reference"]
            out[-1] += (f" `{fk['fields'][0]}` → `{ref['resource']}.{ref['fields'][0]}`.")
        out += ["", _table_annotations(schema)]
        out += ["", "| column | type | constraints | annotations | description |",
                "| --- | --- | --- | --- | --- |"]
        for f in schema["fields"]:
            desc = f.get("description", "").replace("|", "\\|")
            cons = _constraints(f).replace("|", "\\|")
            notes = _annotations(f).replace("|", "\\|")
            out.append(f"| `{f['name']}` | {f['type']} | {cons} | {notes} | {desc} |")
        out.append("")
    out.append(END)
    return "\n".join(out)


def update_readme(readme: Path, schemas: Schemas, write: bool = True) -> bool:
    """Rewrite the dictionary between the markers; return True if it was out of date."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    new = text[:start] + render(schemas) + text[end:]
    if write and new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text
