"""The distribution ships the data: a wheel holds the package, and `load()` works from
a non-editable install in a fresh virtual environment, away from the checkout, on every
current Python this machine has (3.11, and 3.12 and 3.13 through pyenv). One wheel is
built (by the Python that builds the package) and installed with the readers'
dependency ranges, not the build's exact pins."""

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
WANTED = ("3.11", "3.12", "3.13")
UV = Path(sys.executable).with_name("uv")   # the `uv` of the test extra


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, text=True, timeout=900, **kwargs)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return result


def pythons() -> dict[str, list[str]]:
    """A command per wanted minor version: this interpreter for its own, pyenv's for the
    others (only those the machine has)."""
    found = {f"{sys.version_info.major}.{sys.version_info.minor}": [sys.executable]}
    pyenv = shutil.which("pyenv")
    if pyenv:
        listed = subprocess.run([pyenv, "versions", "--bare"], capture_output=True,
                                text=True).stdout.split()
        for minor in WANTED:
            versions = [v for v in listed if v.startswith(minor + ".") and v[len(minor) + 1:].isdigit()]
            if minor not in found and versions:
                found[minor] = ["env", f"PYENV_VERSION={versions[-1]}", pyenv, "exec", "python"]
    return {m: found[m] for m in WANTED if m in found}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    checkout = tmp / "checkout"   # a clean copy: no stale build/ to pick files from
    checkout.mkdir()
    for name in SOURCE:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, checkout / name, ignore=shutil.ignore_patterns(
                "__pycache__", "*.egg-info"))
        else:
            shutil.copy2(src, checkout / name)
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(checkout),
        "-w", str(tmp / "wheels"))
    (built,) = (tmp / "wheels").glob("*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_ships_the_package(wheel):
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
        metadata = next(zf.read(n).decode() for n in zf.namelist()
                        if n.endswith(".dist-info/METADATA"))
    assert shipped == expected   # the package, and nothing else from the repository root
    assert "Requires-Python: >=3.11\n" in metadata


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> dict[str, Path]:
    """A fresh virtual environment per Python (the Python's own `venv`) with the wheel
    installed, the installs run side by side. The installer is uv: it resolves the same
    metadata (Requires-Python, the dependency ranges) as pip, from the same index, in a
    few seconds instead of a minute of pip unpacking and compiling three copies of
    pandas and pyarrow. Failures are kept for the test of that Python to report."""
    tmp = tmp_path_factory.mktemp("venvs")
    jobs = {}
    for minor, python_cmd in pythons().items():
        venv = tmp / f"venv-{minor}"
        script = (f"{' '.join(python_cmd)} -m venv --without-pip {venv} && "
                  f"{UV} pip install --quiet --python {venv}/bin/python {wheel}")
        jobs[minor] = (venv, subprocess.Popen(["sh", "-c", script], stdout=subprocess.PIPE,
                                              stderr=subprocess.STDOUT, text=True))
    out = {}
    for minor, (venv, job) in jobs.items():
        log, _ = job.communicate(timeout=900)
        out[minor] = venv if job.returncode == 0 else RuntimeError(log[-4000:])
    return out


@pytest.mark.slow
@pytest.mark.parametrize("minor", list(pythons()))
def test_load_works_installed_on_each_python(installed, tmp_path, minor):
    venv = installed[minor]
    if isinstance(venv, Exception):
        pytest.fail(f"installing the wheel on Python {minor} failed:\n{venv}")
    python = venv / "bin" / "python"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import sys, sensetime_dataset as s, sensetime_dataset.published.load as api; "
            "r = s.load('rounds'); print(api.installed_location()); print(len(r)); "
            "print(r.dtypes['amount']); print(s.package().version); "
            "print('%d.%d' % sys.version_info[:2])")
    out = run(str(python), "-c", code, cwd=elsewhere).stdout.splitlines()
    assert Path(out[0]).is_relative_to(venv) and out[0].endswith("_package")
    descriptor = json.loads((REPO / "datapackage.json").read_text())
    rounds = next(r for r in descriptor["resources"] if r["name"] == "rounds")
    version = descriptor["version"]
    assert out[1:] == [str(rounds["rows"]), "double[pyarrow]", version, minor]
    cli = run(str(venv / "bin" / "sensetime-dataset"), "--version", cwd=elsewhere)
    assert cli.stdout.strip() == f"sensetime-dataset {version}"
