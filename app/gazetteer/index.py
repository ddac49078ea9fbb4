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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import ahocorasick

from app.gazetteer.names import bulk_search_key, fold_token, skeleton_of_key
from app.gazetteer.records import GazetteerPlace
from app.text.tokens import Token

_CACHE_VERSION = 3
# Alternate names in scripts the news we read never uses (Cyrillic, CJK, ...) only cost memory.
_USEFUL_SCRIPT = re.compile(r"^[\u0000-\u024f\u1e00-\u1eff\u0600-\u06ff\u02b0-\u02ff\u2018-\u201f ]+$")
# Names made only of capitals and digits up to four long are codes (IATA, ICAO, HASC), not names in prose.
_CODE = re.compile(r"^[A-Z0-9]{2,4}$")
# The usual short and informal country names that GeoNames keeps outside its alternate names.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "U.S.A.", "USA", "United States of America", "America", "the States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "RU": ("Russian Federation",),
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


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A gazetteer key found at tokens ``first..last`` (inclusive) of a token list."""

    first: int
    last: int
    key: str


def name_keys(place: GazetteerPlace) -> set[str]:
    """The folded keys under which a place is found."""
    names = [n for n in place.all_names if len(n) < 60 and _USEFUL_SCRIPT.match(n) and not _CODE.match(n)]
    if place.feature_code in ("PCLI", "PCLD", "PCLF", "PCLS", "PCL", "PCLIX", "TERR"):
        names.extend(COUNTRY_ALIASES.get(place.country_code, ()))
    if place.feature_code in _FACILITY_CODES:
        names.extend(_FACILITY_WORDS.sub(" ", n) for n in list(names))
    keys = set()
    for name in names:
        key = bulk_search_key(name)
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
    """Places by id, candidate ids by folded key and by skeleton key, and an Aho-Corasick automaton."""

    def __init__(self, places: Iterable[GazetteerPlace]) -> None:
        self.places: dict[int, GazetteerPlace] = {}
        by_key: dict[str, list[int]] = {}
        self.admin1: dict[tuple[str, str], int] = {}
        self.admin2: dict[tuple[str, str, str], int] = {}
        self.countries: dict[str, int] = {}
        for full_place in places:
            # The alternate names live on in the keys; dropping them from the records halves the memory.
            place = replace(full_place, alternate_names=())
            self.places[place.geonameid] = place
            for key in name_keys(full_place):
                by_key.setdefault(key, []).append(place.geonameid)
            code = place.feature_code
            if code == "ADM1":
                self.admin1[(place.country_code, place.admin1_code)] = place.geonameid
            elif code == "ADM2":
                self.admin2[(place.country_code, place.admin1_code, place.admin2_code)] = place.geonameid
            elif code in ("PCLI", "PCLD", "PCLF", "PCLS", "PCL", "PCLIX", "TERR") and (
                code == "PCLI" or place.country_code not in self.countries
            ):
                self.countries[place.country_code] = place.geonameid
        self.by_key: dict[str, tuple[int, ...]] = {key: tuple(ids) for key, ids in by_key.items()}
        by_skeleton: dict[str, list[int]] = {}
        for key, ids in self.by_key.items():
            by_skeleton.setdefault(skeleton_of_key(key), []).extend(ids)
        self.by_skeleton: dict[str, tuple[int, ...]] = {k: tuple(dict.fromkeys(v)) for k, v in by_skeleton.items()}
        self.automaton = ahocorasick.Automaton()
        for key in self.by_key:
            self.automaton.add_word(f" {key} ", (key.count(" ") + 1, len(key) + 2))
        self.automaton.make_automaton()

    def __len__(self) -> int:
        return len(self.places)

    def candidates(self, key: str) -> tuple[GazetteerPlace, ...]:
        """Places whose name folds to ``key``."""
        return tuple(self.places[i] for i in self.by_key.get(key, ()))

    def skeleton_candidates(self, key: str) -> tuple[GazetteerPlace, ...]:
        """Places whose consonant frame matches the key's: loose, for a late pass that ranking must confirm."""
        return tuple(self.places[i] for i in self.by_skeleton.get(skeleton_of_key(key), ()))

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
        token_at: dict[int, int] = {}
        position = 0
        for i, key in enumerate(keys):
            token_at[position] = i
            position += len(key) + 1
        matches = []
        for end, (n_words, length) in self.automaton.iter(line):
            first = token_at.get(end - length + 1)
            if first is not None:
                matches.append(NameMatch(first, first + n_words - 1, line[end - length + 2 : end]))
        return matches

    def save(self, path: Path) -> None:
        with path.open("wb") as fh:
            pickle.dump((_CACHE_VERSION, self), fh, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def cached(
        cls, *, fingerprint: str, cache_dir: Path, places: Callable[[], Iterable[GazetteerPlace]]
    ) -> GazetteerIndex:
        """The index for a gazetteer identified by ``fingerprint``: loaded from ``cache_dir`` when built before,
        else built from ``places()`` and saved there (a corrupt or stale cache file is rebuilt)."""
        path = cache_dir / f"name-index-{_CACHE_VERSION}-{fingerprint}.pickle"
        if path.exists():
            try:
                return cls.load(path)
            except (ValueError, EOFError, pickle.UnpicklingError, AttributeError):
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
            version, index = pickle.load(fh)
        if version != _CACHE_VERSION or not isinstance(index, cls):
            raise ValueError(f"{path} holds an index of another version; rebuild it")
        return index


def fold_tokens(tokens: Sequence[Token]) -> list[str]:
    """The folded key of each token (what ``GazetteerIndex.find`` matches)."""
    return [fold_token(t.text).replace(" ", "") or "_" for t in tokens]


def file_digest(paths: Iterable[Path]) -> str:
    """Content hash of the gazetteer files, the key of the cached index."""
    digest = hashlib.sha256(str(_CACHE_VERSION).encode())
    for path in sorted(paths):
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()[:24]
