"""Gazetteers written by hand for the geoparser's tests: a place in one line, and what a parse of a text finds."""

from __future__ import annotations

from typing import Any

from app.gazetteer.index import GazetteerIndex
from app.gazetteer.records import GazetteerPlace
from app.geoparse import parse


def place(gid: int, name: str, lat: float, lon: float, fclass: str, code: str, cc: str, a1: str = "", pop: int = 0,
          alts: tuple[str, ...] = ()) -> GazetteerPlace:
    """A place whose ascii name is its name and that lies in no second-order division."""
    return GazetteerPlace(gid, name, name, lat, lon, fclass, code, cc, a1, "", pop, tuple(alts))


def found(text: str, index: GazetteerIndex, **kwargs: Any) -> list[tuple[str, int | None]]:
    """Each mention's text and geonameid, in order."""
    return [(m.text, m.place.geonameid if m.place else None) for m in parse(text, index, **kwargs)]
