"""Gazetteer search and look-up."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from app.api.deps import BBoxDep, RuntimeDep, SessionDep, SettingsDep
from app.api.errors import ServiceUnavailable
from app.api.schemas import PROBLEM_RESPONSES, PlaceOut, PlaceSearchOut
from app.gazetteer.search import search_places as search_index
from app.store import gazetteer_repo, geocoder_repo

router = APIRouter(prefix="/v1/places", tags=["places"])


@router.get("", response_model=PlaceSearchOut, responses=PROBLEM_RESPONSES, summary="Search places by name")
def search_places(
    runtime: RuntimeDep,
    settings: SettingsDep,
    q: Annotated[str, Query(description="A place name in any common spelling.", max_length=200)],
    bbox: BBoxDep,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code.")] = None,
    feature_class: Annotated[str | None, Query(
        pattern="^[AHLPRSTUVahlprstuv](,[AHLPRSTUVahlprstuv])*$",
        description="GeoNames feature classes, comma-separated (A divisions, P populated places, S facilities...).",
    )] = None,
    limit: Annotated[int, Query(ge=1, description="Clamped to the configured maximum.")] = 10,
) -> PlaceSearchOut:
    """Names as typed, then folded, then by consonant frame and string similarity, then by prominence
    (``app.gazetteer.search``): one search over the in-memory name index, so both backends answer alike."""
    if not q.strip():
        raise HTTPException(400, "q must not be empty")
    if runtime.analyser is None:
        raise ServiceUnavailable("the gazetteer and name index are still loading")
    hits = search_index(runtime.analyser.index, q, country=country, bbox=bbox,
                        feature_classes=feature_class.split(",") if feature_class else (),
                        limit=min(limit, settings.places_max_limit))
    return PlaceSearchOut(places=[PlaceOut.of(hit.place) for hit in hits])


@router.get("/{geonameid}", response_model=PlaceOut, responses=PROBLEM_RESPONSES, summary="One place")
def get_place(session: SessionDep, geonameid: Annotated[int, Path(
        ge=-(2**31 - 1), le=2**62,  # a geocoded place's id is minus its answer's (a 32-bit integer)
        description="A gazetteer id, or a negative id the fallback geocoder gave a place it found (API.md)."),
]) -> PlaceOut:
    """A gazetteer entry by its GeoNames (or synthetic) id; a negative id is a place the optional fallback geocoder
    found, as articles report it (``resolved_by`` "geocoder"), read from its cached answer."""
    if geonameid == 0:
        raise HTTPException(400, "geonameid 0 names no place: gazetteer ids are positive, geocoded places negative")
    if geonameid < 0:
        place = geocoder_repo.answers_by_place_id(session=session, geonameids={geonameid}).get(geonameid)
    else:
        place = gazetteer_repo.get_place(session=session, geonameid=geonameid)
    if place is None:
        raise HTTPException(404, f"no place with geonameid {geonameid}")
    return PlaceOut.of(place)
