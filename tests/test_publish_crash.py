"""Publishing survives a crash at every step of the switch: the process is killed
(SIGKILL, no clean-up) at step 1, 2, 3 ... of the switch, and after the next start's
recovery the checkout holds one complete package, the old or the new, byte for byte."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO, copy_repo, run_cli, tree_digest
from sensetime_dataset.pipeline import journal

OLD_RELEASE = REPO / "releases" / "sensetime-corporate-history-0.2.0.zip"
MAX_STEPS = 30   # the switch has fewer steps; bounds the loop if the crash hook broke
# What the build does once its package is staged and valid: under the lock, stage, switch.
SWITCH = """
import shutil, sys
from pathlib import Path
from sensetime_dataset.pipeline import journal
root, new = Path(sys.argv[1]), Path(sys.argv[2])
with journal.exclusive(root):
    staging = root / ".build-test"
    shutil.copytree(new, staging)
    journal.switch(root, staging)
"""


def checkout_with_old_package(root: Path) -> Path:
    """A folder holding release 0.2.0 as its published package."""
    root.mkdir(parents=True)
    with zipfile.ZipFile(OLD_RELEASE) as zf:
        for name in zf.namelist():
            if name == "datapackage.json" or name.startswith("data/"):
                zf.extract(name, root)
    return root


def new_package(folder: Path) -> Path:
    """The committed (newer) package, as the build writes it."""
    shutil.copytree(REPO / "data", folder / "data")
    shutil.copy2(REPO / "datapackage.json", folder / "datapackage.json")
    return folder


def test_a_crash_at_any_step_of_the_switch_leaves_a_whole_package(tmp_path):
    new = tree_digest(REPO)
    staged = new_package(tmp_path / "new")
    outcomes = []
    for step in range(1, MAX_STEPS + 1):
        root = checkout_with_old_package(tmp_path / f"step-{step}")
        old = tree_digest(root)
        assert old != new
        run = subprocess.run([sys.executable, "-c", SWITCH, str(root), str(staged)],
                             env={**os.environ, journal.CRASH_ENV: str(step)},
                             capture_output=True, text=True)
        if run.returncode == 0:   # the switch has fewer steps than this: all were tried
            assert tree_digest(root) == new
            break
        assert run.returncode == -9, run.stderr   # killed at this step
        with journal.exclusive(root):              # the next start
            pass
        after = tree_digest(root)
        assert after in (old, new), f"step {step}: a mix of the two packages"
        outcomes.append("new" if after == new else "old")
        leftovers = [p.name for p in root.iterdir() if p.name.startswith((".build-", ".publish-"))]
        assert leftovers == [], f"step {step}: {leftovers} left behind"
    else:
        raise AssertionError(f"the switch did not finish within {MAX_STEPS} steps")
    # A crash before the journal keeps the old package; every later one finishes the new.
    assert outcomes[0] == "old" and outcomes[-1] == "new" and len(outcomes) >= 6
    assert outcomes == sorted(outcomes, key=("old", "new").index)


def test_a_build_killed_while_publishing_is_finished_by_the_next_build(repo_copy):
    stale = repo_copy / ".build-stale"
    (stale / "data").mkdir(parents=True)   # what a build killed while staging leaves
    env = {**os.environ, journal.CRASH_ENV: "3"}   # after the old data/ was moved aside
    killed = subprocess.run([sys.executable, "-m", "sensetime_dataset", "build", "--root",
                             str(repo_copy)], env=env, capture_output=True, text=True)
    assert killed.returncode == -9
    assert not (repo_copy / "data").exists()   # mid-switch: this is what the crash leaves

    result = run_cli("build", "--root", str(repo_copy))
    assert result.returncode == 0, result.stderr
    assert tree_digest(repo_copy) == tree_digest(REPO)
    assert not [p for p in repo_copy.iterdir() if p.name.startswith((".build-", ".publish-"))]
    assert run_cli("validate", str(repo_copy)).returncode == 0
