"""The generic value readers of sensetime_dataset.text (no company knowledge)."""

import pytest

from sensetime_dataset.text import (Gazetteer, dateline, find_dates, find_money, find_names,
                                    find_roles, is_abbreviation, parse_date, split_list,
                                    split_sentences)
from sensetime_dataset.text.dates import resolve_dates, scan_dates


@pytest.mark.parametrize("text, amount, currency, bound", [
    ("US$600 million", 600e6, "USD", "exact"),
    ("$620m", 620e6, "USD", "exact"),
    ("$620 million", 620e6, "USD", "exact"),
    ("\\$620 million", 620e6, "USD", "exact"),
    ("HK$767 million", 767e6, "HKD", "exact"),
    ("RMB 500 million", 500e6, "CNY", "exact"),
    ("RMB500m", 500e6, "CNY", "exact"),
    ("500 million yuan", 500e6, "CNY", "exact"),
    ("more than $3 billion", 3e9, "USD", "more-than"),
    ("over $7.5 billion", 7.5e9, "USD", "more-than"),
    ("nearly 20 million", 20e6, None, "about"),
    ("about US$1 billion", 1e9, "USD", "about"),
    ("USD $410 ?million", 410e6, "USD", "exact"),
    ("$1.2bn", 1.2e9, "USD", "exact"),
    ("3.1 billion US dollars", 3.1e9, "USD", "exact"),
    ("up to €40 million", 40e6, "EUR", "up-to"),
    ("£1,250,000", 1.25e6, "GBP", "exact"),
    ("₹85 crore", 85e7, "INR", "exact"), ("₹40 lakh", 4e6, "INR", "exact"),
    ("SEK 210m", 210e6, "SEK", "exact"), ("MXN 320 million", 320e6, "MXN", "exact"),
    ("R45 million", 45e6, "ZAR", "exact"), ("R$180 million", 180e6, "BRL", "exact"),
    ("â‚¬12 million", 12e6, "EUR", "exact"), ("Â£6m", 6e6, "GBP", "exact"),
])
def test_money_forms(text, amount, currency, bound):
    (m,) = find_money(f"It raised {text} in the round.")
    assert (m.amount, m.currency, m.bound) == (pytest.approx(amount), currency, bound)
    assert f"It raised {text} in the round."[m.start:m.end] == text


def test_a_code_that_is_an_english_word_is_read_in_capitals_only():
    assert [(m.amount, m.currency) for m in find_money("we try 5 million times")] == [(5e6, None)]
    assert [(m.amount, m.currency) for m in find_money("TRY 5 million")] == [(5e6, "TRY")]
    assert find_money("the R2 model") == []


def test_money_per_share_is_a_price_and_bare_numbers_are_not_money():
    (price,) = find_money("priced at HK$3.85 per share")
    assert (price.amount, price.currency, price.per) == (3.85, "HKD", "share")
    assert find_money("In 2017, 20 firms joined on Oct. 20, 2017.") == []


@pytest.mark.parametrize("text, value", [
    ("October 20, 2017", "2017-10-20"), ("20 October 2017", "2017-10-20"),
    ("Oct. 20, 2017", "2017-10-20"), ("2017-10-20", "2017-10-20"), ("October 2017", "2017-10"),
    ("in 2017", "2017"), ("the end of July 2017", "2017-07"), ("May 3rd, 2019", "2019-05-03"),
    ("20.10.2017", "2017-10-20"), ("on 3.5.2019", "2019-05-03"),
])
def test_absolute_dates(text, value):
    (d,) = find_dates(f"It happened {text}.")
    assert (d.value, d.relative) == (value, False)
    assert parse_date(text) == value


@pytest.mark.parametrize("text, value", [
    ("today", "2018-04-09"), ("yesterday", "2018-04-08"), ("last month", "2018-03"),
    ("last July", "2017-07"), ("last March", "2018-03"), ("this year", "2018"),
    ("last year", "2017"), ("the following month", "2018-05"), ("December 10", "2018-12-10"),
    ("on Monday (April 9)", "2018-04-09"), ("on 9 July", "2018-07-09"),
    # a month alone after the anchor's month: news tells what happened, last August
    ("in August", "2017-08"), ("in March", "2018-03"),
    ("on Thursday", "2018-04-05"),
])
def test_relative_dates_resolve_against_the_anchor_only(text, value):
    (d,) = find_dates(f"It happened {text}.", anchor="2018-04-09")
    assert (d.value, d.relative) == (value, True)
    assert find_dates(f"It happened {text}.") == []  # never against the clock


def test_a_month_alone_is_a_date_only_after_in_or_during():
    assert find_dates("May we add that August is hot.", anchor="2018-04-09") == []


def test_relative_day_needs_a_day_precise_anchor():
    assert find_dates("announced today", anchor="2018-04") == []
    assert [d.value for d in find_dates("last month", anchor="2018-04")] == ["2018-03"]


def test_year_like_numbers_are_not_dates():
    assert find_dates("raised $2017 million, 2019.5 and 2018-2019 plans, 2020%") == []
    assert find_dates("listed on 31.02.2025") == []  # no 31 February (and no year of it)


@pytest.mark.parametrize("head, value", [
    ("Beijing, China – July 11, 2017 – Company X today announced", "2017-07-11"),
    ("HONG KONG, April 9, 2018 /PRNewswire/ -- X announced", "2018-04-09"),
    ("December 7, 2017 – Beijing, China – X announced", "2017-12-07"),
    ("Title of the release\nSHEN ZHEN – October 20, 2017 – X and Y", "2017-10-20"),
    ("X was founded on October 20, 2017 in a garage.", None),
])
def test_dateline(head, value):
    assert dateline(head) == value


def test_roles():
    text = ("The round was led by A Capital; B Ventures co-led it and C Fund participated, "
            "joined by D, with participation from E. Investors include F. G also invested.")
    roles = [(r.role, text[r.start:r.end]) for r in find_roles(text)]
    assert roles == [("lead", "led by"), ("lead", "co-led"), ("participant", "participated"),
                     ("participant", "joined by"), ("participant", "participation"),
                     ("participant", "Investors include"), ("participant", "also invested")]
    assert [r.role for r in find_roles("H led the round as lead investor")] == ["lead", "lead"]


def test_sentences_survive_lost_breaks_abbreviations_and_initials():
    text = ("The round closed.The B1 round was led by Dr. J. Smith of Foo Co., Ltd. in the U.S. "
            "On Oct. 20, 2017 it closed! Next")
    sentences = [text[a:b] for a, b in split_sentences(text, keep_headings=True)]
    assert sentences == ["The round closed.",
                         "The B1 round was led by Dr. J. Smith of Foo Co., Ltd. in the U.S. "
                         "On Oct. 20, 2017 it closed!", "Next"]
    assert [text[a:b] for a, b in split_sentences(text)][-1] != "Next"  # a heading


def test_names_and_lists():
    text = ("It was led by Foo Capital, with participation from Bar Ventures, Baz Holdings "
            "Co., Ltd. and Qualcomm Technologies, Inc. Investors include the Vision Fund.")
    names = [(n.name, n.legal) for n in find_names(text)]
    assert names == [("Foo Capital", True), ("Bar Ventures", True),
                     ("Baz Holdings Co., Ltd.", True), ("Qualcomm Technologies, Inc.", True),
                     ("Vision Fund", True)]
    a = text.index("Bar")
    b = text.index(" Investors") - 1
    assert [text[x:y] for x, y in split_list(text, a, b)] == [
        "Bar Ventures", "Baz Holdings Co., Ltd.", "Qualcomm Technologies, Inc"]


def test_a_name_ends_at_a_tab_a_currency_code_and_joins_at_a_fields_and():
    # a tab is a column break ("headline<TAB>body"); "EUR" before an amount is money;
    # "and" joins a name only after a field of knowledge or trade
    text = ("Acme Signs Pact with Shanghai Jiao Tong University\tOn Monday the EUR 22 million "
            "round of Tiaoxi Science and Innovation Fund, Alibex and Tarrow Holdings closed.")
    assert [n.name for n in find_names(text)] == [
        "Acme Signs Pact", "Shanghai Jiao Tong University",
        "Tiaoxi Science and Innovation Fund", "Alibex", "Tarrow Holdings"]


def test_gazetteer_prefers_the_longest_name_on_word_boundaries():
    g = Gazetteer([("foo", ["Foo", "Foo Capital"]), ("bar", ["Bar"])])
    hits = [(h.id, h.name) for h in g.find("Foo Capital and Foobar met Bar.")]
    assert hits == [("foo", "Foo Capital"), ("bar", "Bar")]
    assert Gazetteer([]).find("anything") == []


def test_a_bare_dollar_sign_takes_the_currency_written_after_the_amount():
    (m,) = find_money("Its $767\u00a0million Hong Kong dollars offering was relaunched")
    assert (m.amount, m.currency) == (767e6, "HKD")


@pytest.mark.parametrize("text, anchor, values", [
    ("On 13 December, SenseTime announced", "2021", ["2021-12-13"]),
    ("relaunched in Hong Kong on 20 December.", "2021", ["2021-12-20"]),
    ("In August, it filed and, in November, received approval", "2021", ["2021-08", "2021-11"]),
    ("On the same day, he was appointed", "2018-12-11", ["2018-12-11"]),
    ("On 13 December, SenseTime announced", None, []),       # no anchor, no guess
    ("In May 2018 they may 5 times", None, ["2018-05"]),
])
def test_day_month_and_bare_month_take_the_anchors_year(text, anchor, values):
    assert [m.value for m in find_dates(text, anchor)] == values


@pytest.mark.parametrize("text, role", [
    ("Alibaba Group is taking the lead role for this round of funding", "lead"),
    ("other participants include Temasek and Suning", "participant"),
])
def test_more_role_wordings(text, role):
    assert [r.role for r in find_roles(text)] == [role]


@pytest.mark.parametrize("short, long, expected", [
    ("MIT", "Massachusetts Institute of Technology", True),
    ("HKSTP", "Hong Kong Science and Technology Parks Corporation", True),
    ("SingTel", "Singapore Telecommunications Limited", True),
    ("CUHK", "Chinese University of Hong Kong", True),
    ("HK", "Kelvar Group", False),          # a place's code: no letters of it in the name
    ("Shenzhen", "Quorvik Robotics", False),  # one capital: a place, part of the name
    ("Hong Kong", "China Merchants Securities", False),
    ("IBM", "Kelvar", False),
])
def test_an_abbreviation_is_told_from_a_name(short, long, expected):
    assert is_abbreviation(short, long) is expected


@pytest.mark.parametrize("text, value", [
    ("In October 2017, X signed. The following month, Y signed.", "2017-11"),
    ("In December 2017, X signed. The following month, Y signed.", "2018-01"),
    ("On 3 March 2016, X signed. The previous month, Y signed.", "2016-02"),
    ("X was founded in 2014. The following year, it raised money.", "2015"),
    ("In October 2017, X signed. The following March, Y signed.", "2018-03"),
    ("In October 2017, X signed. The previous December, Y signed.", "2016-12"),
    ("In 2017, X signed. The following month, Y signed.", None),  # which month: not told
])
def test_the_following_month_counts_from_the_date_told_right_before(text, value):
    # in a history, "the following month" is the story's, with or without an anchor
    for anchor in (None, "2019"):
        found = find_dates(text, anchor=anchor)
        assert [d.value for d in found[1:]] == ([value] if value else []), anchor


def test_the_following_month_of_news_and_of_a_chain_of_relative_dates():
    scanned = scan_dates(text := "In October 2017, X signed. The following month, Y signed.")
    # news is written from its dateline: the anchor, not the story, as before
    assert [d.value for d in resolve_dates(scanned, text, "2019-06-01", narrative=False)] == \
        ["2017-10", "2019-07"]
    # each relative date counts from the one told right before it, itself relative or not,
    # across paragraphs
    text = ("In April 2018, X raised $600 million, followed in the next month by a second round."
            "\n\nIn the same month, X opened a lab. The following month, Y signed.")
    assert [d.value for d in find_dates(text)] == ["2018-04", "2018-05", "2018-05", "2018-06"]
    # with nothing told before, the anchor
    assert [d.value for d in find_dates("The following month, Y signed.", "2019-06-01")] == \
        ["2019-07"]


@pytest.mark.parametrize("text, values", [
    # "that year" and "October of that year" are the year told before, in news as in a
    # history; "that month" needs a month told
    ("In April 2018, X moved. In October of that year, it opened a lab.",
     ["2018-04", "2018-10"]),
    ("X was founded in 2015. That year it hired ten people.", ["2015", "2015"]),
    ("In May 2016, X signed. Later that month, Y signed.", ["2016-05", "2016-05"]),
    ("In 2016, X signed. Later that month, Y signed.", ["2016"]),
    ("In 2016, X said that year-on-year growth was 12%.", ["2016"]),
])
def test_that_year_is_the_year_told_before(text, values):
    for anchor in (None, "2019-06-01"):
        assert [d.value for d in find_dates(text, anchor)] == values, anchor


def test_that_year_with_nothing_told_before_is_the_anchors():
    # a curated quote read alone against its section's year
    assert [d.value for d in find_dates("In October of that year, X signed.", "2017")] == \
        ["2017-10"]
    assert [d.value for d in find_dates("That year X signed.", "2017-05-02")] == ["2017"]
    assert find_dates("In October of that year, X signed.") == []


def test_a_plurals_possessive_inside_the_name_of_a_body():
    names = [n.name for n in find_names(
        "A memorandum with the Motor Insurers' Data Trust. The Farmers' Union agreed. "
        "Tarrow Motors' Chief Executive Ana Berg spoke; Tarrow Motors' shares rose.")]
    assert names == ["Motor Insurers' Data Trust", "Farmers' Union", "Tarrow Motors",
                     "Chief Executive Ana Berg", "Tarrow Motors"]
