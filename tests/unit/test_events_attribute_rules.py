"""The fast attribute rules (``app.events.attribute_rules``) against spaCy's ``attribute_ruler``: the same token
attributes on invented sentences (pronouns, "that", modals, contractions, two-token rules), the ruler's precedence and
``index`` on hand-made Docs, and pipelines without the model's ruler (none at all, or a shape the look-ups lack)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from app.events.attribute_rules import COMPONENT, FastAttributeRules, compile_rules, install
from app.events.dependency import load_parser
from app.settings import get_settings

SENTENCES = [
    "I think it is what you said that matters.",
    "They told me that it would not happen, and that they couldn't stop it.",
    "You must leave; it may rain, and we should have known that you'd go.",
    "There are gonna be problems, y'all, let's go, ain't it?",
    "He gets it, she got nothing, nothin' at all, gotta run, c'mon.",
    "Does he have it? He did, and that is that.  Really \n ok",
    "THE ARMY SAID IT HAD TAKEN THE TOWN THAT REBELS HELD.",
    "the army said it had taken the town that rebels held .",
]


def _rows(doc) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def pipelines():  # type: ignore[no-untyped-def]
    names = get_settings().parser_model
    slow, quick = load_parser(names, fast_rules=False), load_parser(names)
    assert slow is not None and quick is not None, "the spaCy pipeline is not installed"
    return slow, quick


def test_the_model_ruler_is_replaced_in_place(pipelines) -> None:  # type: ignore[no-untyped-def]
    slow, quick = pipelines
    assert "attribute_ruler" in slow.pipe_names
    assert "attribute_ruler" not in quick.pipe_names
    names = quick.pipe_names
    assert names.index(COMPONENT) == slow.pipe_names.index("attribute_ruler")
    assert names.index("lemmatizer") > names.index(COMPONENT)


@pytest.mark.parametrize("text", SENTENCES)
def test_same_attributes_as_the_ruler(pipelines, text: str) -> None:  # type: ignore[no-untyped-def]
    slow, quick = pipelines
    assert _rows(quick(text)) == _rows(slow(text))
    assert [_rows(d) for d in quick.pipe([text, text.lower()])] == [_rows(d) for d in slow.pipe([text, text.lower()])]


def _hand_doc(nlp) -> Doc:  # type: ignore[no-untyped-def]
    words = ["gon", "na", "it", "rains", "gon", "na"]
    return Doc(nlp.vocab, words=words, spaces=[True] * len(words), tags=["VBG", "TO", "PRP", "VBZ", "VBG", "TO"],
               deps=["ROOT", "aux", "nsubj", "ccomp", "dep", "dep"], heads=[0, 0, 3, 0, 0, 0])


def _ruled_pipeline():  # type: ignore[no-untyped-def]
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "PRP"}]], {"POS": "PRON", "MORPH": "PronType=Prs"})
    ruler.add([[{"TAG": "PRP", "LOWER": "it"}]], {"MORPH": "Case=Nom|Person=3"})  # later rule wins MORPH
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=-1)
    ruler.add([[{"LOWER": "gon"}, {"LOWER": {"REGEX": "^n"}}]], {"LEMMA": "go"}, index=0)
    ruler.add([[{"DEP": {"IN": ["aux", "dep"]}, "TAG": {"NOT_IN": ["", "VBZ"]}}]], {"POS": "AUX"})
    ruler.add([[{"TAG": "PRP", "DEP": "nsubj"}]], {"POS": "X"})  # later than the first: POS X wins for "it"
    return nlp, ruler


def test_precedence_and_index_on_a_hand_made_doc() -> None:
    nlp, ruler = _ruled_pipeline()
    rules = compile_rules(ruler)
    assert rules is not None
    fast = FastAttributeRules(nlp.vocab)
    fast.set_rules(rules)
    expected, got = ruler(_hand_doc(nlp)), fast(_hand_doc(nlp))
    assert _rows(got) == _rows(expected)
    assert [t.lemma_ for t in got] == ["go", "to", "", "", "go", "to"]
    assert got[2].pos_ == "X" and str(got[2].morph) == "Case=Nom|Person=3"


def test_a_shape_the_look_ups_lack_keeps_the_ruler() -> None:
    nlp, ruler = _ruled_pipeline()
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"POS": "ADJ"})
    assert compile_rules(ruler) is None
    assert install(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]


def test_a_pipeline_without_the_ruler_still_loads(tmp_path) -> None:  # type: ignore[no-untyped-def]
    plain = spacy.blank("en")
    plain.add_pipe("sentencizer")
    plain.to_disk(tmp_path / "plain")
    loaded = load_parser(str(tmp_path / "plain"))
    assert loaded is not None and loaded.pipe_names == ["sentencizer"]
    assert install(loaded) is False

    nlp, ruler = _ruled_pipeline()
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"POS": "ADJ"})
    nlp.to_disk(tmp_path / "other")
    other = load_parser(str(tmp_path / "other"))
    assert other is not None and other.pipe_names == ["attribute_ruler"]  # its own ruler, unchanged
