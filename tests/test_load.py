"""A user's session: load the published package with the usual tools and compare."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from frictionless import Package

from conftest import PUBLISHED, REPO, TABLES, flip_a_byte, run_cli


def test_frictionless_finds_the_package_valid():
    report = Package(str(REPO / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])
    assert len(report.tasks) == 2 * len(TABLES)


@pytest.mark.parametrize("table", TABLES)
def test_csv_and_parquet_hold_the_same_rows(table):
    from_csv = pd.read_csv(REPO / "data" / f"{table}.csv", dtype_backend="pyarrow",
                           keep_default_na=False, na_values=[""])
    from_parquet = pd.read_parquet(REPO / "data" / f"{table}.parquet", dtype_backend="pyarrow")
    for f in PUBLISHED.schemas.fields(table):   # CSV has no date type: ISO text
        if f["type"] == "date":
            from_csv[f["name"]] = from_csv[f["name"]].astype("date32[pyarrow]")
    arrow = pq.read_table(REPO / "data" / f"{table}.parquet")
    assert list(from_csv.columns) == list(from_parquet.columns) == arrow.column_names
    assert len(from_csv) == len(from_parquet) == arrow.num_rows > 0
    pd.testing.assert_frame_equal(from_csv, from_parquet, check_dtype=False)


def test_types_are_sensible_in_both_formats():
    rounds_csv = pd.read_csv(REPO / "data" / "rounds.csv")
    rounds_pq = pq.read_table(REPO / "data" / "rounds.parquet")
    # Dates stay strings (they may be partial); money is a number.
    assert rounds_pq.schema.field("date").type == pa.string()
    assert rounds_pq.schema.field("amount").type == pa.float64()
    assert rounds_pq.schema.field("valuation").type == pa.float64()
    assert pd.api.types.is_float_dtype(rounds_csv["amount"])
    assert pd.api.types.is_string_dtype(pd.read_csv(REPO / "data" / "events.csv",
                                                    dtype={"date": "string"})["date"])
    evidence = pq.read_table(REPO / "data" / "evidence.parquet")
    assert evidence.schema.field("start").type == pa.int64()
    claims = pq.read_table(REPO / "data" / "claims.parquet")
    assert claims.schema.field("preferred").type == pa.bool_()


def test_a_user_can_find_the_series_c_and_its_lead_investor():
    rounds = pd.read_parquet(REPO / "data" / "rounds.parquet").set_index("round_id")
    investors = pd.read_parquet(REPO / "data" / "investors.parquet")
    orgs = pd.read_parquet(REPO / "data" / "organizations.parquet").set_index("organization_id")
    series_c = rounds.loc["series-c"]
    assert (series_c["amount"], series_c["currency"], series_c["date"]) == \
        (600_000_000, "USD", "2018-04-09")
    leads = investors[(investors.round_id == "series-c") & (investors.role == "lead")]
    assert [orgs.loc[o, "name"] for o in leads.organization_id] == ["Alibaba Group"]


def test_every_quote_is_the_source_text_at_its_offsets():
    sources = pd.read_parquet(REPO / "data" / "sources.parquet").set_index("source_id")
    for table in ("evidence", "claims"):
        rows = pd.read_parquet(REPO / "data" / f"{table}.parquet")
        for row in rows.itertuples():
            assert sources.loc[row.source_id, "text"][row.start:row.end] == row.quote


def test_disagreements_are_kept_in_claims():
    claims = pd.read_parquet(REPO / "data" / "claims.parquet")
    hopu = claims[(claims.row_id == "series-c-plus-hopu-capital") & (claims.field == "role")]
    assert sorted(zip(hopu.value, hopu.preferred)) == [("lead", True), ("participant", False)]


def test_validate_command_accepts_a_downloaded_copy_and_names_a_tampered_file(tmp_path):
    copy = tmp_path / "download"
    copy.mkdir()
    shutil.copytree(REPO / "data", copy / "data")
    shutil.copy2(REPO / "datapackage.json", copy / "datapackage.json")
    ok = run_cli("validate", str(copy))
    assert ok.returncode == 0, ok.stderr

    flip_a_byte(copy / "data" / "rounds.parquet")
    bad = run_cli("validate", str(copy))
    assert bad.returncode == 1
    assert "data/rounds.parquet" in bad.stderr


def test_validate_command_names_a_changed_csv_row(tmp_path):
    copy = tmp_path / "download"
    copy.mkdir()
    shutil.copytree(REPO / "data", copy / "data")
    shutil.copy2(REPO / "datapackage.json", copy / "datapackage.json")
    path = copy / "data" / "rounds.csv"
    path.write_text(path.read_text().replace("600000000", "700000000"))
    bad = run_cli("validate", str(copy))
    assert bad.returncode == 1
    assert "rounds" in bad.stderr and "hash" in bad.stderr.lower()


def test_descriptor_is_valid_json_with_a_version():
    descriptor = json.loads((REPO / "datapackage.json").read_text())
    major, minor, patch = (int(x) for x in descriptor["version"].split("."))
    assert (major, minor, patch) >= (0, 1, 0)


def test_validate_command_finds_a_broken_foreign_key_in_a_parquet_file(tmp_path):
    """A re-hashed Parquet file that breaks a key is refused: it must equal the CSV copy,
    whose keys frictionless checks."""
    import hashlib

    copy = tmp_path / "download"
    copy.mkdir()
    shutil.copytree(REPO / "data", copy / "data")
    path = copy / "data" / "investors.parquet"
    table = pq.read_table(path)
    rounds = table.column("round_id").to_pylist()
    rounds[0] = "series-zz"
    index = table.schema.get_field_index("round_id")
    pq.write_table(table.set_column(index, table.schema.field(index), pa.array(rounds)), path)
    descriptor = json.loads((REPO / "datapackage.json").read_text())
    for resource in descriptor["resources"]:
        if resource["path"] == "data/investors.parquet":  # a consistent, re-hashed file
            resource["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    (copy / "datapackage.json").write_text(json.dumps(descriptor))

    bad = run_cli("validate", str(copy))
    assert bad.returncode == 1
    assert "investors_parquet" in bad.stderr and "series-zz" in bad.stderr
