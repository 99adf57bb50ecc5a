"""The distribution ships the data: a wheel holds the package, and `load()` works from
a non-editable install in a fresh virtual environment, away from the checkout."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

SOURCE = ("pyproject.toml", "setup.py", "README.md", "package.yaml", "datapackage.json",
          "src", "data", "schemas")


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, text=True, timeout=900, **kwargs)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return result


@pytest.mark.slow
def test_wheel_ships_the_package_and_load_works_installed(tmp_path):
    checkout = tmp_path / "checkout"   # a clean copy: no stale build/ to pick files from
    checkout.mkdir()
    for name in SOURCE:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, checkout / name, ignore=shutil.ignore_patterns(
                "__pycache__", "*.egg-info"))
        else:
            shutil.copy2(src, checkout / name)
    wheels = tmp_path / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(checkout),
        "-w", str(wheels))
    (wheel,) = wheels.glob("*.whl")
    version = json.loads((REPO / "datapackage.json").read_text())["version"]
    assert f"-{version}-" in wheel.name   # the distribution's version is the data version

    descriptor = json.loads((REPO / "datapackage.json").read_text())
    expected = {"datapackage.json", *(r["path"] for r in descriptor["resources"]),
                *(f"schemas/{p.name}" for p in (REPO / "schemas").glob("*.json"))}
    with zipfile.ZipFile(wheel) as zf:
        shipped = {n.removeprefix("sensetime_dataset/_package/") for n in zf.namelist()
                   if n.startswith("sensetime_dataset/_package/")}
        assert zf.read("sensetime_dataset/_package/data/rounds.parquet") == \
            (REPO / "data" / "rounds.parquet").read_bytes()
    assert shipped == expected   # the package, and nothing else from the repository root

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", str(venv))
    python = venv / "bin" / "python"
    run(str(python), "-m", "pip", "install", "--quiet", str(wheel))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import sensetime_dataset as s, sensetime_dataset.published.load as api; "
            "r = s.load('rounds'); print(api.installed_location()); print(len(r)); "
            "print(r.dtypes['amount']); print(s.package().version)")
    out = run(str(python), "-c", code, cwd=elsewhere).stdout.splitlines()
    assert Path(out[0]).is_relative_to(venv) and out[0].endswith("_package")
    rounds = next(r for r in descriptor["resources"] if r["name"] == "rounds")
    assert out[1:] == [str(rounds["rows"]), "double[pyarrow]", version]
