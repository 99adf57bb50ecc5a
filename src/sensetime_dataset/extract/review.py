"""`extract PATH --into curation/`: write the proposals for a declared source into the
curation files, each proposed row marked unreviewed (see pipeline/reviews.py).

The quotes must be those of the normalized text the build checks them against, so the
document is read through the pipeline (manifest, repairs), not from PATH directly: PATH
must be a file declared in sources/manifest.yaml. New rows are appended to the files as
YAML text, so that the comments and anchors of the hand-written rows stay as they are.
A proposal already in the file (proposed before, whatever its review says, or curated by
hand from the same quote) is not written again.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

from ..text.dates import find_dates
from ..checkout import Project, read_yaml
from ..errors import BuildError
from ..pipeline.normalize import normalize
from ..pipeline.resolve import load_registry, name_index
from ..pipeline.sources import sha256_file, verify_sources
from . import extract
from .proposal import TABLES, Proposal

# proposal field -> curation value
CURATION_FIELD = {"name": "organization_id", "authority": "authority_id"}
DROPPED: set[str] = set()   # proposal fields not written into curation
# The extractor's status words -> rounds.status (schemas/rounds.json): the published
# model does not tell an agreement from one waiting for its closing.
STATUS = {"pending-closing": "agreed-pending-closing", "agreed": "agreed-pending-closing"}
KEY_FIELDS = {"rounds": ("round_name", "amount"), "investors": ("round_name", "name", "role"),
              "partners": ("name", "kind"), "sanctions": ("program", "target"),
              "events": ("event_type", "date")}


def _norm(value) -> str:
    return " ".join(str(value).casefold().split()) if value is not None else ""


def proposal_key(table: str, source: str, fields: dict) -> str:
    return "|".join([table, source, *(_norm(fields.get(k)) for k in KEY_FIELDS[table])])


def _plain(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value or "")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:40] or "row"


def write_proposals(curation_dir: Path, path: Path) -> str:
    project = Project(curation_dir.resolve().parent)
    if not (curation_dir.is_dir() and curation_dir.resolve() == project.curation_dir.resolve()
            and project.manifest.is_file()):
        raise BuildError(f"--into {curation_dir}: not the curation/ folder of a checkout of "
                         f"this dataset (a folder named curation beside sources/manifest.yaml)"
                         "; give the checkout's curation/ folder")
    raw_files = verify_sources(project)
    digest = sha256_file(path)
    declared = [r for r in raw_files if r.sha256 == digest]
    if not declared:
        raise BuildError(f"{path}: not declared in {project.manifest} (no file there has its "
                         "sha256); copy it into sources/ and declare it with its metadata, "
                         "then run extract again")
    documents = normalize(declared)
    orgs = name_index(load_registry(project))
    written, skipped, new_orgs = Counter(), 0, set()
    for table in TABLES:
        file = project.curation_dir / f"{table}.yaml"
        entries = (read_yaml(file) or []) if file.exists() else []
        known = _known_keys(table, entries)
        ids = {str(e.get("id")) for e in entries if isinstance(e, dict)}
        rounds = _round_ids(project, {d.source_id for d in documents})
        rows: dict[str, dict] = {}
        for doc in documents:
            anchor = doc.published if re.match(r"\d{4}", doc.published) else None
            for p in extract(doc.text, anchor):
                if p.table != table:
                    continue
                key = proposal_key(table, doc.source_id, p.fields)
                if key in known:
                    skipped += 1
                    continue
                if key not in rows:
                    rows[key] = _new_row(table, doc, p, key, ids, rounds, orgs, new_orgs)
                row = rows[key]
                if p.quote in [c["quote"] for c in row["claims"]]:
                    continue  # the same sentence read twice (a repeated paragraph)
                claim = {"source": doc.source_id, "quote": p.quote,
                         "values": _values(table, p, rounds)}
                if table != "investors" and not row["claims"]:
                    # the published tables need a description: the quote is the draft
                    claim["values"].setdefault("description", p.quote)
                date = p.fields.get("date")
                if date and date not in {m.value for m in find_dates(p.quote)}:
                    # Resolved against the document's date ("on Friday", "last July"):
                    # the build reads it back against the same anchor.
                    claim["anchor"] = "published" if anchor else "dateline"
                if table == "investors" and "round_id" not in claim["values"]:
                    claim["note"] = ("set values.round_id: no round of this document is named "
                                     f"{p.fields.get('round_name')!r} in curation/rounds.yaml")
                row["claims"].append(claim)
                row["review"]["offsets"].append([p.start, p.end])
        if rows:
            _append(file, list(rows.values()))
            written[table] = len(rows)
    parts = ", ".join(f"{t} {n}" for t, n in written.items()) or "none"
    lines = [f"wrote {sum(written.values())} proposed rows into {project.curation_dir} "
             f"({parts}), marked unreviewed; {skipped} proposals already there were skipped"]
    if new_orgs:
        lines.append("not in curation/organizations.yaml (add them, or correct the name, "
                     f"before accepting): {', '.join(sorted(new_orgs))}")
    return "\n".join(lines)


def _new_row(table, doc, p: Proposal, key, ids, rounds, orgs, new_orgs) -> dict:
    values = _values(table, p, rounds)
    base = f"proposed-{doc.source_id}-" + _slug(" ".join(
        _plain(p.fields.get(k)) for k in KEY_FIELDS[table]))
    row_id, n = base, 2
    while row_id in ids:
        row_id, n = f"{base}-{n}", n + 1
    ids.add(row_id)
    review = {"status": "unreviewed", "source": doc.source_id,
              "source_sha256": doc.text_sha256, "offsets": [],
              "proposed_by": f"extract {p.rule}", "key": key}
    for field in ("organization_id", "authority_id"):
        name = values.get(field)
        if name and _norm(name) not in orgs:
            new_orgs.add(str(name))
            review.setdefault("new_organizations", []).append(str(name))
    return {"id": row_id, "claims": [], "review": review}


def _values(table: str, p: Proposal, rounds: dict[str, str]) -> dict:
    values = {}
    for k, v in p.fields.items():
        if v is None or k in DROPPED or (table == "investors" and k == "round_name"):
            continue
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        if k == "status":
            v = STATUS.get(v, v)
        values[CURATION_FIELD.get(k, k)] = v
    if table == "investors":
        round_id = rounds.get(_norm(p.fields.get("round_name")))
        if round_id:
            values["round_id"] = round_id
    return values


def _round_ids(project: Project, sources: set[str]) -> dict[str, str]:
    """Round name (normalized) -> row id, among the rounds the same document states (a
    "Series C" of another document may be another company's)."""
    out = {}
    for e in read_yaml(project.curation_dir / "rounds.yaml") or []:
        claims = e.get("claims") or []
        if not any(c.get("source") in sources for c in claims):
            continue
        for c in claims:
            name = (c.get("values") or {}).get("round_name")
            if name:
                out.setdefault(_norm(name), str(e["id"]))
    return out


def _known_keys(table: str, entries: list) -> set[str]:
    """Keys of rows already in the file: proposed ones by their review key, hand-curated
    ones from their claims (same source and same key fields)."""
    known = set()
    for e in entries:
        if not isinstance(e, dict):
            continue
        review = e.get("review")
        if isinstance(review, dict) and review.get("key"):
            known.add(review["key"])
        merged: dict = {}
        for c in e.get("claims") or []:
            for k, v in (c.get("values") or {}).items():
                merged.setdefault(k, v)
        fields = {k: merged.get(CURATION_FIELD.get(k, k)) for k in KEY_FIELDS[table]}
        for c in e.get("claims") or []:
            known.add(proposal_key(table, str(c.get("source")), fields))
    return known


def _append(file: Path, rows: list[dict]) -> None:
    text = file.read_text(encoding="utf-8") if file.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    block = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=100)
    file.write_text(text + "# Proposed by `sensetime-dataset extract`; review each row.\n"
                    + block, encoding="utf-8")
