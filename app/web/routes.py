"""Serves the map page (``/``), its configuration and the shipped country/province outlines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import FileResponse, JSONResponse, Response

from app.api.deps import BBoxDep, SessionDep, SettingsDep
from app.api.schemas import PROBLEM_RESPONSES
from app.sides import SIDES
from app.store import event_queries, gazetteer_repo

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


# Label tiers (``gazetteer_repo.LABEL_TIERS``) asked for at a zoom: governorates and cities from afar, towns
# closer, villages closest. The page's symbol layers draw each tier from the same zooms.
TOWN_ZOOM = 7.0
VILLAGE_ZOOM = 9.0
LABELS_MAX = 400


def label_tiers(zoom: float) -> int:
    """How many of the label tiers a map at ``zoom`` shows."""
    return 2 if zoom < TOWN_ZOOM else 3 if zoom < VILLAGE_ZOOM else 4


@router.get(
    "/v1/map-labels",
    responses={**PROBLEM_RESPONSES, 200: {"content": {"application/geo+json": {}}}},
    summary="Place labels for the offline map: governorates, cities, then towns and villages as the zoom grows",
)
def map_labels(
    session: SessionDep,
    bbox: BBoxDep,
    zoom: Annotated[float, Query(ge=0, le=24, description="The map's zoom: it sets which tiers are labelled.")],
) -> Response:
    """Label points from the loaded gazetteer, so the page needs no tile server: at most 400, the most prominent
    first (a tier before the next, then by population); ``tier`` is admin1, city, town or village."""
    parts = bbox.parts() if bbox is not None else [None]
    places = []
    for part in parts:
        box = (part.min_lon, part.min_lat, part.max_lon, part.max_lat) if part else (-180.0, -90.0, 180.0, 90.0)
        places += gazetteer_repo.label_places(session=session, min_lon=box[0], min_lat=box[1], max_lon=box[2],
                                              max_lat=box[3], tiers=label_tiers(zoom), limit=LABELS_MAX)
    places.sort(key=lambda p: (gazetteer_repo.LABEL_TIERS.index(p.tier), -p.population, p.geonameid))
    features = [
        {"type": "Feature", "id": p.geonameid, "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
         "properties": {"name": p.name, "tier": p.tier, "population": p.population}}
        for p in places[:LABELS_MAX]
    ]
    return Response(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    media_type="application/geo+json", headers={"Cache-Control": "public, max-age=3600"})


def _geonameid_list(
    geonameid: Annotated[str | None, Query(
        max_length=4000, description="Comma-separated geonameids: the outlines of those places, at any level.",
        examples=["163843,170062"])] = None,
) -> list[int] | None:
    """At most 200 positive integers; 400 with the reason otherwise."""
    if geonameid is None:
        return None
    try:
        ids = [int(part) for part in geonameid.split(",") if part.strip()]
    except ValueError:
        raise HTTPException(400, "geonameid must be comma-separated integers") from None
    if not ids or len(ids) > 200 or any(not 0 < i < 2**62 for i in ids):
        raise HTTPException(400, "geonameid takes 1 to 200 positive integers")
    return ids


@router.get(
    "/v1/admin-areas",
    responses={**PROBLEM_RESPONSES, 200: {"content": {"application/geo+json": {}}}},
    summary="Country (level 0), province (1) or district (2) outlines as GeoJSON, from the shipped gazetteer",
)
def admin_areas(
    session: SessionDep,
    bbox: BBoxDep,
    geonameids: Annotated[list[int] | None, Depends(_geonameid_list)],
    level: Annotated[int | None, Query(
        ge=0, le=2, description="0 countries, 1 provinces, 2 districts; 0 unless `geonameid` is given.")] = None,
) -> Response:
    if level is None and geonameids is None:
        level = 0
    outlines = event_queries.admin_outlines(session=session, level=level, bbox=bbox, geonameids=geonameids)
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
