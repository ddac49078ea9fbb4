"""The fallback geocoder's cached answers (``geocoder_answers``): one row per name and scope, misses included."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.gazetteer.records import GazetteerPlace
from app.store.models import AdminArea, GeocoderAnswer
from app.store.upsert import upsert_rows


@dataclass(frozen=True, slots=True)
class CachedAnswer:
    """One stored answer; ``found`` False is a remembered miss (the other fields are then None)."""

    id: int
    found: bool
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    osm_class: str | None = None
    osm_type: str | None = None
    country_code: str | None = None


# Nominatim's ``type`` for a ``place`` class answer that is a settlement: a point, not an area.
_SETTLEMENTS = frozenset({"city", "town", "village", "hamlet", "isolated_dwelling", "farm", "suburb", "quarter",
                          "neighbourhood", "locality", "allotments", "borough"})


def answer_place(answer: CachedAnswer) -> GazetteerPlace:
    """A found answer as a place record: ``geonameid`` ``-id`` (no GeoNames entry), feature class P for a
    settlement (code PPL), else L (code AREA)."""
    settlement = answer.osm_class == "place" and answer.osm_type in _SETTLEMENTS
    name = answer.name or ""
    return GazetteerPlace(-answer.id, name, name, float(answer.lat or 0.0), float(answer.lon or 0.0),
                          "P" if settlement else "L", "PPL" if settlement else "AREA", answer.country_code or "")


def answers_by_place_id(*, session: Session, geonameids: set[int]) -> dict[int, GazetteerPlace]:
    """The geocoded places among ``geonameids`` (the negative ones), by their id."""
    ids = sorted(-g for g in geonameids if g < 0)
    if not ids:
        return {}
    rows = session.scalars(select(GeocoderAnswer).where(GeocoderAnswer.id.in_(ids), GeocoderAnswer.found))
    return {-r.id: answer_place(CachedAnswer(r.id, True, r.name, r.lat, r.lon, r.osm_class, r.osm_type,
                                             r.country_code)) for r in rows}


def cached_answer(*, session: Session, query: str) -> CachedAnswer | None:
    row = session.scalars(select(GeocoderAnswer).where(GeocoderAnswer.query == query)).first()
    if row is None:
        return None
    return CachedAnswer(row.id, row.found, row.name, row.lat, row.lon, row.osm_class, row.osm_type, row.country_code)


def store_answer(*, session: Session, query: str, answer: CachedAnswer | None) -> CachedAnswer:
    """Remember an answer (None: a miss) and return it as stored; a concurrent writer's row wins (same query)."""
    found = answer is not None and answer.found
    row = {"query": query[:400], "found": found, "name": None, "lat": None, "lon": None, "osm_class": None,
           "osm_type": None, "country_code": None, "asked_at": datetime.now(UTC)}
    if found and answer is not None:
        row.update(name=(answer.name or "")[:200] or None, lat=answer.lat, lon=answer.lon,
                   osm_class=(answer.osm_class or "")[:40] or None, osm_type=(answer.osm_type or "")[:40] or None,
                   country_code=(answer.country_code or "")[:2].upper() or None)
    upsert_rows(session, cast(Table, GeocoderAnswer.__table__), [row], conflict_columns=["query"])
    session.flush()
    stored = cached_answer(session=session, query=query[:400])
    assert stored is not None
    return stored


def area_bounds(*, session: Session, geonameid: int) -> tuple[float, float, float, float] | None:
    """``(min_lon, min_lat, max_lon, max_lat)`` of the outline stored for a division or country, if any."""
    row = session.execute(
        select(AdminArea.min_lon, AdminArea.min_lat, AdminArea.max_lon, AdminArea.max_lat)
        .where(AdminArea.geonameid == geonameid).limit(1)
    ).first()
    return tuple(row) if row is not None else None  # type: ignore[return-value]
