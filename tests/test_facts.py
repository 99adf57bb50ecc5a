"""Specific facts of the published package, each checked against the source text.

Every expectation here was read from the sources by a person: a fact is the published
value AND a passage of the source that states it, which must occur in the normalized
text of that source and be quoted by the row's evidence.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from conftest import REPO, ROW_TABLES


def table(name: str) -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / f"{name}.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    sources = pd.read_parquet(REPO / "data" / "sources.parquet")
    return dict(zip(sources.source_id, sources.text))


@pytest.fixture(scope="module")
def evidence() -> pd.DataFrame:
    return table("evidence")


# (table, row id, {column: published value}, source id, passage of the source stating it)
FACTS = [
    ("rounds", "series-b", {"amount": "410000000", "currency": "USD", "date": "2017-07-11"},
     "pr-2017-07-11-series-b", "July 11, 2017 – SenseTime"),
    ("rounds", "series-b", {"amount": "410000000"},
     "pr-2017-07-11-series-b", "it has raised $410 million in its Series B round of funding"),
    ("rounds", "series-b-b1", {"round_type": "tranche", "parent_round_id": "series-b"},
     "pr-2017-07-11-series-b", "The B1 round was led by private equity firm CDH Investments."),
    ("rounds", "series-a", {"round_type": "series", "date": "", "amount": ""},
     "pr-2017-07-11-series-b", "IDG Capital led SenseTime's series A round"),
    ("investors", "series-a-idg-capital", {"organization_id": "idg-capital", "role": "lead"},
     "pr-2017-07-11-series-b", "IDG Capital led SenseTime's series A round"),
    ("rounds", "qualcomm-strategic-investment-2017",
     {"round_type": "strategic", "date": "2017-11-15", "amount": ""},
     "pr-2017-11-15-qualcomm-investment", "signed a strategic investment agreement"),
    ("rounds", "series-c", {"amount": "600000000", "currency": "USD", "date": "2018-04-09"},
     "pr-2018-04-09-series-c", "has successfully raised US$600 million in its Series C round"),
    ("rounds", "series-c-plus", {"amount": "620000000", "valuation": "4500000000",
                                 "date": "2018-05-31"},
     "pr-2018-05-31-series-c-plus", "completion of its US$620 million series C+ funding round"),
    ("rounds", "softbank-2018", {"amount": "700000000", "valuation": "7000000000", "date": ""},
     "encyclopedia-2019", "$700 million at a $7 billion valuation from Softbank"),
    ("rounds", "ipo", {"round_type": "ipo", "date": "2021-12-30", "amount": "767000000",
                       "currency": "USD"},
     "encyclopedia-2024", "On 30 December, SenseTime completed its IPO"),
    ("sanctions", "bis-entity-list-2019", {"authority_id": "us-bis", "program": "Entity List",
                                           "date": "2019-10", "target": "SenseTime"},
     "encyclopedia-2024", "In October 2019, SenseTime was placed on the United States Bureau"),
    ("sanctions", "us-treasury-ns-cmic-2021", {"authority_id": "us-treasury",
                                               "date": "2021-12-10"},
     "encyclopedia-2024", "On 10 December 2021, on Human Rights Day"),
    ("sanctions", "us-dod-chinese-military-company-2024",
     {"authority_id": "us-dod", "program": "Chinese Military Company", "date": "2024-12"},
     "encyclopedia-2024", "In December 2024, the United States Department of Defense"),
    ("partners", "singapore-mou-2018-ntu", {"organization_id": "ntu", "kind": "mou",
                                            "date": "2018-06-29"},
     "encyclopedia-2019", "The ceremony was held on 29 June 2018 in Singapore"),
    ("partners", "hkai-lab-hkstp", {"organization_id": "hkstp", "kind": "joint-lab",
                                    "date": "2018-05-21"},
     "pr-2018-05-21-hkai-lab", "Hong Kong, May 21, 2018"),
    ("partners", "listed-vivo", {"organization_id": "vivo", "kind": "listed", "date": ""},
     "pr-2017-07-11-series-b", "OPPO, vivo, Weibo, and iFLYTEK"),
    ("partners", "leon-smart-policing-2017", {"kind": "joint-venture", "date": "2017-11"},
     "encyclopedia-2024", "In November 2017, SenseTime set up a 'smart policing' company"),
    ("events", "founding-2014", {"event_type": "founding", "date": "2014-10"},
     "encyclopedia-2024", "co-founded in October 2014"),
    ("events", "hang-seng-tech-index-2022", {"event_type": "index-inclusion",
                                             "date": "2022-02-18"},
     "encyclopedia-2024", "On 18 February, index compiler Hang Seng Indexes Co."),
    ("events", "ipo-relaunch-2021-12-20", {"event_type": "ipo", "round_id": "ipo",
                                           "date": "2021-12-20"},
     "encyclopedia-2024", "relaunched in Hong Kong on 20 December"),
    ("events", "national-open-innovation-platform-2018", {"event_type": "designation",
                                                          "date": "2018-09-20"},
     "encyclopedia-2019", "On 20 September 2018, SenseTime was named"),
    ("valuations", "wsj-end-of-2018", {"amount": "7700000000", "currency": "USD",
                                       "qualifier": "exact", "date": "2018",
                                       "date_start": "2018-01-01", "date_end": "2018-12-31"},
     "encyclopedia-2024", "valued at $7.7\u00a0billion at the end of 2018"),
    ("valuations", "series-c-plus", {"amount": "4500000000", "qualifier": "more-than",
                                     "round_id": "series-c-plus", "date": "2018-05-31"},
     "pr-2018-05-31-series-c-plus", "a valuation of over US$4.5 billion"),
    ("rounds", "qualcomm-strategic-investment-2017", {"status": "agreed-pending-closing"},
     "pr-2017-11-15-qualcomm-investment", "strategic investment agreement with global "
                                          "communications giant Qualcomm Incorporated"),
    ("rounds", "series-c-plus", {"status": "completed"},
     "pr-2018-05-31-series-c-plus", "has announced the completion of its US$620 million"),
    ("stakes", "china-internet-investment-fund-golden-share",
     {"holder_id": "china-internet-investment-fund", "kind": "golden-share"},
     "encyclopedia-2024", "holds a golden share ownership stake in SenseTime"),
    ("events", "ipo-postponement-announced-2021-12-13", {"date": "2021-12-13"},
     "encyclopedia-2024", "On 13 December, SenseTime announced that it will postpone its IPO."),
    ("events", "facial-recognition-standard-committee-2019", {"date": "2019-11"},
     "encyclopedia-2024", "In November 2019, SenseTime led a committee"),
    ("partners", "mit-alliance-2018", {"date": "2018-02", "date_start": "2018-02-01",
                                       "date_end": "2018-02-28"},
     "pr-2018-04-09-series-c", "In February 2018, the prestigious Massachusets Institute"),
]


@pytest.mark.parametrize("fact", FACTS, ids=[f"{f[0]}/{f[1]}" for f in FACTS])
def test_a_fact_is_published_and_stated_by_its_source(fact, texts, evidence):
    name, row_id, expected, source_id, passage = fact
    rows = table(name)
    key = rows.columns[0]
    row = rows[rows[key] == row_id]
    assert len(row) == 1, f"{name} has no row {row_id}"
    for column, value in expected.items():
        actual = row.iloc[0][column]
        if value and actual and value.replace(".", "").isdigit():
            assert math.isclose(float(actual), float(value)), column
        else:
            assert actual == value, f"{name}/{row_id}.{column}: {actual!r} != {value!r}"
    # The passage is in the source, and the row's evidence quotes it.
    assert passage in texts[source_id]
    quotes = evidence[(evidence.table_name == name) & (evidence.row_id == row_id)
                      & (evidence.source_id == source_id)].quote
    assert any(passage in q or q in passage for q in quotes), \
        f"no evidence of {name}/{row_id} from {source_id} quotes {passage!r}"


def test_the_series_c_plus_leads_are_the_four_the_release_names(texts):
    investors = table("investors")
    leads = set(investors[(investors.round_id == "series-c-plus")
                          & (investors.role == "lead")].organization_id)
    assert leads == {"fidelity-international", "hopu-capital", "silver-lake", "tiger-global"}
    assert ("led by prominent investment firms such as Fidelity International, Hopu Capital, "
            "Silver Lake and Tiger Global") in texts["pr-2018-05-31-series-c-plus"]


def test_the_series_b_tranches_and_their_named_backers():
    investors = table("investors")
    by_round = investors.groupby("round_id").organization_id.apply(set)
    assert by_round["series-b-b1"] == {"cdh-investments"}
    assert by_round["series-b-b2"] == {"sailing-capital", "cicc", "china-everbright",
                                       "china-renaissance", "china-merchants-securities-hk"}
    roles = dict(zip(investors.investor_id, investors.role))
    assert roles["series-b-b1-cdh-investments"] == roles["series-b-b2-sailing-capital"] == "lead"


def test_the_same_investor_under_two_names_is_one_organization():
    orgs = table("organizations").set_index("organization_id")
    assert "Tiger Capital" in orgs.loc["tiger-global", "aliases"]
    assert "Silver Lake Partners" in orgs.loc["silver-lake", "aliases"]
    assert not orgs.name.str.casefold().duplicated().any()


def test_every_row_has_evidence(evidence):
    evidenced = set(zip(evidence.table_name, evidence.row_id))
    for name in ROW_TABLES:
        rows = table(name)
        missing = [r for r in rows.iloc[:, 0] if (name, r) not in evidenced]
        assert not missing, f"{name} rows without evidence: {missing}"


def test_every_dated_round_partnership_and_sanction_is_on_the_timeline_once():
    events = table("events")
    for name, link in (("rounds", "round_id"), ("partners", "partner_id"),
                       ("sanctions", "sanction_id")):
        rows = table(name)
        dated = rows[rows.date != ""]
        on_timeline = set(events[events.event_id.str.startswith(link.split("_")[0])][link])
        if "event_id" in rows:   # relations entered together share one event
            assert set(dated.event_id) <= set(events.event_id), name
            assert (rows.date == "").eq(rows.event_id == "").all(), name
            on_timeline |= set(dated[dated.event_id.isin(events.event_id)].iloc[:, 0])
        assert set(dated.iloc[:, 0]) <= on_timeline, name
    assert not events.duplicated(["date", "description"]).any()


def test_dates_are_no_more_precise_than_a_quote_states():
    """A published day must be a day some claim of the row states (no invented days)."""
    claims = table("claims")
    stated = set(zip(claims.table_name, claims.row_id, claims.field, claims.value))
    derived = {"round-": "rounds", "partner-": "partners", "sanction-": "sanctions"}
    partners = table("partners")
    for name in ("rounds", "partners", "sanctions", "events"):
        rows = table(name)
        for row_id, date in zip(rows.iloc[:, 0], rows.date):
            if len(date) != 10:
                continue
            origins = [(name, row_id)]
            if name == "events" and (name, row_id, "date", date) not in stated:
                shared = partners[partners.event_id == row_id].partner_id
                origins = [("partners", p) for p in shared] or [
                    (target, row_id.removeprefix(prefix))
                    for prefix, target in derived.items() if row_id.startswith(prefix)]
            for origin in origins:
                assert (*origin, "date", date) in stated, f"{name}/{row_id}"
