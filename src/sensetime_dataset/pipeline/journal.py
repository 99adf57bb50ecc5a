"""Crash-safe publishing: the switch from the old package to the new one.

`data/` and `datapackage.json` are two entries at the top of the checkout, read directly
by users, git and the wheel, so they cannot become one symlink flipped by one rename.
Instead the switch is a journal: the list of renames (old package aside, new package
in) is written atomically *before* the first rename, and every rename is idempotent
(done only while its source exists and its target does not). Writing the journal is
the commit point: a crash before it leaves the old package (the staging folder is
removed at the next start); a crash after it is finished, in the same order, by
`recover` at the next start. Then the journal is rewritten with no renames left,
and only then are the staging and backup folders removed.

An exclusive lock on the checkout keeps two builds from switching at once, and lets
the next start remove stale `.build-*` folders that no running build owns.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

from ..errors import BuildError
from ..published.format import DESCRIPTOR

log = logging.getLogger(__name__)

JOURNAL = ".publish-journal.json"
LOCK = ".publish.lock"
STAGING_PREFIX = ".build-"
PUBLISHED = ("data", DESCRIPTOR)
# Test hook: kill the process (SIGKILL, no clean-up) at the N-th step of the switch.
CRASH_ENV = "SENSETIME_DATASET_CRASH_AT"
_steps = 0


@contextlib.contextmanager
def exclusive(root: Path) -> Iterator[None]:
    """Hold the checkout's publishing lock; finish an interrupted switch and remove
    stale staging folders first."""
    root = Path(root)
    handle = open(root / LOCK, "a+")   # noqa: SIM115 (held for the whole block)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"{root}: another build is publishing in this checkout "
                             f"({LOCK} is locked); wait for it to finish") from None
        recover(root)
        yield
    finally:
        handle.close()   # releases the lock


def switch(root: Path, staging: Path) -> None:
    """Move the package staged in `staging` (a `.build-*` folder of `root`) into place."""
    root = Path(root)
    backup = staging.with_name(staging.name + "-old")
    backup.mkdir()
    renames = [(name, f"{backup.name}/{name}") for name in PUBLISHED
               if os.path.lexists(root / name)]
    renames += [(f"{staging.name}/{name}", name) for name in PUBLISHED]
    _crash_point()   # staged, no journal yet: the old package stays
    _write_atomically(root / JOURNAL, json.dumps(
        {"renames": renames, "remove": [staging.name, backup.name]}, indent=1))
    _crash_point()
    _finish(root)


def recover(root: Path) -> bool:
    """Finish a switch a crash interrupted (True if there was one), then remove stale
    staging folders. Call with the lock held."""
    root = Path(root)
    finished = False
    if (root / JOURNAL).exists():
        log.warning("%s: finishing a publish that was interrupted", root)
        _finish(root)
        finished = True
    for stale in root.glob(STAGING_PREFIX + "*"):
        if stale.is_dir() and not stale.is_symlink():
            log.info("removing stale staging folder %s", stale)
            shutil.rmtree(stale, ignore_errors=True)
    with contextlib.suppress(FileNotFoundError):
        (root / (JOURNAL + ".tmp")).unlink()
    return finished


def _finish(root: Path) -> None:
    journal = _read_journal(root)
    for src, dst in journal["renames"]:
        source, target = root / src, root / dst
        if os.path.lexists(source) and not os.path.lexists(target):
            os.replace(source, target)
            _fsync_dir(target.parent)
        _crash_point()
    if journal["renames"]:
        # Switched. Say so before removing anything: a rename's test (source there,
        # target not) no longer holds once the backup folder is gone.
        _write_atomically(root / JOURNAL, json.dumps({"renames": [],
                                                      "remove": journal["remove"]}))
        _crash_point()
    for name in journal["remove"]:
        shutil.rmtree(root / name, ignore_errors=True)
        _crash_point()
    (root / JOURNAL).unlink()
    _fsync_dir(root)


def _read_journal(root: Path) -> dict:
    path = root / JOURNAL
    try:
        journal = json.loads(path.read_text(encoding="utf-8"))
        names = [n for pair in journal["renames"] for n in pair] + list(journal["remove"])
    except (ValueError, KeyError, TypeError):
        raise BuildError(f"{path}: not a publish journal this tool wrote; compare data/ "
                         "and datapackage.json with git, then delete it") from None
    # Only our own entries: a package entry, or one inside a staging folder of the root.
    for name in names:
        parts = Path(name).parts
        if not (name in PUBLISHED or (len(parts) <= 2 and parts[0].startswith(STAGING_PREFIX)
                                      and parts[-1] in (*PUBLISHED, parts[0]))):
            raise BuildError(f"{path}: names {name!r}, which is not a package entry or a "
                             "staging folder; delete the journal after checking data/")
    return journal


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (a power cut must not undo it after the next step)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _crash_point() -> None:
    global _steps
    at = os.environ.get(CRASH_ENV)
    if at:
        _steps += 1
        if _steps == int(at):
            os.kill(os.getpid(), signal.SIGKILL)
