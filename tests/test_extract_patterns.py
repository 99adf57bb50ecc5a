"""General English patterns of the assisted extraction, one sentence in, the proposal
expected out. The companies are invented; no rule knows their names."""

import pytest

from sensetime_dataset.extract import extract
from sensetime_dataset.extract.context import Document
from sensetime_dataset.text.money import find_money


def _found(text: str, table: str) -> list[dict]:
    return [p.fields for p in extract(text) if p.table == table]


def test_an_aside_between_commas_is_not_the_doer():
    text = ("Vantor Health raises £30m\n"
            "London, 5 March 2024 — Vantor Health, the London telehealth start-up, has "
            "secured £30 million in a Series A funding round.")
    (series_a,) = _found(text, "rounds")
    assert (series_a["round_name"], series_a["amount"], series_a["currency"]) == \
        ("Series A", 30e6, "GBP")
    text = ("Vantor Health makes clinics. The start-up, which was founded in 2020 by two NHS "
            "doctors, previously raised £6 million in a seed round in 2022.")
    assert [(r["round_name"], r["date"]) for r in _found(text, "rounds")] == [("Seed", "2022")]


def test_the_subjects_possessive_round_is_the_subjects():
    text = ("Arcadia Mobility runs scooters. Arcadia Mobility's Series D, a $400 million round "
            "led by Westerly Growth, closed in September 2020.")
    (series_d,) = _found(text, "rounds")
    assert (series_d["round_name"], series_d["amount"], series_d["date"]) == \
        ("Series D", 400e6, "2020-09")
    assert _found(text, "investors") == [
        {"round_name": "Series D", "name": "Westerly Growth", "role": "lead"}]


def test_an_investor_as_the_doer():
    text = ("Madrid, 18 January 2024 – Calderon Foods announced today that Northway Holdings "
            "has agreed to invest €45 million in the company. The transaction is subject to "
            "regulatory approval.")
    (r,) = _found(text, "rounds")
    assert (r["amount"], r["currency"], r["date"], r["status"]) == \
        (45e6, "EUR", "2024-01-18", "pending-closing")
    assert _found(text, "investors") == [
        {"round_name": None, "name": "Northway Holdings", "role": "participant"}]
    text = ("Oriel Dynamics makes sensors. Its first outside funding came in 2011, when "
            "Summit Lane Capital invested NT$50 million.")
    (r,) = _found(text, "rounds")
    assert (r["amount"], r["currency"], r["date"]) == (50e6, "TWD", "2011")


def test_a_stake_bought_in_the_subject_is_a_strategic_round_with_its_valuation():
    text = ("Corvane Logistics moves freight. Holloway Partners has agreed to buy a 20% stake "
            "in Corvane Logistics for $150 million, valuing the company at $750 million.")
    (r,) = _found(text, "rounds")
    assert (r["round_type"], r["amount"], r["valuation"], r["status"]) == \
        ("strategic", 150e6, 750e6, "agreed")


def test_an_investor_investing_in_another_company_is_not_a_round():
    text = ("Corvane Logistics moves freight. Its backer Holloway Partners invested $20 million "
            "in Tarrow Freight last year.")
    assert _found(text, "rounds") == []


def test_a_round_an_investor_backed_earlier_is_not_a_new_round():
    text = ("Pulsaro pulls in £30m\n"
            "London-based Pulsaro has raised £30m in a Series B funding round. Fenwick Growth was the lead "
            "investor, with participation from Kestrel Capital, which backed the company's "
            "seed round.")
    assert [r["round_name"] for r in _found(text, "rounds")] == ["Series B"]
    assert {(i["round_name"], i["name"]) for i in _found(text, "investors")} == {
        ("Series B", "Fenwick Growth"), ("Series B", "Kestrel Capital")}


def test_two_dates_in_one_sentence_each_keeps_its_own_predicate():
    text = ("London, 2 October 2023 — Pulsaro sells flood maps. The start-up also struck a "
            "data-sharing deal with the Environment Agency in July and opened an office in "
            "Leeds last month.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [("hub", "2023-09")]
    assert [(p["name"], p["date"]) for p in _found(text, "partners")] == [
        ("Environment Agency", "2023-07")]


def test_a_listing_after_a_filing_is_the_ipo_dated_by_the_listing():
    text = ("Oberon Vision makes cameras. Oberon filed for an initial public offering on the "
            "KOSDAQ market in August 2020 and listed on 3 November 2020, raising ₩85 billion.")
    (ipo,) = _found(text, "rounds")
    assert (ipo["round_name"], ipo["date"], ipo["amount"], ipo["currency"]) == \
        ("IPO", "2020-11-03", 85e9, "KRW")
    text = "Oberon Vision makes cameras. Oberon filed for an initial public offering in 2020."
    assert _found(text, "rounds") == []


def test_shares_that_began_trading_are_the_ipo():
    text = ("Oriel Dynamics makes sensors. The company's shares began trading on the Taipei "
            "Exchange in November 2021.")
    assert [(r["round_name"], r["date"]) for r in _found(text, "rounds")] == [("IPO", "2021-11")]


def test_investor_lists_with_a_role_in_brackets_and_described_members():
    text = ("Pivotal Foods Completes Series C\n"
            "Pivotal Foods today completed its Series C financing of $95 million. Investors in "
            "the round include Greenvale Capital (lead), Tamarind Partners and Sunfield Group.")
    assert {(i["name"], i["role"]) for i in _found(text, "investors")} == {
        ("Greenvale Capital", "lead"), ("Tamarind Partners", "participant"),
        ("Sunfield Group", "participant")}
    text = ("Vendra Health Closes $72 Million Series C\n"
            "Vendra Health today announced the close of a $72 million Series C financing. "
            "Oakhurst Partners served as lead investor, joined by Whitlock Ventures, the venture "
            "arm of Whitlock Insurance, and returning investors Carrow Capital and Bexley "
            "Health Fund.")
    assert {(i["name"], i["role"]) for i in _found(text, "investors")} == {
        ("Oakhurst Partners", "lead"), ("Whitlock Ventures", "participant"),
        ("Carrow Capital", "participant"), ("Bexley Health Fund", "participant")}


def test_also_investing_after_a_described_member():
    text = ("Battery start-up Velsund bags €18m\n"
            "Copenhagen-based Velsund has bagged €18m in a Series A round. The round was led by "
            "Nordlys Ventures, with Elbe Climate Fund and the family office Strand & Co. also "
            "investing.")
    assert {(i["name"], i["role"]) for i in _found(text, "investors")} == {
        ("Nordlys Ventures", "lead"), ("Elbe Climate Fund", "participant"),
        ("Strand & Co.", "participant")}


def test_customers_spin_outs_and_factories():
    text = ("Velsund makes batteries. Velsund, which spun out of the Technical University of "
            "Denmark in 2021, counts shipping group Marsk Lines as its first customer. "
            "The company opened a factory in Aarhus in 2023.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [
        ("Marsk Lines", "customer")]
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("founding", "2021"), ("other", "2023")]  # a factory is no hub (schemas/events.json)
    text = ("Castellum Data sells fraud analytics. Castellum Data also announced that Trellis "
            "Insurance has become a customer.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [
        ("Trellis Insurance", "customer")]


def test_event_types_of_a_history():
    text = ("Oberon Vision\nOberon Vision is a camera maker. In August 2018, Oberon Vision "
            "launched its first North American smart health lab in New Jersey. On 19 July "
            "2021, Oberon Vision launched its international AI innovation hub in Singapore. "
            "In September 2018, Oberon Vision became one of the founding members of an "
            "academic alliance. During 2015, nine of Oberon Vision's papers were accepted into "
            "the Conference on Computer Vision. The government designated Oberon Vision as one "
            "of its champions in 2018. On 9 July 2021, Oberon Vision appointed Liu Wen as "
            "advisor to its research project.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("lab", "2018-08"), ("hub", "2021-07-19"), ("research", "2015"),
        ("designation", "2018"), ("leadership", "2021-07-09")]


def test_ways_of_saying_who_led_and_who_joined():
    text = ("Tovar Robotics builds forklifts. Tovar Robotics has closed a $48 million Series B. "
            "Gantry Capital headed the round, which also drew new money from Pell & Dunmore "
            "Ventures. Kessel Ventures and Morrow Capital, already shareholders, returned for "
            "this round.")
    assert {(i["name"], i["role"]) for i in _found(text, "investors")} == {
        ("Gantry Capital", "lead"), ("Pell & Dunmore Ventures", "participant"),
        ("Kessel Ventures", "participant"), ("Morrow Capital", "participant")}
    text = ("Shenzhen, 18 April 2025 - Yanfei Robotics announced the completion of its Series B "
            "financing. Hongshan Capital served as the leading investor of this round, and the "
            "old shareholders Jiaxi Investment and Lulu Fund continued to follow the "
            "investment.")
    assert {(i["name"], i["role"]) for i in _found(text, "investors")} == {
        ("Hongshan Capital", "lead"), ("Jiaxi Investment", "participant"),
        ("Lulu Fund", "participant")}


def test_a_place_before_a_name_is_not_part_of_it():
    text = ("Larch Pay has secured £18 million in a Series A round. The round was led by "
            "Thorn Ventures, alongside Birmingham-based Halesowen Angels.")
    assert {i["name"] for i in _found(text, "investors")} == {"Thorn Ventures",
                                                               "Halesowen Angels"}


def test_more_ways_of_telling_an_event():
    text = ("SHENZHEN, Jan 15, 2026 - Jiarong Battery makes cells. Last month Jiarong Battery "
            "took the top prize for storage cells at the Storage Innovation Awards. The company "
            "began production at its first overseas factory in January. The company cut about "
            "1,200 production jobs at its Huizhou plant in November. From the start of this "
            "month its stock has been a constituent of the SZSE Component Index. In December "
            "Jiarong Battery brought on Dana Okafor, previously head of operations, as chief "
            "operating officer. Last month Jiarong Battery began shipping the FrostLift 2.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("award", "2025-12"), ("other", "2026-01"), ("other", "2025-11"),
        ("index-inclusion", "2026-01"), ("leadership", "2025-12"), ("product", "2025-12")]


def test_a_weekday_before_a_dateline_and_a_month_alone_before_it():
    text = ("Larch Pay opens in Edinburgh\n\nThursday 12 February 2026\n\n"
            "Larch Pay opened an office in Edinburgh this month. The company also picked up "
            "the Best Lender prize at the Fintech Awards in November.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("hub", "2026-02"), ("award", "2025-11")]


def test_customers_told_by_an_order_a_signing_or_a_main_customer():
    text = ("Serafin Hydrogen makes electrolysers. Earlier, Swedish steelmaker Lindvik Steel "
            "placed a firm order for 40 megawatts of electrolysers, making it Serafin "
            "Hydrogen's largest customer.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [
        ("Lindvik Steel", "customer")]
    text = ("Pendleford Health sells claims software. In July it signed Northgate Mutual "
            "Health, one of the largest insurers in New England, as a customer.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [
        ("Northgate Mutual Health", "customer")]
    text = ("Jiarong Battery makes cells. Its main customer there is the Danish storage "
            "integrator Skovbjerg Energi, which signed a supply framework with Jiarong Battery "
            "in October 2024.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [
        ("Skovbjerg Energi", "customer")]


def test_a_place_adjective_is_no_partner():
    text = ("Brisaval makes cheese. In October Brisaval signed a memorandum of understanding "
            "with Swiss retailer Grunholz to develop private-label cheeses.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [("Grunholz", "mou")]


def test_a_release_by_the_investor_is_about_the_company_it_invests_in():
    text = ("Brightcombe Partners Leads $65 Million Series B in Tallis Genomics\n\n"
            "BOSTON – November 4, 2025 – Brightcombe Partners today announced that it has led "
            "a $65 million Series B investment in Tallis Genomics. Brightcombe was joined by new "
            "investors Orrin Bay Capital. Tallis' Series A investors, Quarry Hill Bio and "
            "Larchmont Ventures, also increased their holdings. Tallis Genomics was spun out of "
            "a university in 2020.")
    assert [(r["round_name"], r["amount"]) for r in _found(text, "rounds")] == [
        ("Series B", 65e6)]
    assert {(i["round_name"], i["name"], i["role"]) for i in _found(text, "investors")} >= {
        ("Series B", "Orrin Bay Capital", "participant"),
        ("Series B", "Quarry Hill Bio", "participant"),
        ("Series B", "Larchmont Ventures", "participant")}
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("founding", "2020")]


def test_a_stake_taken_with_a_collaboration_alongside():
    text = ("Okeford Motors to take 15% of Lintara Mobility for US$45m\n\n"
            "SINGAPORE, 9 April 2026 – Okeford Motors has agreed to buy a 15 per cent stake in "
            "Lintara Mobility for US$45m, in a deal that values the Singapore-based "
            "micromobility operator at US$300m. Alongside the investment, Lintara and Okeford "
            "signed a collaboration agreement.")
    (r,) = _found(text, "rounds")
    assert (r["round_type"], r["amount"], r["valuation"]) == ("strategic", 45e6, 300e6)
    assert [i["name"] for i in _found(text, "investors")] == ["Okeford Motors"]
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [
        ("Okeford Motors", "collaboration")]


def test_a_company_writing_about_itself_says_we():
    text = ("Harrowgate Robotics builds grippers. "
            "In January 2024 we set up a joint lab with the Ashby Institute for gripper research.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == \
        [("Ashby Institute", "joint-lab")]


def test_a_timeline_line_is_about_the_subject():
    text = ("Kestrel Water — company timeline\n\n"
            "Kestrel Water finds leaks in water mains.\n\n"
            "2019-04: Dunmore Water signs as first paying customer\n"
            "2023-05: £26m Series B co-led by Gantry Hill Capital and Ribble Ventures\n")
    assert [(p["name"], p["date"], p["kind"]) for p in _found(text, "partners")] == \
        [("Dunmore Water", "2019-04", "customer")]
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == \
        [("Gantry Hill Capital", "lead"), ("Ribble Ventures", "lead")]


def test_more_ways_of_telling_a_partner():
    def partners(sentence):
        text = "Tamsin Motors builds drivetrains. " + sentence
        return [(p["name"], p["kind"]) for p in _found(text, "partners")]
    assert partners("The company became a qualified supplier of Corwen Rail Group in 2022.") == \
        [("Corwen Rail Group", "customer")]
    assert partners("In 2024 it agreed to supply gearboxes to the bus maker Ardley Coaches.") == \
        [("Ardley Coaches", "customer")]
    assert partners("Freight carriers Hollin Express and Brackley Haulage are among its "
                    "customers.") == [("Hollin Express", "customer"),
                                      ("Brackley Haulage", "customer")]
    assert partners("In May 2024 Selby Auto became our first automotive customer.") == \
        [("Selby Auto", "customer")]
    assert partners("Since March, Tamsin Motors has been working together with the supplier "
                    "Brenford AG in a development partnership.") == [("Brenford AG", "partnership")]
    assert partners("In January the chemicals group Oskar Chemie licensed Tamsin's coating "
                    "process.") == [("Oskar Chemie", "agreement")]
    assert partners("Tamsin on Wednesday named Aldous Engineering, Ribeira Logistics and "
                    "Dorn Bouw as construction partners.") == \
        [("Aldous Engineering", "partnership"), ("Ribeira Logistics", "partnership"),
         ("Dorn Bouw", "partnership")]
    assert partners("Steelmaker group Vantor Steel, which wants hydrogen for a pilot, signed a "
                    "memorandum of understanding with Tamsin last year.")[0][1] == "mou"
    # a signing is news though the partner's use of it is to come
    assert partners("We also signed a licensing agreement with Stell Composites, which will "
                    "use our process at its plant.") == [("Stell Composites", "agreement")]
    # "a major supplier of" describes the name before it, not the subject (Leon is no
    # customer: the company set up with it makes it a joint venture)
    assert partners("Tamsin set up a company with Leon, a major supplier of cameras in "
                    "Xinjiang, in 2017.") == [("Leon", "joint-venture")]


def test_the_two_companies_is_the_other_one_named_in_the_sentence():
    text = ("Talvern Vision makes scanners. Since January, its reports flow into the software "
            "of Pallis Software, after the two companies entered into an integration "
            "partnership.")
    assert [p["name"] for p in _found(text, "partners")] == ["Pallis Software"]


def test_events_of_a_timeline_told_in_few_words():
    text = ("Kestrel Water — company timeline\n\n"
            "Kestrel Water finds leaks in water mains.\n\n"
            "2020-01: Manchester office opens\n"
            "2021-06: Kestrel Flow 2.0 released, with live detection\n"
            "2022-08: Priya Lane becomes chief executive\n"
            "2024-11: Peer-reviewed paper on leak localisation published in the journal "
            "Water Research\n")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("hub", "2020-01"), ("product", "2021-06"), ("leadership", "2022-08"),
        ("research", "2024-11")]


def test_a_month_heading_dates_its_paragraph():
    text = ("Tavira Health blog\n\n20 December 2024 · by the Tavira team\n\n"
            "Tavira Health makes a sleep app. Here is 2024, month by month.\n\n"
            "February\nTavira Sleep went live for patients in Spain.\n\n"
            "June\nDr Ana Reis joined as Chief Medical Officer.\n\n"
            "October\nWe won Best Digital Therapeutic at the Iberian HealthTech Awards.\n")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("product", "2024-02"), ("leadership", "2024-06"), ("award", "2024-10")]


def test_the_same_year_is_that_of_the_date_told_before():
    text = ("Kranich Sensorik makes radar sensors. Its first product came onto the market in "
            "autumn 2022. In the same year Kranich was awarded the Innovation Prize of the "
            "state.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("product", "2022"), ("award", "2022")]


def test_a_plan_after_the_event_is_another_clauses():
    text = ("Thornby Storage makes batteries. Thornby has raised £71m since it was spun out of "
            "the University of Hallam in 2020, and it intends to list in London by 2027.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("founding", "2020")]
    text = "Thornby Storage makes batteries. In 2024 it plans to open an office in Berlin."
    assert _found(text, "events") == []


def test_datelines_of_posts_and_newsletters():
    from sensetime_dataset.text.dates import dateline
    assert dateline("Ulm sensor start-up raises money\n\nUlm, 7 May 2024. The start-up "
                    "Kranich has ...") == "2024-05-07"
    assert dateline("Tsubame Ventures Blog\n\nPosted on 3 December 2024 by Emi Kawa, "
                    "Partner\n\nToday we ...") == "2024-12-03"
    assert dateline("THE GRID EDGE\nWeekly digest · Friday 7 February 2025 · Issue #212\n"
                    ) == "2025-02-07"
    assert dateline("Headline\n\nJuly 10, 2025, 4:31 PM GMT+8\n\nHONG KONG - Shares ...") \
        == "2025-07-10"


def test_more_ways_of_saying_who_joined_a_round():
    def investors(sentence):
        text = "Garrow Labs raised a $40 million Series B in May 2025. " + sentence
        return [(i["name"], i["role"]) for i in _found(text, "investors")]
    assert investors("Tagus Ventures led the round, with Alfa Capital and Hestor Partners "
                     "alongside.") == [("Tagus Ventures", "lead"), ("Alfa Capital", "participant"),
                                       ("Hestor Partners", "participant")]
    assert investors("Callow Partners and Oster Capital joined as new investors, and returning "
                     "backers Fenwick Capital and the Kestle Fund re-upped.") == [
        ("Callow Partners", "participant"), ("Oster Capital", "participant"),
        ("Fenwick Capital", "participant"), ("Kestle Fund", "participant")]
    assert investors("Cragmoor Partners, the round's lead, wrote the largest cheque.") == \
        [("Cragmoor Partners", "lead")]
    assert investors("This round was led by Kattel Ventures, and we are proud to have Fjord "
                     "Climate Fund and Nordby Invest on board as well.") == [
        ("Kattel Ventures", "lead"), ("Fjord Climate Fund", "participant"),
        ("Nordby Invest", "participant")]
    # the name in a description is not in the list; a name read by two triggers
    assert investors("Altam Capital and Valda Ventures, the investment arm of truckmaker "
                     "Valda Motors, came in as new investors.") == [
        ("Altam Capital", "participant"), ("Valda Ventures", "participant")]
    assert investors("The round was led by Lantern Ventures, and Birch Capital and Elm Health "
                     "Fund all chipped in.") == [
        ("Lantern Ventures", "lead"), ("Birch Capital", "participant"),
        ("Elm Health Fund", "participant")]
    assert investors("This round was led by Yingshan Capital, Shangtai Investment followed the "
                     "investment.") == [("Yingshan Capital", "lead"),
                                        ("Shangtai Investment", "participant")]


def test_a_places_possessive_is_not_part_of_a_name_and_reported_talks_are_no_round():
    text = ("Yaolin Robotics makes surgical arms. In May it signed an agreement with Germany's "
            "Ostwald Medizintechnik to distribute them in Europe.")
    assert [p["name"] for p in _found(text, "partners")] == ["Ostwald Medizintechnik"]
    text = ("Marrow Drones builds cargo drones. In 2024 several newspapers reported that the "
            "company was seeking up to €150 million in a Series C.")
    assert _found(text, "rounds") == []


def test_a_participle_opening_the_sentence_is_said_of_its_subject():
    text = ("Larkspire Pay lends to small firms. Founded in 2022 by Naledi Okonjo and Callum "
            "Reeve, Larkspire connects to accounting software.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("founding", "2022")]


def test_the_object_of_an_active_founded_and_a_longer_name_of_the_subject():
    text = ("Mikazuki Bio makes antibodies. Aoi founded Mikazuki in 2021 with two colleagues.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("founding", "2021")]
    text = ("Orlend sells soil probes. Orlend Agritech was incorporated in Calgary in January "
            "2019. Pendleford was started in 2022 by two engineers.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("founding", "2019-01")]


def test_a_company_is_founded_once_at_its_most_precise_date():
    text = ("Marrowind Aerospace is a French maker of cargo drones.\n\nFounded\t14 February "
            "2017\n\nMarrowind was set up in February 2017 by two engineers.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("founding", "2017-02-14")]


def test_a_title_a_long_aside_away():
    text = ("Talvanta Robotics makes robots. On 3 March 2025, Talvanta named Hanna Lisowski, "
            "previously head of fulfilment operations at a large online grocer, as chief "
            "operating officer.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("leadership", "2025-03-03")]


def test_a_centre_opened_and_a_plant_that_began_operating():
    text = ("Lanshi Optics makes lenses. The Group's research and development centre in Wuhan "
            "was officially opened in August 2023. The company's plant at Vlissingen began "
            "operating in 2024.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("hub", "2023-08"), ("other", "2024")]


def test_a_month_of_this_year_and_a_date_after_the_trigger():
    text = ("Kazemori Inspection, 10 May 2026. In March of this year, Kazemori received the "
            "Infrastructure Award. We begin this year with the news that Kazemori was named "
            "to the Materials Futures 50 in January 2026.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("award", "2026-03"), ("award", "2026-01")]


def test_a_sentence_ends_after_a_reference_mark():
    text = ("Marrowind Aerospace makes cargo drones. In June 2021 Marrowind signed a memorandum "
            "of understanding with Vallespir Air Cargo.[10] The logistics group Transmeridia "
            "placed an order for 40 aircraft in 2023, the largest in the company's history.[11]")
    assert [(p["name"], p["kind"], p["date"]) for p in _found(text, "partners")] == [
        ("Vallespir Air Cargo", "mou", "2021-06"), ("Transmeridia", "customer", "2023")]


def test_names_with_latin_capitals_and_fur():
    text = ("Norrhavn Floating Wind designs turbines. In 2022 Norrhavn signed an agreement with "
            "Ørsund Offshore on mooring. In 2024 Norrhavn founded, together with the Institut "
            "für Mikrosensorik Ilmenau, a joint laboratory.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [
        ("Ørsund Offshore", "agreement"), ("Institut für Mikrosensorik Ilmenau", "joint-lab")]


def test_a_list_with_a_place_adjective_before_partners():
    text = ("Portulan Hydrogen builds electrolysers. Portulan also named the engineering firm "
            "Aldous Engineering, Ribeira Logistics and the Dutch contractor Brenninkhof Bouw as "
            "construction partners for the site.")
    assert [p["name"] for p in _found(text, "partners")] == [
        "Aldous Engineering", "Ribeira Logistics", "Brenninkhof Bouw"]


def test_a_funding_table_with_cells_split_by_bars():
    text = ("Boqian Biologics: history.\n\n"
            "Round | Date of completion | Amount paid | Principal investors\n"
            "Angel Round | 20 August 2015 | RMB5.0 million | Tongyuan Angel Fund\n"
            "Series C | 19 October 2022 | RMB1,500.0 million | Chiyun Capital, Hongtai Capital "
            "(joint leads)\n")
    assert [(r["round_name"], r["date"], r["amount"], r["currency"])
            for r in _found(text, "rounds")] == [
        ("Angel", "2015-08-20", 5e6, "CNY"), ("Series C", "2022-10-19", 1.5e9, "CNY")]
    assert [(i["round_name"], i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Angel", "Tongyuan Angel Fund", "participant"), ("Series C", "Chiyun Capital", "lead"),
        ("Series C", "Hongtai Capital", "lead")]


def test_a_funding_table_flattened_to_one_cell_per_line():
    text = ("Aurelith Materials makes cathodes.\n\nFunding history\nRound\nDate\nAmount\n"
            "Lead investor(s)\nOther investors\nSeed\nMay 2018\n$2.5M\nFenwick Row Ventures\n—\n"
            "Series A\nNov 2019\n$14M\nWhitlow Capital\nFenwick Row Ventures; Yarrowby Fund\n\n"
            "Milestones\n")
    assert [(r["round_name"], r["date"], r["amount"]) for r in _found(text, "rounds")] == [
        ("Seed", "2018-05", 2.5e6), ("Series A", "2019-11", 14e6)]
    assert [(i["round_name"], i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Seed", "Fenwick Row Ventures", "lead"), ("Series A", "Whitlow Capital", "lead"),
        ("Series A", "Fenwick Row Ventures", "participant"),
        ("Series A", "Yarrowby Fund", "participant")]


def test_pre_ipo_investors_name_no_listing():
    text = ("Boqian Biologics makes antibodies. Since our establishment, we have obtained "
            "several rounds of financing from the Pre-IPO Investors.")
    assert _found(text, "rounds") == []


def test_lead_and_also_in_labels_after_a_timeline_round():
    text = ("Kelbrook Analytics finds leaks.\n\n"
            "2020-11: Series A of £11m. Lead: Ironstone Growth. Also in: Moorgate Seed "
            "Partners, Sedgewick Fund\n")
    assert [(i["round_name"], i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Series A", "Ironstone Growth", "lead"),
        ("Series A", "Moorgate Seed Partners", "participant"),
        ("Series A", "Sedgewick Fund", "participant")]


def test_leading_investor_is_and_a_place_adjective_before_the_name():
    text = ("Ulm, 7 May 2024. The start-up Kranzfeld Sensorik has secured twelve million euros "
            "in a Series A. Leading investor is the Munich venture capitalist Isarwerk "
            "Ventures; also on board are the investment company Donautal Beteiligungen and "
            "the business angel network Alb Angels.")
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Isarwerk Ventures", "lead"), ("Donautal Beteiligungen", "participant"),
        ("Alb Angels", "participant")]


def test_a_seed_from_an_investor():
    text = ("Okarin Therapeutics makes heart drugs. Our first real cheque was a $2.5 million "
            "seed from Harlow Bridge Ventures in 2019.")
    assert [(r["round_name"], r["amount"], r["date"]) for r in _found(text, "rounds")] == [
        ("Seed", 2.5e6, "2019")]
    assert [i["name"] for i in _found(text, "investors")] == ["Harlow Bridge Ventures"]


def test_the_verb_blacklists_names_no_programme():
    text = ("US blacklists Chinese drone maker Qilong Aviation over parts sent to Russia\n\n"
            "Washington, 16 May 2025 - The U.S. Commerce Department added Qilong Aviation to "
            "the Entity List on Friday, it said.")
    assert [(s["program"], s["date"]) for s in _found(text, "sanctions")] == [
        ("Entity List", "2025-05-16")]


def test_a_place_is_never_the_subject():
    # the dateline's place in capitals, and a name after "in", are places
    text = ("Quillon Robotics jumps 30% in Hong Kong debut\n\n"
            "HONG KONG, July 10, 2025 - Shares of Quillon Robotics soared on their first "
            "day of trade in Hong Kong on Thursday.\n\n"
            "Founded in Changsha in 2016, Quillon makes surgical arms. Hong Kong is busy.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")
            if e["event_type"] == "founding"] == [("founding", "2016")]
    # the tail of a regulator's name cut at "and" is no subject either
    text = ("DEPARTMENT OF COMMERCE\n\nBureau of Industry and Security\n\n15 CFR Part 744\n\n"
            "Entity List Additions: Veltrane Microsystems Co., Ltd.\n\n"
            "Veltrane was established in 2015 in Xi'an. Veltrane supplies chips.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == \
        [("founding", "2015")]


def test_a_filings_defined_company_is_the_subject():
    text = ("(Incorporated in the Cayman Islands with limited liability)\n\n"
            "The year was one of growth for Tervik Optics Holdings Limited (the \"Company\") "
            "and its subsidiaries (collectively, the \"Group\"). Tervik Optics was founded "
            "in 2009.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == \
        [("founding", "2009")]


def test_lines_of_a_partners_list_and_a_timeline_month_in_brackets():
    text = ("Aldmere Materials makes cathodes.\n\nPartners\n"
            "Fellbrook Grid Storage — customer (since September 2025)\n"
            "* Osterley Clinics â€“ retail distribution agreement covering 300 clinics, "
            "signed in March 2023\n"
            "Vessby Cell Works — joint development agreement (2020–2023, concluded)\n")
    assert [(p["name"], p["kind"], p["date"]) for p in _found(text, "partners")] == [
        ("Fellbrook Grid Storage", "customer", "2025-09"),
        ("Osterley Clinics", "agreement", "2023-03")]
    text = ("Aldmere Materials makes cathodes.\n\nMilestones\n"
            "2025 (Sep) — Fellbrook Grid Storage signed as first utility-scale customer\n")
    assert [(p["name"], p["kind"], p["date"]) for p in _found(text, "partners")] == [
        ("Fellbrook Grid Storage", "customer", "2025-09")]


def test_a_buyer_of_the_subjects_products_and_a_licensee_of_them():
    text = ("Penwith Energy has agreed to buy 200 MWh of Thistlecombe's storage units for "
            "its solar farms.")
    assert [(p["name"], p["kind"]) for p in _found("Thistlecombe makes batteries. " + text,
                                                    "partners")] == [("Penwith Energy", "customer")]
    text = ("Veyland AI sells models. Alongside it, Hanmoor Electronics, the group's "
            "electronics unit, has signed an agreement to license Veyland's models.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == \
        [("Hanmoor Electronics", "agreement")]
    # a stake bought is no purchase of products
    text = "Veyland AI sells models. Hanmoor Group bought 20% of Veyland's shares."
    assert _found(text, "partners") == []


def test_a_contract_under_which_the_partner_produces_and_a_trade_noun_before_a_name():
    text = ("Mikawa Biologics makes antibodies. In September it agreed a manufacturing "
            "contract under which the Osaka contract manufacturer Naniwa BioWorks will "
            "produce its clinical supply.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == \
        [("Naniwa BioWorks", "supplier")]
    text = ("Portmoor Hydrogen makes electrolysers. Steelmaker Vantwick Steel signed a "
            "memorandum of understanding with Portmoor last year.")
    assert [p["name"] for p in _found(text, "partners")] == ["Vantwick Steel"]


def test_a_product_launched_by_its_name():
    text = ("Fennmoor Audio makes earbuds. It launched Clara in November 2021, and the "
            "earbuds sold well.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == \
        [("product", "2021-11")]
    text = "Aldmere Materials makes cathodes.\n\nMilestones\n2021 — Launched AM-Na1, its first powder\n"
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [("product", "2021")]
    text = ("Zhaolin Medtech sells a robot for spinal surgery and a second system for knee "
            "replacement, launched in the spring of 2023.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [("product", "2023")]
    # the company itself launched: no product
    assert _found("Zhaolin Medtech launched in 2019 in Wuhan.", "events") == []


def test_the_subject_of_a_tie_is_the_first_named_whatever_the_hash_seed():
    # Two companies named as often: the subject must not depend on the order of a set
    # of strings, which changes from one Python process to the next.
    import os
    import subprocess
    import sys

    code = ("from sensetime_dataset.extract.context import Document\n"
            "print(Document('Good news today.\\nAcme Robotics and Bolt Systems signed an "
            "agreement to build robots.').subject)")
    subjects = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               check=True, env={**os.environ, "PYTHONHASHSEED": seed}
                               ).stdout.strip() for seed in ("0", "1", "2")}
    assert subjects == {"Acme Robotics"}


def test_returning_investors_and_a_lead_in_a_clause_about_it():
    text = ("Vellor Bio makes enzymes. Vellor Bio has secured EUR35 million in a Series B round "
            "headed by Oostkamp Capital. Existing investors Groenhart Ventures and the Brabant "
            "Innovation Fund put in further money.")
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Oostkamp Capital", "lead"), ("Groenhart Ventures", "participant"),
        ("Brabant Innovation Fund", "participant")]
    text = ("Vellor Bio makes enzymes. In 2024 Vellor Bio raised a EUR 6 million seed round "
            "from Foz Ventures and Mares Capital. Foz Ventures, which led that financing, "
            "manages about EUR 200 million.")
    assert sorted((i["name"], i["role"]) for i in _found(text, "investors")) == [
        ("Foz Ventures", "lead"), ("Mares Capital", "participant")]


def test_a_round_that_one_investor_led_and_others_joined():
    text = ("Vellor Bio makes enzymes. Vellor Bio had raised $310 million from private "
            "investors, including a $110 million Series C in 2024 that Eskerfield Partners led "
            "and Wharfedge Life Sciences and the Brunel Fund joined.")
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Eskerfield Partners", "lead"), ("Wharfedge Life Sciences", "participant"),
        ("Brunel Fund", "participant")]


def test_a_funding_table_split_by_middle_dots():
    text = ("Vellor Bio makes enzymes.\nFUNDING HISTORY\nRound · Date · Amount · Lead\n"
            "Seed · Mar 2021 · $3.5M · Tillbrook Ventures\n"
            "Series A · Jan 2023 · $21M · Harwen Capital\n")
    assert [(r["round_name"], r["date"], r["amount"]) for r in _found(text, "rounds")] == [
        ("Seed", "2021-03", 3.5e6), ("Series A", "2023-01", 21e6)]
    assert [(i["round_name"], i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Seed", "Tillbrook Ventures", "lead"), ("Series A", "Harwen Capital", "lead")]


def test_a_bulleted_list_of_partners_under_a_heading():
    text = ("LYON, 3 March 2025 -- Marvane Grid today named its new partners.\n\n"
            "The new partners are:\n\n"
            "- Osterling Fleet (Sweden), which will run its software at four depots;\n"
            "- Pellworth Energy, with which Marvane Grid has signed a memorandum of "
            "understanding; and\n"
            "- Dravik Chargers, which becomes Marvane Grid's preferred hardware supplier.\n")
    assert [(p["name"], p["date"], p["kind"]) for p in _found(text, "partners")] == [
        ("Osterling Fleet", "2025-03-03", "partnership"),
        ("Pellworth Energy", "2025-03-03", "mou"),
        ("Dravik Chargers", "2025-03-03", "supplier")]


def test_a_partnership_over_a_closed_span_of_years_has_ended():
    text = "Marvane Grid makes software. Marvane Grid worked with Keldor Freight from 2021 until 2024."
    assert _found(text, "partners") == []


def test_a_chronology_with_dates_in_a_column_and_a_relation_later_terminated():
    text = ("Marvane Grid AG - Company chronology\n\n"
            "Marvane Grid develops facade robots. The chronology is kept by Marvane Grid.\n\n"
            "2020-02     Joint development agreement with facade maker Keldor Freight AG.\n"
            "2021-07     Distribution agreement with Ostwald GmbH for Germany and Austria.\n"
            "2024-01     Distribution agreement with Ostwald GmbH terminated by mutual consent.\n"
            "2024-09     Memorandum of understanding with the Hochbauamt Seeland.\n")
    assert [(p["name"], p["date"], p["kind"]) for p in _found(text, "partners")] == [
        ("Keldor Freight AG", "2020-02", "agreement"), ("Hochbauamt Seeland", "2024-09", "mou")]


def test_a_chronology_in_nouns_with_dates_in_a_column():
    text = ("Marvane Grid AG - Company chronology\n\n"
            "Marvane Grid develops facade robots. The chronology is kept by Marvane Grid.\n\n"
            "2016-09     Marvane Grid AG entered in the commercial register of the Canton of Zug.\n"
            "2018-11     First prototype of the robot K1 presented to the public in Basel.\n"
            "2021        Sales office in Munich opened.\n"
            "2022-03-01  Dr. Anna Brugger joins the executive board as Chief Technology Officer.\n"
            "2023        Winner of the Zentral Innovation Award.\n"
            "2025-04     Launch of the second-generation robot K3.\n"
            "2025-11     Production site in Rotkreuz starts series production.\n")
    assert [(e["date"], e["event_type"]) for e in _found(text, "events")] == [
        ("2016-09", "founding"), ("2018-11", "product"), ("2021", "hub"),
        ("2022-03-01", "leadership"), ("2023", "award"), ("2025-04", "product"),
        ("2025-11", "other")]


def test_named_tonight_is_the_datelines_day():
    text = ("ROTTERDAM, 19 November 2025 - Orsanne Water was tonight named the winner of the "
            "2025 Blue Delta Prize.")
    assert [(e["date"], e["event_type"]) for e in _found(text, "events")] == [
        ("2025-11-19", "award")]


def test_a_list_a_report_names_in_lower_case():
    text = ("Trade ministry lists drone maker Harlow Aero\n"
            "TOKYO, 12 March 2025 - The Ministry of Commerce on Tuesday added Harlow Aero to "
            "its unreliable entity list. The ministry also placed Harlow Aero on its export "
            "control control list. Harlow Aero has a list of customers in Europe.")
    assert [(s["program"], s["authority"], s["target"], s["date"]) for s in
            _found(text, "sanctions")] == [
        ("unreliable entity list", "Ministry of Commerce", "Harlow Aero", "2025-03-11"),
        # "the ministry": the ministry named before
        ("export control control list", "Ministry of Commerce", "Harlow Aero", "2025-03-12")]


def test_a_name_ending_in_a_hyphenated_word_is_a_name_not_an_adjective():
    text = ("Gravelle Sensors makes soil probes. The company lists the grain cooperative "
            "Heartland Plains Co-op as a customer, and Oslo-based Brandt-Keller as a client.")
    assert [p["name"] for p in _found(text, "partners")] == \
        ["Heartland Plains Co-op", "Brandt-Keller"]


def test_a_clause_after_a_comma_is_no_apposition():
    # ", the company has supplied ... to X": the subject supplies X ("X, a supplier of Y"
    # would make X the supplier)
    text = ("Caldris Microsystems makes chips. Established in 2009, the company has supplied "
            "guidance modules to Strelets Instruments, a maker of munitions, since 2019.")
    assert _found(text, "partners") == [
        {"name": "Strelets Instruments", "date": "2019", "kind": "customer"}]


def test_a_filings_defined_company_is_its_subject_past_the_exchanges_disclaimer():
    text = ("The Stock Exchange of Hong Kong Limited takes no responsibility for the contents "
            "of this announcement.\n\nHARBRIGHT MARINE HOLDINGS LIMITED\n(Stock Code: 1234)\n"
            "VOLUNTARY ANNOUNCEMENT\nSTRATEGIC COOPERATION FRAMEWORK AGREEMENT\n"
            "FORMATION OF A JOINT VENTURE\n\n"
            'This announcement is made by Harbright Marine Holdings Limited (the "Company").\n'
            "On 3 June 2025, the Company and Selwick Port Group entered into a strategic "
            "cooperation framework agreement.")
    assert _found(text, "partners") == [
        {"name": "Selwick Port Group", "date": "2025-06-03", "kind": "strategic-agreement"}]


def test_a_contract_won_from_an_organization_makes_it_a_customer():
    text = ("Harlow Aero builds drones. Harlow Aero won a $48 million contract from the Royal "
            "Navy in March 2025 to supply its Kite-7 drones.")
    assert _found(text, "partners") == [
        {"name": "Royal Navy", "date": "2025-03", "kind": "customer"}]


def test_and_joins_a_name_only_after_a_field_of_knowledge_or_trade():
    # "Science and Innovation Fund" is one investor; "Alibex and Tarrow Holdings" two
    text = ("Qinmo Robotics makes arms. Qinmo Robotics raised $50 million in a Series C led "
            "by Tiaoxi Science and Innovation Fund in 2024.")
    assert _found(text, "investors") == [
        {"round_name": "Series C", "name": "Tiaoxi Science and Innovation Fund",
         "role": "lead"}]
    text = ("Qinmo Robotics makes arms. Qinmo Robotics raised $50 million in a Series C led "
            "by Alibex and Tarrow Holdings in 2024.")
    assert [i["name"] for i in _found(text, "investors")] == ["Alibex", "Tarrow Holdings"]


def test_what_is_licensed_from_or_to_an_organization_makes_it_a_party_to_an_agreement():
    text = ("Treymont Therapeutics develops drugs. The company licensed TRY-114 from "
            "Osaka-based Minokawa Pharmaceutical, which is entitled to royalties.")
    assert _found(text, "partners") == [
        {"name": "Minokawa Pharmaceutical", "date": None, "kind": "agreement"}]
    text = ("Treymont Therapeutics develops drugs. In 2024 the company licensed its antibody "
            "platform to Minokawa Pharmaceutical.")
    assert _found(text, "partners") == [
        {"name": "Minokawa Pharmaceutical", "date": "2024", "kind": "agreement"}]


def test_the_examples_after_a_supplier_of_many_are_its_customers():
    text = ("Yunmai Intelligent makes driving systems. Yunmai Intelligent has become a "
            "designated supplier of a number of domestic truck makers, including Tianmou "
            "Heavy Truck and Harlan Motors, since 2024.")
    assert _found(text, "partners") == [
        {"name": "Tianmou Heavy Truck", "date": "2024", "kind": "customer"},
        {"name": "Harlan Motors", "date": "2024", "kind": "customer"}]


def test_in_ending_a_menu_line_makes_no_place_of_the_headline_under_it():
    text = ("Home > Deals   |   Subscribe   |   Log in\n"
            "Gravelle Agritech bags $48M Series B\n"
            "Gravelle Agritech, the Des Moines startup, has closed a $48 million Series B "
            "on 8 October 2025. Gravelle makes soil sensors. Gravelle sells them to farms.\n"
            "Comments\nLog in to comment")
    (series_b,) = _found(text, "rounds")
    assert (series_b["round_name"], series_b["amount"]) == ("Series B", 48e6)


@pytest.mark.parametrize("sentence, event", [
    # a new officer welcomed, a chief scientist appointed
    ("We also welcomed Dana Ferrier as our Chief Operating Officer on 2 September 2025.",
     ("leadership", "2025-09-02")),
    ("Elin Dahlgren was appointed Kelvar's chief scientist in January 2026.",
     ("leadership", "2026-01")),
    # "named" to an award, "successfully selected into" a list, "first commercially released"
    ("In September 2025, its Echo was named Best Imaging Innovation at the Kelderby Awards.",
     ("award", "2025-09")),
    ("In 2023, Kelvar was successfully selected into the list of little giant enterprises.",
     ("designation", "2023")),
    ("Kelvar's vehicles were first commercially released in March 2019.", ("product", "2019-03")),
    ("2022: Kelvar Pay goes live for shops in Maharashtra", ("product", "2022")),
    ("In January 2025 Kelvar opened a US subsidiary with an office in Boston.",
     ("hub", "2025-01")),
    # a filing's "the Group" is its subject
    ('Kelvar Holdings Limited (the "Company") makes robots. The Group was founded in 2016.',
     ("founding", "2016")),
    # a plan is no event
    ("According to the plan, Kelvar will set up a European subsidiary in 2026.", None),
    # "set up <the subject>" is its founding; "set up" something else is not
    ("Ingrid and her co-founder Espen Rorvik set up Kelvar in a boathouse in 2019.",
     ("founding", "2019")),
    ("Kelvar set up Orbis Labs in a boathouse in 2019.", None),
    ("Its HX-4 pod debuted at the Trondheim Boat Show in August 2023.", ("product", "2023-08")),
    # a product by its name after "introduced" (capitalised: "introduced legislation" is none)
    ("In December 2023, Kelvar introduced KelvarGo, a Go-playing robot, to Japan.",
     ("product", "2023-12")),
    ("In 2020, Kelvar introduced legislation in parliament.", None),
    ("On 20 September 2018, Kelvar was named to China's National Open Innovation Platform.",
     ("designation", "2018-09-20")),
    # a death of a founder or a chief
    ("In December 2023, Kelvar's shares fell 18% following the unexpected death of its "
     "founder Ingrid Solbakk.", ("leadership", "2023-12")),
    ("In May 2024, Kelvar's co-founder Espen Rorvik died.", ("leadership", "2024-05")),
])
def test_dated_event_phrases(sentence, event):
    text = "Kelvar Robotics makes robots. " + sentence
    found = [(e["event_type"], e["date"]) for e in _found(text, "events")]
    assert found == ([event] if event else [])


def test_a_currency_code_before_an_amount_is_no_organization():
    # "EUR" read as a name before the verb made it the doer: another company's round
    text = ("Episode 142: Ingrid Solbakk, Brenvik Marine\nPublished February 17, 2026 | 58 min\n"
            "Brenvik Marine builds electric ferries.\n"
            "The EUR 22 million Series A that closed last month: Brauwald Capital in the lead.")
    (series_a,) = _found(text, "rounds")
    assert (series_a["amount"], series_a["currency"], series_a["date"]) == \
        (22e6, "EUR", "2026-01")


def test_the_subjects_name_written_longer_is_the_subject():
    # a report about "Deltora" (its headlines) names "Deltora Materials": no partner of itself
    text = ('Headline: "Deltora lands EUR35m to scale resins"\n'
            'Excerpt: "Dutch start-up Deltora Materials said on 2 September 2025 it has secured '
            'EUR35 million."\n'
            'Headline: "Deltora en Hallberg Coatings richten joint venture op"\n'
            'Excerpt: "Deltora Materials and Hallberg Coatings agreed on 8 September 2025 to set '
            'up a 50:50 joint venture."')
    assert {p["name"] for p in _found(text, "partners")} == {"Hallberg Coatings"}


def test_a_nationality_opening_an_institutions_name_is_part_of_it():
    # "Chinese" is an adjective before a company ("Chinese AI firm X"), not before a body
    text = ("Kelvar Robotics makes robots. In 2019 Kelvar set up a joint laboratory with the "
            "Chinese University of Hong Kong. In March 2020 Kelvar signed a memorandum of "
            "understanding with the Chinese Academy of Sciences.")
    assert {p["name"] for p in _found(text, "partners")} == \
        {"Chinese University of Hong Kong", "Chinese Academy of Sciences"}


def test_an_abbreviation_in_brackets_is_no_part_of_the_partners_name():
    text = ("Kelvar Robotics makes robots. In 2018 Kelvar and the Massachusetts Institute of "
            "Technology (MIT) formed an alliance. In 2019 Kelvar signed a supply agreement with "
            "Quorvik Robotics (Shenzhen).")
    assert {p["name"] for p in _found(text, "partners")} == \
        {"Massachusetts Institute of Technology", "Quorvik Robotics (Shenzhen)"}


def test_the_lead_under_a_headline_names_the_subject():
    # The partner is named more often than the subject (in quotes, in titles), and there is
    # no dateline: the headline's doer, named again first in the lead, is the subject
    text = ("Kelvar Forges Strategic Cooperation with Nordfjell University\n"
            "On May 2, 2023, Kelvar signed a strategic cooperation agreement with Nordfjell "
            "University. Prof. Ana Berg, President of Nordfjell University, said Nordfjell "
            "University welcomes the cooperation. Nordfjell University will host the lab. "
            "Kelvar was established in 2014.")
    assert {p["name"] for p in _found(text, "partners")} == {"Nordfjell University"}


def test_examples_after_a_comma_and_after_a_description():
    text = ("Kelvar Robotics makes robots. Kelvar has more than 700 customers, partners, and "
            "alliances, including Orbis Labs and Tarrow Motors. In March 2018, Kelvar formed "
            "strategic partnerships with several large state-owned enterprises based in Oslo "
            "such as the Hallberg Group and Nordvik Group.")
    assert [(p["name"], p["kind"], p["date"]) for p in _found(text, "partners")] == [
        ("Orbis Labs", "listed", None), ("Tarrow Motors", "listed", None),
        ("Hallberg Group", "partnership", "2018-03"), ("Nordvik Group", "partnership", "2018-03")]


def test_investors_described_as_strategic_partners_are_investors_only():
    text = ("Kelvar Robotics makes robots. Brauwald Capital led the B2 round, which was backed "
            "by nearly 20 financial institutions and strategic partners including Alibex "
            "Securities and Tarrow Holdings.")
    assert [(p["name"], p["role"]) for p in _found(text, "investors")] == [
        ("Brauwald Capital", "lead"), ("Alibex Securities", "participant"),
        ("Tarrow Holdings", "participant")]
    assert _found(text, "partners") == []


def test_a_named_investor_among_unnamed_others():
    text = ("Kelvar Robotics makes robots. In May 2018, Kelvar raised $620 million in a Series "
            "C+ round led by Brauwald Capital. Alibex Ventures and other investment firms and "
            "strategic investors participated.")
    assert [(p["name"], p["role"]) for p in _found(text, "investors")] == [
        ("Brauwald Capital", "lead"), ("Alibex Ventures", "participant")]


def test_a_listing_referred_to_as_past_is_no_new_sanction():
    text = ("Kelvar Robotics makes robots. In October 2019, Kelvar was placed on the United "
            "States Bureau of Industry and Security's Entity List. Following the Entity List "
            "designation, Orbis University put its relationship with Kelvar under review.")
    assert [(p["program"], p["date"]) for p in _found(text, "sanctions")] == \
        [("Entity List", "2019-10")]


def test_joint_bodies_ventures_and_memoranda():
    # a body named after both parties names the other one; "set up a company with X" is a
    # joint venture; a "collaborative memorandum" is a memorandum
    text = ("Kelvar Robotics makes robots. In February 2018, Kelvar launched the "
            "Nordfjell-Kelvar Alliance on robotics with Nordfjell University. In November "
            "2017, Kelvar set up a 'smart policing' company with Orbis, a supplier of cameras. "
            "In June 2018, Kelvar signed a collaborative memorandum of understanding with "
            "Tarrow Institute.")
    assert [(p["name"], p["kind"], p["date"]) for p in _found(text, "partners")] == [
        ("Nordfjell University", "alliance", "2018-02"), ("Orbis", "joint-venture", "2017-11"),
        ("Tarrow Institute", "mou", "2018-06")]


def test_brands_written_in_lower_case_inside_a_list():
    text = ("Kelvar Robotics makes robots. Kelvar has more than 400 partners and customers such "
            "as Orbis, Tarrow Motors, vivo, Hallberg, and iKORA. Kelvar was backed by Alibex, "
            "angels, and Brauwald Capital in a Series A.")
    assert [p["name"] for p in _found(text, "partners")] == \
        ["Orbis", "Tarrow Motors", "vivo", "Hallberg", "iKORA"]
    assert "angels" not in [p["name"] for p in _found(text, "investors")]


def test_a_partner_fronted_with_with():
    text = ("Kelvar Robotics makes robots. In 2017, Kelvar announced several partnerships. With "
            "Orbis Semiconductor, it started a chip collaboration in March 2017. With the new "
            "funding, Kelvar will expand its collaboration with universities.")
    assert [(p["name"], p["kind"], p["date"]) for p in _found(text, "partners")] == \
        [("Orbis Semiconductor", "collaboration", "2017-03")]


def test_a_teaser_whose_doer_is_a_pronoun_gives_no_name_the_doers_bonus():
    # "Aside from X, it also counts ..." sets X beside the doer, a pronoun: X is not the
    # subject, and the round "Kelvar Robotics has raised" is the subject's own
    text = ("Robot maker raises $90 million\n\n"
            "31 May 2018 | News\n\n"
            "Aside from Orbis, it also counts Tarrow Holdings and Hallberg as investors.\n\n"
            "Kelvar Robotics has raised $90 million at a valuation of more than $1.5 billion "
            "just months after raising a similar amount from investors led by Orbis.\n\n"
            "Nordfjell Capital and Brauwald Ventures also participated. Kelvar said the funds "
            "will go to research.")
    (r,) = _found(text, "rounds")
    assert (r["amount"], r["valuation"], r["date"]) == (90e6, 1.5e9, "2018-05-31")
    assert [i["name"] for i in _found(text, "investors")] == \
        ["Nordfjell Capital", "Brauwald Ventures"]


def test_a_valuation_before_the_amount_is_not_the_rounds():
    # "is valued at $7.5 billion, having raised $600 million ...": the company's value
    # since, not the unnamed round's
    text = ("Kelvar Robotics makes robots. Kelvar is valued at over $7.5 billion, having raised "
            "$600 million in April 2018.")
    (r,) = _found(text, "rounds")
    assert (r["amount"], r["valuation"]) == (600e6, None)


def test_investors_before_a_total_and_a_passive_funding_verb():
    # investors named before the total of the sentence are the round's; "the total
    # raised by the startup" is passive: its doer follows "by"
    text = ("Kelvar Robotics makes robots. Kelvar Robotics has raised $90 million. Orbis "
            "Capital and Tarrow Partners were among the investors in the latest financing, "
            "bringing the total amount raised by the startup this year to $150 million.")
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == \
        [("Orbis Capital", "participant"), ("Tarrow Partners", "participant")]
    text = ("Kelvar Robotics makes robots. A $40 million Series B was raised by Hallberg "
            "Robotics in 2019.")
    assert _found(text, "rounds") == []
    # "by far" is no passive's doer: the doer is before the verb
    text = ("Kelvar Robotics makes robots. Hallberg Robotics raised by far the largest Series B "
            "of 2019, $90 million.")
    assert _found(text, "rounds") == []


def test_a_listing_postponed_relaunched_or_approved_is_an_event_not_a_round():
    text = ("Kelvar Robotics makes robots.\n\n2021\n\nIn August, Kelvar filed for an IPO in "
            "Hong Kong and, in November, received regulatory approval to list. On 13 December, "
            "Kelvar announced that it will postpone its IPO, which was to raise $2 billion. Its "
            "$700 million offering was relaunched in Hong Kong on 20 December.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("ipo", "2021-08"), ("ipo", "2021-11"), ("ipo", "2021-12-13"), ("ipo", "2021-12-20")]
    assert _found(text, "rounds") == []  # a postponed IPO raised nothing


def test_one_investor_leading_one_round_and_joining_another():
    text = ("Kelvar Robotics makes robots. \"Orbis Capital led Kelvar's Series A round of funding "
            "and also participated in the Series B round,\" said Anna Berg of Orbis Capital.")
    assert [(i["name"], i["role"], i["round_name"]) for i in _found(text, "investors")] == \
        [("Orbis Capital", "lead", "Series A"), ("Orbis Capital", "participant", "Series B")]


def test_a_government_of_a_place_and_a_doer_in_apposition():
    # "the municipal government of Y" is the partner, not the place Y; in "the newspaper
    # of Y, X, signed ... with <subject>" the doer is X, not Y after its preposition
    text = ("Kelvar Robotics makes robots. This followed a strategic agreement that Kelvar "
            "signed with the municipal government of Tarrowby in 2017. On 31 October 2022, the "
            "flagship newspaper of "
            "Orbis Media Trust, *Hallberg Post*, inked a memorandum of understanding with "
            "Kelvar.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [
        ("municipal government of Tarrowby", "strategic-agreement"), ("Hallberg Post", "mou")]


def test_a_strategic_agreement_signed_is_of_its_own_kind():
    # "signed a strategic ... agreement with X": the strategic agreement the text names,
    # not a plain agreement (the verb, further left, had won)
    for words in ("a strategic agreement", "a strategic cooperation agreement",
                  "a strategic partnership agreement", "a strategic alliance agreement"):
        text = (f"Kelvar Robotics makes robots. In May 2023, Kelvar signed {words} with "
                "Nordfjell University.")
        assert [(p["name"], p["kind"], p["date"]) for p in _found(text, "partners")] == \
            [("Nordfjell University", "strategic-agreement", "2023-05")], words
    text = ("Kelvar Robotics makes robots. In May 2023, Kelvar signed a supply agreement with "
            "Nordfjell Steel.")
    assert [p["kind"] for p in _found(text, "partners")] != ["strategic-agreement"]


def test_an_officer_brought_in_is_a_leadership_event():
    text = ("Kelvar Robotics makes robots. We are 140 people now. We brought in Ana Berg as "
            "chief technology officer in January 2025, from a large bank.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == \
        [("leadership", "2025-01")]


def test_an_item_of_a_list_named_after_the():
    # ", the National Centre of X and Y": a third item; ", the London growth investor,":
    # a description of the item before it
    text = ("Kelvar Robotics makes robots. In May 2018, Kelvar signed a memorandum of "
            "understanding with Nordfjell University (NU), the National Robotics Centre of "
            "Norway and Tarrow Telecommunications Limited.")
    assert [p["name"] for p in _found(text, "partners")] == [
        "Nordfjell University", "National Robotics Centre of Norway",
        "Tarrow Telecommunications Limited"]
    text = ("Kelvar Robotics makes robots. Kelvar raised $20 million in a Series A led by "
            "Thornbury Ventures, the London growth investor, alongside Caddington Capital.")
    assert "London" not in [p["name"] for p in _found(text, "investors")]


def test_a_company_using_the_subjects_technology_is_its_customer():
    # a lone word opening a sentence is a name when described as an organization
    text = ("Kelvar Robotics makes robot arms. Orbis, a popular Chinese selfie application, "
            "also uses Kelvar's technologies to edit photos.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [("Orbis", "customer")]
    # another company's technology: no relation of the subject
    text = ("Kelvar Robotics makes robot arms. Orbis, a popular Chinese selfie application, "
            "also uses Tarrow's chips. Kelvar was founded in 2014.")
    assert _found(text, "partners") == []
    # a person so described is no organization
    text = "Kelvar Robotics makes robot arms. Berg, a professor at Oslo, uses Kelvar's software."
    assert _found(text, "partners") == []


def test_the_makers_of_the_chips_a_site_is_equipped_with_are_suppliers():
    text = ("Kelvar Robotics makes robot arms. Ana Berg, vice president of Kelvar's operations, "
            "said that its data center in Oslo was equipped by Orbis and Tarrow Technology's "
            "chips.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == \
        [("Orbis", "supplier"), ("Tarrow Technology", "supplier")]
    text = "Kelvar Robotics makes robot arms. Its new cluster is powered by Orbis Systems GPUs."
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == \
        [("Orbis Systems", "supplier")]


def test_the_party_named_before_under_a_supply_agreement():
    text = ("Kelvar Robotics makes robot arms. It buys motors from Norwegian manufacturer "
            "Tarrow Motors under a long-term supply agreement.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == \
        [("Tarrow Motors", "supplier")]
    # a place before "under a partnership" is no party
    text = ("Kelvar Robotics makes robot arms. In March, Kelvar and Orbis began offering a "
            "service in Central Europe under a strategic partnership.")
    assert "Central Europe" not in [p["name"] for p in _found(text, "partners")]


def test_a_model_announced_is_a_product_and_a_stake_sold_an_event():
    text = ("Kelvar Robotics makes robot arms. In April 2024, shares of the company surged by "
            "more than 30 percent after they announced their AI generative model, Kelra 5.0. "
            "In June 2024 Kelvar sold out of its security venture. In July 2024 Kelvar "
            "announced its new partnership with Orbis.")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == \
        [("product", "2024-04"), ("other", "2024-06")]


def test_the_office_that_listed_and_the_name_as_written():
    # the part of a department that acted, the whole name the sentence writes, a ministry
    # named in lower case
    text = ("Torvane Robotics makes drones. In March 2024 the Treasury Department's Office of "
            "Foreign Assets Control added Shenzhen Torvane Robotics Co. to its Specially "
            "Designated Nationals list. Korea's trade ministry put Torvane Robotics on its "
            "End User List in May 2024.")
    assert [(s["authority"], s["target"], s["date"]) for s in _found(text, "sanctions")] == [
        ("Office of Foreign Assets Control", "Shenzhen Torvane Robotics Co.", "2024-03"),
        ("Korea's trade ministry", "Torvane Robotics", "2024-05")]


def test_a_sanctions_regime_and_an_annex_of_a_regulation():
    text = ("LONDON, May 20, 2025 - Britain imposed sanctions on Varkel Electronics. The "
            "Foreign, Commonwealth and Development Office said Varkel had been designated "
            "under the UK's Russia sanctions regime. Varkel also appears in Annex IV of the "
            "EU's Russia export-control regulation, added on 24 February.")
    assert [(s["authority"], s["program"], s["date"]) for s in _found(text, "sanctions")] == [
        ("Foreign, Commonwealth and Development Office", "Russia sanctions regime",
         "2025-05-20"),
        (None, "Annex IV of the EU's Russia export-control regulation", "2025-02-24")]
    # a regulation's own name is never the company listed
    text = ("COUNCIL IMPLEMENTING REGULATION (EU) 2025/1047 implementing Regulation (EU) No "
            "269/2014. The following entity is added to the list set out in Annex I to "
            "Regulation (EU) No 269/2014:")
    assert _found(text, "sanctions") == []


def test_a_contract_with_a_platform_plugged_into_and_stores_run_on_the_subject():
    text = ("Quenmark builds cleaning robots.\n"
            "2023-05     Framework contract with the facility services group Telvoss AG, which "
            "deploys 60 Quenmark robots.\n"
            "2024-02     Investment deal with Harrowgate Capital.")
    assert [(p["name"], p["kind"], p["date"]) for p in _found(text, "partners")] == [
        ("Telvoss AG", "agreement", "2023-05")]
    text = ("Quenmark sells store software. Brelline Retail has run all 900 of its stores on "
            "Quenmark since 2023. We also plug into Norvane's claims platform. Ostrel has "
            "run its campaign on Facebook since 2022.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [
        ("Brelline Retail", "customer"), ("Norvane", "partnership")]


def test_a_post_that_no_company_qualifies_is_the_subjects():
    text = ("Quenmark Photonics is a laser maker founded in 2015.\n\n"
            "Wen Bo stepped down as chief executive in April 2024; he was succeeded by Lin Yu.\n"
            "In May 2024 Ada Brell became chief executive of Torvald Optics.\n"
            "In June 2024 Sam Ito was named Torvald's chairman.")
    assert [(e["date"], e["event_type"]) for e in _found(text, "events")
            if e["event_type"] == "leadership"] == [("2024-04", "leadership")]


def test_an_investors_own_funds_are_no_round_of_the_subject():
    # the fund right after the amount, the sentence naming no other company
    text = ("Quenmark Genomics raised a $65 million Series B led by Brightstone Partners. "
            "Founded in 2011, the firm has raised more than $1.1 billion across three funds. "
            "Brightstone, which closed its $2.5bn fifth fund in June, also backs Ostrel.")
    assert [(r["round_name"], r["amount"]) for r in _found(text, "rounds")] == [
        ("Series B", 65e6)]


def test_the_place_based_company_is_the_subject():
    text = ("HONG KONG, Nov 20, 2025 -- Shares of Quenmark Medtech rose 28 per cent on their "
            "first day of trading. The Shanghai-based company raised HK$2.3 billion after "
            "pricing its shares at HK$36.80.")
    assert [(r["amount"], r["currency"], r["date"]) for r in _found(text, "rounds")] == [
        (2.3e9, "HKD", "2025-11-20")]


def test_investors_after_an_inverted_verb():
    text = ("LONDON, March 3, 2026 - Quenmark Energy has raised $140 million in a Series D "
            "funding round. The round was led by Bexwell Partners. Also putting money in were "
            "the Cresston Pension Fund and Kelling Ventures, an existing shareholder.")
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Bexwell Partners", "lead"), ("Cresston Pension Fund", "participant"),
        ("Kelling Ventures", "participant")]


def test_the_announcer_that_says_it_led():
    text = ("BOSTON - November 4, 2025 - Brightwater Partners, a life-sciences venture firm, "
            "today announced that it has led a $65 million Series B investment in Quenmark "
            "Genomics, a developer of sequencing assays.")
    assert [(i["name"], i["role"], i["round_name"]) for i in _found(text, "investors")] == [
        ("Brightwater Partners", "lead", "Series B")]


def test_new_shares_issued_to_an_investor_are_a_strategic_round():
    text = ("Quenmark Optics Holdings Limited (the \"Company\") makes lidar parts. On 22 November "
            "2023, the Company allotted and issued 80,000,000 new shares to Tarrow Industrial "
            "Investment Co., Ltd. at the subscription price of HK$6.50 per share. The gross "
            "proceeds from the subscription amounted to HK$520 million, for working capital.")
    (found,) = [p for p in extract(text) if p.table == "rounds"]
    assert (found.fields["round_type"], found.fields["date"], found.fields["amount"],
            found.fields["currency"]) == ("strategic", "2023-11-22", 520e6, "HKD")
    # the amount is the next sentence's: the quote spans both
    assert found.quote == text[found.start:found.end] and found.quote.endswith("HK$520 million")
    assert _found(text, "investors") == [{"round_name": None, "role": "participant",
                                          "name": "Tarrow Industrial Investment Co., Ltd."}]
    text = ("The Board announces that on 14 October 2025 the Company entered into a subscription "
            "agreement with Tarrow Capital, pursuant to which the Subscriber has conditionally "
            "agreed to subscribe for 48,000,000 new Shares.")
    assert [(r["round_type"], r["status"]) for r in _found(text, "rounds")] == [
        ("strategic", "pending-closing")]
    assert _found(text, "partners") == []  # who subscribes invests: no partnership


def test_an_arm_named_after_its_owners_description_is_the_investor():
    text = ("Quenmark Genomics raised a $65 million Series B. Brightwater was joined by new "
            "investors Orrin Vale Capital and the Heddle Foundation's impact investment arm, "
            "Heddle Impact.")
    assert [i["name"] for i in _found(text, "investors")] == [
        "Orrin Vale Capital", "Heddle Impact"]


def test_a_listing_told_as_done_without_a_verb_of_its_own():
    text = ("Quenmark Holdings Limited (the \"Company\") makes lidar parts. The Group was founded "
            "in 2016 and the Shares have been listed on the Main Board of the Stock Exchange "
            "since 8 July 2021. In September 2024, the Shares were admitted as a constituent "
            "of the Tarrow Composite Index.")
    assert [(r["round_name"], r["date"]) for r in _found(text, "rounds")] == [
        ("IPO", "2021-07-08")]
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("founding", "2016"), ("index-inclusion", "2024-09")]
    text = ("Since the listing of the shares of the Company on the Main Board of The Stock "
            "Exchange of Hong Kong Limited on 16 January 2020, Quenmark Holdings has doubled "
            "its capacity.")
    assert [(r["round_name"], r["date"]) for r in _found(text, "rounds")] == [
        ("IPO", "2020-01-16")]
    text = "Quenmark Health: we have been a public company since our IPO in February 2023."
    assert [(r["round_name"], r["date"]) for r in _found(text, "rounds")] == [("IPO", "2023-02")]


def test_the_maker_of_a_strategic_investment_in_the_subject_is_its_investor():
    text = ("Quenmark Materials B.V. makes resins. Quenmark Materials said its plant opened in "
            "May 2025.\n\nExcerpt: \"Tarrow Chemical has made a strategic investment of 1.2 "
            "billion yen in Quenmark Materials, the company announced on 15 September 2025.\"")
    assert [(r["round_type"], r["amount"], r["currency"], r["date"])
            for r in _found(text, "rounds")] == [("strategic", 1.2e9, "JPY", "2025-09-15")]
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Tarrow Chemical", "participant")]


def test_customers_who_buy_offer_the_product_or_were_signed():
    text = ("Quenmark Membranes makes coated membranes. The start-up's first membranes have been "
            "in use since 2023 at a desalination plant run by Tarrow Utilities, which now buys "
            "the coated modules for its full line.")
    assert _found(text, "partners") == [{"name": "Tarrow Utilities", "date": "2023",
                                         "kind": "customer"}]
    text = ("QUENMARK - 2024 IN REVIEW\nPublished 20 December 2024\n\nQuenmark makes sleep "
            "apps.\n\nSeptember\nHeddle, one of Portugal's largest health insurers, began "
            "offering Quenmark Sleep to its members.\n\nNovember\nWe opened a joint lab with "
            "the Porto Institute of Sleep.")
    # the month of the heading over the paragraph, not the dateline
    assert _found(text, "partners") == [
        {"name": "Heddle", "date": "2024-09", "kind": "customer"},
        {"name": "Porto Institute of Sleep", "date": "2024-11", "kind": "joint-lab"}]
    text = ("Five minutes with Quenmark Claims\nPublished 20 May 2025\n\nQuenmark Claims sells "
            "claims software to insurers.\n\nWho are your customers?\nThe big one this year is "
            "Tarrow Insurance - we signed them in February.")
    assert _found(text, "partners") == [{"name": "Tarrow Insurance", "date": "2025-02",
                                         "kind": "customer"}]


def test_what_was_raised_before_the_listing_is_a_total():
    text = ("Quenmark Robotics raised HK$2.3 billion in its initial public offering in Hong "
            "Kong on 20 November 2025. Before the listing, the company had raised more than US$400 million from private "
            "investors.")
    assert [(r["round_name"], r["amount"]) for r in _found(text, "rounds")] == [("IPO", 2.3e9)]


def test_a_listing_priced_and_its_cornerstones_after_a_colon():
    text = ("HONG KONG, Nov 20, 2025 -- Shares of Quenmark Medtech closed 28 per cent above "
            "their offer price on their first day of trading.\n\nThe Shanghai-based company "
            "raised HK$2.3 billion after pricing its shares at HK$36.80. Four cornerstone "
            "investors subscribed for about 45 per cent of the shares on offer: Tarrow Health "
            "Fund, Heddle Capital and Orrin Insurance.")
    assert [(r["round_name"], r["amount"]) for r in _found(text, "rounds")] == [("IPO", 2.3e9)]
    assert [(i["name"], i["role"], i["round_name"]) for i in _found(text, "investors")] == [
        ("Tarrow Health Fund", "participant", "IPO"), ("Heddle Capital", "participant", "IPO"),
        ("Orrin Insurance", "participant", "IPO")]


def test_an_entry_added_to_the_annex_of_a_regulation():
    text = ("COUNCIL IMPLEMENTING REGULATION (EU) 2025/1047\nof 20 May 2025\n\nTHE COUNCIL OF THE "
            "EUROPEAN UNION,\n\nHAS ADOPTED THIS REGULATION:\n\nArticle 1\nAnnex I to Regulation "
            "(EU) No 269/2014 is amended as set out in the Annex to this Regulation.\n\nANNEX\n\n"
            "I. The following entity is added to the list of natural and legal persons, entities "
            "and bodies set out in Annex I to Regulation (EU) No 269/2014:\n\nEntities\n\n"
            "Name: Quenmark Microsystems JSC (АО «Квенмарк»)\nReasons: Quenmark Microsystems JSC "
            "makes guidance modules.\nDate of listing: 20.5.2025\n\nII. The entry concerning the "
            "entity listed below is replaced by the following entry:\n\nName: Tarrow Instruments "
            "JSC\nDate of listing: 16.12.2022\n")
    (found,) = [p for p in extract(text) if p.table == "sanctions"]
    assert found.fields == {"authority": "Council of the European Union",
                            "program": "Annex I to Regulation (EU) No 269/2014",
                            "target": "Quenmark Microsystems JSC", "date": "2025-05-20"}
    # the quote runs from the sentence that adds to the entry's date of listing
    assert found.quote == text[found.start:found.end] and found.quote.endswith("20.5.2025")


@pytest.mark.parametrize("sentence, partner, kind", [
    ("Quenmark's control centre runs on software supplied by Tarrow Airspace.", "Tarrow Airspace",
     "supplier"),
    ("Now the circuit boards are made for us by Heddle Electronics in Telford.",
     "Heddle Electronics", "supplier"),
    ("Quenmark sources its chips from Orrin Silicon, which makes the meter's chip.", "Orrin Silicon",
     "supplier"),
    ("On 15 October Quenmark tapped Tarrow Metalworks to supply the arm assemblies.",
     "Tarrow Metalworks", "supplier"),
    ("In 2023 Quenmark joined forces with Tarrow Hydrographic to offer surveys.",
     "Tarrow Hydrographic", "partnership"),
    ("Because Quenmark Match integrates with Heddle's core-banking platform, no middleware was "
     "needed.", "Heddle", "partnership"),
    ("The training was delivered by our implementation partner, Orrin Consulting.",
     "Orrin Consulting", "partnership"),
    ("Quenmark announced a co-development pact with Tarrow Medical.", "Tarrow Medical", "agreement"),
    ("In September Quenmark joined the Rapid Diagnostics Consortium.",
     "Rapid Diagnostics Consortium", "alliance"),
    ("Quenmark's loggers went live at Heddle Water in July.", "Heddle Water", "customer"),
    ("Tarrow Energi selected Quenmark in August as sole supplier of smart meters.",
     "Tarrow Energi", "customer"),
    ("Heddle Stadtwerke, its largest customer, has installed 900,000 Quenmark meters.",
     "Heddle Stadtwerke", "customer"),
    ("Orrin Labs, whose analysers have used Quenmark modules since 2022, came to the stand.",
     "Orrin Labs", "customer"),
    ("Quenmark's app is also used by Tarrow Care Homes.", "Tarrow Care Homes", "customer"),
    ("Quenmark won a tender from Heddle County Council to supply roof panels.",
     "Heddle County Council", "customer"),
    ("Last month Heddle Equine switched its two yards to Quenmark as well.", "Heddle Equine",
     "customer"),
])
def test_ways_of_naming_a_partner(sentence, partner, kind):
    text = ("Quenmark Systems update\nPublished 4 November 2025\n\nQuenmark Systems, a maker of "
            f"meters and robots, sells to utilities and clinics.\n\n{sentence}")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [(partner, kind)]


def test_a_state_selecting_the_subject_as_one_of_its_companies_is_no_customer():
    text = ("Quenmark makes robots. The Ministry of Economy, Trade and Industry selected Quenmark "
            "as one of its \"Global Niche Top\" companies in 2021.")
    assert _found(text, "partners") == []


def test_investors_of_a_translation_an_update_and_a_list_with_a_possessive():
    text = ("In February, Quenmark Intelligent completed a B round financing of 150 million yuan. "
            "This round was led by Tarrow Capital, Heddle Investment and Orrin Venture "
            "co-invested.")
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Tarrow Capital", "lead"), ("Heddle Investment", "participant"),
        ("Orrin Venture", "participant")]
    text = ("Quenmark Robotics closed its Series A on 21 October: £7.5M, led by Tarrow Ventures, "
            "with Heddle Capital joining as a new investor and Orrin Fund, already on our cap "
            "table, taking up its full pro-rata.")
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Tarrow Ventures", "lead"), ("Heddle Capital", "participant"),
        ("Orrin Fund", "participant")]
    text = ("In January Quenmark Therapeutics raised £38 million in a Series B led by Tarrow "
            "Partners, with Heddle Ventures and the university's own Orrin Enterprise Fund also "
            "investing.")
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Tarrow Partners", "lead"), ("Heddle Ventures", "participant"),
        ("Orrin Enterprise Fund", "participant")]


def test_a_fact_sheets_funding_labels():
    text = ("Quenmark Pay - fact sheet\n\nFUNDING HISTORY\nAngel round (2019): £400,000\n"
            "Investors: Tarrow Angels\nSeed (2020): £2.1 million\nLead investor: Heddle Ventures\n"
            "Co-investors: Orrin Capital, Tarrow Angels\n")
    assert [(r["round_name"], r["amount"], r["date"]) for r in _found(text, "rounds")] == [
        ("Angel", 4e5, "2019"), ("Seed", 2.1e6, "2020")]
    assert [(i["round_name"], i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Angel", "Tarrow Angels", "participant"), ("Seed", "Heddle Ventures", "lead"),
        ("Seed", "Orrin Capital", "participant"), ("Seed", "Tarrow Angels", "participant")]


@pytest.mark.parametrize("head", ["FERNLEIGH GAZETTE\nThursday 6 March 2025\n\n",
                                  "Fernleigh University | News and events | Research\n\n"
                                  "6 March 2025\n\n"])
def test_the_publisher_over_the_page_is_not_the_subject(head):
    text = (head + "A FERNLEIGH firm has opened a factory. Quenmark Composites, which makes floor "
            "panels at Fernleigh University's old site, opened the plant on Monday. The plant "
            "was paid for partly by a £6.5 million Series A round that Quenmark closed in "
            "October.")
    assert [(r["round_name"], r["amount"]) for r in _found(text, "rounds")] == [("Series A", 6.5e6)]


def test_entries_of_a_list_headed_by_their_partners_name():
    text = ("QUENMARK ROBOTICS - THE QUARTERLY\nIssue 11 · Q3 2025 · Published 9 September 2025\n\n"
            "Quenmark Robotics today launched its partner network. The founding members are:\n\n"
            "• Tarrow Logistics. The Venlo-based group has placed an order for 120 Quenmark "
            "robots.\n\n• Heddle Transport. A customer since 2023, the carrier runs 40 robots.\n\n"
            "• Orrin Antriebe. The German drive specialist supplies the wheel motors for every "
            "Quenmark Pick.\n\n• Sigwell Systems. Under a distribution agreement signed in July, "
            "Sigwell will sell Quenmark robots in Denmark.\n\n• Hoogmoor University of Applied "
            "Sciences. A two-year research collaboration, with two students based at Quenmark's "
            "Delft lab.\n\nPartners. Quenmark also signed a distribution agreement last year.\n")
    found = [p for p in extract(text) if p.table == "partners"]
    assert [(p.fields["name"], p.fields["kind"], p.fields["date"]) for p in found] == [
        ("Tarrow Logistics", "customer", "2025-09-09"), ("Heddle Transport", "customer", "2023"),
        ("Orrin Antriebe", "supplier", "2025-09-09"), ("Sigwell Systems", "agreement", "2025-07"),
        ("Hoogmoor University of Applied Sciences", "collaboration", "2025-09-09")]
    # the quote starts at the entry's head, which names the partner
    assert all(p.quote == text[p.start:p.end] and p.quote.startswith("• " + p.fields["name"])
               for p in found)


@pytest.mark.parametrize("sentence, kind, date", [
    ("Dr Mateus Lind joined us on 1 July as Chief Technology Officer.", "leadership", "2025-07-01"),
    ("CFO Annika Brohm, appointed in July from a grid group, has tightened working capital.",
     "leadership", "2025-07"),
    ("\"We have grown fast,\" said Ms Dunster, who joined as managing director in January.",
     "leadership", "2025-01"),
    ("Priya Raval joined on 1 October as VP Engineering.", "leadership", "2025-10-01"),
    ("Quenmark Composites officially opened the 6,000 square-metre plant on Monday.", "other",
     "2025-10-20"),
    ("When we released Quenmark Stock in April, the first clinic turned it on.", "product",
     "2025-04"),
])
def test_events_of_this_session(sentence, kind, date):
    text = ("Quenmark Composites update\nPublished 24 October 2025\n\nQuenmark Composites makes "
            f"panels for trains.\n\n{sentence}")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [(kind, date)]


def test_each_numbered_clipping_dates_the_weekdays_under_it():
    text = ("QUENMARK MATERIALS B.V. - MEDIA COVERAGE REPORT\n\n"
            "1. Polymer Ledger - 2 September 2025\nExcerpt: \"Quenmark Materials said on Tuesday "
            "it had secured EUR35 million in a Series B round.\"\n\n"
            "2. Process Europe - 3 October 2025\nExcerpt: \"Quenmark on Thursday opened a pilot "
            "plant at the Geleen chemicals park.\"\n")
    assert [(r["round_name"], r["date"]) for r in _found(text, "rounds")] == [
        ("Series B", "2025-09-02")]
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("other", "2025-10-02")]


def test_a_city_as_a_party_and_drones_deployed_at_a_customer():
    text = ("Quenmark Logistics operates medical drones.\n\nHallevik, 12 February 2026\n\nFor "
            "Quenmark Logistics, the memorandum of understanding with the city of Hallevik builds "
            "on work under way. The company's drones are deployed at Hallevik University Hospital, "
            "where they carry blood samples.")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [
        ("city of Hallevik", "mou"), ("Hallevik University Hospital", "customer")]


def test_yen_or_yuan_as_the_documents_country_says():
    text = ("Quenmark Precision K.K. is a Japanese maker of actuators based in Tokyo. A ¥1.8 "
            "billion Series B followed. Quenmark went public on the Tokyo Stock Exchange on 20 "
            "March 2019, raising ¥6.2 billion.")
    assert [(r["round_name"], r["amount"], r["currency"]) for r in _found(text, "rounds")] == [
        ("Series B", 1.8e9, "JPY"), ("IPO", 6.2e9, "JPY")]
    text = "Quenmark, a Shanghai maker of robots, raised ¥50 million in a Series A in 2021."
    assert [r["currency"] for r in _found(text, "rounds")] == ["CNY"]
    text = "Quenmark Robotics raised ¥50 million in a Series A in 2021."
    assert [r["currency"] for r in _found(text, "rounds")] == [None]  # no country: no currency


def test_a_plan_after_a_semicolon_leaves_the_round_before_it():
    text = ("Quenmark Batteries was spun out of a Dutch university in 2017. It raised €60 million "
            "in a Series B in 2023; it said in June it aims to raise a larger round next year.")
    assert [(r["round_name"], r["amount"]) for r in _found(text, "rounds")] == [("Series B", 6e7)]


def test_a_company_quoted_on_aim_since_its_admission():
    text = ("Quenmark Diagnostics plc (AIM: QDX) provides an update. Quenmark has been quoted on "
            "AIM since its admission in June 2021.")
    assert [(r["round_name"], r["date"]) for r in _found(text, "rounds")] == [("IPO", "2021-06")]


def test_a_bulleted_list_of_the_rounds_investors():
    text = ("Quenmark Analytics lands $30 million\nBOSTON, Sept 4, 2025 - Quenmark Analytics "
            "has raised $30 million in Series A funding, the company "
            "announced this morning. Full list below.Investors in the round:\n"
            "• Tarrow Ventures (lead)\n• Heddle Capital\n• Orrin Health Fund\n\n"
            "Quenmark was started in 2022.")
    assert [(i["name"], i["role"], i["round_name"]) for i in _found(text, "investors")] == [
        ("Tarrow Ventures", "lead", "Series A"), ("Heddle Capital", "participant", "Series A"),
        ("Orrin Health Fund", "participant", "Series A")]


def test_no_round_where_something_got_lost_or_a_rival_raised():
    text = ("Quenmark Storage lands £40m Series B\n\nWorth noting, because it got lost in the "
            "noise: last month Quenmark and the University of Tarrow set up a joint research lab "
            "with a shared budget of £6m over five years. Heddlebright, the Cambridge battery "
            "start-up that Quenmark often gets compared with, raised £12m last month.")
    assert [(r["round_name"], r["amount"]) for r in _found(text, "rounds")] == [("Series B", 4e7)]


@pytest.mark.parametrize("sentence, partner, kind", [
    ("In 2016 Quenmark Dynamics entered into a strategic alliance with Tarrow Instruments of "
     "Japan.", "Tarrow Instruments", "alliance"),
    ("In September 2024, Quenmark Dynamics and the School of Mechanical Engineering of Heddle "
     "University of Technology set up a joint laboratory.", "Heddle University of Technology",
     "joint-lab"),
    ("In October Quenmark Dynamics signed its first customer in the United States, Orrin Urgent "
     "Care, which operates 18 clinics.", "Orrin Urgent Care", "customer"),
])
def test_whose_partner_a_sentence_names(sentence, partner, kind):
    assert [(p["name"], p["kind"]) for p in _found(sentence, "partners")] == [(partner, kind)]


def test_a_partners_own_customer_is_not_the_subjects():
    text = ("Quenmark Diagnostics entered into a joint development agreement with Tarrow Reagents "
            "on 20 November 2025. Tarrow, which also supplies reagents to Heddle Labs, will "
            "contribute its antibody library.")
    assert [p["name"] for p in _found(text, "partners")] == ["Tarrow Reagents"]


def test_a_strategic_investment_made_without_an_amount_and_a_garbled_euro():
    text = ("Quenmark Aero was established in April 2021. In February 2025, Tarrow Heavy Industries "
            "made a strategic investment in Quenmark Aero (the amount was not disclosed).")
    assert [(r["round_type"], r["amount"], r["date"]) for r in _found(text, "rounds")] == [
        ("strategic", None, "2025-02")]
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Tarrow Heavy Industries", "participant")]
    text = ("Quenmark Foods makes cheese.\n\nPARIS, 3 March 2025 â€” Quenmark Foods, the Lyon "
            "cheese maker, has closed a â‚¬12 million Series B.")
    assert [(r["amount"], r["currency"]) for r in _found(text, "rounds")] == [(1.2e7, "EUR")]


@pytest.mark.parametrize("sentence, investors", [
    ("Tarrow Capital anchored the round.", [("Tarrow Capital", "lead")]),
    ("New backers include Tarrow Growth and the Uruguayan fund Ñandutí Partners.",
     [("Tarrow Growth", "participant"), ("Ñandutí Partners", "participant")]),
    ("Tarrow Capital was the sole investor.", [("Tarrow Capital", "participant")]),
    ("Tarrow Capital returned as well.", [("Tarrow Capital", "participant")]),
    ("The round drew Tarrow Capital, Heddle Ventures and Fondo Orrin, three venture investors.",
     [("Tarrow Capital", "participant"), ("Heddle Ventures", "participant"),
      ("Fondo Orrin", "participant")]),
    ("Tarrow Capital wrote the biggest cheque.", [("Tarrow Capital", "participant")]),
    ("The Heddle family office enters the capital on this occasion.",
     [("Heddle", "participant")]),
    ("The extension was led by Tarrow Fund, with Heddle Capital purchasing the remaining shares.",
     [("Tarrow Fund", "lead"), ("Heddle Capital", "participant")]),
    ("Allottees: Tarrow Ventures (lead), Heddle Capital",
     [("Tarrow Ventures", "lead"), ("Heddle Capital", "participant")]),
])
def test_ways_of_naming_a_rounds_investors(sentence, investors):
    text = ("Quenmark Pay raises R$180 million\n\nRECIFE, 23 September 2025 - Quenmark Pay has "
            f"raised R$180 million in a Series B round, the company said.\n\n{sentence}")
    assert [(r["round_name"], r["amount"], r["currency"]) for r in _found(text, "rounds")] == [
        ("Series B", 1.8e8, "BRL")]
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == investors


def test_an_investors_fund_a_loan_and_an_earlier_round_in_an_aside_are_no_rounds():
    text = ("Quenmark Pay raises R$180 million\n\nRECIFE, 23 September 2025 - Quenmark Pay has "
            "raised R$180 million in a Series B round headed by Tarrow Capital. Heddle "
            "Investimentos, which had provided the R$35 million Series A in 2023, put in more "
            "money this time as well. Tarrow Capital, which closed its third fund at R$900 "
            "million this year, will get a board seat. On 29 August 2025 Quenmark Pay entered "
            "into a loan and security agreement providing for a term loan of up to R$15 million, "
            "of which it received R$5 million.")
    assert [(r["round_name"], r["amount"]) for r in _found(text, "rounds")] == [("Series B", 1.8e8)]
    assert [(i["name"], i["role"], i["round_name"]) for i in _found(text, "investors")] == [
        ("Tarrow Capital", "lead", "Series B"), ("Heddle Investimentos", "participant", "Series B")]


def test_a_funding_tables_others_column():
    text = ("Pikemoor Robotics - Company Profile\n\nFunding Rounds\n"
            "Round | Date | Amount | Lead | Others\n"
            "Series B - Pikemoor Robotics | Sep 16, 2025 | C$41M | Tarrow Growth | Heddle "
            "Capital, Orrin Fund\n")
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Tarrow Growth", "lead"), ("Heddle Capital", "participant"), ("Orrin Fund", "participant")]


@pytest.mark.parametrize("sentence, partner, kind", [
    ("This month Tarrow Rederij signed on for 12 vessels of Quenmark's.", "Tarrow Rederij", "customer"),
    ("Heddle Insurance signed on as a customer of Quenmark in March.", "Heddle Insurance", "customer"),
    ("Quenmark's stack sensors are built by Orrin Electronics in Harlingen.", "Orrin Electronics",
     "supplier"),
    ("And in Malaysia, Tarrow Takaful will resell Quenmark Systems's software under an agreement "
     "signed last month.", "Tarrow Takaful", "agreement"),
    ("Heddle International Airport signs three-year contract for 12 Quenmark apron robots.",
     "Heddle International Airport", "customer"),
    ("The company says the Orrin Valley School District has ordered 40 units.",
     "Orrin Valley School District", "customer"),
])
def test_more_ways_of_naming_a_partner(sentence, partner, kind):
    text = ("Quenmark Systems update\nPublished 4 November 2025\n\nQuenmark Systems, a maker of "
            f"robots and software, sells to fleets and insurers.\n\n{sentence}")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [(partner, kind)]


@pytest.mark.parametrize("sentence, partners", [
    ("Quenmark also signed a partnership with a Swedish smelter.", []),
    ("On 8 September 2025 Quenmark entered into a Business Combination Agreement with Tarrow Peak "
     "Acquisition Corp., a special purpose acquisition company.", []),
    ("On 29 August 2025 Quenmark entered into a Loan and Security Agreement with Heddle Venture "
     "Lending.", []),
    ("Our partner Jonas Rüegsegger joins Quenmark's board.", []),
    ("The inverters of Quenmark are supplied by Tarrow Power Electronics of Gqeberha.",
     [("Tarrow Power Electronics", "supplier")]),
    ("Quenmark signed a strategic agreement with the municipal government of Shanghai in 2017.",
     [("municipal government of Shanghai", "strategic-agreement")]),
    ("The raise lands a week after Region Norrlanda signed up as a customer of Quenmark, the "
     "first Swedish region to pay for it.", [("Region Norrlanda", "customer")]),
])
def test_who_is_no_partner_and_whose_name_is_cut(sentence, partners):
    text = ("Quenmark Systems update\nPublished 4 November 2025\n\nQuenmark Systems, a maker of "
            f"robots and software, sells to fleets and insurers.\n\n{sentence}")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == partners


def test_a_companys_shouted_name_over_its_review_and_its_highlight_bullets():
    text = ("QUENMARK ROBOTICS\nANNUAL REVIEW 2025\n\nHighlights of the year\n\n"
            "• Completed our Series B at KRW 20 billion in September.\n"
            "• Joined the Korea Marine Robotics Alliance in February.\n"
            "• Ji-hoon Baek joined as Chief Financial Officer in January.\n")
    assert Document(text).subject == "QUENMARK ROBOTICS"
    assert [(r["round_name"], r["date"]) for r in _found(text, "rounds")] == [("Series B", "2025-09")]
    assert _found(text, "partners") == [{"name": "Korea Marine Robotics Alliance", "date": "2025-02",
                                         "kind": "alliance"}]
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("leadership", "2025-01")]


@pytest.mark.parametrize("text, subject", [
    ("US adds Chinese radar maker to export blacklist\n\nWASHINGTON, Dec 10, 2025 - The US "
     "Treasury added Chengdu Quenmark Electronics to its sanctions list on Wednesday. Quenmark "
     "makes radar modules; Quenmark said it would appeal.", "Chengdu Quenmark Electronics"),
    ("General Court dismisses action by Quenmark Precision\n\nLuxembourg, 3 December 2025 - The "
     "General Court today dismissed the action brought by Quenmark Precision LLC against its "
     "listing. Quenmark Precision makes control units.", "Quenmark Precision"),
    ("FIVE MINUTES WITH\nThe CFO of Quenmark Claims\n\nPublished 20 May 2025\n\nQuenmark Claims "
     "sells claims software. Quenmark Claims was founded in 2019.", "Quenmark Claims"),
])
def test_whose_document_it_is(text, subject):
    assert Document(text).subject.startswith(subject)


def test_a_headlines_stake_in_a_described_company_names_the_subject():
    text = ("Tarrow Takes 10% Stake in Battery-Pack Maker Quenmark for $85 Million\n"
            "2025-06-19 14:32:07.118 GMT\n\nBy Edvin Haraldsen\n\n(Wire) -- Tarrow Motors Corp. "
            "bought a tenth of Quenmark Inc., a Michigan maker of battery packs. Quenmark makes "
            "packs for delivery vans.")
    assert Document(text).subject.startswith("Quenmark")


@pytest.mark.parametrize("sentence, kind, date", [
    ("Established: March 2019", "founding", "2019-03"),
    ("Founded Date: Jun 2019", "founding", "2019-06"),
    ("In April, Quenmark Systems released \"Quenmark Pick 2\", which doubles picking speed.",
     "product", "2025-04"),
    ("In June 2025 Quenmark Systems opened a new 6,000 square metre production hall in Aalen.",
     "other", "2025-06"),
    ("Dr. Hedwig Dorfner took up her post as chief technology officer on 1 September 2025.",
     "leadership", "2025-09-01"),
])
def test_events_of_fact_sheets_releases_and_posts(sentence, kind, date):
    text = ("Quenmark Systems update\nPublished 24 October 2025\n\nQuenmark Systems makes "
            f"robots.\n\n{sentence}")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [(kind, date)]


@pytest.mark.parametrize("sentence, partner, kind", [
    ("We buy our mycelium spawn from Tarrow Biomaterials in Shropshire.", "Tarrow Biomaterials",
     "supplier"),
    ("The probes themselves are manufactured for Quenmark by Tarrow Sensortechnik.",
     "Tarrow Sensortechnik", "supplier"),
    ("Heddle Producer Company, one of the largest FPOs in Karnataka, has been a customer of "
     "Quenmark since 2024.", "Heddle Producer Company", "customer"),
    ("In March, parcel carrier Heddle Express also awarded Quenmark a contract for packs.",
     "Heddle Express", "customer"),
    ("Quenmark was awarded a contract by the Orrin District Municipality in April.",
     "Orrin District Municipality", "customer"),
    ("Quenmark's robots have been adopted by Tarrow Drugstore.", "Tarrow Drugstore", "customer"),
    ("On June 2, 2025, Quenmark received an order from Heddle Geodata, Inc. for two satellites.",
     "Heddle Geodata, Inc.", "customer"),
    ("Quenmark powers Orrin Market's app, through which the chain lends.", "Orrin Market",
     "customer"),
    ("The cooperative Cave de Tarrow has deployed twelve Quenmark robots on its plots.",
     "Cave de Tarrow", "customer"),
    ("Tarrow Care, a group of 14 care homes, became Quenmark's first paying customer.",
     "Tarrow Care", "customer"),
    ("Quenmark licenses its refining process from Heddle Process Technologies.",
     "Heddle Process Technologies", "agreement"),
    ("Last month, Orrin Dray, a drayage marketplace, integrated Quenmark's API into its portal.",
     "Orrin Dray", "partnership"),
    ("• Tarrow Heavy Industries placed its first order with Quenmark, for 60 crawlers, in May.",
     "Tarrow Heavy Industries", "customer"),
])
def test_yet_more_ways_of_naming_a_partner(sentence, partner, kind):
    text = ("Quenmark Systems update\nPublished 4 November 2025\n\nQuenmark Systems, a maker of "
            f"robots and software, sells to fleets and insurers.\n\n{sentence}")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [(partner, kind)]


def test_a_float_its_cornerstones_and_a_share_price():
    text = ("Quenmark Lithium soars on ASX debut after $120m float\n\nPERTH, 22 October 2025 - "
            "Quenmark Lithium shares jumped 18 per cent on their first day of trade after the "
            "company raised $120 million in the largest resources float of the year. The shares "
            "closed at $1.18. Cornerstone investors Tarrow Super, Heddle Asset Management and the "
            "Singapore-based Orrin Resources Fund took $45 million of the offer between them.")
    assert [(r["round_name"], r["amount"]) for r in _found(text, "rounds")] == [("IPO", 1.2e8)]
    assert [(i["name"], i["round_name"]) for i in _found(text, "investors")] == [
        ("Tarrow Super", "IPO"), ("Heddle Asset Management", "IPO"), ("Orrin Resources Fund", "IPO")]


def test_tranches_under_a_round_and_amounts_in_crore_and_lakh():
    text = ("QUENMARK ROBOTICS\nANNUAL REVIEW 2025\n\n• Completed our Series B in September.\n"
            "– B1: KRW 12 billion in March, led by Tarrow Partners, with Heddle Investment "
            "participating\n")
    assert [(r["round_name"], r["amount"], r["date"]) for r in _found(text, "rounds")][-1] == (
        "B1", 1.2e10, "2025-03")
    assert [(i["name"], i["role"]) for i in _found(text, "investors")] == [
        ("Tarrow Partners", "lead"), ("Heddle Investment", "participant")]
    text = ("Quenmark Agritech raises ₹85 crore\n\nBENGALURU, 12 August 2025 - Quenmark Agritech has "
            "raised ₹85 crore in its Series A funding round. It started with an angel cheque of "
            "₹40 lakh in 2021.")
    assert ("Series A", 8.5e8) in [(r["round_name"], r["amount"]) for r in _found(text, "rounds")]


def test_currencies_of_many_countries_and_a_conversion_in_brackets():
    text = ("Quenmark levanta 320 millones de pesos\n\nGUADALAJARA, May 14, 2025 - Quenmark, a "
            "Guadalajara platform that matches food producers with refrigerated trucks, raised 320 "
            "million pesos (about $16.5 million) in a Series A round, the company said. The round "
            "drew Tarrow Capital, Heddle Ventures and Fondo Orrin, three Mexican venture "
            "investors, as well as the Colombian fund Guaduales Capital.")
    assert [(r["round_name"], r["amount"], r["currency"]) for r in _found(text, "rounds")] == [
        ("Series A", 3.2e8, "MXN")]
    assert [i["name"] for i in _found(text, "investors")] == [
        "Tarrow Capital", "Heddle Ventures", "Fondo Orrin", "Guaduales Capital"]
    text = ("Quenmark Energy bags R45m Series A\n\nCAPE TOWN, 3 June 2025 - Quenmark Energy has "
            "closed a R45 million Series A round. It received a R12 million grant from the Orrin "
            "Schools Fund last year. Quenmark's R6 million seed round in 2021 came from angels.")
    assert [(r["round_name"], r["amount"], r["currency"]) for r in _found(text, "rounds")][-2:] == [
        ("Series A", 4.5e7, "ZAR"), ("Seed", 6e6, "ZAR")]
    assert [(m.amount, m.currency) for m in find_money("SEK 210m, MXN 320 million, the R2 model")] \
        == [(2.1e8, "SEK"), (3.2e8, "MXN")]


# Each labelled document is named after its subject ("pellworth-local-paper.txt"); these few
# are still misread (a podcast's speaker label in capitals, a tender notice's contracting
# authority, a broadcast's segment title, a standards body's notice under its acronym). The blind sets are left out: their output is
# never looked at.
_SUBJECT_MISREAD = {"loamwise-podcast-transcript", "novastrand-tender-award",
                    "ridgeford-tv-transcript", "solvarde-standards-notice"}


def test_the_subject_is_the_company_each_tuning_document_is_named_after():
    import unicodedata
    from pathlib import Path

    def plain(text: str) -> str:
        return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()

    corpus = Path(__file__).parent / "extract_corpus"
    misread = set()
    for path in sorted(p for part in corpus.iterdir() if part.is_dir()
                       and not part.name.startswith(("holdout3", "holdout4", "holdout5",
                                                     "holdout6"))
                       for p in part.glob("*.txt")):
        named = path.stem.removeprefix("blind-").split("-")[0]
        if plain(named) not in plain(Document(path.read_text(encoding="utf-8")).subject or ""):
            misread.add(path.stem)
    assert misread == _SUBJECT_MISREAD


@pytest.mark.parametrize("text, subject", [
    ("ASHWELLBY CITY COUNCIL\nNews and press releases\n\nPublished: 19 May 2026\n\nAshwellby "
     "City Council today signed a memorandum of understanding with Tarrow Heat, the Ashwellby "
     "company that recovers heat from sewers. Tarrow Heat was founded in 2022. Tarrow Heat "
     "employs 40 people.", "Tarrow Heat"),
    ("RIVER VALLEY 6 NEWS | Local | Business\n\nPublished: Jul. 7, 2026\n\nKETTERING, Ohio (RV6) "
     "- A Kettering company has a new boss.\n\nQuenmark Aerospace founder Dale Prewitt has "
     "stepped down as chief executive, Quenmark confirmed. Prewitt will stay on as chief "
     "technology officer of Quenmark.",
     "Quenmark Aerospace"),
    ("VELTRIUM GLASS NV\nSustainability report 2025\n\nIn November Veltrium received the Circular "
     "Packaging Award of the Benelux Packaging Federation.", "VELTRIUM GLASS NV"),
])
def test_whose_document_it_is_when_a_body_or_a_station_publishes_it(text, subject):
    assert Document(text).subject == subject
    # a shouted subject is found as the body writes it
    assert Document(text).is_subject(subject.title().split(" ")[0]) or not subject.isupper()


@pytest.mark.parametrize("sentence, partner, kind", [
    ("Quenmark supplies Tarrow Steel's factories in Ningbo with unmanned cranes.",
     "Tarrow Steel", "customer"),
    ("Quenmark's cranes have also been adopted by Heddle Terminal.", "Heddle Terminal",
     "customer"),
    ("Orrin Port Group and Quenmark are building an automated terminal, a project launched in "
     "March.", "Orrin Port Group", "partnership"),
    ("In 2025, Quenmark and the Tarrow Institute of Equipment jointly established a machine-vision "
     "laboratory.", "Tarrow Institute of Equipment", "joint-lab"),
    ("The Q-400, which Quenmark co-developed with Heddle Yard, went on sale.", "Heddle Yard",
     "partnership"),
    ("Quenmark has acted since 2023 as freight forwarder for Orrin Precision Works.",
     "Orrin Precision Works", "customer"),
])
def test_partners_of_state_media_and_notices(sentence, partner, kind):
    text = ("Quenmark Systems update\nPublished 4 November 2025\n\nQuenmark Systems, a maker of "
            f"cranes and batteries, sells to ports.\n\n{sentence}")
    assert [(p["name"], p["kind"]) for p in _found(text, "partners")] == [(partner, kind)]


def test_a_news_pages_dated_entries_and_a_timeline_in_the_present():
    text = ("QUENMARK ROBOTICS INC.\nHome > News\n\n2026.07.15 [IR]\nNotice concerning change of "
            "Representative Director\nAt the meeting held today, the Board named Aoi Kurosawa "
            "chief executive officer and Representative Director.\n\n2026.06.01 [Others]\nOpening "
            "of Osaka Development Center\nWe have opened the Osaka Development Center in Kita-ku, "
            "Osaka.\n\n2026.05.12 [Press Release]\nQuenmark Robotics ships its arms.\n")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("leadership", "2026-07-15"), ("hub", "2026-06-01")]
    text = ("Quenmark careers\n\nOur story so far\n\n2021 - We open our Lisbon office to be closer "
            "to the ports.\n\n2024 - We launch Quenmark Yard, our second product.\n")
    assert [(e["event_type"], e["date"]) for e in _found(text, "events")] == [
        ("hub", "2021"), ("product", "2024")]
