"""Fingerprint of the extractor's output, to prove that a speed change changed nothing.

Usage: python benchmarks/extract_snapshot.py [--synthetic MB]

Prints the sha256 of every proposal (as JSON, in order) over three inputs: the labelled
corpus (tests/extract_corpus), the project's own normalized sources, and MB megabytes
(default 0.5) of the synthetic corpus of bench_extract.py. Run it before and after a
change: the three lines must be equal. tests/test_extract_snapshot.py checks the first
two against tests/extract_corpus/proposals.sha256.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from sensetime_dataset.extract import extract

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "extract_corpus"


def labelled() -> list[tuple[str, str | None]]:
    return [(p.read_text(encoding="utf-8"), None) for p in sorted(CORPUS.glob("*/*.txt"))]


def project() -> list[tuple[str, str | None]]:
    from sensetime_dataset.checkout import Project
    from sensetime_dataset.pipeline.normalize import normalize
    from sensetime_dataset.pipeline.sources import verify_sources

    return [(d.text, d.published if re.match(r"\d{4}", d.published) else None)
            for d in normalize(verify_sources(Project(ROOT)))]


def synthetic(size_mb: float) -> list[tuple[str, str | None]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_extract import synthetic as make

    return [(t, None) for t in make(size_mb)]


def fingerprint(docs: list[tuple[str, str | None]]) -> str:
    """sha256 of the JSON of every proposal of every document, in order."""
    h = hashlib.sha256()
    for text, anchor in docs:
        for p in extract(text, anchor):
            h.update(json.dumps(p.as_json(), sort_keys=True, ensure_ascii=False).encode())
            h.update(b"\n")
        h.update(b"\x00")  # document boundary
    return h.hexdigest()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--synthetic", type=float, default=0.5, metavar="MB")
    args = ap.parse_args(argv)
    print(f"labelled  {fingerprint(labelled())}")
    print(f"project   {fingerprint(project())}")
    print(f"synthetic {fingerprint(synthetic(args.synthetic))}  ({args.synthetic} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
