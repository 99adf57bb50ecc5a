"""The keyword gates of the extractor's triggers: a sentence is searched for a kind of
partnership or event only where one of the kind's declared words occurs, so every match
of a kind must contain one of them, or the kind would go silently unmatched."""

import re
from pathlib import Path

import pytest

from sensetime_dataset.extract import extract, triggers as T
from sensetime_dataset.extract.context import Document
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
    for group in kinds.groups:
        for doc, sentence in _sentences():
            for m in group.alone.pattern.finditer(sentence):
                matched.add(group.name)
                for words in group.word_groups:
                    assert any(w in m.group(0).lower() for w in words), \
                        f"{trigger} kind {group.name!r} matched {m.group(0)!r} ({doc}) " \
                        f"without any of {words}"
    # the corpus exercises most kinds: the check above is not vacuous
    assert len(matched) >= len(kinds.kinds) // 2, matched


@pytest.mark.parametrize("trigger", KINDS)
def test_the_gated_search_finds_what_the_whole_alternation_finds(trigger):
    """Searching only the groups whose words a sentence holds (and each alone) gives the
    matches of the kinds' one alternation: same spans, same kinds, in the same order."""
    kinds = KINDS[trigger]
    compared = 0
    for path in sorted(CORPUS.glob("*/*.txt")):
        doc = Document(path.read_text(encoding="utf-8"))
        for s in doc.sentences:
            whole = [(m.span(), m.lastgroup) for m in kinds.pattern.finditer(s.text)]
            gated = [(m.span(), m.lastgroup) for m in s.finditer(kinds)]
            gated = [((a - s.start, b - s.start), k) for (a, b), k in gated]
            assert gated == whole, (path.name, s.text)
            compared += bool(whole)
    assert compared > 100


def test_words_are_declared_per_branch_or_refused():
    assert [g.name for g in T.Kinds([("a", r"alpha|beta gamma")],
                                    {"a": [("alpha",), T.All(("beta",), ("gamma",))]}).groups] \
        == ["a", "a"]
    with pytest.raises(ValueError, match="2 branches, its pattern has 3"):
        T.Kinds([("a", r"alpha|beta|(?:gam|ma)")], {"a": [("alpha",), ("beta",)]})


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


def test_spaces_are_the_characters_that_backslash_s_matches():
    every = "".join(map(chr, range(0x110000)))
    assert set(T.SPACES) == set(re.findall(r"\s", every)) == {c for c in every if c.isspace()}
