"""Every curated value is read back from its quote: the build refuses a value the quote
does not state, and a date or number no calendar or float can hold; `validate` refuses
them in a downloaded package too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PUBLISHED, REPO, edit, tree_digest
from sensetime_dataset.errors import BuildError
from sensetime_dataset.pipeline.build import build
from sensetime_dataset.pipeline.publish import package_metadata, write_package
from sensetime_dataset.published.validate import validate_package
from sensetime_dataset.checkout import Project


CASES = {
    # name: (file, old, new, what the error must say)
    "amount": ("rounds.yaml", "        amount: 620000000\n", "        amount: 660000000\n",
               [r"curation/rounds\.yaml, row series-c-plus, claim 2", r"amount = '660000000'",
                r"money found: 620000000 USD exact", r"completion of its US\$620 million"]),
    "date": ("partners.yaml", 'date: "2017-12-07"', 'date: "2017-12-08"',
             [r"curation/partners\.yaml, row honda-autonomous-driving-2017, claim 1",
              r"date = '2017-12-08'", r"dates found: 2017-12-07"]),
    "role": ("investors.yaml",
             "values: {round_id: series-b-b2, organization_id: Sailing Capital, role: lead}",
             "values: {round_id: series-b-b2, organization_id: Sailing Capital, role: participant}",
             [r"curation/investors\.yaml, row series-b-b2-sailing-capital, claim 1",
              r"role = 'participant'", r"roles found: lead \('led'\)"]),
    "date with no date in the quote": (
        "events.yaml", 'values: {date: "2016", event_type: "other"',
        'values: {date: "2016-07-01", event_type: "other"',
        [r"row growth-2016", r"date = '2016-07-01'", r"dates found: 2016"]),
    "impossible calendar date": (
        "events.yaml", 'values: {date: "2023-02", event_type: "other"',
        'values: {date: "2023-02-30", event_type: "other"',
        [r"curation/events\.yaml, row saudi-arabia-delegation-2023, claim 1",
         r"date = '2023-02-30' is not a calendar date"]),
    "infinite amount": ("rounds.yaml", "        amount: 620000000\n", "        amount: 1e400\n",
                        [r"curation/rounds\.yaml, row series-c-plus, claim 2", r"amount",
                         r"not a finite number"]),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_the_build_refuses_a_value_its_quote_does_not_state(repo_copy, case):
    file, old, new, patterns = CASES[case]
    before = tree_digest(repo_copy)
    edit(repo_copy / "curation" / file, old, new)
    with pytest.raises(BuildError) as error:
        build(repo_copy)
    for pattern in patterns:
        assert re.search(pattern, str(error.value)), f"{pattern!r} not in: {error.value}"
    assert tree_digest(repo_copy) == before


def test_a_reading_note_lets_a_person_state_what_no_reader_finds(repo_copy):
    noted_before = build(repo_copy).readings.noted
    edit(repo_copy / "curation" / "investors.yaml",
         "values: {round_id: series-b-b2, organization_id: Sailing Capital, role: lead}",
         "values: {round_id: series-b-b2, organization_id: Sailing Capital, role: participant}"
         "\n      reading: a test of the note")
    result = build(repo_copy)
    claims = {r["claim_id"]: r for r in PUBLISHED.__class__(repo_copy).rows("claims")}
    (claim,) = [c for c in claims.values()
                if c["row_id"] == "series-b-b2-sailing-capital" and c["field"] == "role"]
    assert (claim["value"], claim["reading"]) == ("participant", "a test of the note")
    assert result.readings.noted == noted_before + 1


def test_a_stale_reading_note_is_refused(repo_copy):
    edit(repo_copy / "curation" / "investors.yaml",
         "values: {round_id: series-b-b2, organization_id: Sailing Capital, role: lead}",
         "values: {round_id: series-b-b2, organization_id: Sailing Capital, role: lead}"
         "\n      reading: nothing to explain")
    with pytest.raises(BuildError, match=r"series-b-b2-sailing-capital, claim 1: has a reading "
                                         r"note, but every value is read from the quote"):
        build(repo_copy)


def test_every_reading_note_is_published_and_counted():
    claims = PUBLISHED.rows("claims")
    noted = [c for c in claims if c["reading"]]
    assert noted and all(len(c["reading"]) > 20 for c in noted)
    # The readers do most of the work: far more values are read than rest on a note.
    assert len(noted) * 5 < len(claims)


@pytest.mark.parametrize("table, row, column, value, message", [
    ("events", "founding-2014", "date", "2014-02-30", r"date is a calendar date"),
    ("rounds", "series-b", "amount", float("inf"), r"amount is finite|inf"),
])
def test_validate_refuses_an_impossible_value_in_a_downloaded_package(
        tmp_path, table, row, column, value, message):
    # A package written consistently (hashes and all) around one impossible value.
    tables = {t: PUBLISHED.rows(t) for t in PUBLISHED.tables}
    key = PUBLISHED.schemas.primary_key(table)
    (record,) = [r for r in tables[table] if r[key] == row]
    record[column] = value
    write_package(tmp_path, tables, PUBLISHED.schemas, package_metadata(Project(REPO)))
    with pytest.raises(BuildError, match=message):
        validate_package(tmp_path)


def _bad_date_beside_other_claims(root: Path) -> None:
    # series-c has several dated claims: the impossible one is named, not a disagreement.
    edit(root / "curation" / "rounds.yaml",
         'values: {date: "2018-04", amount: 600000000, currency: USD}',
         'values: {date: "2018-04-31", amount: 600000000, currency: USD}')


# Invalid UTF-8, an empty curation file and a reference to a missing row are cases of
# tests/test_bad_input.py (through the command line).
@pytest.mark.parametrize("breaker, patterns", [
    (_bad_date_beside_other_claims, [r"curation/rounds\.yaml, row series-c, claim \d",
                                     r"'2018-04-31' is not a calendar date"]),
], ids=["bad date among claims"])
def test_every_build_error_names_the_curation_file_and_record(repo_copy, breaker, patterns):
    before = tree_digest(repo_copy)
    breaker(repo_copy)
    with pytest.raises(BuildError) as error:
        build(repo_copy)
    for pattern in patterns:
        assert re.search(pattern, str(error.value)), f"{pattern!r} not in: {error.value}"
    assert "staging" not in str(error.value) and ".build-" not in str(error.value)
    assert tree_digest(repo_copy) == before
