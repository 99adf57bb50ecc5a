"""The version rules (semantic versioning for data), in code: which version numbers may
follow a release, given the diff between it and the new package."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diff import LEVELS, MAJOR, MINOR, NONE, PATCH, PackageDiff
from ..errors import BuildError

SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> "Version":
        match = SEMVER.match(str(text))
        if not match:
            raise BuildError(f"version {text!r} is not MAJOR.MINOR.PATCH (for example 1.2.0)")
        return cls(*(int(g) for g in match.groups()))

    def bump(self, level: str) -> "Version":
        if level == MAJOR:
            return Version(self.major + 1, 0, 0)
        if level == MINOR:
            return Version(self.major, self.minor + 1, 0)
        return Version(self.major, self.minor, self.patch + 1)

    def level_over(self, last: "Version") -> str | None:
        """Which bump leads from `last` to this version, or None if no single one does."""
        for level in (PATCH, MINOR, MAJOR):
            if last.bump(level) == self:
                return level
        return None

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def check_version(version: str, last: str, diff: PackageDiff) -> Version:
    """Refuse `version` unless it is the next PATCH, MINOR or MAJOR version after `last`
    and at least the bump the diff needs. Returns the parsed version."""
    new, old = Version.parse(version), Version.parse(last)
    needed = diff.level
    if needed == NONE:
        raise BuildError(f"nothing changed since release {old}: no release to make")
    if new <= old:
        raise BuildError(f"version {new} is not greater than the last release {old}")
    level = new.level_over(old)
    if level is None:
        raise BuildError(f"version {new} does not follow {old}: the next version is "
                         f"{old.bump(PATCH)}, {old.bump(MINOR)} or {old.bump(MAJOR)}")
    if LEVELS.index(level) < LEVELS.index(needed):
        why = "; ".join(w for lvl, w in diff.reasons if lvl == needed)
        raise BuildError(f"version {new} is a {level.upper()} release, but the changes since "
                         f"{old} need a {needed.upper()} one ({why}): use {old.bump(needed)}")
    return new


def next_version(last: str, diff: PackageDiff) -> Version:
    """The smallest version the diff allows after `last`."""
    if diff.level == NONE:
        raise BuildError(f"nothing changed since release {last}: no release to make")
    return Version.parse(last).bump(diff.level)
