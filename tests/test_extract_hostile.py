"""Extraction of text that is not prose: a run-on page dump, a line of a thousand capitalised
words. Several rules cost the square or the cube of a sentence's length, so the extractor
reads a sentence longer than MAX_SENTENCE characters in pieces and a name's runs of at most
MAX_NAME_WORDS words. (How long such documents take: `python benchmarks/bench_extract.py
--hostile`.)"""

from sensetime_dataset.extract import extract
from sensetime_dataset.extract.context import MAX_NAME_WORDS, MAX_SENTENCE, Document

CLAUSE = "Zeta Robotics signed a partnership with Omega Labs and a supply agreement with Kappa Systems, "


def test_a_run_on_line_is_read_in_pieces_cut_at_clause_breaks():
    text = "Zeta Robotics\n" + CLAUSE * 60 + "and it opened a research lab in Leeds on 9 June 2024."
    doc = Document(text)
    lengths = [s.end - s.start for s in doc.sentences]
    assert max(lengths) <= MAX_SENTENCE < len(text) // 4
    # cut after a comma, so that each piece is a run of whole clauses
    assert all(s.text.endswith(",") for s in doc.sentences[1:-1])
    proposals = extract(text)
    assert {p.fields.get("name") for p in proposals if p.table == "partners"} == \
        {"Omega Labs", "Kappa Systems"}
    # the last piece still holds its event, quoted exactly
    lab = [p for p in proposals if p.table == "events"]
    assert [p.fields["event_type"] for p in lab] == ["lab"]
    assert all(p.quote == text[p.start:p.end] and len(p.quote) <= MAX_SENTENCE for p in proposals)


def test_a_line_without_spaces_is_cut_at_the_limit():
    doc = Document("A" * (2 * MAX_SENTENCE + 5))
    assert [s.end - s.start for s in doc.sentences] == [MAX_SENTENCE, MAX_SENTENCE, 5]


def test_prose_sentences_are_not_cut():
    sentence = ("Zeta Robotics, which was founded in Leeds in 2019 by two engineers from the "
                "university's robotics department, raised $12 million in a Series A round "
                "led by Omega Capital, with participation from Kappa Ventures and Sigma "
                "Partners, the company said on Tuesday. ")
    doc = Document("Zeta Robotics raises $12 million\n" + sentence * 2)
    assert [s.text for s in doc.sentences[1:]] == [sentence.strip()] * 2


def test_a_long_capitalised_headline_still_finds_the_body_name():
    # 40 capitalised words before the name: its runs tried are of 12 words at most
    headline = " ".join(["Alpha", "Beta", "Gamma", "Delta"] * 10)
    text = (f"{headline} Zeta Robotics Raises Money\n"
            "Zeta Robotics raised $5 million in a Series A round led by Omega Capital.")
    proposals = extract(text)
    assert [(p.table, p.fields.get("name") or p.fields["round_name"]) for p in proposals] == \
        [("rounds", "Series A"), ("investors", "Omega Capital")]
    assert MAX_NAME_WORDS == 12  # the longest name of the corpus has 12 words
