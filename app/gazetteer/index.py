"""In-memory name index over the gazetteer: folded name keys → places, and a multi-pattern matcher over text.

Pure: built from an iterable of ``GazetteerPlace``; no database. Text is matched token by token on the same
folded keys (``fold_token``), so case, diacritics, hyphens and common transliteration variants do not matter,
and every match maps back to exact token offsets in the original text.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache, lru_cache
from itertools import accumulate
from operator import add
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick

from app.gazetteer.divisions import is_adm2
from app.gazetteer.names import bulk_search_key, fold_token, skeleton_of_key, without_article
from app.gazetteer.records import GazetteerPlace
from app.text.tokens import Token

_CACHE_VERSION = 4


@cache
def _code_digest() -> str:
    """The code that turns names into keys: a cache built by other folding rules is stale even for the same data."""
    digest = hashlib.sha256()
    for module in ("index.py", "names.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()[:12]
# Names made only of capitals and digits up to four long are codes (IATA, ICAO, HASC), not names in prose.
_CODE = re.compile(r"^[A-Z0-9]{2,4}$")
# The usual short and informal country names that GeoNames keeps outside its alternate names.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "U.S.A.", "USA", "United States of America", "America", "the States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "RU": ("Russian Federation", "Soviet Union", "USSR"),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "KP": ("North Korea", "DPRK"),
    "KR": ("South Korea",),
    "CD": ("DR Congo", "DRC", "Democratic Republic of the Congo"),
    "CG": ("Republic of the Congo",),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran",),
    "CZ": ("Czech Republic", "Czechia"),
    "NL": ("Holland", "the Netherlands"),
    "VA": ("Holy See", "Vatican", "Vatican City"),
    "PS": ("Palestinian Territories", "Palestine"),
    "MM": ("Burma",),
    "CI": ("Ivory Coast",),
    "SZ": ("Swaziland",),
    "MK": ("Macedonia",),
    "TL": ("East Timor",),
    "CV": ("Cape Verde",),
    "VN": ("Vietnam",),
    "LA": ("Laos",),
    "SA": ("Saudi",),
    "BA": ("Bosnia",),
    "TT": ("Trinidad",),
}
# Words that name a facility's type, stripped to also index its bare name ("Abu al-Duhur Military Airport").
_FACILITY_WORDS = re.compile(
    r"\b(international|military|regional|domestic|air ?base|air ?port|airfield|air field|airstrip|heliport|"
    r"field|base)\b",
    re.IGNORECASE,
)
_FACILITY_CODES = frozenset({"AIRB", "AIRP", "AIRF", "AIRH", "MILB", "INSM"})


class NameMatch(NamedTuple):
    """A gazetteer key found at tokens ``first..last`` (inclusive) of a token list.

    A named tuple, built with ``tuple.__new__``: an article has thousands of matches (most of them "the",
    "of"), and a frozen dataclass costs several times more to build."""

    first: int
    last: int
    key: str


_new_tuple = tuple.__new__


_COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "PCLIX", "TERR"})


def name_keys(place: GazetteerPlace, key_of: Callable[[str], str] = bulk_search_key) -> set[str]:
    """The folded keys under which a place is found (``key_of``: ``bulk_search_key``, or the same key as stored)."""
    # every script: names in Latin letters, Arabic or any script that ``normalize`` romanises (anyascii)
    names = [n for n in place.all_names if len(n) < 60 and not _CODE.match(n)]
    if place.feature_code in _COUNTRY_CODES:
        names.extend(COUNTRY_ALIASES.get(place.country_code, ()))
    if place.feature_code in _FACILITY_CODES:
        names.extend(_FACILITY_WORDS.sub(" ", n) for n in list(names))
    keys = set()
    for name in names:
        key = key_of(name)
        if key:
            keys.add(key)
            if " al " in key:
                keys.add(_merge_articles(name))
    keys.discard("")
    return keys


def _merge_articles(name: str) -> str:
    """The key with an inner article written onto its noun, as news often does (Deir ez-Zor → Deir Ezzor)."""
    words = name.replace("-", " ").split()
    merged: list[str] = []
    skip = False
    for i, word in enumerate(words):
        if skip:
            skip = False
            continue
        if 0 < i < len(words) - 1 and fold_token(word) == "al":
            merged.append(word + words[i + 1])
            skip = True
        else:
            merged.append(word)
    return bulk_search_key(" ".join(merged))


class GazetteerIndex:
    """Places by id, candidate ids by folded key and by skeleton key, and an Aho-Corasick automaton.

    Held compactly so that it loads in a second or two and costs little memory. The places are columns (arrays
    of numbers, lists of shared strings) turned into ``GazetteerPlace`` records on demand (the most recent ones
    are kept). The automaton maps each key, as " key ", to its number ``k`` (its values are 32-bit ints); the
    places of key ``k`` are rows ``_key_start[k]:_key_start[k + 1]`` of ``_key_rows``, and ``_key_length[k]``
    is ``len(key) + 2``. Skeletons are a sorted list with the same layout. ``places``, ``by_key`` and
    ``by_skeleton`` are read-only mappings over all this, with the values they always had.
    """

    def __init__(self, places: Iterable[GazetteerPlace]) -> None:
        # Stored search keys of the names, when the source has them (the database computed them at load).
        key_of: Callable[[str], str] = getattr(places, "search_key_of", None) or bulk_search_key
        intern = _Interner()
        gid = array("q")
        lat = array("d")
        lon = array("d")
        population = array("q")
        names: list[str] = []
        asciinames: list[str] = []
        strings: list[list[str]] = [[] for _ in _STRING_COLUMNS]
        row_of: dict[int, int] = {}
        key_rows: dict[str, list[int]] = {}
        self.admin1: dict[tuple[str, str], int] = {}
        self.admin2: dict[tuple[str, str, str], int] = {}
        self.countries: dict[str, int] = {}
        for place in places:
            values = [intern(getattr(place, column)) for column in _STRING_COLUMNS]
            asciiname = place.name if place.asciiname == place.name else place.asciiname
            row = row_of.get(place.geonameid)
            if row is None:
                row = row_of[place.geonameid] = len(gid)
                gid.append(place.geonameid)
                lat.append(place.lat)
                lon.append(place.lon)
                population.append(place.population)
                names.append(place.name)
                asciinames.append(asciiname)
                for column, value in zip(strings, values, strict=True):
                    column.append(value)
            else:  # a repeated id: the last record wins, as it did in a dict
                lat[row], lon[row], population[row] = place.lat, place.lon, place.population
                names[row], asciinames[row] = place.name, asciiname
                for column, value in zip(strings, values, strict=True):
                    column[row] = value
            for key in name_keys(place, key_of):
                rows = key_rows.get(key)
                if rows is None:
                    key_rows[key] = [row]
                else:
                    rows.append(row)
            code = place.feature_code
            if code == "ADM1":
                self.admin1[(place.country_code, place.admin1_code)] = place.geonameid
            elif is_adm2(code):
                self.admin2[(place.country_code, place.admin1_code, place.admin2_code)] = place.geonameid
            elif code in _COUNTRY_CODES and (code == "PCLI" or place.country_code not in self.countries):
                self.countries[place.country_code] = place.geonameid
        del row_of
        self._columns = _Columns(gid, lat, lon, population, names, asciinames, strings)

        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        key_start = array("q", [0])
        key_length = array("H")
        flat_rows = array("i")
        by_skeleton: dict[str, list[int]] = {}
        for number, (key, rows) in enumerate(key_rows.items()):
            self.automaton.add_word(f" {key} ", number)
            key_length.append(len(key) + 2)
            flat_rows.extend(rows)
            key_start.append(len(flat_rows))
            skeleton = skeleton_of_key(key)
            in_skeleton = by_skeleton.get(skeleton)
            if in_skeleton is None:
                by_skeleton[skeleton] = list(rows)
            else:
                in_skeleton.extend(rows)
        del key_rows
        self.automaton.make_automaton()
        self._key_start, self._key_rows, self._key_length = key_start, flat_rows, key_length
        skeletons = sorted(by_skeleton)
        skeleton_start = array("q", [0])
        skeleton_rows = array("i")
        for skeleton in skeletons:
            skeleton_rows.extend(dict.fromkeys(by_skeleton[skeleton]))
            skeleton_start.append(len(skeleton_rows))
        del by_skeleton
        self._skeletons, self._skeleton_start, self._skeleton_rows = skeletons, skeleton_start, skeleton_rows
        self._attach()

    def _attach(self) -> None:
        """The views and the record cache over the stored columns."""
        self._place: Callable[[int], GazetteerPlace] = lru_cache(maxsize=_RECORD_CACHE)(self._columns.record)
        self.places = _Places(self)
        self.by_key = _KeyIds(self)
        self.by_skeleton = _SkeletonIds(self)
        # key number → (its length + 1, its spaces, the key): what ``find`` needs of each match, looked up once
        # per key (most matches are the same few hundred common words)
        self._match_info: dict[int, tuple[int, int, str]] = {}

    def __len__(self) -> int:
        return len(self._columns.gid)

    def _key_rows_of(self, key: str) -> Sequence[int]:
        number = self.automaton.get(f" {key} ", -1)
        if number < 0:
            return ()
        return self._key_rows[self._key_start[number] : self._key_start[number + 1]]

    def _skeleton_rows_of(self, skeleton: str) -> Sequence[int]:
        i = bisect_left(self._skeletons, skeleton)
        if i == len(self._skeletons) or self._skeletons[i] != skeleton:
            return ()
        return self._skeleton_rows[self._skeleton_start[i] : self._skeleton_start[i + 1]]

    def candidates(self, key: str) -> tuple[GazetteerPlace, ...]:
        """Places whose name folds to ``key``."""
        place = self._place
        return tuple(place(row) for row in self._key_rows_of(key))

    def skeleton_candidates(self, key: str) -> tuple[GazetteerPlace, ...]:
        """Places whose consonant frame matches the key's: loose, for a late pass that ranking must confirm. A
        leading article is no part of the frame ("al-Masasneh" ~ Maşāşinah): the index's keys drop it too."""
        place = self._place
        return tuple(place(row) for row in self._skeleton_rows_of(skeleton_of_key(without_article(key))))

    def country(self, country_code: str) -> GazetteerPlace | None:
        gid = self.countries.get(country_code)
        return self.places[gid] if gid is not None else None

    def admin1_of(self, place: GazetteerPlace) -> GazetteerPlace | None:
        """The first-order division a place lies in (itself for an ADM1)."""
        if place.feature_code == "ADM1":
            return place
        gid = self.admin1.get((place.country_code, place.admin1_code))
        return self.places[gid] if gid is not None else None

    def admin2_of(self, place: GazetteerPlace) -> GazetteerPlace | None:
        gid = self.admin2.get((place.country_code, place.admin1_code, place.admin2_code))
        return self.places[gid] if gid is not None else None

    def find(self, keys: Sequence[str]) -> list[NameMatch]:
        """Every gazetteer key occurring in a sequence of folded tokens (overlaps included)."""
        line = " " + " ".join(keys) + " "
        # the position in ``line`` of the space before token i: the lengths of the keys before it, plus i spaces
        tokens = range(len(keys))
        token_at = dict(zip(map(add, accumulate(map(len, keys), initial=0), tokens), tokens, strict=True))
        matches: list[NameMatch] = []
        append = matches.append
        first_at = token_at.get
        info = self._match_info
        if len(info) > _MATCH_INFO_CACHE:
            info.clear()
        for end, number in self.automaton.iter(line):
            found = info.get(number)
            if found is None:
                length = self._key_length[number]
                key = line[end - length + 2 : end]
                found = info[number] = (length - 1, key.count(" "), key)
            back, spaces, key = found
            first = first_at(end - back)
            if first is not None:
                append(_new_tuple(NameMatch, (first, first + spaces, key)))
        return matches

    def _state(self) -> dict[str, Any]:
        return {
            "columns": self._columns.state(), "automaton": self.automaton, "key_start": self._key_start,
            "key_rows": self._key_rows, "key_length": self._key_length, "skeletons": self._skeletons,
            "skeleton_start": self._skeleton_start, "skeleton_rows": self._skeleton_rows, "admin1": self.admin1,
            "admin2": self.admin2, "countries": self.countries,
        }

    def __getstate__(self) -> dict[str, Any]:
        return self._state()

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._columns = _Columns(*state["columns"])
        self.automaton = state["automaton"]
        self._key_start, self._key_rows, self._key_length = state["key_start"], state["key_rows"], state["key_length"]
        self._skeletons = state["skeletons"]
        self._skeleton_start, self._skeleton_rows = state["skeleton_start"], state["skeleton_rows"]
        self.admin1, self.admin2, self.countries = state["admin1"], state["admin2"], state["countries"]
        self._attach()

    def save(self, path: Path) -> None:
        with path.open("wb") as fh:
            pickle.dump((_CACHE_VERSION, self._state()), fh, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def cached(
        cls, *, fingerprint: str, cache_dir: Path, places: Callable[[], Iterable[GazetteerPlace]]
    ) -> GazetteerIndex:
        """The index for a gazetteer identified by ``fingerprint``: loaded from ``cache_dir`` when built before,
        else built from ``places()`` and saved there (a corrupt or stale cache file is rebuilt)."""
        path = cache_dir / f"name-index-{_CACHE_VERSION}-{_code_digest()}-{fingerprint[:32]}.pickle"
        if path.exists():
            try:
                return cls.load(path)
            except (ValueError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, TypeError):
                path.unlink(missing_ok=True)
        index = cls(places())
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        index.save(partial)
        partial.replace(path)
        return index

    @classmethod
    def load(cls, path: Path) -> GazetteerIndex:
        with path.open("rb") as fh:
            version, state = pickle.load(fh)
        if version != _CACHE_VERSION or not isinstance(state, dict):
            raise ValueError(f"{path} holds an index of another version; rebuild it")
        index = cls.__new__(cls)
        index.__setstate__(state)
        return index


_RECORD_CACHE = 1 << 16
_MATCH_INFO_CACHE = 1 << 14
_STRING_COLUMNS = ("feature_class", "feature_code", "country_code", "admin1_code", "admin2_code", "admin1_name",
                   "admin2_name")


class _Interner:
    """One shared object per distinct string (codes and admin names repeat across many thousand places)."""

    def __init__(self) -> None:
        self._seen: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        return self._seen.setdefault(value, value)


class _Columns:
    """The places' fields as columns; ``record(row)`` rebuilds one ``GazetteerPlace`` (without alternate names,
    which live on in the keys)."""

    __slots__ = ("asciiname", "gid", "lat", "lon", "name", "population", "strings")

    def __init__(self, gid: array[int], lat: array[float], lon: array[float], population: array[int],
                 name: list[str], asciiname: list[str], strings: list[list[str]]) -> None:
        self.gid, self.lat, self.lon, self.population = gid, lat, lon, population
        self.name, self.asciiname, self.strings = name, asciiname, strings

    def state(self) -> tuple[Any, ...]:
        return (self.gid, self.lat, self.lon, self.population, self.name, self.asciiname, self.strings)

    def record(self, row: int) -> GazetteerPlace:
        fclass, fcode, country, admin1, admin2, admin1_name, admin2_name = (s[row] for s in self.strings)
        return GazetteerPlace(self.gid[row], self.name[row], self.asciiname[row], self.lat[row], self.lon[row],
                              fclass, fcode, country, admin1, admin2, self.population[row], (), admin1_name,
                              admin2_name)


class _Places(Mapping[int, GazetteerPlace]):
    """geonameid → place, in the order the places came."""

    def __init__(self, index: GazetteerIndex) -> None:
        self._index = index
        gid = index._columns.gid
        self._order: array[int] | None = None
        self._sorted = gid
        if any(gid[i] >= gid[i + 1] for i in range(len(gid) - 1)):
            order = sorted(range(len(gid)), key=gid.__getitem__)
            self._order = array("i", order)
            self._sorted = array("q", (gid[i] for i in order))

    def _row(self, geonameid: int) -> int | None:
        i = bisect_left(self._sorted, geonameid)
        if i == len(self._sorted) or self._sorted[i] != geonameid:
            return None
        return self._order[i] if self._order is not None else i

    def __getitem__(self, geonameid: int) -> GazetteerPlace:
        row = self._row(geonameid) if isinstance(geonameid, int) else None
        if row is None:
            raise KeyError(geonameid)
        return self._index._place(row)

    def __contains__(self, geonameid: object) -> bool:
        return isinstance(geonameid, int) and self._row(geonameid) is not None

    def __iter__(self) -> Iterator[int]:
        return iter(self._index._columns.gid)

    def __len__(self) -> int:
        return len(self._index._columns.gid)


class _KeyIds(Mapping[str, tuple[int, ...]]):
    """Folded key → the geonameids of its places."""

    def __init__(self, index: GazetteerIndex) -> None:
        self._index = index

    def __getitem__(self, key: str) -> tuple[int, ...]:
        rows = self._index._key_rows_of(key) if isinstance(key, str) else ()
        if not rows:
            raise KeyError(key)
        gid = self._index._columns.gid
        return tuple(gid[row] for row in rows)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._index.automaton.exists(f" {key} ")

    def __iter__(self) -> Iterator[str]:
        return (word[1:-1] for word in self._index.automaton.keys())  # noqa: SIM118 - an automaton

    def __len__(self) -> int:
        return len(self._index.automaton)


class _SkeletonIds(Mapping[str, tuple[int, ...]]):
    """Skeleton key → the geonameids of the places under every key with that skeleton."""

    def __init__(self, index: GazetteerIndex) -> None:
        self._index = index

    def __getitem__(self, skeleton: str) -> tuple[int, ...]:
        rows = self._index._skeleton_rows_of(skeleton) if isinstance(skeleton, str) else ()
        if not rows:
            raise KeyError(skeleton)
        gid = self._index._columns.gid
        return tuple(gid[row] for row in rows)

    def __iter__(self) -> Iterator[str]:
        return iter(self._index._skeletons)

    def __len__(self) -> int:
        return len(self._index._skeletons)


def fold_tokens(tokens: Sequence[Token]) -> list[str]:
    """The folded key of each token (what ``GazetteerIndex.find`` matches)."""
    return [_token_key(token.text) for token in tokens]


@lru_cache(maxsize=200_000)
def _token_key(word: str) -> str:
    """One cached call per token instead of ``fold_token`` plus two string operations (words recur)."""
    return fold_token(word).replace(" ", "") or "_"


def file_digest(paths: Iterable[Path]) -> str:
    """Content hash of the gazetteer files, the key of the cached index."""
    digest = hashlib.sha256(str(_CACHE_VERSION).encode())
    for path in sorted(paths):
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()[:24]
