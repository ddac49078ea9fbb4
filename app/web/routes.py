"""Serves the map page (``/``), its configuration and the shipped country/province outlines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, JSONResponse, Response

from app.api.deps import BBoxDep, SessionDep, SettingsDep
from app.api.schemas import PROBLEM_RESPONSES
from app.sides import SIDES
from app.store import event_queries

STATIC_DIR = Path(__file__).resolve().parent / "static"

router = APIRouter(tags=["map"])


@router.get("/", include_in_schema=False)
def map_page() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html")


@router.get("/v1/map-config", summary="What the map page needs to start: basemap, sides' colours, data extent")
def map_config(session: SessionDep, settings: SettingsDep) -> JSONResponse:
    extent = event_queries.events_extent(session=session)
    bbox, first, last = extent.bbox, extent.first, extent.last
    return JSONResponse({
        "basemap_url": settings.basemap_url or None,
        "events_max_limit": settings.events_max_limit,
        "bbox": [bbox.min_lon, bbox.min_lat, bbox.max_lon, bbox.max_lat] if bbox else None,
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "sides": list(SIDES),
    })


@router.get(
    "/v1/admin-areas",
    responses={**PROBLEM_RESPONSES, 200: {"content": {"application/geo+json": {}}}},
    summary="Country (level 0) or province (level 1) outlines as GeoJSON, from the shipped gazetteer",
)
def admin_areas(
    session: SessionDep,
    bbox: BBoxDep,
    level: Annotated[int, Query(ge=0, le=2, description="0 countries, 1 provinces, 2 districts.")] = 0,
) -> Response:
    outlines = event_queries.admin_outlines(session=session, level=level, bbox=bbox)
    # The stored geometry is GeoJSON text already: splice it in rather than parse and re-serialise it.
    features = ",".join(
        '{"type":"Feature","id":' + json.dumps(o.code) + ',"properties":'
        + json.dumps({"code": o.code, "level": o.level, "name": o.name, "country_code": o.country_code,
                      "geonameid": o.geonameid}, ensure_ascii=False)
        + ',"geometry":' + o.geojson + "}"
        for o in outlines
    )
    return Response('{"type":"FeatureCollection","features":[' + features + "]}",
                    media_type="application/geo+json", headers={"Cache-Control": "public, max-age=3600"})
