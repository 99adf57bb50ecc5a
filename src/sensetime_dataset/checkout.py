"""Where things live in a project checkout (sources/, curation/, schemas/, the published
package, build/): one place, so that tests and benchmarks can build in a copy."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import BuildError

# libyaml's loader, where PyYAML was built with it: several times faster than the
# pure-Python one that yaml.safe_load uses, and just as safe.
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ID_LINE = re.compile(rb"^\s*-\s+id:\s*([^\s#]+)", re.MULTILINE)


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

    @property
    def releases_dir(self) -> Path:
        return self.root / "releases"


def read_yaml(path: Path):
    """Read a YAML file, naming the file and line on a syntax error."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BuildError(f"{path}: file not found") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        ids = _ID_LINE.findall(data, 0, exc.start)   # the record the bad byte is in
        record = f", row {ids[-1].decode('ascii', 'replace')}" if ids else ""
        raise BuildError(f"{path}, line {line}{record}: not valid UTF-8 (byte "
                         f"0x{data[exc.start]:02x}); save the file as UTF-8") from None
    try:
        return yaml.load(text, Loader=_YamlLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        raise BuildError(f"{path}: not valid YAML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise BuildError(f"{path}: not UTF-8 text (an invalid byte at offset {exc.start}); "
                         "save the file as UTF-8") from None
