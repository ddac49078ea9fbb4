"""Events as Mapbox Vector Tiles (layer ``events``) and the TileJSON that describes them."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import JSONResponse, Response

from app.api.deps import DateBasisDep, DatetimeIntervalDep, SessionDep, SideDep
from app.api.schemas import PROBLEM_RESPONSES
from app.store import event_queries
from app.store.event_queries import TILE_COLUMNS, EventFilters

router = APIRouter(prefix="/v1/tiles", tags=["tiles"])

MVT = "application/vnd.mapbox-vector-tile"
MAX_ZOOM = 22
FIELD_TYPES = {"geonameid": "Number", "geo_precision": "Number", "confidence": "Number", "source_count": "Number"}
# Filters a TileJSON request carries into its tile URL template.
TILE_FILTERS = ("datetime", "side", "date_basis")


@router.get("/events.json", summary="TileJSON 3.0.0 for the events tiles")
def tilejson(request: Request, session: SessionDep) -> JSONResponse:
    """Filters given here (`datetime`, `side`, `date_basis`) are carried into the tile URL template."""
    base = str(request.base_url).rstrip("/")
    query = urlencode([(k, v) for k, v in request.query_params.multi_items() if k in TILE_FILTERS])
    bbox = event_queries.events_extent(session=session).bbox
    bounds = [bbox.min_lon, bbox.min_lat, bbox.max_lon, bbox.max_lat] if bbox else [-180, -85.0511, 180, 85.0511]
    return JSONResponse({
        "tilejson": "3.0.0",
        "name": "conflictgeo events",
        "description": "Territorial control changes reported in the news, one point per event.",
        "version": "1.0.0",
        "scheme": "xyz",
        "tiles": [f"{base}/v1/tiles/events/{{z}}/{{x}}/{{y}}.pbf" + (f"?{query}" if query else "")],
        "minzoom": 0,
        "maxzoom": MAX_ZOOM,
        "bounds": bounds,
        "center": [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 5],
        "vector_layers": [{
            "id": "events",
            "description": f"Newest first, at most {event_queries.TILE_MAX_FEATURES} events a tile. date_start is "
                           "absent where the date has no start: the change happened on or before date_end "
                           "(date_basis published or received).",
            "minzoom": 0,
            "maxzoom": MAX_ZOOM,
            "fields": {name: FIELD_TYPES.get(name, "String") for name in TILE_COLUMNS},
        }],
    })


@router.get(
    "/events/{z}/{x}/{y}.pbf",
    responses={**PROBLEM_RESPONSES, 200: {"content": {MVT: {}}, "description": "A Mapbox Vector Tile"}},
    summary="Events as a Mapbox Vector Tile (layer `events`)",
)
def events_tile(
    session: SessionDep,
    interval: DatetimeIntervalDep,
    side: SideDep,
    bases: DateBasisDep,
    z: Annotated[int, Path(description=f"Zoom, 0 to {MAX_ZOOM}.")],
    x: Annotated[int, Path(description="Column, 0 to 2^z - 1.")],
    y: Annotated[int, Path(description="Row from the top, 0 to 2^z - 1.")],
) -> Response:
    if not 0 <= z <= MAX_ZOOM:
        raise HTTPException(400, f"z must be between 0 and {MAX_ZOOM}")
    if not (0 <= x < 2**z and 0 <= y < 2**z):
        raise HTTPException(400, f"x and y must be between 0 and {2**z - 1} at zoom {z}")
    data = event_queries.tile(session=session, z=z, x=x, y=y,
                              filters=EventFilters(interval=interval, side=side, bases=bases))
    return Response(data, media_type=MVT, headers={"Cache-Control": "public, max-age=60"})
