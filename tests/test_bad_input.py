"""Bad input stops the build with a clear message and leaves the last package intact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import edit, run_cli, tree_digest


def changed_source(root: Path) -> None:
    with (root / "sources" / "002_c513dc73152740ac.txt").open("a", encoding="utf-8") as fh:
        fh.write("\nAn added sentence.")


def unknown_source(root: Path) -> None:
    (root / "sources" / "005_new.txt").write_text("A new article.", encoding="utf-8")


def missing_source(root: Path) -> None:
    (root / "sources" / "003_2fa5426fc35c44ed.txt").unlink()


def missing_quote(root: Path) -> None:
    edit(root / "curation" / "rounds.yaml",
         "has successfully raised US$600 million in its Series C round of funding",
         "has successfully raised US$660 million in its Series C round of funding")


def unknown_source_id(root: Path) -> None:
    edit(root / "curation" / "rounds.yaml", "source: pr-2018-04-09-series-c",
         "source: pr-2018-04-09-series-d")


def unknown_organization(root: Path) -> None:
    edit(root / "curation" / "investors.yaml",
         "values: {round_id: series-c, organization_id: Temasek, role: participant}",
         "values: {round_id: series-c, organization_id: Temasek and Suning, role: participant}")


def schema_violation(root: Path) -> None:
    edit(root / "curation" / "investors.yaml",
         "values: {round_id: series-c, organization_id: Suning, role: participant}",
         "values: {round_id: series-c, organization_id: Suning, role: backer}")


def negative_amount(root: Path) -> None:
    # In a claim the preference rule sets aside: refused all the same.
    edit(root / "curation" / "rounds.yaml", "amount: 620000000,", "amount: -620000000,")


def bad_date(root: Path) -> None:
    edit(root / "curation" / "events.yaml", 'date: "2014-10"', 'date: "Oct 2014"')


def broken_foreign_key(root: Path) -> None:
    edit(root / "curation" / "investors.yaml",
         "values: {round_id: series-c, organization_id: Suning, role: participant}",
         "values: {round_id: series-z, organization_id: Suning, role: participant}")


def invalid_utf8_in_curation(root: Path) -> None:
    path = root / "curation" / "events.yaml"
    text = path.read_bytes()
    at = text.index(b"founding-2014")
    at = text.index(b"quote:", at)
    path.write_bytes(text[:at] + b"quote: \xff\xfe" + text[at + len(b"quote:"):])


def empty_curation_file(root: Path) -> None:
    (root / "curation" / "rounds.yaml").write_text("", encoding="utf-8")


def manifest_names_a_file_outside_sources(root: Path) -> None:
    (root / "outside.txt").write_text("secret", encoding="utf-8")
    edit(root / "sources" / "manifest.yaml", "- file: 002_c513dc73152740ac.txt",
         "- file: ../outside.txt")


def manifest_names_an_absolute_path(root: Path) -> None:
    edit(root / "sources" / "manifest.yaml", "- file: 002_c513dc73152740ac.txt",
         "- file: /etc/hostname")


def source_is_a_symlink(root: Path) -> None:
    # The same bytes, but read through a link to a file elsewhere: refused all the same.
    source = root / "sources" / "002_c513dc73152740ac.txt"
    elsewhere = root / "elsewhere.txt"
    source.rename(elsewhere)
    source.symlink_to(elsewhere)


def copied_column_curated(root: Path) -> None:
    # rounds.valuation_qualifier is copied from valuations: curation may not state it.
    edit(root / "curation" / "rounds.yaml", 'values: {date: "2017-07-11"}',
         'values: {date: "2017-07-11", valuation_qualifier: exact}')


def required_value_missing(root: Path) -> None:
    # The first row's only statement of its status removed: a required column left empty.
    edit(root / "curation" / "rounds.yaml", "        status: completed\n", "")


def broken_repair_count(root: Path) -> None:
    edit(root / "sources" / "manifest.yaml", "count: 5", "count: 4")


CASES = {
    # name: (how to break the input, what the message must say)
    "changed source": (changed_source, [r"002_c513dc73152740ac\.txt", r"sha256", r"changed"]),
    "unknown source": (unknown_source, [r"005_new\.txt", r"not in manifest\.yaml"]),
    "missing source": (missing_source, [r"003_2fa5426fc35c44ed\.txt", r"missing"]),
    "missing quote": (missing_quote, [r"curation/rounds\.yaml", r"row series-c", r"claim 2",
                                      r"US\$660 million", r"Closest passage: .*US\$600 million",
                                      r"first difference at character 29 of the quote: '6' "
                                      r"where the source has '0'"]),
    "unknown source id": (unknown_source_id, [r"curation/rounds\.yaml", r"row series-b, claim 6",
                                              r"unknown source 'pr-2018-04-09-series-d'",
                                              r"did you mean 'pr-2018-04-09-series-c'"]),
    "unknown organization": (unknown_organization, [r"curation/investors\.yaml",
                                                    r"row series-c-temasek",
                                                    r"'Temasek and Suning'",
                                                    r"organizations\.yaml"]),
    "schema violation": (schema_violation, [r"investors", r"role", r"backer|enum"]),
    "negative amount": (negative_amount, [r"curation/rounds\.yaml", r"row series-c-plus",
                                          r"amount", r"exclusiveMinimum"]),
    "bad date": (bad_date, [r"curation/events\.yaml", r"founding-2014",
                                                 r"date", r"pattern"]),
    "broken foreign key": (broken_foreign_key, [r"curation/investors\.yaml",
                                                r"row series-c-suning, claim 1",
                                                r"round_id 'series-z'",
                                                r"curation/rounds\.yaml",
                                                r"did you mean 'series-c'"]),
    "invalid UTF-8 in curation": (invalid_utf8_in_curation, [r"curation/events\.yaml, line \d+",
                                                             r"row founding-2014",
                                                             r"not valid UTF-8"]),
    "empty curation file": (empty_curation_file, [r"curation/rounds\.yaml", r"empty"]),
    "manifest names a file outside sources/": (manifest_names_a_file_outside_sources,
                                               [r"manifest\.yaml", r"files\[\d\]",
                                                r"'\.\./outside\.txt'", r"bare file name"]),
    "manifest names an absolute path": (manifest_names_an_absolute_path,
                                        [r"manifest\.yaml", r"'/etc/hostname'"]),
    "source is a symlink": (source_is_a_symlink, [r"002_c513dc73152740ac\.txt",
                                                  r"symbolic link"]),
    "copied column curated": (copied_column_curated, [r"curation/rounds\.yaml",
                                                      r"row series-b", r"valuation_qualifier",
                                                      r"not a curated column"]),
    "required value missing": (required_value_missing, [r"curation/rounds\.yaml",
                                                        r"row series-b:", r"status",
                                                        r"schemas/rounds\.json"]),
    "repair count": (broken_repair_count, [r"003_2fa5426fc35c44ed\.txt", r"occurs 5 times",
                                           r"declares 4"]),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_refused_and_the_last_package_survives(repo_copy, case):
    breaker, patterns = CASES[case]
    before = tree_digest(repo_copy)
    breaker(repo_copy)

    result = run_cli("build", "--root", str(repo_copy))

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    message = result.stderr
    assert len(message.splitlines()) < 12, message   # a message, not a dump
    for pattern in patterns:
        assert re.search(pattern, message), f"{pattern!r} not in: {message}"
    assert tree_digest(repo_copy) == before
    assert not [p for p in repo_copy.iterdir() if p.name.startswith(".build-")]
