"""Who controls what: a snapshot on a date, and one place's control changes over time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import Response

from app.api.deps import BBoxDep, SessionDep
from app.api.routers.events import GEOJSON, geojson_response
from app.api.schemas import (
    PROBLEM_RESPONSES,
    ControlFeatureCollection,
    EventFeatureCollection,
    control_feature,
    event_feature,
)
from app.api.timeparse import parse_rfc3339
from app.store import event_queries, gazetteer_repo

router = APIRouter(prefix="/v1", tags=["control"])


def _day(value: str | None) -> date:
    if value is None:
        return datetime.now(UTC).date()
    try:
        return parse_rfc3339(value).date()
    except ValueError as exc:
        raise HTTPException(400, f"at: {exc}") from None


@router.get(
    "/control",
    response_model=ControlFeatureCollection,
    responses={**PROBLEM_RESPONSES, 200: {"content": {GEOJSON: {}}}},
    summary="Each place's controller on a date",
)
def control_snapshot(
    session: SessionDep,
    bbox: BBoxDep,
    at: Annotated[str | None, Query(description="RFC 3339 date (or date-time); default today (UTC).",
                                    examples=["2017-10-23"])] = None,
) -> Response:
    """One Feature per place with an event on or before `at`: the side that gained it in the latest of them."""
    day = _day(at)
    states = event_queries.control_snapshot(session=session, at=day, bbox=bbox)
    return geojson_response({"type": "FeatureCollection", "at": day.isoformat(),
                             "features": [control_feature(s) for s in states]})


@router.get(
    "/places/{geonameid}/timeline",
    response_model=EventFeatureCollection,
    responses={**PROBLEM_RESPONSES, 200: {"content": {GEOJSON: {}}}},
    summary="A place's control changes, oldest first",
)
def place_timeline(session: SessionDep, geonameid: Annotated[int, Path(ge=1, le=2**62)]) -> Response:
    events = event_queries.place_timeline(session=session, geonameid=geonameid)
    if events:
        name = events[-1].row["place_name"]
    else:
        place = gazetteer_repo.get_place(session=session, geonameid=geonameid)
        if place is None:
            raise HTTPException(404, f"no place with geonameid {geonameid}")
        name = place.name
    return geojson_response({"type": "FeatureCollection", "geonameid": geonameid, "place_name": name,
                             "features": [event_feature(e) for e in events]})
