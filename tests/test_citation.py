"""The citation kit: CITATION.cff (valid Citation File Format, the version and date of
the package), the licence files, and the README's "Cite this" text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import PUBLISHED, REPO
from sensetime_dataset.release.citation import cite_block, cite_text


def test_citation_cff_names_this_version_and_date():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    meta = yaml.safe_load((REPO / "package.yaml").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert str(cff["version"]) == str(meta["version"]) == PUBLISHED.version
    assert str(cff["date-released"]) == str(meta["created"])[:10]
    assert cff["title"] == meta["title"]
    assert [a["name"] for a in cff["authors"]] == [c["title"] for c in meta["contributors"]]
    assert cff["license"] == meta["licenses"][0]["name"] == "CC-BY-4.0"


def test_the_readme_says_how_to_cite_this_version():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert cite_block(PUBLISHED.descriptor) in readme
    text = cite_text(PUBLISHED.descriptor)
    assert f"version {PUBLISHED.version}" in text
    assert str(PUBLISHED.descriptor["created"])[:10] in text


def test_licence_files_for_code_and_data():
    assert (REPO / "LICENSE").read_text().startswith("MIT License")
    data = (REPO / "LICENSE-DATA").read_text()
    assert data.startswith("Attribution 4.0 International")
    assert "Creative Commons Attribution 4.0 International Public License" in data


@pytest.mark.slow
def test_citation_cff_passes_cffconvert_validate(tmp_path):
    """The reference validator, in its own environment (it pins an old jsonschema)."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    install = subprocess.run([str(Path(sys.executable).with_name("uv")), "pip", "install",
                              "--quiet", "--python", str(venv / "bin" / "python"),
                              "cffconvert==2.0.0"], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]
    result = subprocess.run([str(venv / "bin" / "cffconvert"), "--validate", "-i",
                             str(REPO / "CITATION.cff")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in (result.stdout + result.stderr).lower()
