"""Typed dependency shortcuts: each parses and validates one thing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from sqlalchemy.orm import Session

from app.api import crs as crs_module
from app.api.crs import Crs
from app.api.errors import ServiceUnavailable
from app.api.timeparse import parse_rfc3339
from app.bbox import BBox
from app.events.model import BASES
from app.runtime import Runtime
from app.settings import Settings
from app.sides import SIDES
from app.store.event_queries import DateInterval, EventFilters


# Dependencies that do no I/O are ``async def``: FastAPI runs a sync dependency in the thread pool, a hop that
# cost more than the dependency itself on every request (only ``get_session`` may block, closing a session).
async def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


async def get_settings_dep(runtime: RuntimeDep) -> Settings:
    return runtime.settings


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def get_session(runtime: RuntimeDep) -> Iterator[Session]:
    """A session per request; the request's writes are committed by the repository that makes them."""
    if runtime.session_factory is None:
        raise ServiceUnavailable("the database is not connected yet")
    with runtime.session_factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


BBOX_DESCRIPTION = ("minLon,minLat,maxLon,maxLat in WGS84 (CRS84); minLon > maxLon crosses the antimeridian. "
                    "Six numbers (with heights) are accepted and the heights ignored.")


def bbox_from_text(bbox: str, crs: Crs = crs_module.SUPPORTED[crs_module.CRS84]) -> BBox:
    """A lon/lat box from a ``bbox`` written in ``crs``; 400 with the reason when it is malformed or out of range."""
    try:
        numbers = [float(part) for part in bbox.split(",")]
    except ValueError:
        raise HTTPException(400, f"bbox must be comma-separated numbers, got {bbox[:80]!r}") from None
    if len(numbers) == 6:
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    if len(numbers) != 4:
        raise HTTPException(400, f"bbox must have 4 numbers: {crs.describe}")
    if not all(n == n and abs(n) != float("inf") for n in numbers):
        raise HTTPException(400, "bbox numbers must be finite")
    if crs.uri != crs_module.CRS84:
        try:
            numbers = crs_module.bbox_to_lonlat(crs, numbers)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise HTTPException(400, "bbox longitudes must lie in [-180, 180]")
    if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise HTTPException(400, "bbox latitudes must lie in [-90, 90]")
    if min_lat > max_lat:
        raise HTTPException(400, "bbox minLat must not exceed maxLat")
    return BBox(min_lon, min_lat, max_lon, max_lat)


async def parse_bbox(
    bbox: Annotated[str | None, Query(description=BBOX_DESCRIPTION, examples=["35.5,35.0,37.0,36.5"])] = None,
) -> BBox | None:
    """A lon/lat box from ``bbox``; 400 with the reason when it is malformed or out of range."""
    return None if bbox is None else bbox_from_text(bbox)


def crs_from_uri(uri: str | None, parameter: str) -> Crs:
    """One of the offered CRSs, or 400 naming them (OGC API - Features Part 2)."""
    try:
        return crs_module.lookup(uri)
    except KeyError:
        raise HTTPException(400, f"{parameter} {str(uri)[:200]!r} is not offered; use one of "
                                 f"{', '.join(crs_module.SUPPORTED)}") from None


CRS_DESCRIPTION = ("The CRS of the answer's coordinates, by URI: " + ", ".join(crs_module.SUPPORTED)
                   + " (EPSG:4326 is latitude first; EPSG:3857 in metres). CRS84 when absent.")


async def parse_crs(crs: Annotated[str | None, Query(max_length=300, description=CRS_DESCRIPTION)] = None) -> Crs:
    return crs_from_uri(crs, "crs")


CrsDep = Annotated[Crs, Depends(parse_crs)]


async def parse_bbox_in_crs(
    bbox: Annotated[str | None, Query(
        description="A box in the CRS `bbox-crs` names (CRS84 when absent): four numbers in that CRS's axis "
                    "order; a first corner east of the second crosses the antimeridian.",
        examples=["35.5,35.0,37.0,36.5"])] = None,
    bbox_crs: Annotated[str | None, Query(alias="bbox-crs", max_length=300,
                                          description="The CRS of `bbox`, by URI: " + ", ".join(crs_module.SUPPORTED)
                                          + ".")] = None,
) -> BBox | None:
    """The OGC items' ``bbox`` read in ``bbox-crs`` (OGC API - Features Part 2), as a lon/lat box."""
    crs = crs_from_uri(bbox_crs, "bbox-crs")
    return None if bbox is None else bbox_from_text(bbox, crs)


BBoxDep = Annotated[BBox | None, Depends(parse_bbox)]


def _interval_end(value: str, what: str) -> date | None:
    if value in ("", ".."):
        return None
    if len(value) == 11 and value.endswith("T"):
        # GDAL's OGC API Features driver turns a filter on a date field into a date with an empty time part
        # ("2015-03-01T/.."): the day is meant, as RFC 3339's full-date would say it.
        value = value[:-1]
    try:
        return parse_rfc3339(value).date()
    except ValueError as exc:
        raise HTTPException(400, f"datetime {what}: {exc}") from None


async def parse_datetime_interval(
    value: Annotated[str | None, Query(
        alias="datetime",
        description="An RFC 3339 date-time or date, or an interval `start/end` with `..` (or nothing) for an "
                    "open end, as in OGC API - Features. Events whose date range overlaps it match; a date known "
                    "only as on or before a day (no start) overlaps every interval that starts by that day.",
        examples=["2017-01-01/2017-12-31", "2017-10-23T00:00:00Z", "../2016-06-30"],
    )] = None,
) -> DateInterval | None:
    """Inclusive days from the OGC ``datetime`` parameter; 400 with the reason when it is not one."""
    if value is None:
        return None
    value = value.strip()
    if "/" not in value:
        if value in ("", ".."):
            raise HTTPException(400, "datetime must be a date-time or an interval start/end")
        day = _interval_end(value, "instant")
        return DateInterval(day, day)
    start_text, _, end_text = value.partition("/")
    if "/" in end_text:
        raise HTTPException(400, "datetime interval must have one '/' between start and end")
    start, end = _interval_end(start_text, "start"), _interval_end(end_text, "end")
    if start is not None and end is not None and start > end:
        raise HTTPException(400, "datetime interval start is after its end")
    return DateInterval(start, end)


DatetimeIntervalDep = Annotated[DateInterval | None, Depends(parse_datetime_interval)]


async def parse_side(
    side: Annotated[str | None, Query(description="The side that gained control: " + ", ".join(SIDES) + ".")]
    = None,
) -> str | None:
    """One of API.md's sides, or 400 naming them."""
    if side is not None and side not in SIDES:
        raise HTTPException(400, f"side must be one of {', '.join(SIDES)}")
    return side


SideDep = Annotated[str | None, Depends(parse_side)]


async def parse_date_basis(
    value: Annotated[str | None, Query(
        alias="date_basis", max_length=80,
        description="Comma-separated date bases to keep: " + ", ".join(BASES) + " (`text,text_relative`: only "
                    "events the text dates).",
        examples=["text,text_relative", "published,received"],
    )] = None,
) -> tuple[str, ...] | None:
    """The date bases to keep, or 400 naming them."""
    if value is None:
        return None
    bases = tuple(dict.fromkeys(part.strip() for part in value.split(",")))
    unknown = [b for b in bases if b not in BASES]
    if unknown or not bases:
        raise HTTPException(400, f"date_basis must be a comma-separated list of {', '.join(BASES)}")
    return bases


DateBasisDep = Annotated[tuple[str, ...] | None, Depends(parse_date_basis)]


async def _filters_but_bbox(
    interval: DatetimeIntervalDep,
    side: SideDep,
    bases: DateBasisDep,
    actor: Annotated[str | None, Query(max_length=80, description="The actor that gained control.")] = None,
    geonameid: Annotated[int | None, Query(ge=1, le=2**62, description="Only events at this place.")] = None,
) -> EventFilters:
    """The event filters every event route shares; each route adds ``bbox`` as its own CRS rules read it."""
    return EventFilters(interval=interval, side=side, actor=actor or None, geonameid=geonameid, bases=bases)


_FiltersButBboxDep = Annotated[EventFilters, Depends(_filters_but_bbox)]


async def event_filters(bbox: BBoxDep, filters: _FiltersButBboxDep) -> EventFilters:
    """The event filters shared by /v1/events, its CSV and the OGC items."""
    return replace(filters, bbox=bbox)


EventFiltersDep = Annotated[EventFilters, Depends(event_filters)]


async def ogc_event_filters(
    bbox: Annotated[BBox | None, Depends(parse_bbox_in_crs)], filters: _FiltersButBboxDep
) -> EventFilters:
    """The event filters of the OGC items: those of /v1/events, with ``bbox`` in the CRS ``bbox-crs`` names."""
    return replace(filters, bbox=bbox)


OgcEventFiltersDep = Annotated[EventFilters, Depends(ogc_event_filters)]
