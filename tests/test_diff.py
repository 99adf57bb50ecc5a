"""`diff` on hand-made pairs of packages, with the exact report a user reads."""

from __future__ import annotations

import copy
import csv
import json
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli
from sensetime_dataset.release.diff import diff_locations, render

SCHEMA = {"fields": [{"name": "round_id", "type": "string"},
                     {"name": "amount", "type": "number"},
                     {"name": "currency", "type": "string"}],
          "primaryKey": ["round_id"]}
ROWS = [{"round_id": "a", "amount": "100", "currency": "USD"},
        {"round_id": "b", "amount": "200", "currency": "USD"}]


def make_package(folder: Path, version: str, tables: dict[str, tuple[dict, list[dict]]]) -> Path:
    """A minimal package: one CSV resource per table (all that diff reads)."""
    (folder / "data").mkdir(parents=True)
    resources = []
    for name, (schema, rows) in tables.items():
        path = f"data/{name}.csv"
        with (folder / path).open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, [f["name"] for f in schema["fields"]],
                                    lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        resources.append({"name": name, "path": path, "format": "csv", "schema": schema})
    (folder / "datapackage.json").write_text(json.dumps(
        {"name": "demo", "version": version, "resources": resources}))
    return folder


@pytest.fixture
def old(tmp_path):
    return make_package(tmp_path / "old", "1.0.0", {"rounds": (SCHEMA, ROWS)})


def new_package(tmp_path, schema=SCHEMA, rows=ROWS, extra=None):
    tables = {"rounds": (schema, rows), **(extra or {})}
    return make_package(tmp_path / "new", "1.1.0", tables)


def test_row_added(old, tmp_path):
    new = new_package(tmp_path, rows=ROWS + [{"round_id": "c", "amount": "300",
                                              "currency": "EUR"}])
    assert render(diff_locations(old, new)) == (
        "demo 1.0.0 → 1.1.0\n"
        "Needs at least a MINOR version bump.\n"
        "\n"
        "rounds:\n"
        "  rows added (1): c\n")


def test_row_changed(old, tmp_path):
    rows = [ROWS[0], {"round_id": "b", "amount": "250", "currency": ""}]
    new = new_package(tmp_path, rows=rows)
    assert render(diff_locations(old, new)) == (
        "demo 1.0.0 → 1.1.0\n"
        "Needs at least a PATCH version bump.\n"
        "\n"
        "rounds:\n"
        "  rows changed (1):\n"
        "    b: amount 200 → 250; currency USD → (empty)\n")


def test_column_removed(old, tmp_path):
    schema = copy.deepcopy(SCHEMA)
    schema["fields"] = schema["fields"][:2]
    new = new_package(tmp_path, schema=schema,
                      rows=[{k: r[k] for k in ("round_id", "amount")} for r in ROWS])
    assert render(diff_locations(old, new)) == (
        "demo 1.0.0 → 1.1.0\n"
        "Needs at least a MAJOR version bump.\n"
        "\n"
        "rounds:\n"
        "  column removed: currency (string)\n")


def test_type_changed(old, tmp_path):
    schema = copy.deepcopy(SCHEMA)
    schema["fields"][1]["type"] = "integer"
    new = new_package(tmp_path, schema=schema)
    result = diff_locations(old, new)
    assert render(result) == (
        "demo 1.0.0 → 1.1.0\n"
        "Needs at least a MAJOR version bump.\n"
        "\n"
        "rounds:\n"
        "  type changed: amount: number → integer\n")
    assert result.reasons == [("major", "type of rounds.amount changed")]


def test_new_table_and_key_change_and_json_output(old, tmp_path):
    """Any set of tables: a new `conflicts` table is found from the descriptor alone."""
    conflicts = {"fields": [{"name": "conflict_id", "type": "string"}],
                 "primaryKey": ["conflict_id"]}
    schema = copy.deepcopy(SCHEMA)
    schema["primaryKey"] = ["round_id", "currency"]
    new = new_package(tmp_path, schema=schema,
                      extra={"conflicts": (conflicts, [{"conflict_id": "x"}])})
    result = run_cli("diff", str(old), str(new), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["level"] == "major"
    # One list of typed changes, each with the version level it needs.
    assert data["changes"] == [
        {"kind": "table-added", "level": "minor", "table": "conflicts", "rows": 1,
         "why": "table conflicts added"},
        {"kind": "primary-key-changed", "level": "major", "table": "rounds",
         "old": ["round_id"], "new": ["round_id", "currency"],
         "why": "primary key of rounds changed"}]
    assert {"level": "minor", "why": "table conflicts added"} in data["reasons"]


def test_identical_packages_and_archives(old, tmp_path):
    archive = tmp_path / "old.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(old.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(old).as_posix())
    result = run_cli("diff", str(archive), str(old))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "demo 1.0.0 → 1.0.0\nNo changes.\n"


def test_a_long_text_is_cut_around_its_first_difference(old, tmp_path):
    schema = copy.deepcopy(SCHEMA)
    schema["fields"].append({"name": "description", "type": "string"})
    long = "The round was announced at a press conference in the city, " * 2
    old = make_package(tmp_path / "old2", "1.0.0", {"rounds": (schema, [
        {**ROWS[0], "description": long + "led by X."}])})
    new = new_package(tmp_path, schema=schema,
                      rows=[{**ROWS[0], "description": long + "led by Y."}])
    assert render(diff_locations(old, new)).splitlines()[-1] == (
        "    a: description '…d was announced at a press conference in the city, led by X.' → "
        "'…d was announced at a press conference in the city, led by Y.'")


def test_a_narrowed_enum_needs_a_major_version(tmp_path):
    """A reader filtering on a value that is no longer allowed finds nothing: MAJOR."""
    schema = copy.deepcopy(SCHEMA)
    schema["fields"][2]["constraints"] = {"enum": ["USD", "EUR"]}
    old = make_package(tmp_path / "old", "1.0.0", {"rounds": (schema, ROWS)})
    narrowed = copy.deepcopy(schema)
    narrowed["fields"][2]["constraints"] = {"enum": ["USD"]}
    widened = copy.deepcopy(schema)
    widened["fields"][2]["constraints"] = {"enum": ["USD", "EUR", "CNY"]}
    result = diff_locations(old, new_package(tmp_path, schema=narrowed))
    assert result.level == "major"
    assert ("major", "values of rounds.currency no longer allowed: EUR") in result.reasons
    assert "  values no longer allowed in currency: EUR" in render(result)
    wider = diff_locations(old, make_package(tmp_path / "wider", "1.1.0",
                                             {"rounds": (widened, ROWS)}))
    assert wider.level == "patch"
