"""The keyword gates of the extractor's triggers: a sentence is searched for a kind of
partnership or event only where one of the kind's declared words occurs, so every match
of a kind must contain one of them, or the kind would go silently unmatched."""

import re
from pathlib import Path

import pytest

from sensetime_dataset.extract import extract, triggers as T
from sensetime_dataset.text import split_sentences

CORPUS = Path(__file__).parent / "extract_corpus"
KINDS = {"PARTNER": T.PARTNER, "EVENT_RE": T.EVENT_RE}


def _sentences():
    for path in sorted(CORPUS.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        for a, b in split_sentences(text, keep_headings=True):
            yield path.name, text[a:b]


@pytest.mark.parametrize("trigger", KINDS)
def test_every_match_of_a_kind_holds_one_of_its_words(trigger):
    kinds = KINDS[trigger]
    matched = set()
    for name, pattern in kinds.kinds:
        words = dict(zip([k for k, _ in kinds.kinds], kinds.gates))[name].words
        compiled = re.compile(pattern, kinds.flags)
        for doc, sentence in _sentences():
            for m in compiled.finditer(sentence):
                matched.add(name)
                assert any(w in m.group(0).lower() for w in words), \
                    f"{trigger} kind {name!r} matched {m.group(0)!r} ({doc}) without {words}"
    # the corpus exercises most kinds: the check above is not vacuous
    assert len(matched) >= len(kinds.kinds) // 2, matched


def test_a_kind_without_declared_words_is_refused_at_import():
    with pytest.raises(ValueError, match="declare words"):
        T.Kinds([("a", r"alpha"), ("b", r"beta")], {"a": ("alpha",)})


def test_a_sentence_is_searched_for_the_kinds_its_words_allow():
    text = ("Orvella Robotics builds arms. Orvella Robotics signed a memorandum of "
            "understanding with Tessary Motors on 3 May 2024, and opened a research lab "
            "in Leeds on 9 June 2024.")
    kinds = {(p.table, p.fields.get("kind") or p.fields.get("event_type"))
             for p in extract(text)}
    assert kinds == {("partners", "mou"), ("events", "lab")}
