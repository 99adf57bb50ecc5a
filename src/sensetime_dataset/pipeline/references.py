"""References between curated rows: a claim's value for a foreign-key column (an
investor's round_id, an event's partner_id ...) must name a row the target's curation
file defines. Checked where curation is read, so that the error names the curation
file, row and claim, not a CSV row of a package that is never published."""

from __future__ import annotations

import difflib

from ..errors import BuildError
from ..published.schema import Schemas
from .claims import CuratedRow


def check_references(rows: list[CuratedRow], schemas: Schemas) -> None:
    ids: dict[str, set[str]] = {t: set() for t in schemas.with_role("curated")}
    for row in rows:
        ids.setdefault(row.table, set()).add(row.row_id)
    for row in rows:
        # A derived event's id (the `groupBy` column of a derivedEvent) is made by the build.
        group_by = (schemas.derived_event(row.table) or {}).get("groupBy")
        for fk in schemas.foreign_keys(row.table):
            target = fk["reference"]["resource"] or row.table
            if target not in ids:   # organizations: names resolved through the registry
                continue
            (column,) = fk["fields"]
            if column == group_by:
                continue
            for claim in row.claims:
                value = claim.values.get(column)
                if value is None or str(value) in ids[target]:
                    continue
                close = difflib.get_close_matches(str(value), sorted(ids[target]), n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                raise BuildError(
                    f"{claim.where}: {column} {str(value)!r} is not the id of a row in "
                    f"curation/{target}.yaml; {hint}use the id of a row there, or add the row")
