"""The gazetteer aggregate: places, their names, admin codes and areas."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from app.gazetteer.geonames_format import AdminCode as AdminCodeRecord
from app.gazetteer.geonames_format import AlternateName
from app.gazetteer.names import normalize, search_key, skeleton_key
from app.gazetteer.records import GazetteerPlace
from app.store.models import AdminArea, AdminCode, GazetteerFile, Place, PlaceName
from app.store.upsert import upsert_rows

NAME_MAX = 400

# How much a feature type matters when a name is ambiguous: news names countries and provinces far more often
# than the hamlets that share their names.
FEATURE_IMPORTANCE: dict[str, float] = {
    "PCLI": 10.0, "PCLD": 9.0, "PCLF": 9.0, "PCLS": 8.0, "PCLIX": 8.0, "PCL": 8.0, "TERR": 7.0,
    "ADM1": 7.0, "PPLC": 8.0, "PPLA": 6.5, "ADM2": 5.0, "PPLA2": 4.5, "AIRB": 4.0, "AIRP": 3.5,
    "PPLA3": 3.5, "PPLA4": 3.0, "PPL": 2.0, "PPLX": 1.5, "AIRH": 1.0,
}


def place_importance(feature_code: str, population: int) -> float:
    return FEATURE_IMPORTANCE.get(feature_code, 1.0) + math.log10(population + 1)


def name_rows(place: GazetteerPlace) -> Iterator[dict[str, Any]]:
    """The ``place_names`` rows of a place: every distinct name with its lookup keys."""
    for position, name in enumerate(place.all_names):
        name = name.strip()[:NAME_MAX]
        normalized = normalize(name)
        if not normalized:
            continue
        yield {
            "geonameid": place.geonameid,
            "name": name,
            "normalized": normalized[:NAME_MAX],
            "key": search_key(name)[:NAME_MAX],
            "skeleton": skeleton_key(name)[:NAME_MAX],
            "is_primary": position == 0,
        }


_PLACE_COLUMNS = ("name", "asciiname", "feature_class", "feature_code", "country_code", "admin1_code",
                  "admin2_code", "population", "lat", "lon")


def _place_row(place: GazetteerPlace) -> dict[str, Any]:
    return {
        "geonameid": place.geonameid,
        "name": place.name[:200],
        "asciiname": place.asciiname[:200],
        "feature_class": place.feature_class[:1],
        "feature_code": place.feature_code[:10],
        "country_code": place.country_code[:2],
        "admin1_code": place.admin1_code[:20],
        "admin2_code": place.admin2_code[:80],
        "population": place.population,
        "lat": place.lat,
        "lon": place.lon,
    }


def upsert_places(*, session: Session, places: Iterable[GazetteerPlace], on_batch=None) -> int:  # type: ignore[no-untyped-def]
    """Insert or update places and add their names; returns the number of places."""
    count = 0
    place_batch: list[dict[str, Any]] = []
    name_batch: list[dict[str, Any]] = []

    def flush() -> None:
        upsert_rows(session, Place.__table__, place_batch, conflict_columns=["geonameid"],
                    update_columns=_PLACE_COLUMNS)
        upsert_rows(session, PlaceName.__table__, name_batch, conflict_columns=["geonameid", "name"])
        if on_batch:
            on_batch(len(place_batch))
        place_batch.clear()
        name_batch.clear()

    for place in places:
        place_batch.append(_place_row(place))
        name_batch.extend(name_rows(place))
        count += 1
        if len(place_batch) >= 5000:
            flush()
    flush()
    return count


def add_alternate_names(*, session: Session, names: Iterable[AlternateName], on_batch=None) -> int:  # type: ignore[no-untyped-def]
    """Attach alternate names to places already loaded; names of unknown places are skipped."""
    known = set(session.scalars(select(Place.geonameid)))
    rows: list[dict[str, Any]] = []
    count = 0
    for alternate in names:
        if alternate.geonameid not in known:
            continue
        name = alternate.name.strip()[:NAME_MAX]
        normalized = normalize(name)
        if not normalized:
            continue
        rows.append({"geonameid": alternate.geonameid, "name": name, "normalized": normalized[:NAME_MAX],
                     "key": search_key(name)[:NAME_MAX], "skeleton": skeleton_key(name)[:NAME_MAX],
                     "is_primary": False})
        count += 1
        if len(rows) >= 5000:
            upsert_rows(session, PlaceName.__table__, rows, conflict_columns=["geonameid", "name"])
            if on_batch:
                on_batch(len(rows))
            rows = []
    upsert_rows(session, PlaceName.__table__, rows, conflict_columns=["geonameid", "name"])
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


def table_sizes(*, session: Session) -> dict[str, int]:
    sizes = {}
    for model in (Place, PlaceName, AdminCode, AdminArea):
        sizes[model.__tablename__] = session.scalar(select(func.count()).select_from(model)) or 0
    return sizes


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    place: GazetteerPlace
    score: float
    matched_name: str


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


def get_place(*, session: Session, geonameid: int) -> GazetteerPlace | None:
    place = session.get(Place, geonameid)
    return to_records(session, [place])[0] if place else None


def search_places(*, session: Session, query: str, country: str | None, limit: int) -> list[PlaceMatch]:
    """Best places for a free-text name, loosest keys last (CLIFF's exact → variant → fuzzy order).

    Scores: exact normalised name 3, same transliteration key 2, same consonant skeleton 1, trigram
    similarity (PostGIS only) below that; ties go to the more important place.
    """
    normalized, key, skeleton = normalize(query), search_key(query), skeleton_key(query)
    if not normalized:
        return []
    postgres = session.get_bind().dialect.name == "postgresql"
    conditions = [PlaceName.key == key, PlaceName.skeleton == skeleton, PlaceName.normalized == normalized]
    if postgres:
        conditions.append(PlaceName.key.op("%")(key))
    else:
        conditions.append(PlaceName.key.like(f"{key}%"))
    statement = (
        select(PlaceName.geonameid, PlaceName.name, PlaceName.normalized, PlaceName.key, PlaceName.skeleton)
        .join(Place, Place.geonameid == PlaceName.geonameid)
        .where(or_(*conditions))
        .limit(5000)
    )
    if country:
        statement = statement.where(Place.country_code == country.upper())
    if postgres:
        session.execute(text("SET LOCAL pg_trgm.similarity_threshold = 0.45"))
    best: dict[int, tuple[float, str]] = {}
    from rapidfuzz import fuzz

    for geonameid, name, row_normalized, row_key, row_skeleton in session.execute(statement):
        if row_normalized == normalized:
            level = 3.0
        elif row_key == key:
            level = 2.0
        elif row_skeleton == skeleton:
            level = 1.0
        else:
            level = fuzz.ratio(row_key, key) / 100.0
        if level > best.get(geonameid, (-1.0, ""))[0]:
            best[geonameid] = (level, name)
    if not best:
        return []
    rows = session.scalars(select(Place).where(Place.geonameid.in_(list(best)))).all()
    ranked = sorted(
        rows,
        key=lambda p: (-best[p.geonameid][0], -place_importance(p.feature_code, p.population), p.geonameid),
    )[:limit]
    records = to_records(session, list(ranked))
    return [PlaceMatch(place=r, score=best[r.geonameid][0], matched_name=best[r.geonameid][1]) for r in records]


def iter_places_with_names(*, session: Session) -> Iterator[GazetteerPlace]:
    """Every place with all its names, streamed in geonameid order, to build the in-memory name index."""
    admin: dict[str, str] = {code: name for code, name in session.execute(select(AdminCode.code, AdminCode.name))}
    names = session.execute(
        select(PlaceName.geonameid, PlaceName.name).order_by(PlaceName.geonameid, PlaceName.id)
    ).yield_per(20000)
    places = session.execute(select(Place).order_by(Place.geonameid)).scalars().yield_per(20000)
    name_iter = iter(names)
    pending = next(name_iter, None)
    for p in places:
        alternates: list[str] = []
        while pending is not None and pending[0] <= p.geonameid:
            if pending[0] == p.geonameid and pending[1] not in (p.name, p.asciiname):
                alternates.append(pending[1])
            pending = next(name_iter, None)
        yield GazetteerPlace(
            geonameid=p.geonameid, name=p.name, asciiname=p.asciiname, lat=p.lat, lon=p.lon,
            feature_class=p.feature_class, feature_code=p.feature_code, country_code=p.country_code,
            admin1_code=p.admin1_code, admin2_code=p.admin2_code, population=p.population,
            alternate_names=tuple(alternates),
            admin1_name=admin.get(f"{p.country_code}.{p.admin1_code}", ""),
            admin2_name=admin.get(f"{p.country_code}.{p.admin1_code}.{p.admin2_code}", ""),
        )
