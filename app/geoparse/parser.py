"""``parse``: text in, place mentions out (recognition, then resolution)."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial

from app.gazetteer.index import GazetteerIndex
from app.geoparse.cached_index import CachedIndex, is_notable
from app.geoparse.document import Document, Span, read_document
from app.geoparse.model import Mention
from app.geoparse.recognize import loose_stranger, recognise
from app.geoparse.resolve import ArticleContext, article_context, resolve


def parse(text: str, index: GazetteerIndex, *, published_at: datetime | date | None = None,
          title: str | None = None) -> list[Mention]:
    """Every place mention in ``text``, in order, with offsets into ``text`` itself.

    ``title`` only adds context (its places help resolve the body's); ``published_at`` is accepted so callers
    can pass what they have: place resolution does not depend on time.
    """
    del published_at
    index = CachedIndex(index)  # type: ignore[assignment]
    doc = read_document(text)
    spans = recognise(doc, index)
    extra = []
    if title:
        title_doc = read_document(title)
        extra = [index.candidates(s.key) for s in recognise(title_doc, index) if not s.from_cue_only]
    context = article_context(doc, spans, index, extra)
    supported = [s for s in spans if _supported(doc, s, index, context)]
    if len(supported) < len(spans):
        # the dropped names voted for their namesakes' countries: the article's focus is read again without them
        spans, context = supported, article_context(doc, supported, index, extra)
    return resolve(doc, index, spans, context)


def _supported(doc: Document, span: Span, index: GazetteerIndex, context: ArticleContext) -> bool:
    """A bare name must mean a notable place or one in the countries the article is about: in lowercased text
    always; in cased text when the name only folds to its places' names (see ``loose_stranger``)."""
    if span.cue or span.is_dateline or span.from_cue_only:
        return True
    if doc.cased:
        return not loose_stranger(doc, span, index.candidates(span.key), partial(context.countries_without, span.key))
    return any(is_notable(c) or context.countries.get(c.country_code, 0.0) >= 0.1 for c in index.candidates(span.key))
