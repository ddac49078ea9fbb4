"""Gazetteer search and look-up."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from app.api.deps import SessionDep, SettingsDep
from app.api.schemas import PROBLEM_RESPONSES, PlaceOut, PlaceSearchOut
from app.store import gazetteer_repo

router = APIRouter(prefix="/v1/places", tags=["places"])


@router.get("", response_model=PlaceSearchOut, responses=PROBLEM_RESPONSES, summary="Search places by name")
def search_places(
    session: SessionDep,
    settings: SettingsDep,
    q: Annotated[str, Query(description="A place name in any common spelling.", max_length=200)],
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code.")] = None,
    limit: Annotated[int, Query(ge=1, description="Clamped to the configured maximum.")] = 10,
) -> PlaceSearchOut:
    if not q.strip():
        raise HTTPException(400, "q must not be empty")
    matches = gazetteer_repo.search_places(
        session=session, query=q, country=country, limit=min(limit, settings.places_max_limit)
    )
    return PlaceSearchOut(places=[PlaceOut.of(m.place) for m in matches])


@router.get("/{geonameid}", response_model=PlaceOut, responses=PROBLEM_RESPONSES, summary="One place")
def get_place(session: SessionDep, geonameid: Annotated[int, Path(ge=1, le=2**62)]) -> PlaceOut:
    place = gazetteer_repo.get_place(session=session, geonameid=geonameid)
    if place is None:
        raise HTTPException(404, f"no place with geonameid {geonameid}")
    return PlaceOut.of(place)
