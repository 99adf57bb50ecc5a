"""Reviews of machine proposals (`sensetime-dataset extract --into curation/`).

A proposed row carries, beside its claims, a review (modelled on OpenSanctions zavod's
reviews):

    review:
      status: unreviewed          # unreviewed | accepted | rejected: a person edits it
      source: pr-2030-01-01-x     # the document the quotes come from
      source_sha256: 3f1c...      # sha256 of that document's normalized text
      offsets: [[120, 245]]       # where each claim's quote stood, claim by claim
      proposed_by: extract rounds: round name + funding verb
      key: rounds|pr-2030-01-01-x|series b|...   # so that a later run does not propose it again

Rejected rows stay in the file (the next run sees their key) and are not published.
An accepted row is reopened when its document's text changed (another sha256) and one
of its quotes no longer stands at its offsets. The build publishes rows without a
review and accepted rows, and refuses while any row waits (unreviewed or reopened).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import BuildError

STATUSES = ("unreviewed", "accepted", "rejected")
REVIEW_KEYS = {"status", "source", "source_sha256", "offsets", "proposed_by", "key",
               "new_organizations"}


@dataclass(frozen=True)
class PendingReview:
    file: str      # "curation/rounds.yaml"
    row_id: str
    reason: str    # "unreviewed", or why an accepted review was reopened


def review_state(entry: dict, texts: dict[str, str], sha256s: dict[str, str],
                 where: str) -> str | None:
    """None for a hand-curated row; else accepted, rejected, unreviewed or reopened.
    `texts` and `sha256s` map document ids to their normalized text and its sha256."""
    review = entry.get("review")
    if review is None:
        return None
    if not isinstance(review, dict) or review.get("status") not in STATUSES:
        raise BuildError(f"{where}: review.status must be one of {', '.join(STATUSES)}")
    unknown = set(review) - REVIEW_KEYS
    if unknown:
        raise BuildError(f"{where}: unknown review keys {sorted(unknown)}; "
                         f"allowed: {sorted(REVIEW_KEYS)}")
    status = review["status"]
    if status != "accepted":
        return status
    source = review.get("source")
    if source not in texts or review.get("source_sha256") == sha256s[source]:
        return "accepted"
    claims = entry.get("claims") or []
    offsets = review.get("offsets") or []
    still = len(offsets) == len(claims) and all(
        texts[source][a:b] == str(c.get("quote")) for c, (a, b) in zip(claims, offsets))
    return "accepted" if still else "reopened"


def pending_reviews(rows_by_file: dict[str, list[dict]], texts: dict[str, str],
                    sha256s: dict[str, str]) -> list[PendingReview]:
    """The proposed rows that wait for a person, file by file."""
    pending = []
    for file, entries in rows_by_file.items():
        for entry in entries or []:
            if not isinstance(entry, dict):
                continue
            row_id = str(entry.get("id", "?"))
            state = review_state(entry, texts, sha256s, f"{file}, row {row_id}")
            if state == "unreviewed":
                pending.append(PendingReview(file, row_id, "unreviewed"))
            elif state == "reopened":
                source = entry["review"]["source"]
                pending.append(PendingReview(
                    file, row_id, f"reopened: the text of {source} changed (sha256 now "
                    f"{sha256s[source]}) and a quote is no longer at its offsets"))
    return pending


def refuse_pending(pending: list[PendingReview]) -> None:
    """Stop the build while proposals wait, saying how many and where."""
    if not pending:
        return
    per_file: dict[str, list[PendingReview]] = {}
    for p in pending:
        per_file.setdefault(p.file, []).append(p)
    where = "; ".join(
        f"{file}: {len(ps)} ({', '.join(p.row_id for p in ps[:5])}"
        f"{', ...' if len(ps) > 5 else ''})" for file, ps in sorted(per_file.items()))
    reopened = [p for p in pending if p.reason != "unreviewed"]
    detail = f"; {len(reopened)} reopened: {reopened[0].reason}" if reopened else ""
    raise BuildError(
        f"{len(pending)} proposal{'s' if len(pending) != 1 else ''} wait for review, not "
        f"published: {where}{detail}. Review each row in the file: correct its values if "
        "needed and set review.status to accepted, or to rejected (rejected rows stay and "
        "are not proposed again); for a reopened row, check the quote against the new "
        "text and set review.source_sha256 and offsets to the new ones")
