"""OGC API - Features Part 1 (Core, GeoJSON) and Part 2 (CRS by reference) over the events, so QGIS, GDAL and
other GIS clients add them as a layer.

Shaped after developmentseed/tipg: absolute links built from the request, ``numberMatched``/``numberReturned``,
a ``next`` link per page, the collection's extent in CRS84, 400 for query parameters the API does not define.
Features carry flat properties by default (one scalar each, what a GIS attribute table can filter and style on);
``properties=nested`` gives /v1/events' shape.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from app.api import crs as crs_module
from app.api.crs import Crs
from app.api.deps import CrsDep, OgcEventFiltersDep, SessionDep, SettingsDep
from app.api.routers.events import (
    GEOJSON,
    CursorQuery,
    PropertiesShape,
    UpdatedSinceQuery,
    decode_cursor,
    event_features,
    feed_position,
    geojson_response,
    sync_page,
)
from app.api.schemas import PROBLEM_RESPONSES
from app.store import event_queries

router = APIRouter(prefix="/ogc", tags=["OGC API - Features"])

JSON = "application/json"
CRS84 = crs_module.CRS84
GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
]
COLLECTION_ID = "events"
# numberMatched is optional in OGC API - Features: past this many matches it is left out rather than counted.
NUMBER_MATCHED_CAP = 10_000
ITEMS_PARAMETERS = {"bbox", "bbox-crs", "crs", "datetime", "limit", "offset", "cursor", "side", "actor", "geonameid",
                    "date_basis", "properties", "f", "updated_since"}
ITEM_PARAMETERS = {"crs", "properties", "f"}


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _link(href: str, rel: str, type_: str = JSON, title: str | None = None) -> dict[str, str]:
    link = {"href": href, "rel": rel, "type": type_}
    if title:
        link["title"] = title
    return link


def _check_format(f: str | None) -> None:
    if f not in (None, "json", "geojson"):
        raise HTTPException(400, "f must be json or geojson: this service answers JSON only")


FormatQuery = Annotated[str | None, Query(description="json (the default) or geojson.")]
CollectionPath = Annotated[str, Path(description="Only `events`.")]
OgcPropertiesQuery = Annotated[PropertiesShape, Query(
    description="flat (the default here): one scalar per property, for GIS attribute tables; nested: parties, "
                "date and evidence as objects, as /v1/events gives them.")]


def _reject_unknown(request: Request, allowed: set[str]) -> None:
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise HTTPException(400, f"unknown query parameter(s): {', '.join(unknown)}")


def _in_crs(features: list[dict[str, Any]], crs: Crs) -> list[dict[str, Any]]:
    """The features' points in ``crs``'s coordinates and axis order (stored and served as CRS84 otherwise)."""
    if crs.uri != CRS84:
        for feature in features:
            if feature["geometry"] is not None:
                lon, lat = feature["geometry"]["coordinates"]
                feature["geometry"]["coordinates"] = list(crs.forward(lon, lat))
    return features


def _collection_or_404(collection_id: str) -> None:
    if collection_id != COLLECTION_ID:
        raise HTTPException(404, f"no collection {collection_id!r}; the one collection is {COLLECTION_ID!r}")


@router.get("", summary="Landing page", responses=PROBLEM_RESPONSES)
def landing_page(request: Request, f: FormatQuery = None) -> JSONResponse:
    _check_format(f)
    base = _base(request)
    return JSONResponse({
        "title": "conflictgeo: territorial control changes",
        "description": "Control-change events extracted from war reporting, as OGC API - Features.",
        "links": [
            _link(f"{base}/ogc", "self", title="This document"),
            _link(f"{base}/openapi.json", "service-desc", "application/vnd.oai.openapi+json;version=3.0",
                  "The API definition"),
            _link(f"{base}/docs", "service-doc", "text/html", "The API documentation"),
            _link(f"{base}/ogc/conformance", "conformance", title="Conformance classes"),
            _link(f"{base}/ogc/collections", "data", title="Collections"),
        ],
    })


@router.get("/conformance", summary="Conformance classes", responses=PROBLEM_RESPONSES)
def conformance(f: FormatQuery = None) -> JSONResponse:
    _check_format(f)
    return JSONResponse({"conformsTo": CONFORMANCE})


def _collection(request: Request, session: Any) -> dict[str, Any]:
    base = _base(request)
    extent = event_queries.events_extent(session=session)
    bbox, first, last = extent.bbox, extent.first, extent.last
    spatial = [bbox.min_lon, bbox.min_lat, bbox.max_lon, bbox.max_lat] if bbox else [-180.0, -90.0, 180.0, 90.0]
    # A date with no start (on or before a day) leaves the extent open at the start.
    start = None if extent.open_start or first is None else f"{first.isoformat()}T00:00:00Z"
    temporal = [start, f"{last.isoformat()}T23:59:59Z" if last else None]
    href = f"{base}/ogc/collections/{COLLECTION_ID}"
    return {
        "id": COLLECTION_ID,
        "title": "Territorial control changes",
        "description": "One point per reported change of control over a place: who gained it, who lost it, when "
                       "(date.basis says whether the text gives the date; if not, the change happened on or before "
                       "date.end), the evidence sentence and the articles that report it.",
        "itemType": "feature",
        "crs": list(crs_module.SUPPORTED),
        "storageCrs": CRS84,
        "extent": {
            "spatial": {"bbox": [spatial], "crs": CRS84},
            "temporal": {"interval": [temporal], "trs": GREGORIAN},
        },
        "links": [
            _link(href, "self", title="This collection"),
            _link(f"{href}/items", "items", GEOJSON, "The events"),
            _link(f"{base}/v1/tiles/events.json", "tiles", JSON, "TileJSON for the events as vector tiles"),
        ],
    }


@router.get("/collections", summary="Collections", responses=PROBLEM_RESPONSES)
def collections(request: Request, session: SessionDep, f: FormatQuery = None) -> JSONResponse:
    _check_format(f)
    base = _base(request)
    return JSONResponse({
        "links": [_link(f"{base}/ogc/collections", "self", title="This document")],
        "collections": [_collection(request, session)],
    })


@router.get("/collections/{collection_id}", summary="Collection metadata", responses=PROBLEM_RESPONSES)
def collection(request: Request, session: SessionDep, collection_id: CollectionPath,
               f: FormatQuery = None) -> JSONResponse:
    _check_format(f)
    _collection_or_404(collection_id)
    return JSONResponse(_collection(request, session))


@router.get(
    "/collections/{collection_id}/items",
    summary="Events as GeoJSON features",
    responses={**PROBLEM_RESPONSES, 200: {"content": {GEOJSON: {}}}},
)
def items(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    filters: OgcEventFiltersDep,
    crs: CrsDep,
    collection_id: CollectionPath,
    limit: Annotated[int, Query(ge=1, description="Clamped to the configured maximum.")] = 10,
    offset: Annotated[int | None, Query(ge=0, description="Skip this many; prefer the `next` link.")] = None,
    cursor: CursorQuery = None,
    properties: OgcPropertiesQuery = "flat",
    f: FormatQuery = None,
    updated_since: UpdatedSinceQuery = None,
) -> Response:
    """Newest first; the `next` link continues by cursor (or by offset when the request used one). With
    `updated_since`, the change feed in cursor order, tombstones included."""
    _check_format(f)
    _collection_or_404(collection_id)
    _reject_unknown(request, ITEMS_PARAMETERS)
    if updated_since is not None:
        if offset is not None or cursor is not None:
            raise HTTPException(400, "updated_since pages by itself: give no offset or cursor with it")
        body = sync_page(request, session, filters, after=feed_position(updated_since),
                         limit=min(limit, settings.events_max_limit), shape=properties)
        body["features"] = _in_crs(body["features"], crs)
        body["timeStamp"] = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        return geojson_response(body, headers=crs_module.content_crs_header(crs))
    if offset is not None and cursor is not None:
        raise HTTPException(400, "give offset or cursor, not both")
    limit = min(limit, settings.events_max_limit)
    page, following = event_queries.events_page(
        session=session, filters=filters, limit=limit, after=decode_cursor(cursor), offset=offset or 0
    )
    matched = event_queries.count_events(session=session, filters=filters, cap=NUMBER_MATCHED_CAP)
    base = _base(request)
    links = [
        _link(str(request.url), "self", GEOJSON, "This page"),
        _link(f"{base}/ogc/collections/{COLLECTION_ID}", "collection", JSON, "The collection"),
    ]
    if following is not None:
        if offset is not None:
            next_url = request.url.include_query_params(offset=offset + limit)
        else:
            next_url = request.url.include_query_params(cursor=following.encode())
        links.append(_link(str(next_url), "next", GEOJSON, "Next page"))
    features = _in_crs(event_features(session, page, properties), crs)
    body: dict[str, Any] = {"type": "FeatureCollection", "features": features, "links": links}
    if matched is not None:
        body["numberMatched"] = matched
    body["numberReturned"] = len(page)
    body["timeStamp"] = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return geojson_response(body, headers=crs_module.content_crs_header(crs))


@router.get(
    "/collections/{collection_id}/items/{feature_id}",
    summary="One event",
    responses={**PROBLEM_RESPONSES, 200: {"content": {GEOJSON: {}}}},
)
def item(request: Request, session: SessionDep, crs: CrsDep, collection_id: CollectionPath,
         feature_id: Annotated[str, Path(max_length=36)], properties: OgcPropertiesQuery = "flat",
         f: FormatQuery = None) -> Response:
    _check_format(f)
    _collection_or_404(collection_id)
    _reject_unknown(request, ITEM_PARAMETERS)
    event = event_queries.get_event(session=session, event_id=feature_id)
    if event is None:
        raise HTTPException(404, f"no event with id {feature_id}")
    href = f"{_base(request)}/ogc/collections/{COLLECTION_ID}"
    feature = _in_crs(event_features(session, [event], properties), crs)[0]
    feature["links"] = [_link(f"{href}/items/{feature_id}", "self", GEOJSON, "This event"),
                        _link(href, "collection", JSON, "The collection")]
    return geojson_response(feature, headers=crs_module.content_crs_header(crs))
