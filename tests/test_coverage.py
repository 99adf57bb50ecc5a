"""The conflicts table and the coverage report."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from conftest import REPO, run_cli
from sensetime_dataset.reports.coverage import compute, split_sentences


def table(name: str) -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / f"{name}.csv", dtype=str, keep_default_na=False)


# Disagreements read in the sources: conflict id -> the values (or, for a name
# disagreement, the names as written) that the sources state, and the published one.
KNOWN = {
    "investors/series-c-plus-hopu-capital/role": ({"lead", "participant"}, "lead"),
    "investors/series-c-plus-tiger-global/role": ({"lead", "participant"}, "lead"),
    "investors/series-c-temasek/role": ({"lead", "participant"}, "participant"),
    "investors/series-c-plus-tiger-global/organization_id":
        ({"Tiger Global", "Tiger Capital"}, "tiger-global"),
    "investors/series-c-plus-silver-lake/organization_id":
        ({"Silver Lake", "Silver Lake Partners"}, "silver-lake"),
    "partners/hkai-lab-alibaba/date": ({"2018-05-21", "2018-05", "2018-04"}, "2018-05-21"),
    "partners/singapore-mou-2018-ntu/date": ({"2018-06-29", "2018-06", "2018-05"}, "2018-06-29"),
    "partners/mit-alliance-2018/kind": ({"alliance", "collaboration"}, "alliance"),
    "partners/mit-intelligence-quest-2018/date": ({"2018-02", "2019"}, "2018-02"),
    "rounds/ipo/currency": ({"USD", "HKD"}, "USD"),
    "sanctions/bis-entity-list-2019/target": ({"SenseTime", "Beijing SenseTime"}, "SenseTime"),
}
# Read in the sources and judged NOT to disagree (a less precise date, the same number
# written out): they must not be listed.
AGREEMENTS = ["rounds/series-c/date", "rounds/series-c-plus/date", "rounds/series-b/date",
              "events/founding-2014/date", "sanctions/bis-entity-list-2019/date",
              "events/cvpr-2015/date", "partners/shanghai-government-2017/date"]


@pytest.fixture(scope="module")
def conflicts() -> pd.DataFrame:
    return table("conflicts")


@pytest.mark.parametrize("conflict_id", KNOWN)
def test_conflicts_list_each_known_disagreement_with_every_side(conflict_id, conflicts):
    values, published = KNOWN[conflict_id]
    sides = conflicts[conflicts.conflict_id == conflict_id]
    assert len(sides) >= 2, f"{conflict_id} is not listed"
    stated = set(sides.stated_as) if sides.kind.iloc[0] == "name" else set(sides.value)
    assert stated == values
    assert set(sides.published_value) == {published}
    assert sides.rule.str.match(r"^(rule [12]|same organization)").all()
    # Both (all) quotes are given, from the sources, and they differ.
    assert sides.quote.nunique() >= 2 and (sides.quote != "").all()
    texts = dict(zip(table("sources").source_id, table("sources").text))
    for side in sides.itertuples():
        assert texts[side.source_id][int(side.start):int(side.end)] == side.quote
    # The published row carries the published value.
    name, row_id, field = conflict_id.split("/")
    rows = table(name)
    assert rows.loc[rows.iloc[:, 0] == row_id, field].iloc[0] == published


def test_preferred_sides_hold_the_published_value(conflicts):
    values = conflicts[conflicts.kind == "value"]
    for side in values.itertuples():
        agrees = side.value == side.published_value or (
            side.field == "date" and side.published_value.startswith(side.value))
        assert (side.preferred == "true") == agrees, side.claim_id


@pytest.mark.parametrize("conflict_id", AGREEMENTS)
def test_values_that_agree_are_not_listed_as_conflicts(conflict_id, conflicts):
    assert conflict_id not in set(conflicts.conflict_id)
    claims = table("claims")
    name, row_id, field = conflict_id.split("/")
    stated = claims[(claims.table_name == name) & (claims.row_id == row_id)
                    & (claims.field == field)]
    assert len(stated) >= 2, f"{conflict_id}: expected several sources to state it"
    assert (stated.preferred == "true").all()


def test_sentence_splitting_handles_lost_breaks_and_abbreviations():
    text = ("History\nThe round closed.The B1 round was led by Dr. Xu Li of the U.S. office. "
            "Was it big? Yes, “very”.\n### 2014\n")
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences == ["The round closed.", "The B1 round was led by Dr. Xu Li of the U.S. office.",
                         "Was it big?", "Yes, “very”."]


def test_coverage_counts_sentences_a_quote_overlaps():
    text = "First fact here. Second fact here. Third one. Fourth one."
    tables = {
        "sources": [{"source_id": "doc", "text": text}],
        "evidence": [{"source_id": "doc", "table_name": "rounds", "row_id": "r1",
                      "start": text.index("fact here. Second"),
                      "end": text.index("fact here. Second") + 4}],
        "claims": [{"source_id": "doc", "start": text.index("Fourth"),
                    "end": text.index("Fourth") + 6}],
        "rounds": [{"round_id": "r1"}],
    }
    cov = compute(tables)
    (doc,) = cov.sources
    assert (len(doc.sentences), sum(doc.supported)) == (4, 2)
    assert doc.share == 0.5
    assert doc.unsupported() == ["Second fact here.", "Third one."]
    assert doc.rows == {"rounds": 1}
    assert cov.table_rows["rounds"] == 1


def test_build_prints_and_writes_the_coverage_report(repo_copy):
    result = run_cli("build", "--root", str(repo_copy))
    assert result.returncode == 0, result.stderr
    sources = table("sources").source_id
    for source_id in sources:
        assert re.search(rf"{re.escape(source_id)}\s+\d+/\d+\s+\d+\.\d%", result.stdout), source_id
    report = (repo_copy / "build" / "coverage.md").read_text(encoding="utf-8")
    # Rows per table: the figures are the published row counts.
    for name in ("rounds", "investors", "partners", "sanctions", "events", "organizations",
                 "conflicts"):
        assert f"| {name} | {len(table(name))} |" in report, name
    # Per source: supported + unsupported = sentences, and no unsupported sentence holds a
    # quote of that source.
    texts = dict(zip(sources, table("sources").text))
    quotes = pd.concat([table("evidence")[["source_id", "quote"]],
                        table("claims")[["source_id", "quote"]]])
    for source_id in sources:
        row = re.search(rf"^\| {re.escape(source_id)} \| (\d+) \| (\d+) \| [\d.]+% \|$",
                        report, re.M)
        total, supported = int(row.group(1)), int(row.group(2))
        section = report.split(f"### {source_id} (")[1].split("\n### ")[0]
        listed = [line[2:] for line in section.splitlines() if line.startswith("- ")]
        assert section.startswith(f"{total - supported} unsupported)")
        assert len(listed) == total - supported
        own = set(quotes[quotes.source_id == source_id].quote)
        for sentence in listed:
            assert sentence in texts[source_id]
            # A quote is found at its first occurrence: a repeated passage (003 repeats a
            # paragraph) is unsupported at its second occurrence, and only there.
            if any(q in sentence for q in own):
                assert texts[source_id].count(sentence) > 1, sentence
    assert "approximate" in report


def test_coverage_command_reads_the_published_package(repo_copy):
    result = run_cli("coverage", "--root", str(repo_copy))
    assert result.returncode == 0, result.stderr
    assert "all sources" in result.stdout
    assert (repo_copy / "build" / "coverage.md").is_file()
