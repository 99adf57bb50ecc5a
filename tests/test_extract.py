"""The assisted extraction: shape of the output on every labelled document, a few exact
readings, the command line, and an F1 floor on the tune set."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sensetime_dataset.extract import FIELDS, TABLES, extract

CORPUS = Path(__file__).parent / "extract_corpus"
DOCUMENTS = sorted(CORPUS.glob("*/*.txt"))
BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def test_the_corpus_has_enough_documents():
    assert len(list((CORPUS / "tune").glob("*.txt"))) >= 9
    assert len(list((CORPUS / "tune2").glob("*.txt"))) >= 19
    assert len(list((CORPUS / "tune3").glob("*.txt"))) >= 21
    assert len(list((CORPUS / "tune4").glob("*.txt"))) >= 17
    assert len(list((CORPUS / "holdout").glob("*.txt"))) >= 6
    assert len(list((CORPUS / "holdout2").glob("*.txt"))) >= 4
    assert len(list((CORPUS / "holdout3").glob("*.txt"))) >= 12
    assert len(list((CORPUS / "holdout4").glob("*.txt"))) >= 12


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_proposal_quotes_the_document_exactly(path):
    text = path.read_text(encoding="utf-8")
    proposals = [p.as_json() for p in extract(text)]
    for p in proposals:
        assert set(p) == {"table", "fields", "quote", "start", "end", "rule"}
        assert p["table"] in TABLES
        assert tuple(p["fields"]) == FIELDS[p["table"]]
        assert p["quote"] == text[p["start"]:p["end"]]
        assert p["rule"]
        date = p["fields"].get("date")
        assert date is None or len(date) in (4, 7, 10)
    expected = json.loads(path.with_suffix("").with_suffix(".expected.json").read_text())
    assert all(e["table"] in TABLES and set(e["fields"]) <= set(FIELDS[e["table"]])
               for e in expected)


def _doc(name: str) -> str:
    return (CORPUS / "tune" / f"{name}.txt").read_text(encoding="utf-8")


def _rounds(text: str) -> list[dict]:
    return [p.fields for p in extract(text) if p.table == "rounds"]


def test_relative_dates_resolve_against_the_dateline():
    partners = {p.fields["name"]: p.fields for p in extract(_doc("ardentis-series-b"))
                if p.table == "partners"}
    # dateline July 11, 2017: "last month" is June 2017, "Last year" 2016
    assert partners["Vireo Semiconductor"]["date"] == "2017-06"
    assert partners["Quayside Mobile"]["date"] == "2016"
    rounds = {r["round_name"]: r for r in _rounds(_doc("sundara-strategic"))}
    assert rounds["Strategic"]["date"] == "2018-04-09"  # "on Monday (April 9)"


def test_a_rivals_round_and_an_investors_fund_are_not_proposed():
    text = _doc("quorra-news")
    amounts = {r["amount"] for r in _rounds(text)}
    assert 620e6 in amounts
    assert not amounts & {200e6, 1e9, 1.2e9, 1.5e9}  # rival, fund, totals
    names = {p.fields["name"] for p in extract(text) if p.table == "investors"}
    assert names == {"Ironbark Capital", "Saltmarsh Ventures", "Pillar Rock Partners"}


def test_an_escaped_dollar_and_a_lost_break_are_read():
    series_b = [r for r in _rounds(_doc("meridot-messy")) if r["round_name"] == "Series B"]
    assert series_b and series_b[0]["amount"] == 85e6 and series_b[0]["currency"] == "USD"


def test_forward_looking_and_totals_are_not_proposed():
    tables = [p.table for p in extract(_doc("velmont-forward"))]
    assert "rounds" not in tables and "investors" not in tables


def test_no_clock_dates_without_an_anchor():
    text = "Quorra raised $5 million in a seed round last year. It was founded in 2015."
    (seed,) = _rounds(text)
    assert seed["date"] is None  # no dateline, no anchor: "last year" stays unresolved
    (seed,) = _rounds_with_anchor(text, "2019-04-28")
    assert seed["date"] == "2018"


def _rounds_with_anchor(text, anchor):
    return [p.fields for p in extract(text, anchor) if p.table == "rounds"]


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sensetime_dataset", "extract", *args],
                          capture_output=True, text=True, timeout=60)


def test_cli_json_is_one_array_of_proposals():
    path = CORPUS / "tune" / "quorra-news.txt"
    result = _cli(str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    text = path.read_text(encoding="utf-8")
    assert isinstance(data, list) and data
    assert all(text[p["start"]:p["end"]] == p["quote"] for p in data)


def test_cli_refuses_a_missing_non_utf8_or_utf16_file_in_one_line(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 raised $5 million".encode("latin-1"))
    # UTF-16 of ASCII text is valid UTF-8, with a NUL after every letter
    wide = tmp_path / "utf16.txt"
    wide.write_bytes("Acme raised $5 million".encode("utf-16-le"))
    for path in (tmp_path / "missing.txt", bad, wide):
        result = _cli(str(path), "--json")
        assert result.returncode == 1
        assert result.stderr.strip().count("\n") == 0 and str(path) in result.stderr
        assert "Traceback" not in result.stderr and result.stdout == ""


def test_cli_refuses_a_pipe_and_an_into_that_is_no_curation_folder(tmp_path):
    # a pipe (or /dev/zero) may never end: refused before it is read, not waited on
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    result = _cli(str(pipe), "--json")
    assert result.returncode == 1 and "not a regular file" in result.stderr
    doc = CORPUS / "tune" / "quorra-news.txt"
    for into in (tmp_path / "nowhere", tmp_path):
        result = _cli(str(doc), "--into", str(into))
        assert result.returncode == 1 and f"--into {into}: not the curation/ folder" in \
            result.stderr and "Traceback" not in result.stderr


def test_an_anchor_that_is_no_date_is_refused_up_front(tmp_path):
    text = "Quorra raised $5 million in a seed round last year."
    for anchor in ("2019-02-30", "2019-13", "28/04/2019", "next week"):
        with pytest.raises(ValueError, match="YYYY-MM-DD of a real day"):
            extract(text, anchor)
    path = tmp_path / "quorra.txt"
    path.write_text(text, encoding="utf-8")
    result = _cli(str(path), "--json", "--anchor", "2019-02-30")
    assert result.returncode == 2 and "--anchor" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    result = _cli(str(path), "--json", "--anchor", "2019-04")
    assert result.returncode == 0 and json.loads(result.stdout)[0]["fields"]["date"] == "2018"


def test_f1_floor_on_the_tune_set():
    sys.path.insert(0, str(BENCH))
    try:
        from bench_extract import score_corpus
    finally:
        sys.path.remove(str(BENCH))
    assert score_corpus("tune").f1() >= 0.9


def test_round_status_is_read_from_the_text():
    text = ("Bravo Foods announced a $30 million Series B led by Kite Capital. In 2020 Bravo "
            "Foods raised $10 million in a seed round. Kite Capital has agreed to invest $5 "
            "million in a Series C. The deal is subject to regulatory approval.")
    status = {r["round_name"]: r["status"] for r in _rounds(text)}
    assert status == {"Series B": "announced", "Seed": "completed",
                      "Series C": "pending-closing"}


def test_a_headline_and_its_body_make_one_round_and_a_lead_investor_is_read():
    (text := "Pulsaro pulls in £30m\nLONDON, 2 October 2023 – Pulsaro has pulled in £30m in "
             "a Series B round. Fenwick Growth was the lead investor.")
    (round_,) = _rounds(text)
    assert (round_["round_name"], round_["amount"], round_["currency"]) == \
        ("Series B", 30e6, "GBP")
    investors = [(p.fields["name"], p.fields["role"]) for p in extract(text)
                 if p.table == "investors"]
    assert investors == [("Fenwick Growth", "lead")]


def test_event_types_of_a_history():
    text = ("Oberon Vision was founded in 2012. In 2014, eleven of the company's papers were "
            "accepted at a conference. In 2021 it was included in the KOSDAQ 150 index. In "
            "2022 Reuters reported that Oberon's software was used by police.")
    events = {(p.fields["event_type"], p.fields["date"]) for p in extract(text)
              if p.table == "events"}
    assert events == {("founding", "2012"), ("research", "2014"), ("index-inclusion", "2021"),
                      ("press-report", "2022")}
