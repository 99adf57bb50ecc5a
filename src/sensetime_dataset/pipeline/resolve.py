"""Map every organization name in the claims to a registry id.

The registry (curation/organizations.yaml) gives each organization a canonical id,
name, kind and aliases. A name that is not in it stops the build: new organizations
are added by a person, never created silently.

`variants` are aliases that are more than an abbreviation or a legal form: a source
names the organization differently from the others (a name the curator judged to mean
the same organization, with a note saying why). They resolve like aliases, and every
row where one is used beside another name is listed as a name disagreement.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from .claims import CuratedRow
from ..errors import BuildError
from ..checkout import Project, read_yaml
from ..published.schema import Schemas

log = logging.getLogger(__name__)
REGISTRY = "curation/organizations.yaml"


@dataclass(frozen=True)
class Organization:
    organization_id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    variants: tuple[tuple[str, str], ...] = ()  # (name, why it is the same organization)

    @property
    def all_aliases(self) -> tuple[str, ...]:
        return (*self.aliases, *(name for name, _ in self.variants))


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def load_registry(project: Project) -> list[Organization]:
    entries = read_yaml(project.curation_dir / "organizations.yaml") or []
    orgs, ids = [], set()
    for i, e in enumerate(entries):
        for k in ("id", "name", "kind"):
            if not e.get(k):
                raise BuildError(f"{REGISTRY}: entry {i + 1} ({e.get('id', '?')}) lacks '{k}'")
        if e["id"] in ids:
            raise BuildError(f"{REGISTRY}: id {e['id']!r} used twice; merge the entries")
        ids.add(e["id"])
        variants = []
        for v in e.get("variants") or ():
            if not isinstance(v, dict) or not v.get("name") or not v.get("note"):
                raise BuildError(f"{REGISTRY}: entry {e['id']!r}: each variant needs a 'name' "
                                 "and a 'note' saying why it is the same organization")
            variants.append((str(v["name"]), str(v["note"]).strip()))
        orgs.append(Organization(e["id"], e["name"], e["kind"], tuple(e.get("aliases") or ()),
                                 tuple(variants)))
    return orgs


def name_index(orgs: list[Organization]) -> dict[str, str]:
    index: dict[str, str] = {}
    for org in orgs:
        for name in (org.name, *org.all_aliases):
            other = index.setdefault(_key(name), org.organization_id)
            if other != org.organization_id:
                raise BuildError(f"{REGISTRY}: the name {name!r} belongs to both {other!r} and "
                                 f"{org.organization_id!r}; keep it on one")
    return index


def resolve(rows: list[CuratedRow], orgs: list[Organization], schemas: Schemas) -> None:
    """Replace organization names in claim values by ids, in place; keep the wording."""
    index = name_index(orgs)
    for row in rows:
        org_fields = schemas.organization_fields(row.table)
        for claim in row.claims:
            for fname in org_fields & set(claim.values):
                stated = str(claim.values[fname])
                org_id = index.get(_key(stated))
                if org_id is None:
                    raise BuildError(
                        f"{claim.where}: organization {stated!r} ({fname}) is not in {REGISTRY}; "
                        "add it there as a new organization, or as an alias of an existing one"
                    )
                if _key(stated) not in _key(claim.quote):
                    raise BuildError(f"{claim.where}: the quote does not contain the name "
                                     f"{stated!r}; quote the passage that names it")
                claim.values[fname] = org_id
                claim.stated_as[fname] = stated
    log.info("resolved organization names against %d registry entries", len(orgs))
