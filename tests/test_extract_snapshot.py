"""The extractor's output, fingerprinted: a change made for speed must propose exactly
what it proposed before. The fingerprints (sha256 of every proposal as JSON) are in
tests/extract_corpus/proposals.sha256; a change to the rules that is meant to change the
output rewrites that file with the lines `python benchmarks/extract_snapshot.py` prints,
in the same commit."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import extract_snapshot  # noqa: E402

EXPECTED = dict(line.split() for line in
                (ROOT / "tests" / "extract_corpus" / "proposals.sha256").read_text().splitlines())


@pytest.mark.parametrize("part", ["labelled", "project"])
def test_the_proposals_are_those_of_the_fingerprint(part):
    docs = getattr(extract_snapshot, part)()
    assert extract_snapshot.fingerprint(docs) == EXPECTED[part], (
        f"the extractor's output over the {part} documents changed; if that is meant, "
        f"rewrite tests/extract_corpus/proposals.sha256 from benchmarks/extract_snapshot.py")
