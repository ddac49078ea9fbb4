"""PostGIS side of the map queries: the GiST-indexed ``events.geom`` box test and ``ST_AsMVT`` tiles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, String, case, cast, func, literal_column, or_, select
from sqlalchemy.orm import Session

from app.bbox import BBox
from app.store.models import OPEN_START, EventRow

EVENTS = EventRow.__table__
# Generated from lon/lat by the migration and not mapped, so that inserts are the same on both backends.
GEOM: ColumnElement[Any] = literal_column("events.geom")


def located_condition() -> ColumnElement[bool]:
    """Has a point (``geom`` is null exactly when lon or lat is; it is in the covering index, they are not)."""
    return GEOM.is_not(None)


def bbox_condition(bbox: BBox) -> ColumnElement[bool]:
    """``geom && envelope`` (index-assisted); two envelopes when the box crosses the antimeridian."""
    tests = [
        GEOM.op("&&", is_comparison=True)(func.ST_MakeEnvelope(p.min_lon, p.min_lat, p.max_lon, p.max_lat, 4326))
        for p in bbox.parts()
    ]
    return tests[0] if len(tests) == 1 else or_(*tests)


def _tile_property(name: str) -> ColumnElement[Any]:
    """A column as a tile property: dates as ISO text, and no ``date_start`` where the date has no start (MVT
    leaves null properties out)."""
    column = EVENTS.c[name]
    if name == "date_start":
        return case((column == OPEN_START, None), else_=cast(column, String)).label(name)
    if name == "date_end":
        return cast(column, String).label(name)
    return column


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
    """The tile built by PostGIS in one statement; ``conditions`` already hold the tile's lon/lat box."""
    envelope = func.ST_TileEnvelope(z, x, y)
    geometry = func.ST_AsMVTGeom(func.ST_Transform(GEOM, 3857), envelope, extent, buffer, True).label("geom")
    properties = [_tile_property(name) for name in columns]
    features = (
        select(geometry, *properties)
        .where(*conditions)
        .order_by(EVENTS.c.date_start.desc(), EVENTS.c.id.desc())
        .limit(limit)
        .subquery("tile")
    )
    statement = select(func.ST_AsMVT(literal_column("tile"), "events", extent, "geom")).select_from(features)
    data = session.execute(statement).scalar()
    return bytes(data) if data else b""
