"""Where things live in a checkout: one place, so that tests can build a copy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import BuildError

TABLES = (
    "organizations",
    "rounds",
    "investors",
    "partners",
    "sanctions",
    "events",
    "sources",
    "evidence",
    "claims",
    "conflicts",
)


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def sources_dir(self) -> Path:
        return self.root / "sources"

    @property
    def manifest(self) -> Path:
        return self.sources_dir / "manifest.yaml"

    @property
    def curation_dir(self) -> Path:
        return self.root / "curation"

    @property
    def schemas_dir(self) -> Path:
        return self.root / "schemas"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def descriptor(self) -> Path:
        return self.root / "datapackage.json"

    @property
    def package_metadata(self) -> Path:
        return self.root / "package.yaml"

    @property
    def build_dir(self) -> Path:
        return self.root / "build"


def read_yaml(path: Path):
    """Read a YAML file, naming the file and line on a syntax error."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError:
        raise BuildError(f"{path}: file not found") from None
    except yaml.YAMLError as exc:
        raise BuildError(f"{path}: not valid YAML: {exc}") from None
