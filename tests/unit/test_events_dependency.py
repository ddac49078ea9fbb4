"""The parser's matrix products run on numpy's BLAS held to one thread, and parse exactly as with thinc's BLIS."""

from __future__ import annotations

import pytest
from threadpoolctl import threadpool_info

from app.events.dependency import load_parser, parse_sentences
from app.settings import get_settings

SENTENCES = [
    "Government forces took Palmyra on 7 March and recaptured it on 13 March.",
    "Days after seizing Palmyra, IS fighters advanced on the T4 airbase west of the city.",
    "the rebels surrendered deraa to government forces, state media said.",
    "Residents of Palmyra, recaptured by government forces in March, returned to find their homes destroyed.",
]


@pytest.fixture(scope="module")
def pipelines():  # type: ignore[no-untyped-def]
    names = get_settings().parser_model
    numpy_blas, blis = load_parser(names), load_parser(names, blis=True)
    assert numpy_blas is not None and blis is not None, "the spaCy pipeline is not installed"
    return numpy_blas, blis


def _rows(doc) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in doc]


def test_the_pipeline_multiplies_with_numpy_on_one_thread(pipelines) -> None:  # type: ignore[no-untyped-def]
    numpy_blas, blis = pipelines
    for name in ("tok2vec", "parser"):
        assert numpy_blas.get_pipe(name).model.ops.use_blis is False
        assert blis.get_pipe(name).model.ops.use_blis is True
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")


def test_the_same_parses_as_with_blis(pipelines) -> None:  # type: ignore[no-untyped-def]
    numpy_blas, blis = pipelines
    assert [_rows(d) for d in parse_sentences(numpy_blas, SENTENCES)] == [
        _rows(d) for d in parse_sentences(blis, SENTENCES)
    ]
