"""Place search as a person ranks it: the name as typed, then the name folded, then the nearest spellings, then
the most prominent place.

One fuzzy path over the in-memory name index (``GazetteerIndex``), so both database backends answer alike:

1. **exact** or **folded**: the query, normalised, is the place's own name (``EXACT_BONUS`` to its prominence),
   or it folds (``search_key``) to one of the place's names, alternate names included; ranked by prominence plus
   how like the place's own name the query is (``OWN_NAME_WEIGHT``);
2. **skeleton**: a name with the query's consonant frame (``skeleton_key``): what survives a change of vowels,
   a doubled letter or another spelling of the article ("rihjan" and Ruhjan share ``rgn``);
3. **similar**: any other name key within ``MIN_SIMILARITY`` of the query's.

Within ranks 2 and 3, string similarity (rapidfuzz's ``ratio`` over the folded keys) decides in steps of
``SIMILARITY_STEP`` (a point of similarity says little; a step does), then prominence (feature kind and
population): "rihjan" finds Ruhjan before Yangon or Ryazan, which only their prominence recommended.
The scan of every key for rank 4 is skipped when the first two ranks already fill the answer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz, process

from app.bbox import BBox
from app.gazetteer.divisions import ESTIMATED_ADM2
from app.gazetteer.index import GazetteerIndex
from app.gazetteer.names import normalize, search_key, skeleton_of_key
from app.gazetteer.records import GazetteerPlace

MIN_SIMILARITY = 70.0
SIMILARITY_STEP = 5.0
# Keys compared with the query: enough that a filter (a country, a box) still leaves the right place among them.
_FUZZY_KEYS = 400

# How much a feature kind matters when names tie: news names countries and provinces far more often than the
# hamlets that share their names. Sub-districts carry their seat town's name and population: the town is meant.
FEATURE_IMPORTANCE: dict[str, float] = {
    "PCLI": 10.0, "PCLD": 9.0, "PCLF": 9.0, "PCLS": 8.0, "PCLIX": 8.0, "PCL": 8.0, "TERR": 7.0,
    "ADM1": 7.0, "PPLC": 8.0, "PPLA": 6.5, "ADM2": 5.0, ESTIMATED_ADM2: 5.0, "PPLA2": 4.5, "AIRB": 4.0, "AIRP": 3.5,
    "PPLA3": 3.5, "PPLA4": 3.0, "PPL": 2.0, "PPLX": 1.5, "AIRH": 1.0,
    "ADM3": 0.0, "ADM4": 0.0, "ADM5": 0.0,
}
# A name written exactly as a place's own breaks a near-tie in prominence; a seat (PPLA3) still outranks a
# village (PPL) spelled exactly so ("Abu ad Duhur" is the town of Abū az̧ Z̧uhūr, not the hamlet beside it).
EXACT_BONUS = 1.0
# How much the query's likeness to a folded match's own name counts (Dābiq before Dahāyik, once called Dabiq).
OWN_NAME_WEIGHT = 4.0


def prominence(place: GazetteerPlace) -> float:
    """Feature kind, plus population for places that are not divisions: a division counts the people of the
    towns in it, and whoever types "Aleppo" or "Manbij" means the city before the governorate or district."""
    weight = 0.0 if place.feature_class == "A" and not place.feature_code.startswith("PCL") \
        else math.log10(place.population + 1)
    return FEATURE_IMPORTANCE.get(place.feature_code, 1.0) + weight


@dataclass(frozen=True, slots=True)
class PlaceHit:
    place: GazetteerPlace
    match: str  # "exact", "folded", "skeleton" or "similar"
    similarity: float  # 0-100, of the closest name key to the query's


_RANK = {"exact": 0, "folded": 0, "skeleton": 1, "similar": 2}
_KEYS: WeakKeyDictionary[GazetteerIndex, list[str]] = WeakKeyDictionary()


def _keys(index: GazetteerIndex) -> list[str]:
    """Every name key of the index (built on the first search, kept as long as the index)."""
    keys = _KEYS.get(index)
    if keys is None:
        keys = _KEYS[index] = list(index.by_key)
    return keys


def search_places(index: GazetteerIndex, query: str, *, country: str | None = None, bbox: BBox | None = None,
                  feature_classes: Sequence[str] = (), limit: int = 10) -> list[PlaceHit]:
    """The places a typed name most likely means, best first (see the module docstring)."""
    normalized, key = normalize(query), search_key(query)
    if not key:
        return []
    country = country.upper() if country else None
    classes = {c.upper() for c in feature_classes}

    def wanted(place: GazetteerPlace) -> bool:
        return (country is None or place.country_code == country) and (not classes or place.feature_class in classes) \
            and (bbox is None or bbox.holds(place.lon, place.lat))

    hits: dict[int, PlaceHit] = {}
    for place in index.candidates(key):
        if wanted(place):
            exact = normalized in (normalize(place.name), normalize(place.asciiname))
            # folded through an alternate name: how close the query is to the place's own name
            similarity = 100.0 if exact else max(fuzz.ratio(key, search_key(place.name)),
                                                 fuzz.ratio(key, search_key(place.asciiname)))
            hits[place.geonameid] = PlaceHit(place, "exact" if exact else "folded", similarity)
    skeleton = skeleton_of_key(key)
    for place in index.skeleton_candidates(key):
        if place.geonameid not in hits and wanted(place):
            # the place's own names that share the frame say how close it is (an alternate name may be the match)
            own = [k for k in (search_key(place.name), search_key(place.asciiname)) if skeleton_of_key(k) == skeleton]
            similarity = max((fuzz.ratio(key, k) for k in own), default=MIN_SIMILARITY)
            hits[place.geonameid] = PlaceHit(place, "skeleton", similarity)
    if len(hits) < limit:
        for other, similarity, _ in process.extract(key, _keys(index), scorer=fuzz.ratio, limit=_FUZZY_KEYS,
                                                    score_cutoff=MIN_SIMILARITY):
            for place in index.candidates(other):
                known = hits.get(place.geonameid)
                if known is None and wanted(place):
                    hits[place.geonameid] = PlaceHit(place, "similar", similarity)
                elif known is not None and known.match == "skeleton" and known.similarity < similarity \
                        and skeleton_of_key(other) == skeleton:
                    hits[place.geonameid] = PlaceHit(place, "skeleton", similarity)
    return sorted(hits.values(), key=_order)[:limit]


def _order(hit: PlaceHit) -> tuple[float, ...]:
    if _RANK[hit.match] == 0:
        # among the names that fold alike, a place called so by its own name first, unless far less prominent
        score = prominence(hit.place) + OWN_NAME_WEIGHT * hit.similarity / 100.0
        return (0, 0, -score - (EXACT_BONUS if hit.match == "exact" else 0.0), hit.place.geonameid)
    return (_RANK[hit.match], -math.floor(hit.similarity / SIMILARITY_STEP), -prominence(hit.place),
            hit.place.geonameid)
