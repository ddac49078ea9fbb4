"""What recognition asks the gazetteer index about a name (candidates, notable, famous), asked once per key.

``CachedIndex`` is a caching proxy in front of ``GazetteerIndex``; the answers depend on the key and the index
alone, so they are kept from one parse to the next.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from weakref import WeakKeyDictionary

from app.gazetteer.index import GazetteerIndex
from app.gazetteer.names import normalize, search_key
from app.gazetteer.records import GazetteerPlace
from app.geoparse.document import Document, Span

_FAMOUS_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR", "ADM1", "PPLC", "PPLA", "CONT", "OCN", "SEA",
                           "GULF"})


# Continents, oceans and seas are famous by kind; other natural and cultural regions (RGN, rivers, mountains,
# deserts, peninsulas) count as famous only when they span countries (no country code), else the country decides.
WORLD_FEATURES = frozenset({"CONT", "OCN", "SEA", "GULF"})


_REGION_FEATURES = frozenset({"RGN", "RGNE", "STM", "MTS", "MT", "DSRT", "PEN", "PLN", "PLAT", "VAL", "STRT", "CNL",
                              "CHN", "BAY", "LK", "RSV", "DAM", "PSTB"})


# What ``CachedIndex`` learns about keys, per index, kept from one parse to the next; started afresh past
# ``_SHARED_ENTRIES`` entries so that memory stays bounded.
_KeyMemo = tuple[dict[str, tuple[GazetteerPlace, ...]], dict[str, bool], dict[str, bool], dict[str, bool],
                 dict[tuple[str, str], bool]]


_SHARED: WeakKeyDictionary[GazetteerIndex, _KeyMemo] = WeakKeyDictionary()


_SHARED_ENTRIES = 50_000


def _key_memo(index: GazetteerIndex) -> _KeyMemo:
    try:
        memo = _SHARED.get(index)
        if memo is None or sum(len(part) for part in memo) > _SHARED_ENTRIES:
            memo = _SHARED[index] = ({}, {}, {}, {}, {})
    except TypeError:  # an index that takes no weak reference: a memo for this parse only
        memo = ({}, {}, {}, {}, {})
    return memo


class CachedIndex:
    """The index as parses see it: candidate lists and their notability looked up once per key (a name recurs
    in an article, and common keys have thousands of candidates). Everything else is the index's own.

    The answers depend on the key and the index alone, so they are kept for the next parse with the same index:
    the commonest names ("Syria", "the", "in") recur from article to article."""

    def __init__(self, index: GazetteerIndex) -> None:
        self._index = index
        self._candidates, self._notable, self._famous, self._famous_named, self._named_notable = _key_memo(index)

    def __getattr__(self, name: str) -> object:
        return getattr(self._index, name)

    def candidates(self, key: str) -> tuple[GazetteerPlace, ...]:
        found = self._candidates.get(key)
        if found is None:
            found = self._candidates[key] = self._index.candidates(key)
        return found

    def any_notable(self, key: str) -> bool:
        found = self._notable.get(key)
        if found is None:
            found = self._notable[key] = _has_notable(self.candidates(key))
        return found

    def any_famous(self, key: str) -> bool:
        found = self._famous.get(key)
        if found is None:
            found = self._famous[key] = _has_famous(self.candidates(key))
        return found

    def famous_by_name(self, key: str) -> bool:
        found = self._famous_named.get(key)
        if found is None:
            found = self._famous_named[key] = _famous_by_name(self.candidates(key), key)
        return found


def named_notable(index: GazetteerIndex, surface: str, key: str, candidates: Sequence[GazetteerPlace]) -> bool:
    """Whether a notable place is called ``surface`` by its very name (or is a country or world feature);
    memoised (a common word recurs)."""
    memo = index._named_notable if isinstance(index, CachedIndex) else {}
    found = memo.get((surface, key))
    if found is None:
        found = memo[(surface, key)] = any(
            is_notable(c) and (c.feature_code.startswith("PCL") or c.feature_code in WORLD_FEATURES
                               or surface in (normalize(c.name), normalize(c.asciiname))) for c in candidates)
    return found


def _has_notable(candidates: Sequence[GazetteerPlace]) -> bool:
    return any(is_notable(c) for c in candidates)


def _has_famous(candidates: Sequence[GazetteerPlace]) -> bool:
    return any(c.feature_code in _FAMOUS_CODES for c in candidates)


def notable_key(index: GazetteerIndex, key: str) -> bool:
    if isinstance(index, CachedIndex):
        return index.any_notable(key)
    return _has_notable(index.candidates(key))


def country_key(index: GazetteerIndex, key: str) -> bool:
    return any(c.feature_code.startswith("PCL") for c in index.candidates(key))


def famous_key(index: GazetteerIndex, key: str) -> bool:
    """Whether a country, division, capital or world feature bears the key (memoised on a ``CachedIndex``)."""
    if isinstance(index, CachedIndex):
        return index.any_famous(key)
    return _has_famous(index.candidates(key))


def _famous_by_name(candidates: Sequence[GazetteerPlace], key: str) -> bool:
    """A famous place (country, division, capital) called ``key`` by its own name, not by one of its alternate
    names ("Zuma" is an old name of a Bulgarian provincial seat, not what a news text means by it)."""
    return any(c.feature_code in _FAMOUS_CODES and (c.feature_code.startswith("PCL") or key in (
        search_key(c.name), search_key(c.asciiname))) for c in candidates)


# What stays a place where the article uses its name as a person's: a country, first-order division, capital or
# world feature, not a provincial seat somewhere ("Dewly Nelson ... Nelson himself": Nelson, New Zealand).
FAMOUS_OVER_A_SURNAME = _FAMOUS_CODES - {"PPLA"}


def famous_as_written(doc: Document, index: GazetteerIndex, span: Span,
                      codes: frozenset[str] = _FAMOUS_CODES) -> bool:
    """A famous place called by the span's very words ("Mamo" folds to Mamou, a provincial seat, but is not
    its name)."""
    written = normalize(doc.text[doc.tokens[span.first].start : doc.tokens[span.last].end])
    return _famous_name_key(index, span.key) and any(
        c.feature_code in codes and (c.feature_code.startswith("PCL") or written in (
            normalize(c.name), normalize(c.asciiname))) for c in index.candidates(span.key))


def _famous_name_key(index: GazetteerIndex, key: str) -> bool:
    if isinstance(index, CachedIndex):
        return index.famous_by_name(key)
    return _famous_by_name(index.candidates(key), key)


#: OurAirports records in the slice (class S): airports, air bases, heliports, closed airfields.
AIRFIELD_CODES = frozenset({"AIRB", "AIRP", "AIRF", "AIRH"})
# The words that say what kind of airfield a name is ("Heathrow Airport", "Al Maktoum International Airport").
_AIRFIELD_WORDS = re.compile(r"\b(international|military|regional|air ?base|air ?port|airfield|air field|airstrip|"
                             r"heliport)\b")


@lru_cache(maxsize=4096)
def airfield_names(places: tuple[GazetteerPlace, ...]) -> frozenset[str]:
    """The airfields' names as written (normalised; the index's records carry their own names only), with and
    without the words that say they are airfields ("mitiga international airport", "mitiga"), memoised."""
    names = {normalize(name) for place in places for name in place.all_names}
    return frozenset(names | {" ".join(_AIRFIELD_WORDS.sub(" ", name).split()) for name in names})


def named_as_airfield(written: str, places: tuple[GazetteerPlace, ...], cased: bool = True) -> bool:
    """Whether the words as written (normalised) say airport ("kabul airport", an alternate name the index's
    records do not carry) or, in cased text, are one of the airfields' own names."""
    return _AIRFIELD_WORDS.search(written) is not None or (cased and written in airfield_names(places))


def is_notable(place: GazetteerPlace) -> bool:
    """A country, first-order division, capital, city of 100k, continent, ocean, sea or multinational region:
    worth matching even without context."""
    code = place.feature_code
    return code.startswith("PCL") or code in ("ADM1", "PPLC", "PPLA", "TERR") or place.population >= 100_000 \
        or code in WORLD_FEATURES or (code in _REGION_FEATURES and not place.country_code)
