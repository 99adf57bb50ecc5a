"""Every loading example of the README runs, from an unpacked package directory."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from conftest import REPO

EXAMPLE = re.compile(r"<!-- readme-example: (?P<name>[\w-]+) -->\n```python\n(?P<code>.*?)```",
                     re.DOTALL)
EXAMPLES = {m["name"]: m["code"] for m in EXAMPLE.finditer((REPO / "README.md").read_text())}
EXPECTED = {   # something each example must print: the data, not just no error
    "pandas": "double[pyarrow]",
    "pyarrow": "organization_id",
    "frictionless": "Entity List",
    "duckdb": "lead",
    "datasette": "round_name",
    "question-total": "(1.63, 'USD', ['Series B', 'Series C', 'Series C+'])",
    "question-investors": "CDH Investments",
    "question-timeline": "Global Artificial Intelligence Academic Alliance",
    "question-valuations": "more-than",
    "question-uncertain": "disputed",
}


def test_every_tool_has_an_example():
    assert sorted(EXAMPLES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_readme_example_runs(name, tmp_path):
    for part in ("data", "schemas"):
        shutil.copytree(REPO / part, tmp_path / part)
    shutil.copy2(REPO / "datapackage.json", tmp_path / "datapackage.json")
    result = subprocess.run([sys.executable, "-c", EXAMPLES[name]], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert EXPECTED[name] in result.stdout, result.stdout
