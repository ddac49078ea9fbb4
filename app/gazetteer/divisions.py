"""Second-order divisions and the marker of those whose point is an estimate.

GeoNames' admin2Codes table names every county, district and raion of the world but gives no coordinates; the
slice (``scripts/build_gazetteer.py``) places those no other source places at the median point of the populated
places that carry the code, under feature code ``ADM2C``. Everything that treats a place as a second-order
division asks this module, so the estimated ones are resolved like any ``ADM2`` while clients can still tell them
apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Protocol

from app.gazetteer.names import search_key
from app.gazetteer.records import GazetteerPlace

#: A second-order division whose point is the median of its towns (not surveyed, not a polygon's).
ESTIMATED_ADM2 = "ADM2C"
#: Feature codes of second-order divisions.
ADM2_CODES = frozenset({"ADM2", ESTIMATED_ADM2})


def is_adm2(code: str) -> bool:
    """Whether a feature code is a second-order division's, estimated point or not."""
    return code in ADM2_CODES


def has_estimated_point(place: GazetteerPlace) -> bool:
    """Whether the place's point is an estimate from its member towns (geo_precision 2, not 1, for events there)."""
    return place.feature_code == ESTIMATED_ADM2


#: The words GeoNames ends division names with ("Horry County", "Balkh District", "Vyzhnytsya Raion").
DIVISION_WORDS = ("county", "district", "raion", "rayon")


class _Candidates(Protocol):
    """What this module needs of the name index (``app.gazetteer.index`` imports this module: no cycle)."""

    def candidates(self, key: str) -> Sequence[GazetteerPlace]: ...


def divisions_named(index: _Candidates, key: str) -> Sequence[GazetteerPlace]:
    """Second-order divisions that GeoNames names "<key> County/District/Raion/Rayon": what "the district of X" or
    "X district" means where the division's own name carries the word (the key alone finds only the town)."""
    found: list[GazetteerPlace] = []
    for word in DIVISION_WORDS:
        found.extend(c for c in index.candidates(f"{key} {_folded(word)}") if is_adm2(c.feature_code))
    return found


@cache
def _folded(word: str) -> str:
    return search_key(word)
