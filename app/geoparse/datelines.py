"""Datelines: the city that opens a wire story ("AMMAN (Reuters) -") is a mention, not a sentence subject."""

from __future__ import annotations

import re

from app.geoparse import lexicon as lx
from app.geoparse.document import Document

# "AMMAN (Reuters) -", "BEIRUT, Lebanon (AP) —", "MOSCOW, March 3 (Sputnik) -", "BAGHDAD —", "amman ( reuters ) -",
# and the press-release wires' "PLEASANTON, Calif.--(BUSINESS WIRE)--"
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<city>[A-Z][A-Z'.\- ]{2,40}?|[a-z][a-z'.\- ]{2,40}?)"
    r"(?:,[ \t]*[A-Za-z0-9 .]{2,30}?)?[ \t]*"
    r"(?:(?:\([ \t]*[A-Za-z.\- ]{2,30}[ \t]*\)[ \t]*)?(?:--|[-–—:])[ \t]|--\([^)\n]{0,40}\)--)"
)


_ARTICLES = frozenset({"the", "a", "an"})


def _dateline(text: str) -> re.Match[str] | None:
    """The dateline opening the text, or opening its second line after a short first one (a headline)."""
    match = _DATELINE.match(text, 0)
    if match is None:
        first_line_end = text.find("\n")
        match = _DATELINE.search(text, max(first_line_end, 0), max(first_line_end, 0) + 200)
        if match is None or first_line_end < 0 or len(text[:first_line_end].split()) > 25:
            return None
    return match


def dateline_end(text: str) -> int:
    """Where the text after a dateline starts ("TRIPOLI, Libya — Forces allied with ...": at "Forces"); 0 without
    one. The dateline is no part of the first sentence's subject, though a parser hangs it there."""
    match = _dateline(text)
    return match.end() if match is not None else 0


def dateline_tokens(doc: Document) -> tuple[int, int] | None:
    match = _dateline(doc.text)
    if match is None:
        return None
    start, end = match.span("city")
    inside = [i for i, t in enumerate(doc.tokens) if t.start >= start and t.end <= end]
    if not inside or len(inside) > 4 or all(doc.lower[i] in lx.NEVER_ALONE for i in inside) \
            or (len(inside) == 1 and doc.lower[inside[0]] in lx.NEVER_ALONE) or doc.lower[inside[0]] in _ARTICLES:
        return None
    if " ".join(doc.lower[i] for i in inside) in lx.AGENCIES:
        return None
    return inside[0], inside[-1]
