"""The review loop of machine proposals: extract --into curation/, the build refuses
what waits, a person accepts or rejects by editing the file, the build publishes, and a
changed source reopens the reviews whose quotes moved."""

import hashlib
from pathlib import Path

import pandas as pd
import yaml

from conftest import run_cli
from sensetime_dataset.pipeline.reviews import pending_reviews

DOC = Path(__file__).parent / "extract_corpus" / "tune" / "quorra-news.txt"
FILE = "900_quorra-news.txt"
ENTRY = """
  - file: {file}
    sha256: {sha256}
    title: A news article (test)
    kind: news-article
    publisher: unknown
    url: unknown
    retrieved: unknown
    licence: unknown
    defects: []
    repairs: []
    split: single
    documents:
      - id: news-quorra
        title: A news article (test)
        kind: news-article
        publisher: unknown
        published: unknown
        published_basis: the byline's date
"""


def _declare(root: Path, text: str) -> None:
    """Put the document in sources/ and declare it (or its new version) in the manifest."""
    path = root / "sources" / FILE
    path.write_text(text, encoding="utf-8")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest = root / "sources" / "manifest.yaml"
    lines = manifest.read_text(encoding="utf-8")
    if FILE in lines:
        old = yaml.safe_load(lines)
        previous = next(f["sha256"] for f in old["files"] if f["file"] == FILE)
        manifest.write_text(lines.replace(previous, sha), encoding="utf-8")
    else:
        manifest.write_text(lines + ENTRY.format(file=FILE, sha256=sha), encoding="utf-8")


def _proposed(root: Path, table: str) -> list[dict]:
    rows = yaml.safe_load((root / "curation" / f"{table}.yaml").read_text(encoding="utf-8"))
    return [r for r in rows if "review" in r]


def _set_status(root: Path, table: str, decide) -> None:
    path = root / "curation" / f"{table}.yaml"
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    for r in rows:
        if "review" in r:
            r["review"]["status"] = decide(r)
    path.write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_review_loop_end_to_end(repo_copy):
    root = repo_copy
    _declare(root, DOC.read_text(encoding="utf-8"))
    out = run_cli("extract", f"sources/{FILE}", "--into", "curation", cwd=root)
    assert out.returncode == 0, out.stderr
    assert "marked unreviewed" in out.stdout and "Ironbark Capital" in out.stdout
    rounds = _proposed(root, "rounds")
    assert any(r["claims"][0]["values"].get("round_name") == "Series C" for r in rounds)
    waiting = sum(len(_proposed(root, t)) for t in ("rounds", "investors", "events"))

    refused = run_cli("build", cwd=root)
    assert refused.returncode == 1
    assert f"{waiting} proposals wait for review" in refused.stderr
    assert "curation/rounds.yaml" in refused.stderr and "curation/investors.yaml" in refused.stderr

    # A person decides: the named round, its lead (added to the registry) and the
    # founding are accepted; the rest is rejected.
    (root / "curation" / "organizations.yaml").open("a", encoding="utf-8").write(
        "- id: ironbark-capital\n  name: Ironbark Capital\n  kind: investor\n")
    _set_status(root, "rounds", lambda r: "accepted"
                if r["claims"][0]["values"].get("round_name") == "Series C" else "rejected")
    _set_status(root, "investors", lambda r: "accepted"
                if r["claims"][0]["values"]["organization_id"] == "Ironbark Capital" else "rejected")
    _set_status(root, "events", lambda r: "accepted")
    again = run_cli("extract", f"sources/{FILE}", "--into", "curation", cwd=root)
    assert again.returncode == 0 and "wrote 0 proposed rows" in again.stdout  # none come back

    built = run_cli("build", cwd=root)
    assert built.returncode == 0, built.stderr
    published = pd.read_csv(root / "data" / "rounds.csv", dtype=str)
    accepted = published[published["round_id"].str.startswith("proposed-news-quorra")]
    assert list(accepted["amount"]) == ["620000000"] and list(accepted["date"]) == ["2019-04-26"]
    investors = pd.read_csv(root / "data" / "investors.csv", dtype=str)
    assert "ironbark-capital" in set(investors["organization_id"])

    # A new version of the source: text inserted before the quotes moves them.
    _declare(root, "Correction appended by the publisher.\n" + DOC.read_text(encoding="utf-8"))
    reopened = run_cli("build", cwd=root)
    assert reopened.returncode == 1 and "reopened" in reopened.stderr
    # only the accepted rows reopen; the rejected ones stay rejected
    assert "3 proposals wait for review" in reopened.stderr


def test_an_accepted_review_stays_when_its_quote_still_stands():
    text = "Intro. Quorra raised $5 million in a seed round."
    quote = "Quorra raised $5 million in a seed round."
    start = text.index(quote)
    row = {"id": "r", "claims": [{"source": "d", "quote": quote}],
           "review": {"status": "accepted", "source": "d", "source_sha256": "old",
                      "offsets": [[start, start + len(quote)]]}}
    assert pending_reviews({"curation/rounds.yaml": [row]}, {"d": text}, {"d": "new"}) == []
    moved = "A longer intro. " + text
    (p,) = pending_reviews({"curation/rounds.yaml": [row]}, {"d": moved}, {"d": "new"})
    assert p.row_id == "r" and p.reason.startswith("reopened")
    row["review"]["status"] = "rejected"
    assert pending_reviews({"curation/rounds.yaml": [row]}, {"d": moved}, {"d": "new"}) == []
