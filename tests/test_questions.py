"""The questions analysts ask of the package, answered from the published Parquet files
as a user would, each checked against what the sources state."""

from __future__ import annotations

import duckdb
import pytest

from conftest import PUBLISHED, REPO


def sql(query: str):
    return duckdb.sql(query.replace("data/", f"{REPO}/data/")).df()


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {r["source_id"]: r["text"] for r in PUBLISHED.rows("sources")}


def test_money_raised_by_completed_private_rounds_matches_the_companys_total(texts):
    # The company's own total on the day of its Series C+ release.
    assert ("SenseTime now enjoys a total financing of more than US$1.6 billion"
            in texts["pr-2018-05-31-series-c-plus"])
    total = sql("""
        SELECT sum(amount) AS raised, list(round_id ORDER BY round_id) AS rounds
        FROM 'data/rounds.parquet'
        WHERE status = 'completed' AND round_type <> 'ipo' AND parent_round_id IS NULL
          AND currency = 'USD' AND date_end <= DATE '2018-05-31'""").iloc[0]
    assert list(total.rounds) == ["series-b", "series-c", "series-c-plus"]
    assert 1.6e9 < total.raised < 1.7e9     # US$1.63 billion: "more than US$1.6 billion"
    # ... and the news article's "more than $1.2 billion" in the past six months.
    assert "in the past six months to more than $1.2 billion" in texts["news-2018-05-31-series-c-plus"]
    recent = sql("""SELECT sum(amount) AS raised FROM 'data/rounds.parquet'
                    WHERE status = 'completed' AND parent_round_id IS NULL
                      AND date_start >= DATE '2017-12-01' AND date_end <= DATE '2018-05-31'""")
    assert 1.2e9 < recent.raised[0] < 1.3e9


def test_what_a_sum_leaves_out_is_marked():
    rounds = sql("SELECT round_id, round_type, status, amount, date FROM 'data/rounds.parquet'")
    status = dict(zip(rounds.round_id, rounds.status))
    assert status["qualcomm-strategic-investment-2017"] == "agreed-pending-closing"
    assert dict(zip(rounds.round_id, rounds.round_type))["ipo"] == "ipo"
    # The golden share is a stake, not a funding round.
    assert "china-internet-investment-fund-golden-share" not in status
    stakes = sql("SELECT stake_id, holder_id, kind FROM 'data/stakes.parquet'")
    assert stakes.to_dict("records") == [{
        "stake_id": "china-internet-investment-fund-golden-share",
        "holder_id": "china-internet-investment-fund", "kind": "golden-share"}]


def test_investors_of_each_round_with_their_role_tranches_included():
    rows = sql("""
        SELECT coalesce(r.parent_round_id, r.round_id) AS round, r.round_id AS part,
               i.organization_id, i.role
        FROM 'data/investors.parquet' i JOIN 'data/rounds.parquet' r USING (round_id)""")
    series_b = rows[rows["round"] == "series-b"]
    assert set(series_b.part) == {"series-b", "series-b-b1", "series-b-b2"}
    leads = set(series_b[series_b.role == "lead"].organization_id)
    assert leads == {"cdh-investments", "sailing-capital"}
    c = rows[rows["round"] == "series-c"].set_index("organization_id").role.to_dict()
    assert c == {"alibaba": "lead", "temasek": "participant", "suning": "participant"}
    assert set(rows.role) == {"lead", "participant"}


def test_the_2018_timeline_has_each_event_once():
    events = sql("""SELECT event_id, date, description FROM 'data/events.parquet'
                    WHERE date_start >= DATE '2018-01-01' AND date_end <= DATE '2018-12-31'
                    ORDER BY date_start, event_id""")
    assert not events.duplicated(["date", "description"]).any()
    gaiaa = events[events.description.str.contains("Global Artificial Intelligence Academic")]
    assert list(gaiaa.event_id) == ["partner-gaiaa-2018"]
    singapore = events[events.description.str.contains("memorandum of understanding with Nanyang")]
    assert list(singapore.event_id) == ["partner-singapore-mou-2018"]
    # The three organizations of that memorandum are three partners sharing the event.
    partners = sql("SELECT partner_id FROM 'data/partners.parquet' "
                   "WHERE event_id = 'partner-singapore-mou-2018'")
    assert len(partners) == 3


def test_fellow_alliance_members_are_not_partners():
    partners = sql("SELECT partner_id, organization_id FROM 'data/partners.parquet'")
    assert not partners.partner_id.str.startswith("gaiaa-2018-").any()
    assert "gaiaa" in set(partners.organization_id)


def test_the_valuation_history():
    history = sql("""SELECT valuation_id, date, amount, qualifier, round_id
                     FROM 'data/valuations.parquet' ORDER BY date_start NULLS LAST, valuation_id""")
    dated = history[history.date.notna()]
    assert list(dated.valuation_id) == ["estimate-2017-12", "wsj-end-of-2018", "mit-news-2018-02",
                                        "series-c", "series-c-plus"]
    assert history.set_index("valuation_id").qualifier["series-c-plus"] == "more-than"
    # rounds.valuation is the valuation row of the round.
    rounds = sql("SELECT round_id, valuation, valuation_qualifier FROM 'data/rounds.parquet' "
                 "WHERE valuation IS NOT NULL")
    by_round = history.dropna(subset=["round_id"]).set_index("round_id")
    for row in rounds.itertuples():
        assert by_round.amount[row.round_id] == row.valuation
        assert by_round.qualifier[row.round_id] == row.valuation_qualifier


def test_single_source_and_disputed_rows_follow_the_claims():
    claims = sql("SELECT table_name, row_id, source_id FROM 'data/claims.parquet'")
    conflicts = sql("SELECT DISTINCT table_name, row_id FROM 'data/conflicts.parquet'")
    disputed = set(zip(conflicts.table_name, conflicts.row_id))
    counts = claims.groupby(["table_name", "row_id"]).source_id.nunique().to_dict()
    checked = 0
    for table in ("rounds", "valuations", "investors", "stakes", "partners", "sanctions"):
        key = PUBLISHED.schemas.primary_key(table)
        rows = sql(f"SELECT {key} AS id, source_count, disputed FROM 'data/{table}.parquet'")
        for row in rows.itertuples():
            assert row.source_count == counts[(table, row.id)], (table, row.id)
            assert row.disputed == ((table, row.id) in disputed), (table, row.id)
            checked += 1
    assert checked > 60
    uncertain = sql("SELECT round_id FROM 'data/rounds.parquet' WHERE source_count = 1 OR disputed")
    assert {"softbank-2018", "ipo"} <= set(uncertain.round_id)


def test_dates_sort_and_filter_as_dates():
    table = PUBLISHED.arrow("events")
    assert str(table.schema.field("date_start").type) == "date32[day]"
    rows = sql("SELECT date, date_start, date_end FROM 'data/events.parquet' WHERE date = '2018-04'")
    assert rows.empty or (rows.date_start.astype(str) == "2018-04-01").all()
    feb = sql("SELECT date_start, date_end FROM 'data/partners.parquet' "
              "WHERE partner_id = 'mit-alliance-2018'").iloc[0]
    assert (str(feb.date_start)[:10], str(feb.date_end)[:10]) == ("2018-02-01", "2018-02-28")
