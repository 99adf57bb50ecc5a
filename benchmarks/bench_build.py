"""How fast is a build, against what it cannot avoid? Every figure is a whole command in
a fresh process, as a user runs it, in a throwaway copy of the repository:

- the import floor: `python -c "import frictionless, pyarrow, pandera.pandas, pandas"`;
- a full build (`build`, nothing built before in the copy), and its ratio to the floor;
- a rebuild with nothing changed (`build` again);
- `sqlite` with the database already built, and whether it imported pandas, pandera or
  frictionless;
- full builds of copies whose curated rows are multiplied (x10, x100): time per row.

The machine is shared and noisy: compare ratios within one run, not across runs.

Usage: python benchmarks/bench_build.py [--runs 3] [--scales 1,10,100] [--python PYTHON]
(--python runs the commands with another interpreter, for example an older checkout's
virtual environment, to compare before and after on the same machine.)
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ("sources", "curation", "schemas", "package.yaml", "data", "datapackage.json")
HEAVY = ("pandas", "pandera", "frictionless")


def copy_repo(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in INPUTS:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / name)
    return target


def timed(cmd: list[str], cwd: Path | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stderr[-3000:]}")
    return elapsed


def median(cmd_factory, runs: int) -> float:
    return statistics.median(cmd_factory() for _ in range(runs))


def multiply_curation(root: Path, factor: int) -> None:
    """Each curated row `factor` times under new ids (same quotes, so every check still
    runs); references between curated rows follow their copies."""
    schemas = {p.stem: json.loads(p.read_text()) for p in (root / "schemas").glob("*.json")}
    curated = [t for t, s in schemas.items() if s.get("tableRole") == "curated"] or \
        ["rounds", "investors", "partners", "sanctions", "events"]
    # column -> the curated table it points at
    links = {fk["fields"][0]: fk["reference"]["resource"]
             for s in schemas.values() for fk in s.get("foreignKeys", [])
             if fk["reference"]["resource"] in curated}
    for table in curated:
        path = root / "curation" / f"{table}.yaml"
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        out = []
        for k in range(factor):
            for row in rows:
                copy = yaml.safe_load(yaml.safe_dump(row, allow_unicode=True))
                if k:
                    copy["id"] = f"{row['id']}-x{k}"
                    for claim in copy["claims"]:
                        for column, value in list(claim.get("values", {}).items()):
                            if column in links and value:
                                claim["values"][column] = f"{value}-x{k}"
                out.append(copy)
        path.write_text(yaml.safe_dump(out, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")


def rows_published(root: Path) -> int:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    return sum(r.get("rows", 0) for r in descriptor["resources"] if r["format"] == "csv")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    py = args.python
    cli = [py, "-m", "sensetime_dataset"]

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        floor = median(lambda: timed([py, "-c", "import frictionless, pyarrow, "
                                      "pandera.pandas, pandas"]), args.runs)
        print(f"import floor (frictionless, pyarrow, pandera, pandas): {floor:.2f} s")

        def fresh_build() -> float:
            root = copy_repo(tmp / f"full-{time.monotonic_ns()}")
            return timed([*cli, "build", "--root", str(root)])
        full = median(fresh_build, args.runs)
        print(f"full build: {full:.2f} s = {full / floor:.1f} x the import floor")

        root = copy_repo(tmp / "noop")
        timed([*cli, "build", "--root", str(root)])
        noop = median(lambda: timed([*cli, "build", "--root", str(root)]), args.runs)
        print(f"rebuild with nothing changed: {noop:.2f} s")

        timed([*cli, "sqlite", "--root", str(root)])
        sqlite = median(lambda: timed([*cli, "sqlite", "--root", str(root)]), args.runs)
        probe = subprocess.run(
            [py, "-c", "import sys; from sensetime_dataset.cli import app; "
             "sys.argv = ['x', 'sqlite', '--root', sys.argv[1]]\n"
             "try:\n    app()\nexcept SystemExit:\n    pass\n"
             f"print([m for m in {HEAVY!r} if m in sys.modules])", str(root)],
            capture_output=True, text=True)
        heavy = probe.stdout.strip().splitlines()[-1] if probe.stdout.strip() else probe.stderr
        print(f"sqlite with the database in place: {sqlite:.2f} s; heavy modules imported: "
              f"{heavy}")

        for factor in (int(x) for x in args.scales.split(",")):
            root = copy_repo(tmp / f"scale-{factor}")
            multiply_curation(root, factor)
            seconds = timed([*cli, "build", "--root", str(root)])
            rows = rows_published(root)
            print(f"x{factor:<4} {rows:>7} rows: {seconds:7.2f} s, "
                  f"{(seconds - floor) / rows * 1000:.3f} ms a row beyond the import floor")


if __name__ == "__main__":
    main()
