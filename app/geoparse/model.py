"""What the geoparser returns: mentions of places, with offsets into the submitted text."""

from __future__ import annotations

from dataclasses import dataclass

from app.gazetteer.records import GazetteerPlace


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a place name in the text.

    ``start``/``end`` index the original text (end exclusive). ``place`` is None when the text marks a place
    the gazetteer does not hold; ``region`` then keeps the best enclosing area the text supports, so events
    there can still be mapped coarsely. ``resolved_by`` names the resolution pass that chose ``place``.
    """

    text: str
    start: int
    end: int
    place: GazetteerPlace | None
    confidence: float
    alternatives: tuple[GazetteerPlace, ...] = ()
    region: GazetteerPlace | None = None
    resolved_by: str = ""
    is_dateline: bool = False
