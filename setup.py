"""Two things pyproject.toml cannot say.

- The distribution's version is the data version, read from package.yaml (its one
  source of truth), so that `pip install sensetime-dataset==X` installs data release X.
- `sensetime_dataset._package` is mapped onto the repository root to ship
  datapackage.json, data/ and schemas/ as package data; it must not pick up the
  Python files that live there (this file).
"""

from pathlib import Path

import yaml
from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA_PACKAGE = "sensetime_dataset._package"


class BuildPy(build_py):
    def find_package_modules(self, package, package_dir):
        if package == DATA_PACKAGE:
            return []
        return super().find_package_modules(package, package_dir)


setup(
    version=str(yaml.safe_load((HERE / "package.yaml").read_text(encoding="utf-8"))["version"]),
    cmdclass={"build_py": BuildPy},
)
