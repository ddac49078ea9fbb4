"""Embedded-backend side of the map queries: box tests on the indexed lon/lat, tiles encoded in Python."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Any

import mapbox_vector_tile
from shapely.geometry import Point
from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from app.bbox import BBox
from app.store.models import OPEN_START, EventRow

EVENTS = EventRow.__table__
WEB_MERCATOR_MAX_LAT = 85.0511287798066


def located_condition() -> ColumnElement[bool]:
    return and_(EVENTS.c.lon.is_not(None), EVENTS.c.lat.is_not(None))


def bbox_condition(bbox: BBox) -> ColumnElement[bool]:
    """Range tests on lon/lat (``ix_events_lon_lat``); either half when the box crosses the antimeridian."""
    tests = [
        and_(EVENTS.c.lon >= p.min_lon, EVENTS.c.lon <= p.max_lon, EVENTS.c.lat >= p.min_lat, EVENTS.c.lat <= p.max_lat)
        for p in bbox.parts()
    ]
    return tests[0] if len(tests) == 1 else or_(*tests)


def tile_pixel(lon: float, lat: float, *, z: int, x: int, y: int, extent: int) -> tuple[float, float]:
    """Web Mercator position of lon/lat inside tile z/x/y, in tile units with y pointing down (as MVT)."""
    n = 2**z
    lat = max(-WEB_MERCATOR_MAX_LAT, min(WEB_MERCATOR_MAX_LAT, lat))
    phi = math.radians(lat)
    tile_x = (lon + 180.0) / 360.0 * n
    tile_y = (1.0 - math.log(math.tan(phi) + 1.0 / math.cos(phi)) / math.pi) / 2.0 * n
    return (tile_x - x) * extent, (tile_y - y) * extent


def events_tile(
    *,
    session: Session,
    z: int,
    x: int,
    y: int,
    conditions: Sequence[ColumnElement[bool]],
    columns: Sequence[str],
    limit: int,
    extent: int,
    buffer: int,
) -> bytes:
    """The same tile as PostGIS builds: points within ``buffer`` units of the tile, null properties left out."""
    statement = (
        select(EVENTS.c.lon, EVENTS.c.lat, *[EVENTS.c[name] for name in columns])
        .where(*conditions)
        .order_by(EVENTS.c.date_start.desc(), EVENTS.c.id.desc())
        .limit(limit)
    )
    features = []
    for row in session.execute(statement).mappings():
        px, py = tile_pixel(row["lon"], row["lat"], z=z, x=x, y=y, extent=extent)
        if not (-buffer <= px <= extent + buffer and -buffer <= py <= extent + buffer):
            continue
        features.append({"geometry": Point(px, py), "properties": _tile_properties(row, columns)})
    if not features:
        return b""
    return mapbox_vector_tile.encode(
        [{"name": "events", "features": features}],
        default_options={"extents": extent, "y_coord_down": True, "quantize_bounds": None},
    )


def _tile_properties(row: Any, columns: Sequence[str]) -> dict[str, Any]:
    """The row's non-null columns, dates as ISO text; no ``date_start`` where the date has no start (as PostGIS)."""
    properties = {}
    for name in columns:
        value = row[name]
        if value is None or (name == "date_start" and value == OPEN_START):
            continue
        properties[name] = value.isoformat() if isinstance(value, date) else value
    return properties
