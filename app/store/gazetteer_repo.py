"""The gazetteer aggregate: places, their names, admin codes and areas."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from app.gazetteer.geonames_format import AdminCode as AdminCodeRecord
from app.gazetteer.geonames_format import AlternateName
from app.gazetteer.names import bulk_search_key, normalize, search_key, skeleton_of_key
from app.gazetteer.records import GazetteerPlace
from app.store.models import AdminArea, AdminCode, GazetteerFile, Place, PlaceName
from app.store.upsert import insert_tuples, upsert_rows

NAME_MAX = 400
# Places per bulk write while loading (with their names, about four times as many rows).
LOAD_BATCH = 20000

_ASCII_APOSTROPHES = re.compile(r"['`]")
_NOT_WORD = re.compile(r"[\W_]+")


def name_forms(name: str) -> tuple[str, str, str]:
    """``(normalize(name), search_key(name), skeleton_key(name))``, computed once each: an ASCII fast path and
    keys folded from cached words (``bulk_search_key``), for loading millions of names."""
    if name.isascii():
        # normalize() of ASCII text: lower case, apostrophes dropped, the rest of the non-word runs as spaces.
        normalized = _NOT_WORD.sub(" ", _ASCII_APOSTROPHES.sub("", name.lower())).strip()
        key = bulk_search_key(name)
    else:
        normalized = normalize(name)
        # Diacritics gone, the normal form is usually plain lower-case ASCII, which the fast path keeps as it is.
        key = bulk_search_key(normalized) if normalized.isascii() and normalized.islower() else search_key(name)
    return normalized, key, skeleton_of_key(key)


def name_rows(place: GazetteerPlace) -> Iterator[dict[str, Any]]:
    """The ``place_names`` rows of a place: every distinct name with its lookup keys."""
    for geonameid, name, normalized, key, skeleton, is_primary in name_tuples(place):
        yield {"geonameid": geonameid, "name": name, "normalized": normalized, "key": key, "skeleton": skeleton,
               "is_primary": is_primary}


def name_tuples(place: GazetteerPlace) -> Iterator[tuple[int, str, str, str, str, bool]]:
    """``name_rows`` as tuples in ``_NAME_COLUMNS`` order."""
    for position, name in enumerate(place.all_names):
        row = _name_tuple(place.geonameid, name, position == 0)
        if row is not None:
            yield row


def _name_tuple(geonameid: int, name: str, is_primary: bool) -> tuple[int, str, str, str, str, bool] | None:
    name = name.strip()[:NAME_MAX]
    normalized, key, skeleton = name_forms(name)
    if not normalized:
        return None
    return geonameid, name, normalized[:NAME_MAX], key[:NAME_MAX], skeleton[:NAME_MAX], is_primary


_NAME_COLUMNS = ("geonameid", "name", "normalized", "key", "skeleton", "is_primary")
_PLACE_COLUMNS = ("name", "asciiname", "feature_class", "feature_code", "country_code", "admin1_code",
                  "admin2_code", "population", "lat", "lon")


def _place_tuple(place: GazetteerPlace) -> tuple[Any, ...]:
    """A ``places`` row in ``("geonameid", *_PLACE_COLUMNS)`` order."""
    return (place.geonameid, place.name[:200], place.asciiname[:200], place.feature_class[:1],
            place.feature_code[:10], place.country_code[:2], place.admin1_code[:20], place.admin2_code[:80],
            place.population, place.lat, place.lon)


def upsert_places(*, session: Session, places: Iterable[GazetteerPlace], on_batch=None) -> int:  # type: ignore[no-untyped-def]
    """Insert or update places and add their names; returns the number of places."""
    count = 0
    place_batch: list[tuple[Any, ...]] = []
    name_batch: list[tuple[Any, ...]] = []

    def flush() -> None:
        insert_tuples(session, Place.__table__, ("geonameid", *_PLACE_COLUMNS), place_batch,
                      conflict_columns=["geonameid"], update_columns=_PLACE_COLUMNS)
        insert_tuples(session, PlaceName.__table__, _NAME_COLUMNS, name_batch, conflict_columns=["geonameid", "name"])
        if on_batch:
            on_batch(len(place_batch))
        place_batch.clear()
        name_batch.clear()

    for place in places:
        place_batch.append(_place_tuple(place))
        name_batch.extend(name_tuples(place))
        count += 1
        if len(place_batch) >= LOAD_BATCH:
            flush()
    flush()
    return count


def add_alternate_names(*, session: Session, names: Iterable[AlternateName], on_batch=None) -> int:  # type: ignore[no-untyped-def]
    """Attach alternate names to places already loaded; names of unknown places are skipped."""
    known = set(session.scalars(select(Place.geonameid)))
    rows: list[tuple[Any, ...]] = []
    count = 0
    for alternate in names:
        if alternate.geonameid not in known:
            continue
        row = _name_tuple(alternate.geonameid, alternate.name, False)
        if row is None:
            continue
        rows.append(row)
        count += 1
        if len(rows) >= 4 * LOAD_BATCH:
            insert_tuples(session, PlaceName.__table__, _NAME_COLUMNS, rows, conflict_columns=["geonameid", "name"])
            if on_batch:
                on_batch(len(rows))
            rows = []
    insert_tuples(session, PlaceName.__table__, _NAME_COLUMNS, rows, conflict_columns=["geonameid", "name"])
    return count


def upsert_admin_codes(*, session: Session, codes: Iterable[AdminCodeRecord], level: int) -> int:
    rows = (
        {"code": c.code, "level": level, "name": c.name[:200], "asciiname": c.asciiname[:200], "geonameid": c.geonameid}
        for c in codes
    )
    return upsert_rows(session, AdminCode.__table__, rows, conflict_columns=["code"],
                       update_columns=["level", "name", "asciiname", "geonameid"])


def upsert_admin_areas(*, session: Session, areas: Iterable[dict[str, Any]]) -> int:
    return upsert_rows(session, AdminArea.__table__, areas, conflict_columns=["code"],
                       update_columns=["level", "geonameid", "name", "country_code", "geojson", "min_lon",
                                       "min_lat", "max_lon", "max_lat"])


def file_already_loaded(*, session: Session, sha256: str) -> bool:
    return session.get(GazetteerFile, sha256) is not None


def record_file(*, session: Session, sha256: str, name: str, kind: str, rows: int) -> None:
    session.add(GazetteerFile(sha256=sha256, name=name[:400], kind=kind, rows=rows, loaded_at=datetime.now(UTC)))


def gazetteer_fingerprint(*, session: Session) -> str:
    """Changes whenever a gazetteer file is loaded: the cache key for the in-memory name index."""
    hashes = session.scalars(select(GazetteerFile.sha256).order_by(GazetteerFile.sha256)).all()
    return hashlib.sha256(",".join(hashes).encode()).hexdigest()


def count_places(*, session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Place)) or 0


def _admin_names(session: Session, places: list[Place]) -> dict[str, str]:
    codes = set()
    for p in places:
        codes.add(f"{p.country_code}.{p.admin1_code}")
        codes.add(f"{p.country_code}.{p.admin1_code}.{p.admin2_code}")
    if not codes:
        return {}
    rows = session.execute(select(AdminCode.code, AdminCode.name).where(AdminCode.code.in_(codes)))
    return {code: name for code, name in rows}


def to_records(session: Session, places: list[Place]) -> list[GazetteerPlace]:
    """ORM rows → plain records with admin names filled in."""
    admin = _admin_names(session, places)
    return [
        GazetteerPlace(
            geonameid=p.geonameid, name=p.name, asciiname=p.asciiname, lat=p.lat, lon=p.lon,
            feature_class=p.feature_class, feature_code=p.feature_code, country_code=p.country_code,
            admin1_code=p.admin1_code, admin2_code=p.admin2_code, population=p.population,
            admin1_name=admin.get(f"{p.country_code}.{p.admin1_code}", ""),
            admin2_name=admin.get(f"{p.country_code}.{p.admin1_code}.{p.admin2_code}", ""),
        )
        for p in places
    ]


# Label tiers, most prominent first: first-level divisions (governorates), cities, towns, villages.
LABEL_TIERS = ("admin1", "city", "town", "village")


@dataclass(frozen=True)
class LabelPlace:
    geonameid: int
    name: str
    tier: str
    population: int
    lon: float
    lat: float


def label_places(*, session: Session, min_lon: float, min_lat: float, max_lon: float, max_lat: float,
                 tiers: int, limit: int) -> list[LabelPlace]:
    """The most prominent places in a lon/lat box (not crossing the antimeridian) for map labels: the first
    ``tiers`` of ``LABEL_TIERS``, most prominent tier first, then by population."""
    settled = Place.feature_class == "P"
    tier = case(
        (and_(Place.feature_class == "A", Place.feature_code == "ADM1"), 0),
        (and_(settled, or_(Place.feature_code.in_(("PPLC", "PPLA")), Place.population >= 100_000)), 1),
        (and_(settled, or_(Place.feature_code == "PPLA2", Place.population >= 10_000)), 2),
        (and_(settled, or_(Place.feature_code == "PPLA3", Place.population >= 1_000)), 3),
        else_=9,
    ).label("tier")
    inner = (
        select(Place.geonameid, Place.name, Place.population, Place.lon, Place.lat, tier)
        .where(Place.lon.between(min_lon, max_lon), Place.lat.between(min_lat, max_lat))
        .subquery()
    )
    rows = session.execute(
        select(inner).where(inner.c.tier < tiers)
        .order_by(inner.c.tier, inner.c.population.desc(), inner.c.geonameid).limit(limit)
    )
    return [LabelPlace(geonameid=r.geonameid, name=r.name, tier=LABEL_TIERS[r.tier], population=r.population,
                       lon=r.lon, lat=r.lat) for r in rows]


def get_place(*, session: Session, geonameid: int) -> GazetteerPlace | None:
    place = session.get(Place, geonameid)
    return to_records(session, [place])[0] if place else None


def iter_places_with_names(*, session: Session) -> StoredPlaces:
    """Every place with all its names, streamed in geonameid order, to build the in-memory name index."""
    return StoredPlaces(session)


class StoredPlaces:
    """Iterates the stored places (each with its alternate names) and knows the search key stored with each name
    of the current place, so the name index need not fold those names again (``search_key_of``)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._keys: dict[str, str] = {}
        self._places: Iterator[GazetteerPlace] | None = None

    def search_key_of(self, name: str) -> str:
        """``search_key(name)`` (what ``bulk_search_key`` gives): stored for the names of the current place."""
        key = self._keys.get(name)
        return key if key is not None else bulk_search_key(name)

    def __iter__(self) -> Iterator[GazetteerPlace]:
        if self._places is None:
            self._places = self._stream()
        return self._places

    def __next__(self) -> GazetteerPlace:
        return next(iter(self))

    def _stream(self) -> Iterator[GazetteerPlace]:
        session = self._session
        admin: dict[str, str] = {code: name for code, name in session.execute(select(AdminCode.code, AdminCode.name))}
        # Plain column tuples (no ORM objects), streamed; names in their stored order within each place.
        names = session.execute(
            select(PlaceName.geonameid, PlaceName.name, PlaceName.key)
            .order_by(PlaceName.geonameid, PlaceName.id)
            .execution_options(yield_per=50000)
        )
        places = session.execute(
            select(Place.geonameid, Place.name, Place.asciiname, Place.lat, Place.lon, Place.feature_class,
                   Place.feature_code, Place.country_code, Place.admin1_code, Place.admin2_code, Place.population)
            .order_by(Place.geonameid)
            .execution_options(yield_per=50000)
        )
        name_iter = iter(names)
        pending = next(name_iter, None)
        keys = self._keys
        for gid, name, asciiname, lat, lon, fclass, fcode, country, admin1, admin2, population in places:
            keys.clear()
            alternates: list[str] = []
            while pending is not None and pending[0] <= gid:
                if pending[0] == gid:
                    alternate = pending[1]
                    # A stored key is search_key(name)[:NAME_MAX]: exact when shorter than that.
                    if len(pending[2]) < NAME_MAX:
                        keys[alternate] = pending[2]
                    if alternate != name and alternate != asciiname:
                        alternates.append(alternate)
                pending = next(name_iter, None)
            yield GazetteerPlace(
                geonameid=gid, name=name, asciiname=asciiname, lat=lat, lon=lon, feature_class=fclass,
                feature_code=fcode, country_code=country, admin1_code=admin1, admin2_code=admin2,
                population=population, alternate_names=tuple(alternates),
                admin1_name=admin.get(f"{country}.{admin1}", ""),
                admin2_name=admin.get(f"{country}.{admin1}.{admin2}", ""),
            )
